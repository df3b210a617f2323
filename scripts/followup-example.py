#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the follow-up example of the Bretagne campaign: indicators.csv and expenses.csv for
every project the campaign funds (engaged before it, or selected by its committees), from a
fixed seed, so that re-running it gives the same bytes.

    python3 scripts/followup-example.py [--esms .build/release/esms] [--seed 20251231]

The mix is meant to look like a real year-end follow-up: most projects ended, certified and on
target; some with an ESSMS under a target (one exactly on 90 %), some not ended, some without a
certified statement, ESSMS that never reported, a report dated after as_of (ignored), and an
equipment grant spent far below its quote (the capped grant under the first half paid: to recover).
"""
import argparse, json, random, subprocess, sys
from pathlib import Path

FOLDER = Path("Scenarios/bretagne-2024-campagne")

def run(esms, *args):
    out = subprocess.run([esms, *args], check=True, capture_output=True, text=True).stdout
    return json.loads(out)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--esms", default=".build/release/esms")
    ap.add_argument("--seed", type=int, default=20251231)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    # The campaign and the scenario without their followup block (whose tables this writes).
    scenario = (FOLDER / "scenario.yaml").read_text().split("\nfollowup:")[0] + "\n"
    tmp_scenario, tmp_campaign = FOLDER / ".nofollowup-scenario.yaml", FOLDER / ".nofollowup-campaign.yaml"
    tmp_scenario.write_text(scenario)
    tmp_campaign.write_text((FOLDER / "campaign.yaml").read_text().replace("scenario: scenario.yaml", f"scenario: {tmp_scenario.name}"))
    try:
        campaign = run(a.esms, "campaign", str(tmp_campaign), "--json")
        fund = {p["id"]: p for p in run(a.esms, "fund", str(tmp_scenario), "--json")["projects"]}
    finally:
        tmp_scenario.unlink()
        tmp_campaign.unlink()
    funded = campaign["engaged_before_campaign"] + [p for c in campaign["committees"] for p in c["selected"]]
    order = [p for p in fund if p in set(funded)]
    # The ESSMS whose equipment is most above the rest of its grant: its equipment never bought.
    def excess(e):
        m = e["amount"]
        return m["equipment"] - (m["usage"] + m["software"] + m["amoa"])
    capped = max(((p, e) for p in order for e in fund[p]["essms"]), key=lambda pe: excess(pe[1]))
    indicators = ["project,finess,period_end,file_active,active_records,with_personalised_project,with_agenda_event,mss_rate,dmp_rate,project_ended"]
    expenses = ["project,finess,equipment_spent,certified"]
    exact_done = late_done = False
    for pid in order:
        kind = rng.choices(["ok", "not-met", "not-ended", "not-certified", "missing"], [60, 15, 10, 10, 5])[0]
        ended = "" if kind == "not-ended" else f"2025-{rng.randint(6, 11):02d}-{rng.randint(1, 28):02d}"
        for i, e in enumerate(fund[pid]["essms"]):
            f = e["finess"]
            if kind == "missing" and i == 0:
                continue  # this ESSMS never reported
            fa = rng.randint(15, 140)
            good = kind != "not-met" or i % 3 != 0
            if not exact_done and kind == "ok":
                fa, act, exact_done = 40, 36, True  # 90 % exactly: the target is met
            else:
                act = min(fa, round(fa * (rng.uniform(0.91, 1.0) if good else rng.uniform(0.70, 0.89))))
            pp = min(act, round(act * rng.uniform(0.91, 1.0)))
            ag = min(act, round(act * rng.uniform(0.92, 1.0)))
            mss = f"{rng.randint(71, 98)} %" if good else f"{rng.randint(40, 69)} %"
            dmp = f"0.{rng.randint(71, 95)}"
            # An interim report mid-2025, then the final one at the end of the project.
            early = round(act * 0.6)
            indicators.append(f"{pid},{f},2025-06-30,{fa},{early},{round(early * 0.8)},{round(early * 0.7)},50 %,0.40,")
            indicators.append(f"{pid},{f},2025-11-30,{fa},{act},{pp},{ag},{mss},{dmp},{ended}")
            if not late_done and kind == "ok":
                # Dated after as_of (31/12/2025): ignored.
                indicators.append(f"{pid},{f},2026-02-28,{fa},{fa},{fa},{fa},100 %,1,{ended}")
                late_done = True
            spent = ""
            if (pid, e) == capped:
                spent = "0"
            elif e["amount"]["equipment"] > 0:
                spent = f"{e['amount']['equipment'] * rng.choice([1, 1, 1, 0.8]):.2f}"
            certified = "non" if kind == "not-certified" and i % 2 == 0 else "oui"
            expenses.append(f"{pid},{f},{spent},{certified}")
    (FOLDER / "indicators.csv").write_text("\n".join(indicators) + "\n")
    (FOLDER / "expenses.csv").write_text("\n".join(expenses) + "\n")
    print(f"wrote {FOLDER}/indicators.csv ({len(indicators) - 1} rows), expenses.csv ({len(expenses) - 1} rows); "
          f"equipment not bought: {capped[0]} {capped[1]['finess']}", file=sys.stderr)

if __name__ == "__main__":
    main()
