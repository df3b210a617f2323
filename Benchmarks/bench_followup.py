#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`esms followup` and `esms calibrate` on a national follow-up: every funded ESSMS of the national scenario reports.

Builds, in a temporary folder, a copy of Scenarios/national-2024-redeploiement whose projects
table marks as `engaged` the engaged projects and the pooled national selection (`esms select`),
and an indicators.csv (one report per funded ESSMS, seeded) and expenses.csv for all of them;
then times `esms followup --engaged-only --json` (median of --runs). Nothing is committed.
"""
import argparse, csv, json, random, shutil, statistics, subprocess, tempfile, time
from pathlib import Path

SRC = Path("Scenarios/national-2024-redeploiement")

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--esms", default=".build/release/esms")
    ap.add_argument("--runs", type=int, default=9)
    a = ap.parse_args()
    esms = str(Path(a.esms).resolve())
    rng = random.Random(1)
    tmp = Path(tempfile.mkdtemp(prefix="esms-followup-bench-"))
    try:
        selected = set(json.loads(subprocess.run([esms, "select", str(SRC / "scenario.yaml"), "--json", "--explain-limit", "0",
                                                  "--next-in-line", "0"], check=True, capture_output=True, text=True).stdout)["selected"])
        rows = list(csv.DictReader(open(SRC / "projects.csv", encoding="utf-8-sig")))
        for r in rows:
            if r["id"] in selected:
                r["decision"] = "engaged"
        with open(tmp / "projects.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
            w.writeheader()
            w.writerows(rows)
        funded = {r["id"] for r in rows if r.get("decision") == "engaged"}
        for name in ["members.csv", "regions.csv"]:
            shutil.copy(SRC / name, tmp / name)
        scenario = (SRC / "scenario.yaml").read_text().replace("../data/", str(Path("Scenarios/data").resolve()) + "/")
        (tmp / "scenario.yaml").write_text(scenario)
        fund = json.loads(subprocess.run([esms, "fund", str(tmp / "scenario.yaml"), "--json"], check=True,
                                         capture_output=True, text=True).stdout)
        ind = ["project,finess,period_end,file_active,active_records,with_personalised_project,with_agenda_event,mss_rate,dmp_rate,project_ended"]
        exp = ["project,finess,equipment_spent,certified"]
        n = 0
        for p in fund["projects"]:
            if p["id"] not in funded:
                continue
            for e in p["essms"]:
                fa = rng.randint(15, 200)
                act = min(fa, round(fa * rng.uniform(0.8, 1.0)))
                ind.append(f"{p['id']},{e['finess']},2025-11-30,{fa},{act},{round(act * rng.uniform(0.85, 1))},{round(act * rng.uniform(0.85, 1))},"
                           f"{rng.randint(60, 99)} %,0.{rng.randint(60, 99)},2025-10-31")
                exp.append(f"{p['id']},{e['finess']},,{'oui' if rng.random() < 0.9 else 'non'}")
                n += 1
        (tmp / "indicators.csv").write_text("\n".join(ind) + "\n")
        (tmp / "expenses.csv").write_text("\n".join(exp) + "\n")
        (tmp / "scenario.yaml").write_text(scenario + "\nfollowup: { indicators: indicators.csv, expenses: expenses.csv, as_of: 2025-12-31 }\n")
        times = []
        for _ in range(a.runs):
            t = time.perf_counter()
            subprocess.run([esms, "followup", str(tmp / "scenario.yaml"), "--engaged-only", "--json"], check=True,
                           capture_output=True)
            times.append(time.perf_counter() - t)
        print(f"followup: {len(funded)} funded projects, {n} reporting ESSMS; wall median {statistics.median(times):.3f} s "
              f"(min {min(times):.3f} s, {a.runs} runs)")
        # The same follow-up calibrated: `esms calibrate --engaged-only --json`.
        times = []
        for _ in range(a.runs):
            t = time.perf_counter()
            out = subprocess.run([esms, "calibrate", str(tmp / "scenario.yaml"), "--engaged-only", "--json"], check=True,
                                 capture_output=True, text=True).stdout
            times.append(time.perf_counter() - t)
        fit = json.loads(out)
        own = [s["sector"] for s in fit["sectors"] if s["decision"] == "own-rate"]
        print(f"calibrate: {fit['projects']} ended projects, {fit['essms']} ESSMS, {fit['observations']} rates "
              f"({fit['censored']['at_100']} at 100 %), {fit['iterations']} BFGS iterations of the final fit, sectors with rates of their own: "
              f"{', '.join(own) or 'none'}; wall median {statistics.median(times):.3f} s (min {min(times):.3f} s, {a.runs} runs)")
    finally:
        shutil.rmtree(tmp)

if __name__ == "__main__":
    main()
