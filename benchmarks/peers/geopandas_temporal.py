#!/usr/bin/env python3
"""Independent pandas/GeoPandas/numpy implementation of Cakupan's temporal analysis (issue #3).

    python3 benchmarks/peers/geopandas_temporal.py OPERATION.yaml --tracks FIXES.csv --out DIR
        [--timezone Asia/Jakarta] [--from T] [--to T] [--max-fix-gap 300] [--max-speed 150]
        [--merge-gap 120] [--visit-radius 500] [--radius-for gudang=300 ...]
        [--max-unattended 7200] [--max-unattended-for kpu=3600 ...] [--rawan-radius 300]
        [--crs auto|EPSG:NNNN] [--chunk 2000000] [--line-chunk 500000]

Reads the sites, rawan zones and areas named by OPERATION.yaml and a CSV of GPS fixes (unit, time,
lon, lat; the same column names Cakupan accepts) and writes

  * DIR/peer_temporal.json: per site the visits, units, dwell, first and last visit and the longest
    unattended stretch; per rawan zone the attended share of the window; per area (kecamatan) the
    patrol hours and kilometres; the window, the fix counts and the timing of each part;
  * DIR/visits.csv: one row per visit, as Cakupan writes it (`site,unit,start,end,dwell_s`, by site
    in input order, start, unit; times ISO 8601 in --timezone, clipped to the window, milliseconds
    only when there are any; dwell seconds with at most 3 decimals; RFC 4180 quoting).

`compare_temporal.py` checks them against a Cakupan result folder.

It shares no code with Cakupan. It is written the way a competent analyst would: `read_csv`,
`to_datetime`, `points_from_xy(...).to_crs`, a stable sort by unit and time, vectorised speed and
gap rules with `groupby().shift()`, candidate (segment, site) pairs from an STRtree of the sites
queried with the segments' bounding boxes grown by the largest radius (in chunks, to bound memory),
a vectorised segment-circle intersection on the pairs, then an interval union per (site, unit) for
visits and per site for attendance. For zones and areas the kept segments are shapely LineStrings
(in chunks of --line-chunk), paired with the grown zones and the areas by an STRtree of their
bounding boxes; a segment the (prepared) polygon `contains_properly` is inside whole, the others
that `intersects` it are cut with `shapely.intersection`, and the pieces' end points, projected on
their segment, give the entry and exit parameters, hence the times. The zone intervals are united
per zone (per chunk, then once more over the chunks); the area seconds and metres are summed with
`bincount`. visits.csv is built with numpy's vectorised string functions (numpy >= 2).

Definitions (Cakupan's, see docs/temporal.md):
  * Fixes are sorted by unit and time. Consecutive fixes of a unit more than --max-fix-gap seconds
    apart start a new track piece: no presence across the gap.
  * A fix repeating the previous fix's time and place is a duplicate (dropped).
  * A GPS jump is a fix whose implied speed from the previous fix exceeds --max-speed while the
    previous and next fixes agree with each other, and either the speed to the next fix exceeds it too
    or the previous fix is not itself too fast from its own predecessor (within a piece); the
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
  * Zone: `attended_share` = (measure of the union over all units of the times a unit is inside the
    grown zone, within the window) / (window length). The grown zone is the zone polygon (made
    valid when invalid), or a point zone's circle (its `radius_m`, else --rawan-radius / the yaml's
    `rawan_radius`, default 300 m; a GEOS buffer with 8 segments per quarter circle), buffered by
    --visit-radius (the global one, not --radius-for) with 8 segments per quarter circle, in the
    analysis UTM CRS. A segment of zero length (a unit standing still) is inside for its whole
    duration when its point is in the zone; a piece of a single fix is an instant and adds nothing.
  * Area: `patrol_hours` = unit-hours inside the area within the window (each segment contributes
    the time it spends inside: the length of its part inside / its length × its duration, cut to
    the window; two units for an hour = 2), `patrol_km` = kilometres driven inside the area within
    the window, summed over units (the length of the part inside, in proportion to the time of it
    inside the window). Overlapping areas each count the overlap. A unit standing still inside an
    area adds hours and no kilometres.
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
from numpy.dtypes import StringDType

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


def half_up(x: np.ndarray) -> np.ndarray:
    """Rounds values >= 0 to the nearest integer, halves up (Swift's `rounded()`, which Cakupan uses
    for milliseconds; numpy's `round` goes to the even neighbour). `x - floor(x)` is exact."""
    f = np.floor(x)
    return (f + (x - f >= 0.5)).astype(np.int64)


def iso_times(t: np.ndarray, offset: str) -> np.ndarray:
    """Epoch seconds as ISO 8601 in the zone at `offset` (`2024-11-27T08:30:00.125+07:00`), rounded
    to the millisecond, with the fraction only when it is not zero: Cakupan's format. A numpy
    StringDType array (numpy >= 2)."""
    sign = 1 if offset[0] == "+" else -1
    offset_ms = sign * (int(offset[1:3]) * 3600 + int(offset[4:6]) * 60) * 1000
    ms = half_up(t * 1000.0)
    local = (ms + offset_ms).astype("datetime64[ms]")
    text = np.datetime_as_string(local, unit="ms").astype(StringDType())
    whole = ms % 1000 == 0
    text[whole] = np.datetime_as_string(local[whole], unit="s")
    return np.strings.add(text, offset)


def millis_text(seconds: np.ndarray) -> np.ndarray:
    """Seconds (>= 0) with at most 3 decimals, trailing zeros dropped (`86.778`, `92.5`, `0`)."""
    ms = half_up(seconds * 1000.0)
    text = (ms // 1000).astype(StringDType())
    part = ms % 1000 != 0
    fraction = np.strings.rstrip(np.strings.zfill((ms[part] % 1000).astype(StringDType()), 3), "0")
    text[part] = np.strings.add(np.strings.add(text[part], "."), fraction)
    return text


def csv_fields(values) -> np.ndarray:
    """RFC 4180 fields: a value with a comma, quote or line break is quoted, its quotes doubled."""
    text = np.array(values, dtype=StringDType())
    special = np.zeros(len(text), dtype=bool)
    for ch in (",", '"', "\n", "\r"):
        special |= np.strings.find(text, ch) >= 0
    text[special] = np.strings.add(np.strings.add('"', np.strings.replace(text[special], '"', '""')), '"')
    return text


def merge_intervals(key: np.ndarray, start: np.ndarray, end: np.ndarray):
    """The union of the intervals [start, end] of each key, as disjoint intervals (key, start, end)
    sorted by key and start. Once the intervals are sorted so, one opens a new block when it starts
    after the latest end so far in its key (touching intervals join)."""
    if len(key) == 0:
        return key, start, end
    order = np.lexsort((start, key))
    key, start, end = key[order], start[order], end[order]
    run_end = pd.Series(end).groupby(key).cummax().to_numpy()
    new = np.ones(len(key), dtype=bool)
    new[1:] = (key[1:] != key[:-1]) | (start[1:] > run_end[:-1])
    first = np.flatnonzero(new)
    return key[first], start[first], np.maximum.reduceat(end, first)


def inside_pieces(tree: shapely.STRtree, lines: np.ndarray, ax, ay, bx, by):
    """The parts of each straight segment (LineStrings `lines`, from (ax, ay) to (bx, by), of positive
    length) inside each polygon of `tree` (prepared with `shapely.prepare`): arrays (segment, polygon,
    enter, exit, length) with one row per piece of positive length; `enter` <= `exit` are parameters
    in [0, 1] along the segment. Candidate pairs come from the tree's bounding boxes; a segment the
    prepared polygon contains properly is inside whole (most pairs: no overlay needed); the others
    that meet the polygon are cut with `shapely.intersection`, and each piece's end points, projected
    on its segment, give its parameters. A piece that is only a point (a touch) has no duration and
    is left out. The polygons are closed: a piece running along a boundary counts as inside (Cakupan's
    even-odd test may say either there; it takes a track exactly on an edge to matter)."""
    empty_i = np.empty(0, dtype=np.int64)
    if len(lines) == 0:
        return empty_i, empty_i, np.empty(0), np.empty(0), np.empty(0)
    seg_i, poly_i = tree.query(lines)
    polys, segs = tree.geometries[poly_i], lines[seg_i]
    whole = shapely.contains_properly(polys, segs)
    cut = ~whole & shapely.intersects(polys, segs)
    pieces = shapely.intersection(segs[cut], polys[cut])
    del polys, segs
    parts, pair = shapely.get_parts(pieces, return_index=True)
    del pieces
    linear = (shapely.get_type_id(parts) == 1) & ~shapely.is_empty(parts)
    parts, pair = parts[linear], pair[linear]
    cut_seg, cut_poly = seg_i[cut][pair], poly_i[cut][pair]
    coords, owner = shapely.get_coordinates(parts, return_index=True)
    s = cut_seg[owner]
    dx, dy = bx[s] - ax[s], by[s] - ay[s]
    along = ((coords[:, 0] - ax[s]) * dx + (coords[:, 1] - ay[s]) * dy) / (dx * dx + dy * dy)
    first = np.flatnonzero(np.diff(owner, prepend=-1))  # every part has >= 2 coordinates, in order
    if len(first):
        enter = np.clip(np.minimum.reduceat(along, first), 0.0, 1.0)
        leave = np.clip(np.maximum.reduceat(along, first), 0.0, 1.0)
    else:
        enter = leave = np.empty(0)
    n_whole = int(whole.sum())
    return (np.concatenate([seg_i[whole], cut_seg]), np.concatenate([poly_i[whole], cut_poly]),
            np.concatenate([np.zeros(n_whole), enter]), np.concatenate([np.ones(n_whole), leave]),
            np.concatenate([shapely.length(lines[seg_i[whole]]), shapely.length(parts)]))


def track_lines(fx: pd.DataFrame, same_prev: np.ndarray, units_seen, epsg: int, path: str, op: dict):
    """Each unit's track as a patrol line (lon/lat), as `--coverage` adds it to the patrols: the kept
    fixes of each piece (split where fixes are more than --max-fix-gap apart; jumps and duplicates
    already dropped) in time order, thinned (a fix within 25 m of the one before it left out) and
    simplified with Douglas-Peucker at 10 m (GEOS's topology-preserving simplifier, Cakupan's
    tolerance); one MultiLineString per unit, in order of each unit's first fix in the file, id the
    unit, radius the yaml's radius (default 500 m). Every point of the full track lies within about
    35 m of these lines, as of Cakupan's (which leave out a unit's repeated passes within 25 m instead,
    docs/temporal.md): the two coverages agree within that band, not exactly."""
    piece = np.cumsum(~same_prev) - 1
    x, y = fx["x"].to_numpy(), fx["y"].to_numpy()
    # stationary jitter thinned out first (a unit stopped for 20 min leaves a cloud of 80 fixes whose
    # zig-zag line GEOS buffers very slowly): a fix within 25 m of the fix before it in the same piece
    # is dropped, the first and last fix of each piece are kept
    step = np.r_[np.inf, np.hypot(np.diff(x), np.diff(y))]
    last = np.r_[~same_prev[1:], True]
    thin = ~same_prev | last | (step >= 25.0)
    sizes = np.bincount(piece, weights=thin).astype(int)
    keep = thin & (sizes[piece] >= 2)
    x, y, pc = x[keep], y[keep], piece[keep]
    _, idx = np.unique(pc, return_inverse=True)
    lines = shapely.simplify(shapely.linestrings(x, y, indices=idx), 10.0, preserve_topology=True)
    unit_of_line = fx["unit"].to_numpy()[keep][np.flatnonzero(np.r_[True, pc[1:] != pc[:-1]])]
    # a piece of a day drives the same roads again and again, and GEOS's buffer of a line that
    # overlaps itself hundreds of times takes minutes: cut each piece into runs of 64 vertices
    # sharing their end vertices (the same points, so the union of the buffers is the same set)
    runs, owner = [], []
    coords = shapely.get_coordinates(lines)
    ends = np.cumsum(shapely.get_num_coordinates(lines))
    for i, (lo, hi) in enumerate(zip(np.r_[0, ends[:-1]], ends)):
        for a in range(lo, hi - 1, 63):
            runs.append(shapely.LineString(coords[a:min(a + 64, hi)]))
            owner.append(i)
    lines, unit_of_line = np.array(runs, dtype=object), unit_of_line[np.array(owner, dtype=int)]
    order = {u: i for i, u in enumerate(units_seen)}
    code = np.array([order[u] for u in unit_of_line])
    by_unit = np.argsort(code, kind="stable")
    lines, code = lines[by_unit], code[by_unit]
    present = np.unique(code)
    multi = shapely.multilinestrings(lines, indices=np.searchsorted(present, code))
    radius = ga.number(op.get("radius"), ga.DEFAULT_RADIUS)
    gdf = gpd.GeoDataFrame({"peer_id": [str(units_seen[c]) for c in present], "peer_radius_m": radius,
                            "peer_file": str(path)}, geometry=multi, crs=epsg)
    return gdf.to_crs(4326)


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
    ap.add_argument("--rawan-radius", type=float, help="radius of point rawan zones without radius_m "
                    "(default: the yaml's rawan_radius, else 300 m)")
    ap.add_argument("--crs")
    ap.add_argument("--coverage", action="store_true",
                    help="also the spatial analysis (geopandas_analyze.py) with each unit's track as a patrol, "
                         "written to DIR/peer_summary.json, as Cakupan does with --tracks")
    ap.add_argument("--chunk", type=int, default=2_000_000, help="segments per STRtree query of the sites")
    ap.add_argument("--line-chunk", type=int, default=500_000,
                    help="segments made into LineStrings at once for the zones and areas")
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

    # ---- sites, zones, areas and CRS
    op_path = Path(args.operation)
    op = yaml.safe_load(op_path.read_text(encoding="utf-8"))
    areas_path, sites_path, rawan_path, _ = ga.resolve_inputs(op_path, op)
    sites = ga.read_sites(sites_path).reset_index(drop=True)
    crs_mode = args.crs or op.get("crs")
    areas = ga.read_areas(areas_path) if areas_path else None
    frames = [areas] if areas is not None else [sites]
    _, epsg = ga.choose_crs(crs_mode, [f.to_crs(4326) for f in frames])
    crs = f"EPSG:{epsg}"
    sites_m = sites.to_crs(epsg)
    # zones grown by the visit radius: the polygon (made valid), or a point zone's circle, buffered
    # like Cakupan does it (GEOS buffer, 8 segments per quarter circle, in the analysis CRS)
    rawan_radius = args.rawan_radius if args.rawan_radius is not None else ga.number(op.get("rawan_radius"), 300.0)
    if rawan_path:
        zones = ga.read_zones(rawan_path, rawan_radius, crs).reset_index(drop=True)
        grown = shapely.buffer(zones.geometry.values, args.visit_radius, quad_segs=ga.QUAD_SEGS)
        zone_ids = ga.unique_keys(zones["peer_id"].astype(str).tolist())
    else:
        grown, zone_ids = np.empty(0, dtype=object), []
    if areas is not None:
        areas = ga.fix_invalid(areas.to_crs(crs), "areas").reset_index(drop=True)
        area_geoms = shapely.force_2d(areas.geometry.values)
        area_ids = ga.unique_keys(areas["peer_id"].astype(str).tolist())
    else:
        area_geoms, area_ids = np.empty(0, dtype=object), []
    sx = sites_m.geometry.x.to_numpy()
    sy = sites_m.geometry.y.to_numpy()
    cats = sites["peer_category"].fillna("lainnya").to_numpy()
    radius = np.array([radius_for.get(c, args.visit_radius) for c in cats])
    limit = np.array([limit_for.get(c, limit_default) for c in cats])
    t_read0 = time.perf_counter()
    rss = {"inputs": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}

    # ---- fixes
    head = pd.read_csv(args.tracks, nrows=0)
    cu, ct, cx, cy = (pick(head.columns, n) for n in (UNIT_NAMES, TIME_NAMES, LON_NAMES, LAT_NAMES))
    fx = pd.read_csv(args.tracks, usecols=[cu, ct, cx, cy], dtype={cu: str, ct: str, cx: float, cy: float})
    fx.columns = [{cu: "unit", ct: "time", cx: "lon", cy: "lat"}[c] for c in fx.columns]
    n_fixes = len(fx)
    fx["t"] = epoch_seconds(fx["time"], offset)
    fx = fx.drop(columns=["time"])
    units_seen = pd.unique(fx["unit"]) if args.coverage else None   # Cakupan's patrol order: first fix
    pts = gpd.GeoSeries(gpd.points_from_xy(fx["lon"], fx["lat"]), crs=4326).to_crs(epsg)
    fx["x"] = pts.x.to_numpy()
    fx["y"] = pts.y.to_numpy()
    del pts
    fx = fx.drop(columns=["lon", "lat"])
    fx = fx.sort_values(["unit", "t"], kind="stable").reset_index(drop=True)
    t_read1 = time.perf_counter()
    rss["read"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    # ---- duplicates, gaps and jumps (vectorised per unit)
    g = fx.groupby("unit", sort=False)
    dt = fx["t"] - g["t"].shift()
    dd = np.hypot(fx["x"] - g["x"].shift(), fx["y"] - g["y"].shift())
    dup = (dt <= 0) & (dd == 0)
    fx = fx[~dup.fillna(False).to_numpy()].reset_index(drop=True)
    n_dup = int(dup.sum())
    del g, dt, dd, dup  # (the groupby holds the frame before the duplicates went)

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
    # a fix too fast from its predecessor is a jump when the move to the next fix is too fast as well,
    # or when the next fix agrees with the predecessor and the predecessor is not itself a jump (a
    # one-sided jump: 1.7 km out in 30 s, back at 131 km/h; Cakupan judges each fix against the last
    # kept one, so the way back is no jump there either)
    prev_bad = np.r_[False, bad_prev[:-1]] & same_prev
    jump = (bad_prev & (bad_next | ~same_next | (agree & ~prev_bad)) & (agree | ~same_next)) | \
        (first & same_next & bad_next & ok_next2)
    n_jumps = int(jump.sum())
    fx = fx[~jump].reset_index(drop=True)
    kept = len(fx)
    t_from = float(fx["t"].min()) if not args.t_from else float(epoch_seconds(pd.Series([args.t_from]), offset)[0])
    t_to = float(fx["t"].max()) if not args.t_to else float(epoch_seconds(pd.Series([args.t_to]), offset)[0])

    # ---- segments between consecutive kept fixes of a piece
    same_prev, _ = neighbours(fx)
    tracks = track_lines(fx, same_prev, units_seen, epsg, args.tracks, op) if args.coverage else None
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
    del parts, fx, gg  # the segments' arrays are all that is needed from here on
    t_pairs = time.perf_counter()
    rss["pairs"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    # ---- zones and areas: the pieces of each kept segment inside each grown zone and each area
    # (LineStrings in chunks; a segment of zero length, a unit standing still, is a point that is
    # inside for the whole segment or not at all)
    shapely.prepare(grown)
    shapely.prepare(area_geoms)
    zone_tree, area_tree = shapely.STRtree(grown), shapely.STRtree(area_geoms)
    area_seconds, area_metres = np.zeros(len(area_ids)), np.zeros(len(area_ids))
    zone_runs = []  # per chunk: the union of the zone presence, cut to the window, per zone
    still = (x0 == x1) & (y0 == y1)
    for lo in range(0, len(seg_start), args.line_chunk):
        hi = min(lo + args.line_chunk, len(seg_start))
        moving = lo + np.flatnonzero(~still[lo:hi])
        standing = lo + np.flatnonzero(still[lo:hi])
        ax, ay, bx, by = x0[moving], y0[moving], x1[moving], y1[moving]
        lines = shapely.linestrings(np.stack([ax, ay, bx, by], axis=1).reshape(-1, 2, 2))
        points = shapely.points(x0[standing], y0[standing])
        for tree, n_regions, is_zone in ((zone_tree, len(zone_ids), True), (area_tree, len(area_ids), False)):
            if n_regions == 0:
                continue
            seg_i, reg_i, enter, leave, length = inside_pieces(tree, lines, ax, ay, bx, by)
            pt_i, pt_reg = tree.query(points, predicate="intersects")
            seg = np.concatenate([moving[seg_i], standing[pt_i]])
            reg = np.concatenate([reg_i, pt_reg])
            enter = np.concatenate([enter, np.zeros(len(pt_i))])
            leave = np.concatenate([leave, np.ones(len(pt_i))])
            length = np.concatenate([length, np.zeros(len(pt_i))])
            dur = t1[seg] - t0[seg]
            t_in = t0[seg] + enter * dur
            t_out = np.where(leave == 1.0, t1[seg], t0[seg] + leave * dur)
            a, b = np.maximum(t_in, t_from), np.minimum(t_out, t_to)
            if is_zone:
                keep = b > a
                zone_runs.append(merge_intervals(reg[keep], a[keep], b[keep]))
            else:
                seconds = np.clip(b - a, 0.0, None)
                span = t_out - t_in
                with np.errstate(invalid="ignore", divide="ignore"):
                    metres = np.where(span > 0, length * seconds / span, 0.0)
                area_seconds += np.bincount(reg, weights=seconds, minlength=n_regions)
                area_metres += np.bincount(reg, weights=metres, minlength=n_regions)
        del lines, points
    zone_attended = np.zeros(len(zone_ids))
    if zone_runs:
        z, a, b = merge_intervals(*(np.concatenate(c) for c in zip(*zone_runs)))
        zone_attended = np.bincount(z, weights=b - a, minlength=len(zone_ids))
    del zone_runs, x0, y0, t0, x1, y1, t1, still
    window_s = t_to - t_from
    zone_share = np.minimum(1.0, zone_attended / window_s) if window_s > 0 else np.zeros(len(zone_ids))
    t_regions = time.perf_counter()
    rss["zones_areas"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

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
    del pres, grp, prev_end, gap, new_visit, att, run_end, prev, inner_gap, first_gap, gaps
    t_done = time.perf_counter()
    rss["visits"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    # ---- visits.csv as Cakupan writes it: by site (input order), start, unit; clipped to the window.
    # Each row is built as one string with numpy's vectorised string functions and written in blocks
    # (DataFrame.to_csv takes about twice as long on the same rows).
    Path(args.out).mkdir(parents=True, exist_ok=True)
    v_site = visits["site"].to_numpy()
    v_start = visits["start"].clip(lower=t_from).to_numpy()
    v_end = visits["end"].clip(upper=t_to).to_numpy()
    v_unit = visits["unit"].to_numpy()
    names = np.asarray(unit_names, dtype=str)
    name_rank = np.argsort(np.argsort(names, kind="stable"), kind="stable")  # unit names in string order
    order = np.lexsort((name_rank[v_unit], v_start, v_site))
    site_field, unit_field = csv_fields(sites["peer_id"].astype(str)), csv_fields(names)
    with open(Path(args.out) / "visits.csv", "w", encoding="utf-8", newline="") as fh:
        fh.write("site,unit,start,end,dwell_s\n")
        for lo in range(0, len(order), 1 << 20):
            rows = order[lo:lo + (1 << 20)]
            line = site_field[v_site[rows]]
            for field in (",", unit_field[v_unit[rows]], ",", iso_times(v_start[rows], offset), ",",
                          iso_times(v_end[rows], offset), ",", millis_text(visits["dwell"].to_numpy()[rows]), "\n"):
                line = np.strings.add(line, field)
            fh.writelines(line.tolist())
    del order
    t_csv = time.perf_counter()
    rss["visits_csv"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    out = {"crs": {"epsg": int(epsg)}, "window": {"from": t_from, "to": t_to},
           "fixes": n_fixes, "kept_fixes": kept, "dropped_jumps": n_jumps, "duplicates": n_dup,
           "units": int(len(unit_names)), "visits": int(len(visits)), "window_s": window_s,
           "parameters": {"visit_radius_m": args.visit_radius, "rawan_radius_m": rawan_radius},
           "sites": {}, "zones": {}, "areas": {}}
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
    for i, zid in enumerate(zone_ids):
        out["zones"][zid] = {"attended_s": float(zone_attended[i]), "attended_share": float(zone_share[i])}
    for i, aid in enumerate(area_ids):
        out["areas"][aid] = {"patrol_hours": float(area_seconds[i] / 3600.0), "patrol_km": float(area_metres[i] / 1000.0)}
    t_end = time.perf_counter()
    out["timing"] = {"wall_seconds": round(t_end - _T0, 3), "import_seconds": round(_T_IMPORTED - _T0, 3),
                     "inputs_seconds": round(t_read0 - _T_IMPORTED, 3),
                     "read_seconds": round(t_read1 - t_read0, 3), "pairs_seconds": round(t_pairs - t_read1, 3),
                     "zones_areas_seconds": round(t_regions - t_pairs, 3),
                     "visits_seconds": round(t_done - t_regions, 3), "visits_csv_seconds": round(t_csv - t_done, 3),
                     "report_seconds": round(t_end - t_csv, 3),
                     "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                     "peak_rss_kib_after": rss}
    (Path(args.out) / "peer_temporal.json").write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    if tracks is not None:
        # the spatial analysis with the tracks as patrols (coverage, sites, zones, areas, hotspots)
        spatial = argparse.Namespace(radius=None, rawan_radius=args.rawan_radius, min_zone_coverage=None,
                                     crs=args.crs)
        ga.write_summary(ga.analyze(op_path, spatial, extra_patrols=tracks), Path(args.out))
    print(f"peer: {n_fixes} fixes, {kept} kept, {n_jumps} jumps, {len(visits)} visits, "
          f"{len(zone_ids)} zones, {len(area_ids)} areas; "
          f"{out['timing']['wall_seconds']} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
