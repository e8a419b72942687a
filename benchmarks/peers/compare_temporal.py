#!/usr/bin/env python3
"""Compare the temporal figures of a Cakupan result folder with geopandas_temporal.py's.

    python3 benchmarks/peers/compare_temporal.py CAKUPAN_OUT_DIR PEER_OUT_DIR \
        [--seconds-tol 1] [--max-list 20] [--cakupan-seconds S --cakupan-rss-kib K]

Reads CAKUPAN_OUT_DIR/{summary.json, sites.geojson} (written by `cakupan analyze --tracks ...`)
and PEER_OUT_DIR/peer_temporal.json, and checks

  * the fix counts (fixes, kept_fixes, dropped_jumps), the number of units and the window;
  * per site: the same number of visits and of units, and max_unattended_s, dwell_s,
    longest_dwell_s, first_visit and last_visit within --seconds-tol (default 1 s);
  * the stale flag (a difference is only noted when the unattended time is within the tolerance of
    the site's limit).

Prints the largest difference per quantity and every mismatch (up to --max-list each), and exits
0 when everything agrees, 1 on any disagreement, 2 when a file is missing or unreadable.
Only the standard library is used.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path


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


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cakupan")
    ap.add_argument("peer")
    ap.add_argument("--seconds-tol", type=float, default=1.0)
    ap.add_argument("--max-list", type=int, default=20)
    ap.add_argument("--cakupan-seconds", type=float)
    ap.add_argument("--cakupan-rss-kib", type=float)
    args = ap.parse_args(argv)

    summary = load(Path(args.cakupan) / "summary.json")
    sites_fc = load(Path(args.cakupan) / "sites.geojson")
    peer = load(Path(args.peer) / "peer_temporal.json")
    temporal = summary.get("temporal")
    if temporal is None:
        print("summary.json has no 'temporal' object: was cakupan run with --tracks?", file=sys.stderr)
        return 2

    mismatches: dict[str, list[str]] = {}
    worst: dict[str, tuple[float, str]] = {}
    checked: dict[str, int] = {}
    notes: list[str] = []

    def fail(q, msg):
        mismatches.setdefault(q, []).append(msg)

    def count(q):
        checked[q] = checked.get(q, 0) + 1

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
            count(q)
            if cv is None or pv is None:
                if cv is not None or pv is not None:
                    fail(q, f"{sid}: cakupan {cv} peer {pv}")
                continue
            d = abs(cv - pv)
            if d > worst.get(q, (-1, ""))[0]:
                worst[q] = (d, sid)
            if d > args.seconds_tol:
                fail(q, f"{sid}: cakupan {cv:.3f} peer {pv:.3f} (differ by {d:.3f} s)")
        count("stale")
        if c["stale"] != p["stale"]:
            limit = c.get("unattended_limit_s")
            if limit is not None and abs(c["max_unattended_s"] - limit) <= args.seconds_tol:
                notes.append(f"{sid}: stale differs at the limit ({c['max_unattended_s']} s vs limit {limit} s)")
            else:
                fail("stale", f"{sid}: cakupan {c['stale']} peer {p['stale']}")

    print(f"{'quantity':<18} {'checked':>9} {'mismatches':>10}  largest difference")
    for q in sorted(checked):
        w = worst.get(q)
        largest = f"{w[0]:.6f} s ({w[1]})" if w else ""
        print(f"{q:<18} {checked[q]:>9} {len(mismatches.get(q, [])):>10}  {largest}")
    print(f"visits: cakupan {total_c}, peer {total_p}")
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
