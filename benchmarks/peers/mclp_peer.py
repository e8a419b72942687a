#!/usr/bin/env python3
"""Peer for Cakupan's post recommendation: the maximal covering location problem in PuLP.

Reads an instance written by `cakupan-mclp-bench --write-instance FILE` (metric coordinates in metres):

    {"radius_m": R, "posts": N,
     "demand": {"x": [...], "y": [...], "weight": [...]},
     "candidates": {"x": [...], "y": [...]}}

builds the cover sets with a plain-Python uniform grid (covered: dx*dx + dy*dy <= R*R, the same test as
Cakupan), and solves the textbook model the way a PuLP user writes it:

    maximise sum_i w_i y_i  s.t.  y_i <= sum_{j covers i} x_j,  sum_j x_j <= N,  x binary, 0 <= y <= 1

with PuLP's bundled CBC (one thread). Demand no candidate covers is left out, as in Cakupan. It shares
no code with Cakupan. Writes JSON: objective, status, chosen posts, seconds.

    mclp_peer.py INSTANCE.json --out PEER.json [--cakupan CAKUPAN.json] [--time-limit S]

With --cakupan (the JSON cakupan-mclp-bench printed), compares the objectives: exit 0 when they agree
(within 1e-6), 1 when they differ.
"""
import argparse
import json
import sys
import time

import pulp


def cover_sets(instance):
    r = float(instance["radius_m"])
    dx, dy = instance["demand"]["x"], instance["demand"]["y"]
    cx, cy = instance["candidates"]["x"], instance["candidates"]["y"]
    if not dx:
        return [[] for _ in cx]
    min_x, min_y = min(dx), min(dy)
    cells = {}
    for i, (x, y) in enumerate(zip(dx, dy)):
        cells.setdefault((int((x - min_x) // r), int((y - min_y) // r)), []).append(i)
    r2 = r * r
    covers = []
    for x, y in zip(cx, cy):
        c, k = int((x - min_x) // r), int((y - min_y) // r)
        hits = []
        for kk in (k - 1, k, k + 1):
            for cc in (c - 1, c, c + 1):
                for i in cells.get((cc, kk), ()):
                    ddx, ddy = dx[i] - x, dy[i] - y
                    if ddx * ddx + ddy * ddy <= r2:
                        hits.append(i)
        covers.append(sorted(hits))
    return covers


def solve(instance, covers, time_limit):
    weights = instance["demand"]["weight"]
    covering = {}
    for j, demand in enumerate(covers):
        for i in demand:
            covering.setdefault(i, []).append(j)
    prob = pulp.LpProblem("mclp", pulp.LpMaximize)
    x = {j: pulp.LpVariable(f"x{j}", cat="Binary") for j in range(len(covers)) if covers[j]}
    y = {i: pulp.LpVariable(f"y{i}", lowBound=0, upBound=1) for i in sorted(covering)}
    prob += pulp.lpSum(weights[i] * y[i] for i in y)
    for i, js in covering.items():
        prob += y[i] <= pulp.lpSum(x[j] for j in js)
    prob += pulp.lpSum(x.values()) <= int(instance["posts"])
    solver = pulp.PULP_CBC_CMD(msg=False, threads=1, timeLimit=time_limit)
    prob.solve(solver)
    chosen = sorted(j for j, v in x.items() if v.value() is not None and v.value() > 0.5)
    covered = set()
    for j in chosen:
        covered.update(covers[j])
    objective = sum(weights[i] for i in covered)
    return pulp.LpStatus[prob.status], chosen, objective, solver


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("instance")
    ap.add_argument("--out", required=True)
    ap.add_argument("--cakupan", help="cakupan-mclp-bench's JSON, to compare objectives")
    ap.add_argument("--time-limit", type=float, default=600, help="CBC time limit in seconds (default 600)")
    a = ap.parse_args()
    t0 = time.perf_counter()
    with open(a.instance) as f:
        instance = json.load(f)
    covers = cover_sets(instance)
    t1 = time.perf_counter()
    status, chosen, objective, _ = solve(instance, covers, a.time_limit)
    t2 = time.perf_counter()
    result = {
        "objective": objective,
        "status": status,  # "Optimal" when CBC proved it; a stop on the time limit is not Optimal
        "posts_used": len(chosen),
        "nonzeros": sum(len(c) for c in covers),
        "selected": chosen,
        "build_seconds": round(t1 - t0, 3),
        "solve_seconds": round(t2 - t1, 3),
        "solver": f"PuLP {pulp.__version__} with its bundled CBC",
    }
    with open(a.out, "w") as f:
        json.dump(result, f)
    print(json.dumps({k: v for k, v in result.items() if k != "selected"}))
    if a.cakupan:
        with open(a.cakupan) as f:
            ours = json.load(f)
        same = abs(float(ours["objective"]) - objective) <= 1e-6
        same_posts = sorted(ours["selected"]) == chosen
        if ours.get("nonzeros") != result["nonzeros"]:
            print(f"cover sets differ: cakupan {ours.get('nonzeros')} pairs, peer {result['nonzeros']}")
        print(f"objective: cakupan {ours['objective']}, peer {objective} -> {'agree' if same else 'DIFFER'}; "
              f"same posts: {'yes' if same_posts else 'no (equal optima may differ)'}")
        return 0 if same else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
