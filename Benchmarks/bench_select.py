#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark of `esms select` (GLPK) against its Python + HiGHS peer (peers/select_peer.py): the
whole lexicographic selection, proven optimal, on the shipped committee and national scenarios and
on national instances generated over the real register with about 500, 2 000 and 5 000
candidates. Both run in the same run, one after the other, on the same files; the stage values
(finess, acquisition, score, balance slack) are checked to agree. Not a timed test.

Usage: bench_select.py [--esms PATH] [--python PATH] [--time-limit S] [--runs N]
                       [--instances a,b,...] [--work DIR] [--json FILE]
Instances: bretagne (shipped), region84 (generated ARA committee, 400 projects), nat500, nat2000,
nat5000 (generated national), national (shipped, 2 500 projects). Generated instances go to
--work (default Benchmarks/.instances, git-ignored) and are reused when present.
Needs highspy for the peer: python3 -m venv Benchmarks/.venv && Benchmarks/.venv/bin/pip install highspy"""
import argparse, json, os, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# name -> (shipped scenario path | generate arguments). Project counts chosen so that the
# number of candidates (eligible, undecided, ready before the deadline) is about the target:
# about 75 % of the generated national projects are candidates.
INSTANCES = {
    "bretagne": ("Scenarios/bretagne-2024/scenario.yaml", None),
    "region84": (None, ["--region", "84", "--projects", "400", "--seed", "84"]),
    "nat500": (None, ["--national", "--projects", "670", "--seed", "500"]),
    "nat2000": (None, ["--national", "--projects", "2670", "--seed", "2000"]),
    "nat5000": (None, ["--national", "--projects", "6670", "--seed", "5000"]),
    "national": ("Scenarios/national-2024-redeploiement/scenario.yaml", None),
}


def default_esms():
    for d in (".build-bench", ".build"):
        p = os.path.join(ROOT, d, "release", "esms")
        if os.path.exists(p):
            return p
    return os.path.join(ROOT, ".build", "release", "esms")


def default_python():
    p = os.path.join(HERE, ".venv", "bin", "python")
    return p if os.path.exists(p) else sys.executable


def measure(cmd, timeout):
    """Runs cmd; returns (wall s, stdout text or None on failure/time-out, note)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return time.perf_counter() - start, None, "killed after %.0f s" % timeout
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        return wall, None, "exit %d: %s" % (proc.returncode, err.decode()[-300:].strip())
    return wall, out.decode(), ""


def run_timed(cmd, timeout):
    """Like measure, with CPU time (user + sys) of the child from resource usage."""
    import resource
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall, out, note = measure(cmd, timeout)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, out, note


def scenario_path(name, work, esms):
    shipped, gen = INSTANCES[name]
    if shipped:
        return os.path.join(ROOT, shipped)
    folder = os.path.join(work, name)
    path = os.path.join(folder, "scenario.yaml")
    if not os.path.exists(path):
        os.makedirs(work, exist_ok=True)
        subprocess.run([esms, "generate", *gen, "-o", folder], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return path


def stage_values(stages):
    return {s["term"]: s["value"] for s in stages}


def agree(e, p):
    """Same stage values: integer terms exactly, balance slack within 1e-6 relative."""
    if e is None or p is None:
        return "n/a"
    ev, pv = stage_values(e["stages"]), stage_values(p["stages"])
    bad = []
    for term in ev.keys() | pv.keys():
        a, b = ev.get(term), pv.get(term)
        if a is None or b is None:
            bad.append(term)
        elif term == "balance" or term == "weighted":
            if abs(a - b) > 1e-6 * max(1.0, abs(a), abs(b)):
                bad.append("%s %.6f vs %.6f" % (term, a, b))
        elif round(a) != round(b):
            bad.append("%s %s vs %s" % (term, a, b))
    if bad:
        return "DIFFER: " + ", ".join(sorted(bad))
    same = sorted(e["selected"]) == sorted(p["selected"])
    return "yes" + ("" if same else " (values; selections differ)")


def fmt_stages(stages):
    return " / ".join("%.2f" % s["seconds"] for s in stages) if stages else "–"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--esms", default=default_esms())
    ap.add_argument("--python", default=default_python(), help="Python with highspy for the peer")
    ap.add_argument("--time-limit", type=float, default=300, help="seconds per solve (both tools)")
    ap.add_argument("--runs", type=int, default=1, help="runs of each tool per instance (median wall)")
    ap.add_argument("--instances", default=",".join(INSTANCES))
    ap.add_argument("--work", default=os.path.join(HERE, ".instances"))
    ap.add_argument("--json", help="also write the raw results to this file")
    a = ap.parse_args()
    names = [n for n in a.instances.split(",") if n]
    rows, raw = [], []
    load_before = os.getloadavg()
    for name in names:
        path = scenario_path(name, a.work, a.esms)
        # The whole lexicographic selection only: no explanations, no next-in-line re-solves
        # (the peer does neither). esms's time limit is for the whole solve, the peer's per stage.
        esms_cmd = [a.esms, "select", path, "--json", "--timings", "--explain-limit", "0", "--next-in-line", "0",
                    "--time-limit", str(a.time_limit * 4)]
        peer_cmd = [a.python, os.path.join(HERE, "peers", "select_peer.py"), path, "--time-limit", str(a.time_limit)]
        kill_after = a.time_limit * 4 + 120
        er, pr = [], []
        for _ in range(a.runs):
            er.append(run_timed(esms_cmd, kill_after))
            pr.append(run_timed(peer_cmd, kill_after))
        e = json.loads(er[-1][2]) if er[-1][2] else None
        p = json.loads(pr[-1][2]) if pr[-1][2] else None
        ew = statistics.median(r[0] for r in er)
        pw = statistics.median(r[0] for r in pr)
        result = {"instance": name, "scenario": os.path.relpath(path, ROOT), "candidates": p and p["candidates"],
                  "rows": p and p["rows"], "columns": p and p["columns"],
                  "esms": {"wall": [r[0] for r in er], "cpu": [r[1] for r in er], "note": er[-1][3],
                           "status": e and e["status"], "stages": e and e["stages"], "timings": e and e.get("timings"),
                           "objective": e and e["objective"]},
                  "peer": {"wall": [r[0] for r in pr], "cpu": [r[1] for r in pr], "note": pr[-1][3],
                           "status": p and p["status"], "stages": p and p["stages"],
                           "load_seconds": p and p["load_seconds"], "build_seconds": p and p["build_seconds"],
                           "objective": p and p["objective"]},
                  "agreement": agree(e, p)}
        raw.append(result)
        rows.append("| %s | %s | %s | %.2f | %s | %.2f | %s | %.2f | %s / %s | %s |" % (
            name, result["candidates"] or "?", result["rows"] or "?",
            ew, fmt_stages(e and e["stages"]), pw, fmt_stages(p and p["stages"]), ew / pw,
            (e and e["status"]) or er[-1][3], (p and p["status"]) or pr[-1][3], result["agreement"]))
        print(rows[-1], file=sys.stderr, flush=True)
    print("| instance | candidates | rows | esms wall (s) | esms stages (s) | peer wall (s) | peer stages (s) "
          "| esms / peer | status esms / peer | same stage values |")
    print("| --- | ---: | ---: | ---: | --- | ---: | --- | ---: | --- | --- |")
    for r in rows:
        print(r)
    print("\nstages: finess / acquisition / score / balance, last run; wall = whole process (load, assess, "
          "build, every stage), %s run(s) each, median; load average %.1f before, %.1f after (%d cores)"
          % (a.runs, load_before[0], os.getloadavg()[0], os.cpu_count()))
    if a.json:
        with open(a.json, "w") as f:
            json.dump(raw, f, indent=1)
    sys.exit(0 if all(r["agreement"].startswith("yes") for r in raw) else 1)


if __name__ == "__main__":
    main()
