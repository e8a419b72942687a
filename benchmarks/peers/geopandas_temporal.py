#!/usr/bin/env python3
"""Independent pandas/GeoPandas/numpy implementation of Cakupan's visit computation (issue #3).

    python3 benchmarks/peers/geopandas_temporal.py OPERATION.yaml --tracks FIXES.csv --out DIR
        [--timezone Asia/Jakarta] [--from T] [--to T] [--max-fix-gap 300] [--max-speed 150]
        [--merge-gap 120] [--visit-radius 500] [--radius-for gudang=300 ...]
        [--max-unattended 7200] [--max-unattended-for kpu=3600 ...] [--crs auto|EPSG:NNNN]
        [--chunk 2000000]

Reads the sites (and, for the CRS, the areas) named by OPERATION.yaml and a CSV of GPS fixes
(unit, time, lon, lat; the same column names Cakupan accepts) and writes DIR/peer_temporal.json:
per site the visits, units, dwell, first and last visit and the longest unattended stretch,
plus the window and the fix counts. `compare_temporal.py` checks it against a Cakupan result
folder.

It shares no code with Cakupan. It is written the way a competent analyst would: `read_csv`,
`to_datetime`, `points_from_xy(...).to_crs`, a stable sort by unit and time, vectorised speed and
gap rules with `groupby().shift()`, candidate (segment, site) pairs from an STRtree of the sites
queried with the segments' bounding boxes grown by the largest radius (in chunks, to bound memory),
a vectorised segment-circle intersection on the pairs, then an interval union per (site, unit) for
visits and per site for attendance.

Definitions (Cakupan's, see docs/temporal.md):
  * Fixes are sorted by unit and time. Consecutive fixes of a unit more than --max-fix-gap seconds
    apart start a new track piece: no presence across the gap.
  * A fix repeating the previous fix's time and place is a duplicate (dropped).
  * A GPS jump is a fix whose implied speed from the previous fix and to the next fix (within a
    piece) both exceed --max-speed, while the previous and next fixes agree with each other; the
    first fix of a piece is a jump when the move to the next fix is too fast and the fixes after
    it agree. Cakupan's streaming rule (judged against the previous *kept* fix, with the "two
    rejects agree" repair) gives the same answer for isolated single-fix jumps, which is what GPS
    receivers produce; runs of several bad fixes may differ.
  * Between consecutive kept fixes the unit moves in a straight line at constant speed; it is at
    a site while within the site's radius (entry and exit from the chord geometry). A piece of a
    single fix is an instant at the sites whose circle contains it.
  * A visit: one unit's presence at one site, merged across breaks shorter than --merge-gap.
  * The window is [--from, --to], by default [first kept fix, last kept fix]. Unattended: the
    longest stretch of the window with no unit at the site, window edges included.
  * --shift is not implemented here (compare runs without it).
"""
from __future__ import annotations

import time

_T0 = time.perf_counter()

import argparse
import json
import os
import re
import resource
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import geopandas_analyze as ga  # noqa: E402  (the spatial peer's readers: sites CSV, CRS choice)

_T_IMPORTED = time.perf_counter()

UNIT_NAMES = ["unit", "unit_id", "kendaraan", "callsign"]
TIME_NAMES = ["time", "timestamp", "waktu"]
LON_NAMES = ["lon", "lng", "long", "longitude", "bujur", "x"]
LAT_NAMES = ["lat", "latitude", "lintang", "y"]
ZONES = {"wib": "+07:00", "asia/jakarta": "+07:00", "asia/pontianak": "+07:00", "wita": "+08:00",
         "asia/makassar": "+08:00", "wit": "+09:00", "asia/jayapura": "+09:00", "utc": "+00:00"}


def duration(text) -> float:
    """300, 300s, 5m, 2h, 1h30m -> seconds."""
    s = str(text).strip().lower()
    try:
        return float(s)
    except ValueError:
        pass
    total = 0.0
    for value, unit in re.findall(r"([0-9.]+)\s*(h|m|s)", s):
        total += float(value) * {"h": 3600, "m": 60, "s": 1}[unit]
    return total


def per_category(items, convert) -> dict:
    out = {}
    for item in items or []:
        k, v = re.split(r"[=:]", item, maxsplit=1)
        out[k.strip().lower()] = convert(v)
    return out


def pick(columns, names):
    lower = {c.strip().lower(): c for c in columns}
    for n in names:
        if n in lower:
            return lower[n]
    raise SystemExit(f"no column among {names}; the columns are {list(columns)}")


def epoch_seconds(text: pd.Series, offset: str) -> np.ndarray:
    """ISO 8601 with an offset, or local time at `offset`, as float epoch seconds."""
    has_offset = bool(re.search(r"([+-]\d\d(:?\d\d)?|Z)$", str(text.iloc[0]).strip()))
    if has_offset:
        t = pd.to_datetime(text, format="ISO8601", utc=True)
    else:
        t = pd.to_datetime(text, format="ISO8601").dt.tz_localize(offset_tz(offset))
    return ((t - pd.Timestamp("1970-01-01", tz="UTC")) / pd.Timedelta(seconds=1)).to_numpy(dtype=float)


def offset_tz(offset: str):
    sign = 1 if offset[0] == "+" else -1
    h, m = int(offset[1:3]), int(offset[4:6])
    import datetime as dt
    return dt.timezone(sign * dt.timedelta(hours=h, minutes=m))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("operation")
    ap.add_argument("--tracks", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--timezone", default="Asia/Jakarta")
    ap.add_argument("--from", dest="t_from")
    ap.add_argument("--to", dest="t_to")
    ap.add_argument("--max-fix-gap", default="300")
    ap.add_argument("--max-speed", type=float, default=150.0)
    ap.add_argument("--merge-gap", default="120")
    ap.add_argument("--visit-radius", type=float, default=500.0)
    ap.add_argument("--radius-for", action="append")
    ap.add_argument("--max-unattended", default="7200")
    ap.add_argument("--max-unattended-for", action="append")
    ap.add_argument("--crs")
    ap.add_argument("--chunk", type=int, default=2_000_000, help="segments per STRtree query")
    args = ap.parse_args(argv)

    tz = args.timezone.strip()
    offset = ZONES.get(tz.lower(), tz if re.fullmatch(r"[+-]\d\d:\d\d", tz) else None)
    if offset is None:
        raise SystemExit(f"unknown time zone {tz}")
    max_gap = duration(args.max_fix_gap)
    vmax = args.max_speed / 3.6
    merge_gap = duration(args.merge_gap)
    radius_for = per_category(args.radius_for, float)
    limit_default = duration(args.max_unattended)
    limit_for = per_category(args.max_unattended_for, duration)

    # ---- sites and CRS
    op_path = Path(args.operation)
    op = yaml.safe_load(op_path.read_text(encoding="utf-8"))
    areas_path, sites_path, _, _ = ga.resolve_inputs(op_path, op)
    sites = ga.read_sites(sites_path).reset_index(drop=True)
    crs_mode = args.crs or op.get("crs")
    frames = [ga.read_areas(areas_path)] if areas_path else [sites]
    _, epsg = ga.choose_crs(crs_mode, [f.to_crs(4326) for f in frames])
    sites_m = sites.to_crs(epsg)
    sx = sites_m.geometry.x.to_numpy()
    sy = sites_m.geometry.y.to_numpy()
    cats = sites["peer_category"].fillna("lainnya").to_numpy()
    radius = np.array([radius_for.get(c, args.visit_radius) for c in cats])
    limit = np.array([limit_for.get(c, limit_default) for c in cats])
    t_read0 = time.perf_counter()

    # ---- fixes
    head = pd.read_csv(args.tracks, nrows=0)
    cu, ct, cx, cy = (pick(head.columns, n) for n in (UNIT_NAMES, TIME_NAMES, LON_NAMES, LAT_NAMES))
    fx = pd.read_csv(args.tracks, usecols=[cu, ct, cx, cy], dtype={cu: str, ct: str, cx: float, cy: float})
    fx.columns = [{cu: "unit", ct: "time", cx: "lon", cy: "lat"}[c] for c in fx.columns]
    n_fixes = len(fx)
    fx["t"] = epoch_seconds(fx["time"], offset)
    fx = fx.drop(columns=["time"])
    pts = gpd.GeoSeries(gpd.points_from_xy(fx["lon"], fx["lat"]), crs=4326).to_crs(epsg)
    fx["x"] = pts.x.to_numpy()
    fx["y"] = pts.y.to_numpy()
    del pts
    fx = fx.drop(columns=["lon", "lat"])
    fx = fx.sort_values(["unit", "t"], kind="stable").reset_index(drop=True)
    t_read1 = time.perf_counter()

    # ---- duplicates, gaps and jumps (vectorised per unit)
    g = fx.groupby("unit", sort=False)
    dt = fx["t"] - g["t"].shift()
    dd = np.hypot(fx["x"] - g["x"].shift(), fx["y"] - g["y"].shift())
    dup = (dt <= 0) & (dd == 0)
    fx = fx[~dup.fillna(False).to_numpy()].reset_index(drop=True)

    def neighbours(frame):
        gg = frame.groupby("unit", sort=False)
        dt_prev = frame["t"] - gg["t"].shift()
        d_prev = np.hypot(frame["x"] - gg["x"].shift(), frame["y"] - gg["y"].shift())
        same_prev = dt_prev.notna() & (dt_prev <= max_gap)
        bad_prev = same_prev & ((dt_prev <= 0) | (d_prev > vmax * dt_prev))
        return same_prev.to_numpy(), bad_prev.to_numpy()

    same_prev, bad_prev = neighbours(fx)
    same_next = np.append(same_prev[1:], False)
    bad_next = np.append(bad_prev[1:], False)
    # the previous and next fixes agree with each other (skipping the candidate)
    gg = fx.groupby("unit", sort=False)
    dt_pn = gg["t"].shift(-1) - gg["t"].shift(1)
    d_pn = np.hypot(gg["x"].shift(-1) - gg["x"].shift(1), gg["y"].shift(-1) - gg["y"].shift(1))
    agree = ((dt_pn > 0) & (dt_pn <= max_gap) & (d_pn <= vmax * dt_pn)).to_numpy()
    ok_next2 = np.append(~bad_prev[2:] & same_prev[2:], [False, False])
    first = ~same_prev
    jump = (bad_prev & (bad_next | ~same_next) & (agree | ~same_next)) | (first & same_next & bad_next & ok_next2)
    n_jumps = int(jump.sum())
    fx = fx[~jump].reset_index(drop=True)
    kept = len(fx)
    t_from = float(fx["t"].min()) if not args.t_from else float(epoch_seconds(pd.Series([args.t_from]), offset)[0])
    t_to = float(fx["t"].max()) if not args.t_to else float(epoch_seconds(pd.Series([args.t_to]), offset)[0])

    # ---- segments between consecutive kept fixes of a piece
    same_prev, _ = neighbours(fx)
    seg_end = np.flatnonzero(same_prev)
    seg_start = seg_end - 1
    x0, y0, t0 = fx["x"].to_numpy()[seg_start], fx["y"].to_numpy()[seg_start], fx["t"].to_numpy()[seg_start]
    x1, y1, t1 = fx["x"].to_numpy()[seg_end], fx["y"].to_numpy()[seg_end], fx["t"].to_numpy()[seg_end]
    unit_codes, unit_names = pd.factorize(fx["unit"])
    seg_unit = unit_codes[seg_start]
    # pieces of a single fix: no segment before or after
    lone = np.flatnonzero(~same_prev & ~np.append(same_prev[1:], False))

    tree = shapely.STRtree(shapely.points(sx, sy))
    rmax = float(radius.max()) if len(radius) else 0.0
    parts = []
    for lo in range(0, len(seg_start), args.chunk):
        hi = min(lo + args.chunk, len(seg_start))
        boxes = shapely.box(np.minimum(x0[lo:hi], x1[lo:hi]) - rmax, np.minimum(y0[lo:hi], y1[lo:hi]) - rmax,
                            np.maximum(x0[lo:hi], x1[lo:hi]) + rmax, np.maximum(y0[lo:hi], y1[lo:hi]) + rmax)
        seg_i, site_i = tree.query(boxes)
        del boxes
        seg_i = seg_i + lo
        ax, ay, bx, by = x0[seg_i], y0[seg_i], x1[seg_i], y1[seg_i]
        cxs, cys, r2 = sx[site_i], sy[site_i], radius[site_i] ** 2
        dx, dy = bx - ax, by - ay
        fxx, fyy = ax - cxs, ay - cys
        a = dx * dx + dy * dy
        start_out = fxx * fxx + fyy * fyy - r2
        end_out = (bx - cxs) ** 2 + (by - cys) ** 2 - r2
        half_b = fxx * dx + fyy * dy
        disc = half_b * half_b - a * start_out
        inside_both = (start_out <= 0) & (end_out <= 0)
        with np.errstate(invalid="ignore", divide="ignore"):
            root = np.sqrt(np.where(disc > 0, disc, 0.0))
            enter = np.where(start_out > 0, np.maximum(0.0, (-half_b - root) / a), 0.0)
            leave = np.where(end_out > 0, np.minimum(1.0, (-half_b + root) / a), 1.0)
        crossing = ~inside_both & (a > 0) & (disc > 0) & (leave > enter)
        hit = inside_both | crossing
        enter = np.where(inside_both, 0.0, enter)[hit]
        leave = np.where(inside_both, 1.0, leave)[hit]
        s_i = seg_i[hit]
        dur = t1[s_i] - t0[s_i]
        parts.append(pd.DataFrame({
            "site": site_i[hit], "unit": seg_unit[s_i],
            "start": t0[s_i] + enter * dur,
            "end": np.where(leave == 1.0, t1[s_i], t0[s_i] + leave * dur)}))
    if len(lone):
        lx, ly, lt = fx["x"].to_numpy()[lone], fx["y"].to_numpy()[lone], fx["t"].to_numpy()[lone]
        p_i, site_i = tree.query(shapely.points(lx, ly), predicate="dwithin", distance=rmax)
        near = (lx[p_i] - sx[site_i]) ** 2 + (ly[p_i] - sy[site_i]) ** 2 <= radius[site_i] ** 2
        parts.append(pd.DataFrame({"site": site_i[near], "unit": unit_codes[lone][p_i[near]],
                                   "start": lt[p_i[near]], "end": lt[p_i[near]]}))
    pres = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["site", "unit", "start", "end"])
    t_pairs = time.perf_counter()

    # ---- visits: merge one unit's presence at one site across breaks shorter than merge_gap
    pres = pres.sort_values(["site", "unit", "start"], kind="stable").reset_index(drop=True)
    grp = pres.groupby(["site", "unit"], sort=False)
    prev_end = grp["end"].cummax().groupby([pres["site"], pres["unit"]]).shift()
    gap = pres["start"] - prev_end
    new_visit = prev_end.isna() | ((gap >= merge_gap) & (gap > 0))
    pres["visit"] = new_visit.cumsum()
    visits = pres.groupby("visit").agg(site=("site", "first"), unit=("unit", "first"),
                                       start=("start", "min"), end=("end", "max"))
    visits = visits[(visits["end"] >= t_from) & (visits["start"] <= t_to)]
    visits["dwell"] = (visits["end"].clip(upper=t_to) - visits["start"].clip(lower=t_from)).clip(lower=0)
    per_site = visits.groupby("site").agg(visits=("unit", "size"), units=("unit", "nunique"),
                                          dwell=("dwell", "sum"), longest=("dwell", "max"))

    # ---- attendance: union over units, longest gap in the window (edges included)
    att = pres[(pres["end"] >= t_from) & (pres["start"] <= t_to)][["site", "start", "end"]].copy()
    att["start"] = att["start"].clip(lower=t_from)
    att["end"] = att["end"].clip(upper=t_to)
    att = att.sort_values(["site", "start"], kind="stable")
    run_end = att.groupby("site")["end"].cummax()
    prev = run_end.groupby(att["site"]).shift()
    inner_gap = (att["start"] - prev).clip(lower=0)
    first_gap = att["start"] - t_from
    gaps = inner_gap.where(prev.notna(), first_gap)
    last = att.groupby("site").agg(first=("start", "min"), last=("end", "max"))
    last["gap"] = gaps.groupby(att["site"]).max()
    last["tail"] = t_to - last["last"]
    unattended = np.full(len(sites), t_to - t_from)
    first_visit = np.full(len(sites), np.nan)
    last_visit = np.full(len(sites), np.nan)
    idx = last.index.to_numpy()
    unattended[idx] = np.maximum(last["gap"].to_numpy(), last["tail"].to_numpy())
    first_visit[idx] = last["first"].to_numpy()
    last_visit[idx] = last["last"].to_numpy()
    t_done = time.perf_counter()

    out = {"crs": {"epsg": int(epsg)}, "window": {"from": t_from, "to": t_to},
           "fixes": n_fixes, "kept_fixes": kept, "dropped_jumps": n_jumps, "duplicates": int(dup.sum()),
           "units": int(len(unit_names)), "visits": int(len(visits)), "sites": {}}
    vis = per_site.reindex(range(len(sites)))
    for i, sid in enumerate(sites["peer_id"]):
        v = vis.iloc[i]
        n = 0 if pd.isna(v["visits"]) else int(v["visits"])
        out["sites"][str(sid)] = {
            "visits": n, "units": 0 if n == 0 else int(v["units"]),
            "dwell_s": 0.0 if n == 0 else float(v["dwell"]),
            "longest_dwell_s": 0.0 if n == 0 else float(v["longest"]),
            "first_visit": None if np.isnan(first_visit[i]) else float(first_visit[i]),
            "last_visit": None if np.isnan(last_visit[i]) else float(last_visit[i]),
            "max_unattended_s": float(unattended[i]),
            "stale": bool(unattended[i] > limit[i])}
    t_end = time.perf_counter()
    out["timing"] = {"wall_seconds": round(t_end - _T0, 3), "import_seconds": round(_T_IMPORTED - _T0, 3),
                     "read_seconds": round(t_read1 - t_read0, 3), "pairs_seconds": round(t_pairs - t_read1, 3),
                     "visits_seconds": round(t_done - t_pairs, 3),
                     "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}
    Path(args.out).mkdir(parents=True, exist_ok=True)
    (Path(args.out) / "peer_temporal.json").write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"peer: {n_fixes} fixes, {kept} kept, {n_jumps} jumps, {len(visits)} visits; "
          f"{out['timing']['wall_seconds']} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
