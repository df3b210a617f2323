#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The peer of `esms fund`: the same eligibility and amounts, written as an analyst would write
it in Python (csv + dicts, integers for cents). It exists to measure esms against it
(Benchmarks/README.md) and to cross-check the amounts.

Usage: fund_peer.py SCENARIO.yaml  ->  JSON {"projects": [{"id", "eligible", "total_cents"}]}
`load` and `assess` are reused by select_peer.py (the selection peer). Supports the built-in rule sets 2024 and 2025 and the scenario's policies."""
import csv, json, os, sys
from datetime import date

import yaml

RATES = {"acq_usage": 700000, "acq_soft": 1400000, "acq_usage_vol": 200000, "acq_soft_vol": 300000,
         "upg_usage": 500000, "upg_usage_vol": 200000}
OVERSEAS = {"01", "02", "03", "04", "06"}


def rules_for(name):
    y = int(name)
    return {"year": y, "regional": (date(y, 1, 15), date(y, 9, 15)), "multi": (date(y, 1, 15), date(y, 6, 1)),
            "national": (date(y, 2, 15), date(y, 6, 1)), "sons_cutoff": date(y - 1, 3, 31),
            "sons_cancel": date(2025, 4, 17) if y >= 2025 else None}


def parse_day(s):
    s = s.strip()
    if "/" in s:
        d, m, y = s.split("/")
        return date(int(y), int(m), int(d))
    return date.fromisoformat(s)


def cents(s, comma):
    s = s.strip().replace(" ", "").replace("\u00a0", "").replace("€", "")
    if comma:
        s = s.replace(",", ".")
    whole, _, frac = s.partition(".")
    return int(whole or "0") * 100 + int((frac + "00")[:2])


def hours(s, comma):  # ten-thousandths, exact
    s = s.strip().replace(" ", "")
    if comma:
        s = s.replace(",", ".")
    whole, _, frac = s.partition(".")
    return int(whole or "0") * 10000 + int((frac + "0000")[:4])


def truthy(s):
    return s.strip().lower() in ("true", "oui", "1", "yes", "vrai", "o", "y")


def read_table(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        head = f.readline()
        sep = ";" if head.count(";") > head.count(",") else ","
        f.seek(0)
        if f.read(1) != "\ufeff":
            f.seek(0)
        return list(csv.DictReader(f, delimiter=sep)), sep == ";"


def load(path):
    """Reads the scenario and its tables: everything the rules and the selection need."""
    base = os.path.dirname(path)
    spec = yaml.safe_load(open(path, encoding="utf-8"))
    pol = spec.get("policies") or {}
    ms = pol.get("minimum_size", 15)
    national = spec.get("scope", "regional") == "national"
    ctx = {"base": base, "spec": spec, "rules": rules_for(str(spec["rules"])),
           "order": pol.get("mixed_rank_order", "acquisition-first"),
           "amoa_req": pol.get("amoa_requires", "all-small"),
           "min_value": ms.get("value", 15) if isinstance(ms, dict) else ms,
           "min_hard": ms.get("hard", False) if isinstance(ms, dict) else False,
           "national": national, "region": str(spec.get("region", "")),
           "funded": set(spec.get("funded_grappes") or [])}
    reg_rows, _ = read_table(os.path.join(base, spec["register"]))
    register, og_size = {}, {}
    for r in reg_rows:
        register[r["finess"]] = r
        og_size[r["ej"]] = og_size.get(r["ej"], 0) + 1
    cats = {}
    for r in csv.DictReader(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../Sources/ScenarioModel/Resources/finess-categories-full.csv"), encoding="utf-8")):
        cats[r["code"]] = r["sector"]
    projects, pcomma = read_table(os.path.join(base, spec["projects"]))
    ctx["funded"] |= {q["id"] for q in projects if q.get("decision", "").strip() == "engaged"}
    members, mcomma = read_table(os.path.join(base, spec["members"]))
    by_project = {}
    for m in members:
        by_project.setdefault(m["project"], []).append(m)
    ctx.update(register=register, og_size=og_size, cats=cats, projects=projects, pcomma=pcomma,
               by_project=by_project, mcomma=mcomma)
    return ctx


def assess(ctx, p):
    """Eligibility and amounts of project row p: {"id", "eligible", "total_cents", "errors",
    "funded": [{"finess", "mode", "cents", "entry"}]} with the AMOA spread over the ESSMS."""
    rules, mcomma = ctx["rules"], ctx["mcomma"]
    register, og_size, cats = ctx["register"], ctx["og_size"], ctx["cats"]
    kept = []
    for m in ctx["by_project"].get(p["id"], []):
        mode = m["mode"].strip()
        va = m.get("sons_validated", "").strip()
        va = parse_day(va) if va else None
        el, tot = m.get("saad_eligible_hours", "").strip(), m.get("saad_total_hours", "").strip()
        if truthy(m.get("other_eu_funds", "")) or truthy(m.get("prior_esms_funding", "")):
            continue
        if mode == "upgrade" and va and va <= rules["sons_cutoff"]:
            continue
        if mode == "acquisition" and truthy(m.get("sons_order", "")):
            # [000 §3.2.A]: excluded unless cancelled (any date in 2024; before 17/04/2025 and the VA from 2025).
            c = m.get("sons_cancelled", "").strip()
            if not c:
                continue
            if rules["sons_cancel"]:
                limit = min(va, rules["sons_cancel"]) if va else rules["sons_cancel"]
                if parse_day(c) >= limit:
                    continue
        if el and hours(el, mcomma) == 0:
            continue
        kept.append((m, register[m["finess"].strip()]))
    errors = []
    if not kept:
        errors.append("empty")
    sectors = {cats.get(e["category"].zfill(3), "AUTRE") for _, e in kept}
    exempt = bool(kept) and sectors <= {"AHI", "PJM"}
    ref = p["referencing"].strip()
    if ref == "none" and not exempt:
        errors.append("not-referenced")
    if ref == "segur-v1-hopital" and not truthy(p.get("ght", "")) and not exempt:
        errors.append("hospital")
    if any(m.get("software", "").strip() and m["software"].strip().lower() != p["software"].strip().lower() for m, _ in kept):
        errors.append("solutions")
    if any(truthy(m.get("national_entity", "")) for m, _ in kept) and not truthy(p.get("national_entity_agreement", "")):
        errors.append("entity")
    joins = p.get("joins_grappe", "").strip()
    if joins and not truthy(p.get("joins_agreement", "")):
        errors.append("joins")
    if joins and joins not in ctx["funded"]:
        errors.append("joins-unfunded")
    regions = {e["region"] for _, e in kept}
    overseas = bool(kept) and regions <= OVERSEAS
    if ctx["min_hard"] and not (joins and joins in ctx["funded"]) and not overseas and len(kept) < ctx["min_value"]:
        errors.append("size")
    nat_desk = len(kept) >= 50 and len(regions) > 1
    window = rules["national"] if nat_desk else rules["multi"] if len(regions) > 1 else rules["regional"]
    dep = parse_day(p["deposited"])
    if not ctx["national"]:
        if nat_desk:
            errors.append("desk")
        # After the committee's cut-off: admissible, for the next committee (not an error).
    if kept and not (window[0] <= dep <= window[1]):
        errors.append("window")
    # Ranks.
    n = len(kept)
    order = ctx["order"]
    acq = [i for i in range(n) if kept[i][0]["mode"].strip() == "acquisition"]
    upg = [i for i in range(n) if kept[i][0]["mode"].strip() == "upgrade"]
    if order == "acquisition-first":
        seq = acq + upg
    elif order == "upgrade-first":
        seq = upg + acq
    else:
        h = min(49, n)
        af = min(len(acq), (2 * h * len(acq) + n) // (2 * n)) if n else 0
        uf = min(len(upg), h - af)
        seq = acq[:af] + upg[:uf] + acq[af:] + upg[uf:]
    rank = [0] * n
    for r, i in enumerate(seq):
        rank[i] = r + 1
    total = 0
    small_flags = []
    funded = []
    for i, (m, e) in enumerate(kept):
        full = rank[i] <= 49
        if m["mode"].strip() == "acquisition":
            usage, soft = (RATES["acq_usage"], RATES["acq_soft"]) if full else (RATES["acq_usage_vol"], RATES["acq_soft_vol"])
        else:
            usage, soft = (RATES["upg_usage"] if full else RATES["upg_usage_vol"]), 0
        el, tot = m.get("saad_eligible_hours", "").strip(), m.get("saad_total_hours", "").strip()
        if el and tot:
            a, b = hours(el, mcomma), hours(tot, mcomma)
            if a < b:
                usage = (2 * usage * a + b) // (2 * b)
                soft = (2 * soft * a + b) // (2 * b)
        threshold = 8 if e["region"] in OVERSEAS or e["region"] == "94" else 15
        small = og_size[e["ej"]] < threshold
        small_flags.append(small)
        q = m.get("equipment_quote", "").strip()
        equipment = min(cents(q, mcomma), 1000000) if q and small else 0
        total += usage + soft + equipment
        funded.append({"finess": m["finess"].strip(), "mode": m["mode"].strip(), "cents": usage + soft + equipment, "entry": e})
    req = p.get("amoa_requested", "").strip()
    if req and cents(req, ctx["pcomma"]) > 0 and kept:
        if (all(small_flags) if ctx["amoa_req"] == "all-small" else any(small_flags)):
            amoa = min(cents(req, ctx["pcomma"]), 10000000)
            total += amoa
            share, remainder = divmod(amoa, n)  # spread evenly, the odd cents to the first ESSMS
            for i, f in enumerate(funded):
                f["cents"] += share + (1 if i < remainder else 0)
    return {"id": p["id"], "eligible": not errors, "total_cents": total, "errors": errors, "funded": funded}


def main(path):
    ctx = load(path)
    out = []
    for p in ctx["projects"]:
        a = assess(ctx, p)
        out.append({"id": a["id"], "eligible": a["eligible"], "total_cents": a["total_cents"]})
    json.dump({"projects": out}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
