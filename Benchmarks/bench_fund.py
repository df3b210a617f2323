#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark of `esms fund` against its Python peer (peers/fund_peer.py) on one scenario:
wall time and peak memory of each, median of several runs, measured in the same run, and a
check that both compute the same amounts.

Usage: bench_fund.py [--runs N] [--esms PATH] SCENARIO.yaml"""
import argparse, os, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))


def measure(cmd, out_path):
    """Runs cmd with stdout to out_path; returns (seconds, peak RSS in MB)."""
    with open(out_path, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}")
    return seconds, usage.ru_maxrss / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("scenario")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--esms", default=os.path.join(HERE, "..", ".build", "release", "esms"))
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="esms-bench-")
    esms_out, peer_out = os.path.join(tmp, "esms.json"), os.path.join(tmp, "peer.json")
    runs = {"esms": [], "peer": []}
    for _ in range(a.runs):
        runs["esms"].append(measure([a.esms, "fund", a.scenario, "--json", "--no-members"], esms_out))
        runs["peer"].append(measure([sys.executable, os.path.join(HERE, "peers", "fund_peer.py"), a.scenario], peer_out))
    check = subprocess.run([sys.executable, os.path.join(HERE, "peers", "compare_fund.py"), esms_out, peer_out],
                           capture_output=True, text=True)
    e = statistics.median(t for t, _ in runs["esms"])
    p = statistics.median(t for t, _ in runs["peer"])
    em = max(m for _, m in runs["esms"])
    pm = max(m for _, m in runs["peer"])
    print(f"| tool | wall (median of {a.runs}) | peak memory |")
    print("| --- | ---: | ---: |")
    print(f"| esms fund | {e:.3f} s | {em:.0f} MB |")
    print(f"| Python peer (csv + dicts) | {p:.3f} s | {pm:.0f} MB |")
    print(f"\nesms / peer: {e / p:.2f} (target ≤ 0.25); same amounts: {check.stdout.strip()}")
    sys.exit(check.returncode)


if __name__ == "__main__":
    main()
