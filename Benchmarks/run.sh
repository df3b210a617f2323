#!/bin/sh
# The benchmarks of Benchmarks/README.md, on the release build (make build).
# Not part of the test suite: timings depend on the machine. Needs python3 (+ PyYAML for the
# fund peer; highspy for the selection peer: pip install highspy).
set -eu
cd "$(dirname "$0")/.."
ESMS=.build/release/esms
echo "== fund: national scenario (43 748 ESSMS, 2 500 projects), esms vs Python peer"
python3 Benchmarks/bench_fund.py --runs 9 --esms "$ESMS" Scenarios/national-2024-redeploiement/scenario.yaml
echo "== select: committee and national instances, esms (GLPK) vs Python + HiGHS peer (bench_select.py)"
# The peer's Python: Benchmarks/.venv (git-ignored) when it exists, with highspy and PyYAML:
#   python3 -m venv --system-site-packages Benchmarks/.venv && Benchmarks/.venv/bin/pip install highspy
PY=python3; [ -x Benchmarks/.venv/bin/python ] && PY=Benchmarks/.venv/bin/python
$PY Benchmarks/bench_select.py --esms "$ESMS" --python "$PY" --time-limit 300
echo "== simulate: Monte-Carlo attainment, national eligible candidates, esms vs numpy peer (bench_simulate.py)"
python3 Benchmarks/bench_simulate.py --esms "$ESMS" --draws 2000 --runs 5
echo "== redeploy: pooled national selection of the shipped scenario (target < 10 s, proven optimal)"
for i in 1 2 3 4 5; do /usr/bin/time -f "%e s" "$ESMS" redeploy Scenarios/national-2024-redeploiement/scenario.yaml --policy pooled --json > /dev/null; done
echo "== followup: national follow-up, every funded ESSMS reporting (target: well under 1 s)"
python3 Benchmarks/bench_followup.py --esms "$ESMS" --runs 9
