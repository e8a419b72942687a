#!/usr/bin/env python3
"""Compare the temporal figures of a Cakupan result folder with geopandas_temporal.py's.

    python3 benchmarks/peers/compare_temporal.py CAKUPAN_OUT_DIR PEER_OUT_DIR \
        [--seconds-tol 1] [--share-tol 1e-4] [--hours-tol 6e-4] [--km-tol 1e-3] [--rel-tol 1e-6]
        [--max-list 20] [--cakupan-seconds S --cakupan-rss-kib K]

Reads CAKUPAN_OUT_DIR/{summary.json, sites.geojson, zones.geojson, areas.geojson, visits.csv}
(written by `cakupan analyze --tracks ...`) and PEER_OUT_DIR/{peer_temporal.json, visits.csv}, and
checks

  * the fix counts (fixes, kept_fixes, dropped_jumps), the number of units and the window;
  * per site: the same number of visits and of units, and max_unattended_s, dwell_s,
    longest_dwell_s, first_visit and last_visit within --seconds-tol (default 1 s);
  * the stale flag (a difference is only noted when the unattended time is within the tolerance of
    the site's limit);
  * per rawan zone (zones.geojson): attended_share within --share-tol (default 1e-4 absolute, 60 s
    of a 7-day window; Cakupan writes 6 decimals);
  * per area (areas.geojson, and the same figures in summary.json's area table): patrol_hours within
    --hours-tol (default 6e-4 h) or --rel-tol (default 1e-6) relative, patrol_km within --km-tol
    (default 1e-3 km) or the same relative tolerance. Cakupan writes both with 3 decimals, so its
    figures carry up to 5e-4 of rounding: the hours tolerance is that plus 1e-4 h (0.36 s) for the
    computation; 1e-3 km covers the rounding with 0.5 m to spare;
  * visits.csv: its header, and as many rows as summary.json's `temporal.visits` and the peer's
    visit count; when the peer wrote a visits.csv too (with the same number of rows), row by row the
    same site and unit, start and end within --seconds-tol and dwell_s within --seconds-tol (the
    number of byte-identical rows is printed).

Prints the largest difference per quantity and every mismatch (up to --max-list each), and exits
0 when everything agrees, 1 on any disagreement, 2 when a file is missing or unreadable.
Only the standard library is used.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare import unique_keys  # noqa: E402  (the same id rule as the spatial comparison)


def epoch(text):
    if text is None:
        return None
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def load(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        print(f"cannot read {path}: {e}", file=sys.stderr)
        sys.exit(2)


VISITS_HEADER = ["site", "unit", "start", "end", "dwell_s"]


def count_rows(path: Path) -> int:
    """The data rows of a CSV file (records after the header; a quoted line break stays in its row)."""
    with open(path, encoding="utf-8", newline="") as fh:
        return sum(1 for _ in csv.reader(fh)) - 1


def compare_visit_rows(c_path: Path, p_path: Path, tol, fail, count, worst) -> int:
    """Walks two visits.csv files with the same number of rows in step. Rows must name the same site
    and unit; start, end (ISO 8601) and dwell_s must agree within `tol` seconds (counted and checked
    only in the rows that are not identical). Returns how many rows are identical."""
    identical = 0
    with open(c_path, encoding="utf-8", newline="") as cf, open(p_path, encoding="utf-8", newline="") as pf:
        c_rows, p_rows = csv.reader(cf), csv.reader(pf)
        next(c_rows, None)
        next(p_rows, None)
        for n, (c, p) in enumerate(zip(c_rows, p_rows), start=1):
            count("visits.csv site, unit")
            if c == p:
                identical += 1
                continue
            if len(c) != 5 or len(p) != 5 or c[:2] != p[:2]:
                fail("visits.csv site, unit", f"row {n}: cakupan {c} peer {p}")
                continue
            for q, i, parse in (("visits.csv start", 2, epoch), ("visits.csv end", 3, epoch),
                                ("visits.csv dwell_s", 4, float)):
                count(q)
                d = abs(parse(c[i]) - parse(p[i]))
                if d > worst.get(q, (-1, ""))[0]:
                    worst[q] = (d, f"row {n}")
                if d > tol:
                    fail(q, f"row {n}: cakupan {c} peer {p}")
    return identical


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cakupan")
    ap.add_argument("peer")
    ap.add_argument("--seconds-tol", type=float, default=1.0)
    ap.add_argument("--share-tol", type=float, default=1e-4, help="attended_share, absolute")
    ap.add_argument("--hours-tol", type=float, default=6e-4, help="patrol_hours, absolute")
    ap.add_argument("--km-tol", type=float, default=1e-3, help="patrol_km, absolute")
    ap.add_argument("--rel-tol", type=float, default=1e-6, help="patrol_hours and patrol_km, relative")
    ap.add_argument("--max-list", type=int, default=20)
    ap.add_argument("--cakupan-seconds", type=float)
    ap.add_argument("--cakupan-rss-kib", type=float)
    args = ap.parse_args(argv)

    summary = load(Path(args.cakupan) / "summary.json")
    sites_fc = load(Path(args.cakupan) / "sites.geojson")
    zones_fc = load(Path(args.cakupan) / "zones.geojson")
    areas_fc = load(Path(args.cakupan) / "areas.geojson")
    peer = load(Path(args.peer) / "peer_temporal.json")
    temporal = summary.get("temporal")
    if temporal is None:
        print("summary.json has no 'temporal' object: was cakupan run with --tracks?", file=sys.stderr)
        return 2

    mismatches: dict[str, list[str]] = {}
    worst: dict[str, tuple[float, str]] = {}
    unit_of = {"attended_share": "", "patrol_hours": "h", "patrol_km": "km"}  # else seconds
    checked: dict[str, int] = {}
    notes: list[str] = []

    def fail(q, msg):
        mismatches.setdefault(q, []).append(msg)

    def count(q):
        checked[q] = checked.get(q, 0) + 1

    def near(q, key, cv, pv, tol, rel=0.0):
        """Counts and checks one number: |cakupan - peer| <= tol, or <= rel × the larger value."""
        count(q)
        if cv is None or pv is None:
            if cv is not None or pv is not None:
                fail(q, f"{key}: cakupan {cv} peer {pv}")
            return
        d = abs(cv - pv)
        if d > worst.get(q, (-1, ""))[0]:
            worst[q] = (d, key)
        if d > tol and d > rel * max(abs(cv), abs(pv)):
            u = unit_of.get(q, "s")
            fail(q, f"{key}: cakupan {cv} peer {pv:.6f} (differ by {d:.6g}{' ' + u if u else ''})")

    for key in ("fixes", "kept_fixes", "dropped_jumps", "units"):
        count(key)
        if temporal.get(key) != peer.get(key):
            fail(key, f"cakupan {temporal.get(key)} peer {peer.get(key)}")
    for end in ("from", "to"):
        q = f"window.{end}"
        count(q)
        c, p = epoch(temporal["window"][end]), peer["window"][end]
        if c is None or abs(c - p) > args.seconds_tol:
            fail(q, f"cakupan {temporal['window'][end]} peer {p}")

    cak_sites = {}
    for f in sites_fc["features"]:
        p = f["properties"]
        cak_sites[str(p["id"])] = p
    peer_sites = peer["sites"]
    if set(cak_sites) != set(peer_sites):
        only_c = sorted(set(cak_sites) - set(peer_sites))[:10]
        only_p = sorted(set(peer_sites) - set(cak_sites))[:10]
        fail("site ids", f"only in cakupan: {only_c}; only in peer: {only_p}")

    total_c = total_p = 0
    for sid in sorted(set(cak_sites) & set(peer_sites)):
        c, p = cak_sites[sid], peer_sites[sid]
        total_c += c["visits"]
        total_p += p["visits"]
        for q in ("visits", "units"):
            count(q)
            if c[q] != p[q]:
                fail(q, f"{sid}: cakupan {c[q]} peer {p[q]}")
        for q, cv, pv in (("max_unattended_s", c["max_unattended_s"], p["max_unattended_s"]),
                          ("dwell_s", c["dwell_s"], p["dwell_s"]),
                          ("longest_dwell_s", c["longest_dwell_s"], p["longest_dwell_s"]),
                          ("first_visit", epoch(c["first_visit"]), p["first_visit"]),
                          ("last_visit", epoch(c["last_visit"]), p["last_visit"])):
            near(q, sid, cv, pv, args.seconds_tol)
        count("stale")
        if c["stale"] != p["stale"]:
            limit = c.get("unattended_limit_s")
            if limit is not None and abs(c["max_unattended_s"] - limit) <= args.seconds_tol:
                notes.append(f"{sid}: stale differs at the limit ({c['max_unattended_s']} s vs limit {limit} s)")
            else:
                fail("stale", f"{sid}: cakupan {c['stale']} peer {p['stale']}")


    # ---- zones: attended_share
    peer_zones = peer.get("zones")
    if peer_zones is None:
        fail("zone ids", "peer_temporal.json has no 'zones' (an older peer?)")
        peer_zones = {}
    cak_zones = dict(zip(unique_keys(str(f["properties"]["id"]) for f in zones_fc["features"]),
                         (f["properties"] for f in zones_fc["features"])))
    if set(cak_zones) != set(peer_zones):
        fail("zone ids", f"only in cakupan: {sorted(set(cak_zones) - set(peer_zones))[:10]}; "
                         f"only in peer: {sorted(set(peer_zones) - set(cak_zones))[:10]}")
    for zid in sorted(set(cak_zones) & set(peer_zones)):
        near("attended_share", zid, cak_zones[zid].get("attended_share"), peer_zones[zid]["attended_share"],
             args.share_tol)

    # ---- areas: patrol_hours and patrol_km, in areas.geojson and in summary.json's area table
    peer_areas = peer.get("areas")
    if peer_areas is None:
        fail("area ids", "peer_temporal.json has no 'areas' (an older peer?)")
        peer_areas = {}
    area_props = [f["properties"] for f in areas_fc["features"]]
    cak_areas = dict(zip(unique_keys(str(a["id"]) for a in area_props), area_props))
    if set(cak_areas) != set(peer_areas):
        fail("area ids", f"only in cakupan: {sorted(set(cak_areas) - set(peer_areas))[:10]}; "
                         f"only in peer: {sorted(set(peer_areas) - set(cak_areas))[:10]}")
    table = summary.get("areas") or []
    count("summary area table")
    if len(table) != len(area_props):
        fail("summary area table", f"{len(table)} rows, areas.geojson has {len(area_props)} features")
    for row, props in zip(table, area_props):
        for q in ("patrol_hours", "patrol_km"):
            if row.get(q) != props.get(q):
                fail("summary area table", f"{props['id']}: {q} {row.get(q)} in summary.json, {props.get(q)} in areas.geojson")
    for aid in sorted(set(cak_areas) & set(peer_areas)):
        c, p = cak_areas[aid], peer_areas[aid]
        near("patrol_hours", aid, c.get("patrol_hours"), p["patrol_hours"], args.hours_tol, args.rel_tol)
        near("patrol_km", aid, c.get("patrol_km"), p["patrol_km"], args.km_tol, args.rel_tol)

    # ---- visits.csv: the header and the row count; row by row against the peer's visits.csv
    identical = None
    c_csv, p_csv = Path(args.cakupan) / "visits.csv", Path(args.peer) / "visits.csv"
    try:
        for path, who in ((c_csv, "cakupan"), (p_csv, "peer")):
            if path.exists() or who == "cakupan":
                with open(path, encoding="utf-8", newline="") as fh:
                    header = next(csv.reader(fh), None)
                count("visits.csv header")
                if header != VISITS_HEADER:
                    fail("visits.csv header", f"{who}: {header}")
        n_rows = count_rows(c_csv)
        count("visits.csv rows")
        if not (n_rows == temporal.get("visits") == peer.get("visits")):
            fail("visits.csv rows", f"cakupan visits.csv {n_rows} rows, summary.json {temporal.get('visits')} visits, "
                                    f"peer {peer.get('visits')} visits")
        if p_csv.exists():
            n_peer = count_rows(p_csv)
            if n_peer != n_rows:  # rows out of step: comparing them one by one would say nothing more
                fail("visits.csv rows", f"cakupan visits.csv {n_rows} rows, the peer's {n_peer}")
            else:
                identical = compare_visit_rows(c_csv, p_csv, args.seconds_tol, fail, count, worst)
    except OSError as e:
        print(f"cannot read visits.csv: {e}", file=sys.stderr)
        return 2

    print(f"{'quantity':<22} {'checked':>9} {'mismatches':>10}  largest difference")
    for q in sorted(checked):
        w = worst.get(q)
        u = unit_of.get(q, "s")
        largest = (f"{w[0]:.6f} s ({w[1]})" if u == "s" else f"{w[0]:.3g}{' ' + u if u else ''} ({w[1]})") if w else ""
        print(f"{q:<22} {checked[q]:>9} {len(mismatches.get(q, [])):>10}  {largest}")
    print(f"visits: cakupan {total_c} (visits.csv {n_rows} rows), peer {total_p}"
          + (f"; {identical} of the visits.csv rows byte-identical" if identical is not None else ""))
    for q, msgs in mismatches.items():
        print(f"\n{q}: {len(msgs)} mismatch(es)")
        for m in msgs[: args.max_list]:
            print(f"  {m}")
    for n in notes[: args.max_list]:
        print(f"note: {n}")
    timing = peer.get("timing", {})
    if args.cakupan_seconds and timing.get("wall_seconds"):
        print(f"\nwall: cakupan {args.cakupan_seconds:.2f} s, peer {timing['wall_seconds']:.2f} s "
              f"({timing['wall_seconds'] / args.cakupan_seconds:.1f}x)")
    if args.cakupan_rss_kib and timing.get("peak_rss_kib"):
        print(f"peak RSS: cakupan {args.cakupan_rss_kib / 1024:.0f} MiB, peer {timing['peak_rss_kib'] / 1024:.0f} MiB "
              f"({timing['peak_rss_kib'] / args.cakupan_rss_kib:.1f}x)")
    if mismatches:
        print("\nDISAGREE")
        return 1
    print("\nAGREE")
    return 0


if __name__ == "__main__":
    sys.exit(main())
