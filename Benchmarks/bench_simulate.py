#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark of the sampling of `esms simulate` against its numpy peer (peers/simulate_peer.py):
samples (ESSMS × indicator × draw) per second on the national instance — every eligible
candidate of Scenarios/national-2024-redeploiement (`--all-eligible`: the whole national
pipeline, no solve) — on the machine's cores and on one thread. Both run in the same run, on
the same compiled model (`esms simulate --export-instance`), one after the other; the means of
ESSMS attaining, tranche-2 paid and active DUI must agree within 5 standard errors. esms's
sampling time is its own `timings.simulate` (the Monte-Carlo loop, not loading or funding); the
peer's is the same loop timed in Python. Not a timed test.

Usage: bench_simulate.py [--esms PATH] [--python PATH] [--draws N] [--runs R] [--scenario FILE]
                         [--json FILE]"""
import argparse, json, os, statistics, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def default_esms():
    for d in (".build-sim", ".build-bench", ".build"):
        p = os.path.join(ROOT, d, "release", "esms")
        if os.path.exists(p):
            return p
    return os.path.join(ROOT, ".build", "release", "esms")


def esms_run(esms, scenario, draws, threads, export=None):
    cmd = [esms, "simulate", scenario, "--all-eligible", "--json", "--timings", "--sensitivity-draws", "0",
           "--draws", str(draws), "--threads", str(threads)]
    if export:
        cmd += ["--export-instance", export]
    out = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True).stdout
    return json.loads(out)


def peer_run(python, instance, draws):
    out = subprocess.run([python, os.path.join(HERE, "peers", "simulate_peer.py"), instance, "--draws", str(draws)],
                         cwd=ROOT, check=True, capture_output=True).stdout
    return json.loads(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--esms", default=default_esms())
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--draws", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--scenario", default="Scenarios/national-2024-redeploiement/scenario.yaml")
    ap.add_argument("--json")
    a = ap.parse_args()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        instance = os.path.join(tmp, "instance.json")
        first = esms_run(a.esms, a.scenario, a.draws, cores, export=instance)
        essms = first["essms"]
        rows = {}
        for label, threads in ((f"esms simulate, {cores} threads", cores), ("esms simulate, 1 thread", 1)):
            runs = [esms_run(a.esms, a.scenario, a.draws, threads) for _ in range(a.runs)]
            rows[label] = (statistics.median(r["timings"]["simulate"] for r in runs),
                           statistics.median(r["timings"]["samples_per_second"] for r in runs), runs[0])
        peers = [peer_run(a.python, instance, a.draws) for _ in range(a.runs)]
        peer = (statistics.median(p["seconds"] for p in peers), statistics.median(p["samples_per_second"] for p in peers),
                peers[0])
    samples = essms * 5 * a.draws
    doc = first
    checks = []
    for key, peer_key, scale in (("essms_attaining", "essms_attaining", 1), ("second_tranche_paid", "second_tranche_paid_cents", 100),
                                 ("active_dui", "active_dui", 1)):
        m1, s1 = float(doc[key]["mean"]) * scale, float(doc[key]["standard_error"]) * scale
        m2, s2 = peer[2][peer_key]["mean"], peer[2][peer_key]["standard_error"]
        z = abs(m1 - m2) / max(1e-12, (s1 * s1 + s2 * s2) ** 0.5)
        checks.append((key, m1, m2, z))
    print(f"instance: {a.scenario} --all-eligible: {len(doc['selection']['projects'])} projects, {essms} ESSMS; "
          f"{a.draws} draws = {samples / 1e6:.1f} million samples (ESSMS × 5 indicators × draws); median of {a.runs}")
    print(f"| tool | sampling wall | samples / s |")
    print(f"| --- | ---: | ---: |")
    for label, (wall, rate, _) in rows.items():
        print(f"| {label} | {wall:.3f} s | {rate / 1e6:.0f} million |")
    print(f"| numpy peer (numpy {peer[2]['numpy']}, 1 thread) | {peer[0]:.3f} s | {peer[1] / 1e6:.0f} million |")
    best = max(r[1] for r in rows.values())
    print(f"esms ({cores} threads) / numpy: {rows[f'esms simulate, {cores} threads'][1] / peer[1]:.1f}×; "
          f"esms (1 thread) / numpy: {rows['esms simulate, 1 thread'][1] / peer[1]:.1f}×")
    for key, m1, m2, z in checks:
        print(f"agreement {key}: esms {m1:.1f}, numpy {m2:.1f} ({z:.1f} standard errors){'' if z < 5 else '  <-- DISAGREE'}")
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"essms": essms, "draws": a.draws, "samples": samples,
                       "esms": {k: {"seconds": v[0], "samples_per_second": v[1]} for k, v in rows.items()},
                       "numpy": {"seconds": peer[0], "samples_per_second": peer[1]},
                       "agreement": [{"output": k, "esms": m1, "numpy": m2, "z": z} for k, m1, m2, z in checks]}, f, indent=2)
    if any(z >= 5 for *_, z in checks):
        sys.exit(1)


if __name__ == "__main__":
    main()
