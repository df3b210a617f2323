#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The attainment Monte-Carlo of `esms simulate`, written vectorised in numpy as an analyst would:
the peer of Benchmarks/bench_simulate.py. It reads the compiled model that
`esms simulate --export-instance FILE` writes (flat arrays per ESSMS: thresholds of the five
indicators, active-records mean, deployment slack, file active, tranche-2 cents, project of each
ESSMS, and the spreads) and runs the same model: per draw, a project effect and a project delay
(correlated), per ESSMS an ESSMS effect, a deployment stagger and five indicator noises; an ESSMS
attains when it is deployed in time and every indicator reaches its threshold; tranche 2 per the
policy; active DUI = round(file active × active-records rate) of the deployed ESSMS.

numpy's generator (PCG64, standard_normal in float32) replaces esms's xoshiro256** + table, so
the numbers differ draw by draw but not in distribution: the means must agree within their
standard errors (bench_simulate.py checks it).

Usage: simulate_peer.py INSTANCE.json [--draws N] [--seed S] [--chunk-samples M]
Prints one JSON object: seconds (sampling only), samples, samples_per_second, and the means and
standard errors of ESSMS attaining, tranche-2 paid (cents) and active DUI."""
import argparse, json, sys, time

import numpy as np


def load(path):
    with open(path) as f:
        m = json.load(f)
    a = {k: np.asarray(m[k]) for k in ("project_start", "project_of", "tranche2")}
    a["threshold"] = np.asarray(m["threshold"], dtype=np.float32).reshape(-1, 5)
    for k in ("active_mu", "deploy_slack", "file_active"):
        a[k] = np.asarray(m[k], dtype=np.float32)
    for k in ("sigma_project", "sigma_essms", "sigma_indicator", "delay_on_project", "delay_own", "sigma_stagger"):
        a[k] = np.float32(m[k])
    a["policy"] = m["policy"]
    a["draws"] = m["draws"]
    a["seed"] = int(m["seed"])
    return a


def simulate(m, draws, seed, chunk_samples):
    rng = np.random.default_rng(seed)
    n_e = len(m["file_active"])
    n_p = len(m["project_start"]) - 1
    project_of = m["project_of"]
    starts = m["project_start"][:-1]
    nonempty = m["project_start"][1:] > starts
    thr = m["threshold"].T.copy()  # (5, nE)
    t2 = m["tranche2"].astype(np.int64)
    chunk = max(1, chunk_samples // max(1, n_e))
    attaining = np.empty(draws, dtype=np.int64)
    paid = np.empty(draws, dtype=np.int64)
    dui = np.empty(draws, dtype=np.int64)
    done = 0
    while done < draws:
        c = min(chunk, draws - done)
        zp = rng.standard_normal((c, n_p), dtype=np.float32)
        wp = rng.standard_normal((c, n_p), dtype=np.float32)
        usage = (m["sigma_project"] * zp)[:, project_of]
        delay = (m["delay_on_project"] * zp + m["delay_own"] * wp)[:, project_of]
        deployed = delay + m["sigma_stagger"] * rng.standard_normal((c, n_e), dtype=np.float32) <= m["deploy_slack"]
        shared = usage + m["sigma_essms"] * rng.standard_normal((c, n_e), dtype=np.float32)
        l0 = shared + m["sigma_indicator"] * rng.standard_normal((c, n_e), dtype=np.float32)
        ok = deployed & (l0 >= thr[0])
        for k in range(1, 5):
            ok &= shared + m["sigma_indicator"] * rng.standard_normal((c, n_e), dtype=np.float32) >= thr[k]
        rate = 1.0 / (1.0 + np.exp(-(m["active_mu"] + l0)))
        dui[done:done + c] = np.where(deployed, np.floor(m["file_active"] * rate + 0.5), 0).sum(axis=1, dtype=np.int64)
        attaining[done:done + c] = ok.sum(axis=1)
        if m["policy"] == "all-or-nothing":
            # A project pays its whole balance only when every ESSMS attains.
            all_ok = np.ones((c, n_p), dtype=bool)
            all_ok[:, nonempty] = np.minimum.reduceat(ok, starts[nonempty], axis=1)
            money = np.add.reduceat(ok * t2, starts[nonempty], axis=1)
            paid[done:done + c] = (money * all_ok[:, nonempty]).sum(axis=1)
        else:
            paid[done:done + c] = ok.astype(np.int64) @ t2
        done += c
    return attaining, paid, dui


def summary(x):
    x = x.astype(np.float64)
    return {"mean": float(x.mean()), "standard_error": float(x.std(ddof=1) / np.sqrt(len(x))) if len(x) > 1 else 0.0}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("instance")
    ap.add_argument("--draws", type=int)
    ap.add_argument("--seed", type=int)
    ap.add_argument("--chunk-samples", type=int, default=2_000_000, help="ESSMS × draws per vectorised chunk")
    a = ap.parse_args()
    m = load(a.instance)
    draws = a.draws or m["draws"]
    seed = a.seed if a.seed is not None else m["seed"]
    start = time.perf_counter()
    attaining, paid, dui = simulate(m, draws, seed, a.chunk_samples)
    seconds = time.perf_counter() - start
    samples = len(m["file_active"]) * 5 * draws
    json.dump({"draws": draws, "essms": len(m["file_active"]), "seconds": seconds, "samples": samples,
               "samples_per_second": samples / seconds, "numpy": np.__version__,
               "essms_attaining": summary(attaining), "second_tranche_paid_cents": summary(paid),
               "active_dui": summary(dui)}, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
