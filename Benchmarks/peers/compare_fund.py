#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that `esms fund --json` and the Python peer agree on every project (eligibility and
total to the cent). Usage: compare_fund.py ESMS.json PEER.json"""
import json, sys
from decimal import Decimal

esms = {p["id"]: p for p in json.load(open(sys.argv[1]))["projects"]}
peer = {p["id"]: p for p in json.load(open(sys.argv[2]))["projects"]}
bad = 0
for pid, q in peer.items():
    p = esms.get(pid)
    total = int(Decimal(str(p["amount"]["total"])) * 100) if p else None
    if p is None or p["eligible"] != q["eligible"] or total != q["total_cents"]:
        bad += 1
        if bad <= 10:
            print(f"{pid}: esms eligible={p and p['eligible']} total={total}; peer eligible={q['eligible']} total={q['total_cents']}")
print(f"{len(peer) - bad} of {len(peer)} projects agree" + ("" if not bad else f", {bad} differ"))
sys.exit(1 if bad or len(esms) != len(peer) else 0)
