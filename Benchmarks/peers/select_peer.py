#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The peer of `esms select`: the selection model of SCENARIO-FORMAT.md ("Selection model"),
written as an analyst would write it in Python with HiGHS (`pip install highspy`): the
eligibility and amounts of fund_peer.py, one binary per candidate, the budget, one grant per
ESSMS, the territory and sector balance (hard, soft or off), engaged projects as constants, and
the lexicographic stages solved in turn, each term fixed at its optimum (row >= value) before the
next; soft balance slack minimised last. HiGHS defaults, mip_rel_gap = 0 (proven optimal).

Usage: select_peer.py [--time-limit S] [--threads N] SCENARIO.yaml  ->  JSON on stdout:
{"scenario", "status", "candidates", "rows", "columns", "selected": [ids], "objective": {...},
 "stages": [{"term", "status", "value", "gap", "seconds"}], "load_seconds", "build_seconds"}
Exists to measure `esms select` against it (Benchmarks/bench_select.py, Benchmarks/README.md)."""
import argparse, json, os, sys, time

import highspy

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fund_peer import load, assess, read_table, cents, parse_day  # noqa: E402

INF = highspy.kHighsInf


def dept(code):
    c = code.strip().upper()
    return "0" + c if len(c) == 1 and c.isdigit() else c


def money(v):
    return cents(str(v), False)


def targets_of(rule, scope_rows, key):
    """Keys and target shares: `basis: essms` = share of the scope's ESSMS in the register."""
    basis = rule.get("basis", "essms")
    if isinstance(basis, dict):
        return {str(k): float(v) for k, v in basis.items()}
    counts = {}
    for r in scope_rows:
        counts[key(r)] = counts.get(key(r), 0) + 1
    total = sum(counts.values())
    return {k: n / total for k, n in counts.items()} if total else {}


def build_problem(path):
    ctx = load(path)
    spec = ctx["spec"]
    national = ctx["national"]
    cats = ctx["cats"]
    sector_of = lambda e: (e.get("sector") or "").strip().upper() or cats.get(e["category"].strip().zfill(3), "AUTRE")
    scope_rows = [e for e in ctx["register"].values() if national or e["region"] == ctx["region"]]
    bal = spec.get("balance") or {}
    balance = []
    for name, key, field in (("territory", lambda e: dept(e["departement"]), "terr"), ("sector", sector_of, "sect")):
        rule = bal.get(name) or {}
        mode = rule.get("mode", "off")
        tol = float(str(rule.get("tolerance", 0)).rstrip("%")) / (100 if str(rule.get("tolerance", 0)).endswith("%") else 1)
        balance.append({"name": name, "prefix": field, "mode": mode, "tol": tol, "key": key,
                        "targets": targets_of(rule, scope_rows, key) if mode != "off" else {}})
    deadline = parse_day(str(spec["deadline"])) if national and spec.get("deadline") else None
    # A regional committee takes the applications deposited up to its cut-off (`deposits_until`,
    # else the committee's date); later ones go to the next committee [000 §8].
    committee = spec.get("committee")
    if isinstance(committee, dict):
        cutoff = committee.get("deposits_until") or committee.get("date")
    else:
        cutoff = committee
    cutoff = parse_day(str(cutoff)) if (cutoff and not national) else None

    candidates, engaged = [], []
    for p in ctx["projects"]:
        a = assess(ctx, p)
        proj = {"id": p["id"], "cents": a["total_cents"], "finess": [f["finess"] for f in a["funded"]],
                "acquisition": sum(1 for f in a["funded"] if f["mode"] == "acquisition"),
                "score": sum(int(p.get(c, "").strip() or 0) for c in ("score_motivation", "score_perimetre",
                             "score_mutualisation", "score_interop", "score_plateforme", "score_maturite"))}
        for b in balance:  # money by key, in cents, keys of the scope only
            m = {}
            for f in a["funded"]:
                k = b["key"](f["entry"])
                if k in b["targets"]:
                    m[k] = m.get(k, 0) + f["cents"]
            proj[b["prefix"]] = m
        decision = p.get("decision", "").strip().lower()
        if decision == "engaged":
            engaged.append(proj)
        elif decision in ("", "candidate") and a["eligible"]:
            ready = p.get("ready", "").strip()
            if national and deadline and ready and parse_day(ready) > deadline:
                continue
            if cutoff and parse_day(p["deposited"]) > cutoff:
                continue
            candidates.append(proj)
    engaged_cents = sum(e["cents"] for e in engaged)
    if national:
        regions, _ = read_table(os.path.join(ctx["base"], spec["regions"]))
        pool = sum(money(r["notified"]) - money(r.get("engaged") or 0) for r in regions)
        available = pool + money(spec.get("national_call") or 0) - engaged_cents
    else:
        env = spec["envelope"]
        available = money(env["notified"]) - money(env.get("engaged", 0)) - money(env.get("reserve", 0)) - engaged_cents
    objective = spec.get("objective") or ["finess", "acquisition", "score"]
    return {"scenario": spec["id"], "candidates": candidates, "engaged": engaged, "available": available,
            "balance": balance, "objective": objective}


def balance_rows(pb, b):
    """(name, lower, upper, indices, values, slack sign) of (1-tol) t_k T <= A_k <= (1+tol) t_k T,
    moved to one side: sum_p (a_pk - f t_k a_p) x_p  >=/<=  -(E_k - f t_k E)."""
    rows = []
    cand = pb["candidates"]
    totals = [sum(c[b["prefix"]].values()) / 100 for c in cand]
    e_total = sum(sum(e[b["prefix"]].values()) for e in pb["engaged"]) / 100
    for k in sorted(b["targets"]):
        t = b["targets"][k]
        e_k = sum(e[b["prefix"]].get(k, 0) for e in pb["engaged"]) / 100
        for side, f in (("lo", 1 - b["tol"]), ("hi", 1 + b["tol"])):
            idx, val = [], []
            for i, c in enumerate(cand):
                v = c[b["prefix"]].get(k, 0) / 100 - f * t * totals[i]
                if v != 0:
                    idx.append(i)
                    val.append(v)
            rhs = -(e_k - f * t * e_total)
            lo, hi = (rhs, INF) if side == "lo" else (-INF, rhs)
            rows.append((f"{b['prefix']}_{side}_{k}", lo, hi, idx, val, 1.0 if side == "lo" else -1.0))
    return rows


def value_of(c, term):
    return len(c["finess"]) if term == "finess" else c[term]


def quiet_highs():
    """highspy prints its banner on stdout when a Highs object is created: keep stdout for the JSON."""
    sys.stdout.flush()
    saved = os.dup(1)
    os.dup2(2, 1)
    try:
        return highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("scenario")
    ap.add_argument("--time-limit", type=float, default=300, help="seconds per solve")
    ap.add_argument("--threads", type=int, default=0, help="HiGHS threads (0 = HiGHS default)")
    ap.add_argument("--sparse-balance", action="store_true",
                    help="not the analyst's model: the soft balance rows in esms's sparse form (a variable T per "
                         "balance, T = E + sum a_p x_p, each key's row over its own candidates), for comparison")
    a = ap.parse_args()

    t0 = time.perf_counter()
    pb = build_problem(a.scenario)
    t1 = time.perf_counter()
    cand = pb["candidates"]
    n = len(cand)

    h = quiet_highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("time_limit", a.time_limit)
    if a.threads:
        h.setOptionValue("threads", a.threads)
    inf = INF
    for i in range(n):
        h.addVar(0, 1)
    h.changeColsIntegrality(n, list(range(n)), [highspy.HighsVarType.kInteger] * n)
    # Budget.
    h.addRow(-inf, pb["available"] / 100, n, list(range(n)), [c["cents"] / 100 for c in cand])
    # One grant per ESSMS: a row per FINESS held by several candidates (identical rows once), 0 when engaged.
    holders = {}
    for i, c in enumerate(cand):
        for f in c["finess"]:
            holders.setdefault(f, []).append(i)
    engaged_finess = {f for e in pb["engaged"] for f in e["finess"]}
    seen = set()
    for f in sorted(holders):
        lst = holders[f]
        if f in engaged_finess:
            h.addRow(-inf, 0, len(lst), lst, [1.0] * len(lst))
        elif len(lst) > 1 and tuple(lst) not in seen:
            seen.add(tuple(lst))
            h.addRow(-inf, 1, len(lst), lst, [1.0] * len(lst))
    # Hard balance rows from the start; soft ones only in the last stage.
    soft = []
    for b in pb["balance"]:
        if b["mode"] == "hard":
            for _, lo, hi, idx, val, _ in balance_rows(pb, b):
                h.addRow(lo, hi, len(idx), idx, val)
        elif b["mode"] == "soft":
            soft += balance_rows(pb, b)
    t2 = time.perf_counter()

    obj = pb["objective"]
    plan = [(t, {t: 1.0}) for t in obj] if isinstance(obj, list) else [("weighted", {k: float(v) for k, v in obj.items()})]
    stages, status, x = [], "optimal", None

    def solve(term, sense):
        nonlocal status, x
        h.changeObjectiveSense(sense)
        s = time.perf_counter()
        h.run()
        secs = time.perf_counter() - s
        ms = h.getModelStatus()
        info = h.getInfo()
        has = info.primal_solution_status == 2  # kSolutionStatusFeasible
        st = "optimal" if ms == highspy.HighsModelStatus.kOptimal else \
            ("time-limit" if ms == highspy.HighsModelStatus.kTimeLimit else h.modelStatusToString(ms).lower())
        value = info.objective_function_value if has else None
        stages.append({"term": term, "status": st, "value": value, "gap": info.mip_gap if has else None,
                       "nodes": info.mip_node_count, "seconds": round(secs, 4)})
        if st != "optimal":
            status = "feasible" if has and status == "optimal" else (status if has else st)
        if has:
            x = list(h.getSolution().col_value)
        return value

    for term, weights in plan:
        coef = [sum(w * value_of(c, t) for t, w in weights.items()) for c in cand]
        h.changeColsCost(n, list(range(n)), coef)
        value = solve(term, highspy.ObjSense.kMaximize)
        if value is None:
            break
        idx = [i for i in range(n) if coef[i] != 0]
        h.addRow(value - 1e-6 * max(1, abs(value)), inf, len(idx), idx, [coef[i] for i in idx])
    if soft and stages and stages[-1]["value"] is not None:
        h.changeColsCost(n, list(range(n)), [0.0] * n)
        if a.sparse_balance:
            for b in pb["balance"]:
                if b["mode"] != "soft":
                    continue
                t_col = h.getNumCol()
                h.addVar(-inf, inf)
                e_total = sum(sum(e[b["prefix"]].values()) for e in pb["engaged"]) / 100
                idx = [i for i in range(n) if cand[i][b["prefix"]]]
                h.addRow(e_total, e_total, len(idx) + 1, idx + [t_col],
                         [-sum(cand[i][b["prefix"]].values()) / 100 for i in idx] + [1.0])
                for k in sorted(b["targets"]):
                    t = b["targets"][k]
                    e_k = sum(e[b["prefix"]].get(k, 0) for e in pb["engaged"]) / 100
                    ik = [i for i in range(n) if cand[i][b["prefix"]].get(k, 0)]
                    vk = [cand[i][b["prefix"]][k] / 100 for i in ik]
                    for f, lo, hi, sign in ((1 - b["tol"], -e_k, inf, 1.0), (1 + b["tol"], -inf, -e_k, -1.0)):
                        j = h.getNumCol()
                        h.addVar(0, inf)
                        h.changeColCost(j, 1.0)
                        h.addRow(lo, hi, len(ik) + 2, ik + [t_col, j], vk + [-f * t, sign])
        else:
            for _, lo, hi, idx, val, sign in soft:
                j = h.getNumCol()
                h.addVar(0, inf)
                h.changeColCost(j, 1.0)
                h.addRow(lo, hi, len(idx) + 1, idx + [j], val + [sign])
        solve("balance", highspy.ObjSense.kMinimize)
    t3 = time.perf_counter()

    selected = [cand[i]["id"] for i in range(n) if x is not None and x[i] > 0.5]
    chosen = [c for c in cand if c["id"] in set(selected)]
    json.dump({"scenario": pb["scenario"], "status": status, "candidates": n, "engaged": len(pb["engaged"]),
               "rows": h.getNumRow(), "columns": h.getNumCol(), "selected": selected,
               "objective": {"finess": sum(len(c["finess"]) for c in chosen),
                             "acquisition": sum(c["acquisition"] for c in chosen),
                             "score": sum(c["score"] for c in chosen)},
               "used_cents": sum(c["cents"] for c in chosen), "available_cents": pb["available"],
               "stages": stages, "load_seconds": round(t1 - t0, 4), "build_seconds": round(t2 - t1, 4),
               "solve_seconds": round(t3 - t2, 4), "highs": h.version()}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
