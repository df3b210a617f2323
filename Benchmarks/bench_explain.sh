#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The default `esms select` of each scenario given, with one or more builds of esms: wall time,
# the explanation and next-in-line phases, re-solves stopped at their node limit, projects left
# not computed. Usage: sh Benchmarks/bench_explain.sh "OLD_ESMS NEW_ESMS" SCENARIO.yaml...
set -eu
builds=$1
shift
for scenario in "$@"; do
  for esms in $builds; do
    out=$(mktemp)
    start=$(date +%s.%N)
    "$esms" select "$scenario" --json --timings > "$out" 2>/dev/null || true
    end=$(date +%s.%N)
    python3 - "$scenario" "$esms" "$start" "$end" "$out" <<'PY'
import json, sys
scenario, esms, start, end, path = sys.argv[1:]
d = json.load(open(path))
t = d.get("timings", {})
ps = d.get("projects", [])
unproven = sum(1 for p in ps if (p.get("forcing_cost") or p.get("removal") or {}).get("proven") is False)
missing = sum(1 for p in ps if p.get("code") == "not-computed")
print(f"{scenario.split('/')[-2]:28s} {esms:45s} wall {float(end) - float(start):6.2f} s  explain {t.get('explain', 0):6.2f} s  "
      f"next in line {t.get('next_in_line', 0):6.2f} s  not proven {unproven:3d}  not computed {missing:3d}")
PY
    rm -f "$out"
  done
done
