#!/bin/sh
# The benchmarks of Benchmarks/README.md, on the release build (make build).
# Not part of the test suite: timings depend on the machine. Needs python3 (+ PyYAML for the
# fund peer; highspy for the selection peer: pip install highspy).
set -eu
cd "$(dirname "$0")/.."
ESMS=.build/release/esms
echo "== fund: national scenario (43 748 ESSMS, 2 500 projects), esms vs Python peer"
python3 Benchmarks/bench_fund.py --runs 9 --esms "$ESMS" Scenarios/national-2024-redeploiement/scenario.yaml
