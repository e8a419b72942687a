#!/usr/bin/env python3
"""Compare a Cakupan result folder with the GeoPandas peer's peer_summary.json.

    python3 benchmarks/peers/compare.py CAKUPAN_OUT_DIR PEER_OUT_DIR \
        [--cakupan-seconds S --cakupan-rss-kib K]

Reads CAKUPAN_OUT_DIR/{summary.json, areas.geojson, sites.geojson, zones.geojson} and
PEER_OUT_DIR/peer_summary.json (written by geopandas_analyze.py), checks

  * areas (m²) within 0.1 % relative, or 1 m² absolute for tiny values,
  * shares within 0.001 absolute (or 0.2 % relative),
  * distances within 1 cm,
  * identical covered flags, nearest patrol (an equally-near patrol, within 1 cm, is accepted
    and noted), area assignment, per-area counts, the set of hotspots and their order
    (an order swap between hotspots whose gap metres differ by under 1 cm is accepted and noted),
  * the CRS: the same EPSG code, or in per-zone mode the same UTM zones with the same areas,
    and each area's EPSG code,

prints a table of the largest difference per quantity, then every mismatch, and exits
0 when everything agrees, 1 on any disagreement, 2 when a file is missing or unreadable.
Only the standard library is used.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

LEVEL_RANK = {"tinggi": 0, "sedang": 1, "rendah": 2}


class Checker:
    def __init__(self, rel: float, abs_m2: float, dist: float, share_abs: float, share_rel: float):
        self.rel, self.abs_m2, self.dist = rel, abs_m2, dist
        self.share_abs, self.share_rel = share_abs, share_rel
        self.stats: dict[str, dict] = {}
        self.mismatches: list[tuple[str, str]] = []   # (quantity, message)
        self.notes: list[str] = []

    # -- bookkeeping
    def _stat(self, q: str) -> dict:
        return self.stats.setdefault(q, {"n": 0, "fail": 0, "max_abs": None, "max_rel": None, "worst": None})

    # quantities that depend on the coverage drawn from GPS tracks (--track-band): reported, not failed
    BANDED = ("area.covered_m2", "area.coverage_share", "area.rawan_covered_m2", "area.rawan_covered_share",
              "area.sites_covered", "area.high_covered", "zone.covered_m2", "zone.covered_share",
              "totals.covered_m2", "totals.coverage_share", "totals.coverage_m2", "totals.sites_covered",
              "totals.high_covered", "totals.rawan_covered_m2", "totals.rawan_covered_share", "totals.hotspots",
              "hotspot set", "hotspot order", "hotspot.gap_m2", "hotspot.covered_share", "hotspot.distance_m",
              "hotspot.level", "site.nearest_patrol")
    band = 0.0

    def banded(self, q: str) -> bool:
        return self.band > 0 and q in self.BANDED

    def fail(self, q: str, msg: str) -> None:
        if self.banded(q):
            self._stat(q)["banded"] = self._stat(q).get("banded", 0) + 1
            return
        self._stat(q)["fail"] += 1
        self.mismatches.append((q, msg))

    def soft(self, q: str, msg: str) -> None:
        self.notes.append(f"[{q}] {msg}")

    # -- comparisons
    def number(self, q: str, key: str, cak, peer, kind: str, names=("cakupan", "peer")) -> bool:
        """kind: 'm2', 'dist', 'share' or 'count'.  Returns True when they agree."""
        st = self._stat(q)
        st["n"] += 1
        if cak is None or peer is None:
            if cak is None and peer is None:
                return True
            self.fail(q, f"{key}: {names[0]}={fmt(cak)} {names[1]}={fmt(peer)}")
            return False
        if not isinstance(cak, (int, float)) or isinstance(cak, bool):
            self.fail(q, f"{key}: {names[0]} value {cak!r} is not a number")
            return False
        d = abs(float(cak) - float(peer))
        big = max(abs(float(cak)), abs(float(peer)))
        r = d / big if big > 0 else 0.0
        if st["max_abs"] is None or d > st["max_abs"]:
            st["max_abs"], st["worst"] = d, key
        if st["max_rel"] is None or r > st["max_rel"]:
            st["max_rel"] = r
        if kind == "m2":
            ok = d <= max(self.rel * big, self.abs_m2)
        elif kind == "dist":
            ok = d <= self.dist
        elif kind == "share":
            ok = d <= max(self.share_abs, self.share_rel * big)
        else:
            ok = d == 0
        if not ok:
            self.fail(q, f"{key}: {names[0]}={fmt(cak)} {names[1]}={fmt(peer)} (diff {fmt(d)})")
        return ok

    def equal(self, q: str, key: str, cak, peer, explain=None) -> bool:
        st = self._stat(q)
        st["n"] += 1
        if cak == peer:
            return True
        extra = explain(cak, peer) if explain else None
        if extra == "accept":
            return True
        self.fail(q, f"{key}: cakupan={cak!r} peer={peer!r}" + (f" — {extra}" if extra else ""))
        return False


def fmt(v) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return str(v).lower()
    if isinstance(v, float):
        return f"{v:.6g}" if abs(v) < 1e6 else f"{v:.1f}"
    return str(v)


def unique_keys(ids) -> list[str]:
    """Same rule as the peer: duplicate ids get '#dup2', '#dup3', … in feature order."""
    seen: dict[str, int] = {}
    out = []
    for i in ids:
        seen[i] = seen.get(i, 0) + 1
        out.append(i if seen[i] == 1 else f"{i}#dup{seen[i]}")
    return out


def load_json(path: Path):
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except FileNotFoundError:
        sys.exit(f"compare: missing {path}")
    except json.JSONDecodeError as e:
        sys.exit(f"compare: {path} is not valid JSON: {e}")


def features_by_id(fc: dict, what: str, chk: Checker) -> dict[str, dict]:
    props = [f.get("properties") or {} for f in fc.get("features", [])]
    ids = []
    for n, p in enumerate(props, 1):
        v = p.get("id")
        if not isinstance(v, str):
            chk.fail("contract", f"{what} feature {n}: id {v!r} is not a string")
            v = str(v)
        ids.append(v)
    return dict(zip(unique_keys(ids), props))


def compare_keysets(chk: Checker, q: str, cak: dict, peer: dict) -> list[str]:
    only_c = [k for k in cak if k not in peer]
    only_p = [k for k in peer if k not in cak]
    if only_c:
        chk.fail(q, f"{len(only_c)} id(s) only in Cakupan: {only_c[:20]}")
    if only_p:
        chk.fail(q, f"{len(only_p)} id(s) only in the peer: {only_p[:20]}")
    return [k for k in cak if k in peer]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Compare a Cakupan result folder with the GeoPandas peer.")
    ap.add_argument("cakupan_out", type=Path)
    ap.add_argument("peer_out", type=Path)
    ap.add_argument("--cakupan-seconds", type=float, help="Cakupan's wall time for the same run")
    ap.add_argument("--cakupan-rss-kib", type=float, help="Cakupan's peak resident memory (KiB)")
    ap.add_argument("--rel-tol", type=float, default=1e-3, help="relative tolerance for m² (default 0.001)")
    ap.add_argument("--abs-m2", type=float, default=1.0, help="absolute tolerance for m² (default 1)")
    ap.add_argument("--dist-tol", type=float, default=0.01, help="distance tolerance in metres (default 0.01)")
    ap.add_argument("--share-tol", type=float, default=1e-3, help="absolute tolerance for shares (default 0.001)")
    ap.add_argument("--track-band", type=float, default=0.0,
                    help="metres: the run had GPS tracks, which Cakupan and the peer draw as lines differently "
                         "(Cakupan leaves out repeated passes within 25 m, the peer thins and simplifies): site "
                         "distances may differ by up to this, covered flags only within it of the radius, and "
                         "the quantities that depend on the coverage are reported, not failed")
    ap.add_argument("--max-list", type=int, default=30, help="mismatches listed per quantity (default 30)")
    args = ap.parse_args(argv)

    c_dir, p_dir = args.cakupan_out, args.peer_out
    summary = load_json(c_dir / "summary.json")
    c_areas_fc = load_json(c_dir / "areas.geojson")
    c_sites_fc = load_json(c_dir / "sites.geojson")
    c_zones_fc = load_json(c_dir / "zones.geojson")
    peer = load_json(p_dir / "peer_summary.json" if p_dir.is_dir() else p_dir)

    chk = Checker(args.rel_tol, args.abs_m2, args.dist_tol, args.share_tol, 2 * args.rel_tol)
    chk.band = args.track_band

    # ---- CRS and parameters: a difference here explains everything below
    c_crs = summary.get("crs") or {}
    c_epsg = c_crs.get("epsg")
    chk.equal("crs", "epsg", c_epsg, peer["crs"]["epsg"])
    per_zone = "per-zone" in (c_crs.get("mode"), peer["crs"].get("mode"))
    if per_zone:
        # per-zone mode (null epsg): the same mode and the same UTM zones, each with the same areas
        chk.equal("crs", "mode", c_crs.get("mode"), peer["crs"].get("mode"))
        chk.equal("crs", "zones", [(z.get("epsg"), z.get("areas")) for z in c_crs.get("zones") or []],
                  [(z["epsg"], z["areas"]) for z in peer["crs"].get("zones") or []])
    c_par = summary.get("parameters") or {}
    for k in ("radius_m", "rawan_radius_m", "min_zone_coverage"):
        if k in c_par:
            chk.number("parameters", k, c_par[k], peer["parameters"][k], "count")

    # ---- areas
    c_areas = features_by_id(c_areas_fc, "areas.geojson", chk)
    p_areas = {k: v for k, v in zip(unique_keys([a["id"] for a in peer["areas"]]), peer["areas"])}
    for k in compare_keysets(chk, "area ids", c_areas, p_areas):
        c, p = c_areas[k], p_areas[k]
        for f in ("area_m2", "covered_m2", "rawan_m2", "rawan_covered_m2"):
            chk.number(f"area.{f}", k, c.get(f), p[f], "m2")
        chk.number("area.coverage_share", k, c.get("coverage_share"), p["coverage_share"], "share")
        tiny = (c.get("rawan_m2") or 0) <= args.abs_m2 and (p["rawan_m2"] or 0) <= args.abs_m2
        if not tiny:
            chk.number("area.rawan_covered_share", k, c.get("rawan_covered_share"), p["rawan_covered_share"], "share")
        for f in ("sites_total", "sites_covered", "high_total", "high_covered"):
            chk.number(f"area.{f}", k, c.get(f), p[f], "count")
        chk.equal("area.epsg", k, c.get("epsg"), p.get("epsg"))
        if c.get("hotspots") != p["hotspots"]:
            chk.soft("area.hotspots", f"{k}: cakupan={c.get('hotspots')} peer={p['hotspots']} "
                                      "(depends on zone point-on-surface; see zone.area)")
    # summary.json's area table must say what areas.geojson says
    s_areas = {k: v for k, v in zip(unique_keys([str(a.get("id")) for a in summary.get("areas", [])]),
                                    summary.get("areas", []))}
    if s_areas:
        for k in compare_keysets(chk, "summary.areas ids", s_areas, c_areas):
            for f in ("area_m2", "covered_m2", "rawan_m2", "rawan_covered_m2"):
                chk.number("summary.areas vs areas.geojson", f"{k}.{f}", s_areas[k].get(f), c_areas[k].get(f), "m2",
                           ("summary.json", "areas.geojson"))
            for f in ("sites_total", "sites_covered", "high_total", "high_covered"):
                chk.number("summary.areas vs areas.geojson", f"{k}.{f}", s_areas[k].get(f), c_areas[k].get(f), "count",
                           ("summary.json", "areas.geojson"))

    # ---- sites
    c_sites = features_by_id(c_sites_fc, "sites.geojson", chk)
    p_sites = peer["sites"]
    for k in compare_keysets(chk, "site ids", c_sites, p_sites):
        c, p = c_sites[k], p_sites[k]
        if chk.band > 0 and c.get("distance_m") is not None and p["distance_m"] is not None:
            # GPS tracks drawn two ways (module docstring): distances within the band, and a covered
            # flag may differ only for a site within the band of its radius
            cd, pd_, r = c["distance_m"], p["distance_m"], p["radius_m"] or 0.0
            near_edge = min(abs(cd - r), abs(pd_ - r)) <= chk.band
            if abs(cd - pd_) > chk.dist:
                banded = abs(cd - pd_) <= chk.band
                chk._stat("site.distance_m")["n"] += 1
                st = chk._stat("site.distance_m")
                if st["max_abs"] is None or abs(cd - pd_) > st["max_abs"]:
                    st["max_abs"], st["worst"] = abs(cd - pd_), k
                if banded:
                    st["banded"] = st.get("banded", 0) + 1
                else:
                    chk.fail("site.distance_m", f"{k}: cakupan={fmt(cd)} peer={fmt(pd_)} beyond the track band")
                if c.get("covered") != p["covered"]:
                    chk._stat("site.covered")["n"] += 1
                    if near_edge:
                        chk._stat("site.covered")["banded"] = chk._stat("site.covered").get("banded", 0) + 1
                    else:
                        chk.fail("site.covered", f"{k}: cakupan={c.get('covered')} peer={p['covered']} (distance "
                                                 f"{fmt(cd)} / {fmt(pd_)}, radius {fmt(r)})")
                elif c.get("nearest_patrol") != p["nearest_patrol"]:
                    chk._stat("site.nearest_patrol")["banded"] = chk._stat("site.nearest_patrol").get("banded", 0) + 1
                chk.equal("site.priority", k, c.get("priority"), p["priority"])
                chk.equal("site.area", k, c.get("area"), p["area"])
                continue
        chk.number("site.distance_m", k, c.get("distance_m"), p["distance_m"], "dist")
        chk.equal("site.covered", k, c.get("covered"), p["covered"])
        chk.equal("site.priority", k, c.get("priority"), p["priority"])

        def tie(cv, pv, p=p):
            if cv is not None and cv in (p.get("nearest_ties") or []):
                chk.soft("site.nearest_patrol", f"{k}: cakupan={cv!r} peer={pv!r} are equally near (within 1 cm)")
                return "accept"
            return None
        chk.equal("site.nearest_patrol", k, c.get("nearest_patrol"), p["nearest_patrol"], tie)

        def edge(cv, pv, p=p):
            b = p.get("area_boundary")
            return f"site lies on the boundary of {b} (contains vs covers)" if b else None
        chk.equal("site.area", k, c.get("area"), p["area"], edge)

    # ---- zones
    c_zones = features_by_id(c_zones_fc, "zones.geojson", chk)
    p_zones = peer["zones"]
    for k in compare_keysets(chk, "zone ids", c_zones, p_zones):
        c, p = c_zones[k], p_zones[k]
        chk.number("zone.area_m2", k, c.get("area_m2"), p["area_m2"], "m2")
        chk.number("zone.covered_m2", k, c.get("covered_m2"), p["covered_m2"], "m2")
        chk.number("zone.covered_share", k, c.get("covered_share"), p["covered_share"], "share")
        chk.equal("zone.level", k, c.get("level"), p["level"])
        if c.get("area") != p["area"]:
            chk.soft("zone.area", f"{k}: cakupan={c.get('area')!r} peer={p['area']!r} (point-on-surface placement)")

    # ---- totals (a total the spec leaves open may match one of the peer's alternates)
    c_tot = summary.get("totals") or {}
    p_tot, alts = peer["totals"], peer.get("totals_alternates", {})
    kinds = {"areas": "count", "patrols": "count", "zones": "count", "hotspots": "count",
             "sites_total": "count", "sites_covered": "count", "high_total": "count", "high_covered": "count",
             "coverage_share": "share", "rawan_covered_share": "share"}
    for f, pv in p_tot.items():
        if f not in c_tot:
            chk.fail("totals", f"summary.json totals has no '{f}'")
            continue
        kind = kinds.get(f, "m2")
        probe = Checker(chk.rel, chk.abs_m2, chk.dist, chk.share_abs, chk.share_rel)
        if probe.number("t", f, c_tot[f], pv, kind):
            chk.number(f"totals.{f}", "totals", c_tot[f], pv, kind)
            continue
        matched = None
        for name, av in (alts.get(f) or {}).items():
            if Checker(chk.rel, chk.abs_m2, chk.dist, chk.share_abs, chk.share_rel).number("t", f, c_tot[f], av, kind):
                matched = name
                break
        if matched:
            chk.soft(f"totals.{f}", f"cakupan={fmt(c_tot[f])} matches the peer's alternate reading "
                                    f"'{matched}' (peer's primary: {fmt(pv)})")
            chk._stat(f"totals.{f}")["n"] += 1
        else:
            chk.number(f"totals.{f}", "totals", c_tot[f], pv, kind)

    # ---- hotspots: the set, then the order
    c_hs = summary.get("hotspots")
    if c_hs is None:
        hfc = load_json(c_dir / "hotspots.geojson")
        c_hs = [f.get("properties") or {} for f in hfc.get("features", [])]
    c_hs = sorted(c_hs, key=lambda h: h.get("rank", 0))
    p_hs = peer["hotspots"]
    c_refs = [(h.get("kind"), str(h.get("ref"))) for h in c_hs]
    p_refs = [(h["kind"], h["ref"]) for h in p_hs]
    c_set, p_set = set(c_refs), set(p_refs)
    st = chk._stat("hotspot set")
    st["n"] = len(c_set | p_set)
    only_c = [r for r in c_refs if r not in p_set]
    only_p = [r for r in p_refs if r not in c_set]
    p_by_ref = {r: h for r, h in zip(p_refs, p_hs)}
    for r in only_c:
        chk.fail("hotspot set", f"{r[0]} {r[1]} is a hotspot only in Cakupan")
    for r in only_p:
        ph = p_by_ref[r]
        chk.fail("hotspot set", f"{r[0]} {r[1]} is a hotspot only in the peer (level {ph['level']}, "
                                f"gap {fmt(ph['gap_metres'])} m, covered_share {fmt(ph['covered_share'])})")
    ranks = [h.get("rank") for h in c_hs]
    if ranks != list(range(1, len(c_hs) + 1)):
        chk.fail("hotspot order", f"Cakupan's ranks are not 1..{len(c_hs)}")
    p_pos = {r: i for i, r in enumerate(p_refs)}
    common = [r for r in c_refs if r in p_pos]
    st = chk._stat("hotspot order")
    st["n"] = max(len(common) - 1, 0)
    for a, b in zip(common, common[1:]):
        if p_pos[a] < p_pos[b]:
            continue
        ha, hb = p_by_ref[a], p_by_ref[b]
        ga, gb = ha["gap_metres"], hb["gap_metres"]
        if ha["level"] == hb["level"] and ga is not None and gb is not None and abs(ga - gb) <= args.dist_tol:
            chk.soft("hotspot order", f"{a} before {b} in Cakupan, after in the peer: gap metres "
                                      f"{fmt(ga)} vs {fmt(gb)} (a tie within {args.dist_tol} m)")
            continue
        chk.fail("hotspot order", f"Cakupan ranks {a[0]} {a[1]} before {b[0]} {b[1]}; the peer ranks them "
                                  f"#{p_pos[a] + 1} ({ha['level']}, gap {fmt(ga)} m) and "
                                  f"#{p_pos[b] + 1} ({hb['level']}, gap {fmt(gb)} m)")
    for h in c_hs:
        r = (h.get("kind"), str(h.get("ref")))
        if r not in p_by_ref:
            continue
        p = p_by_ref[r]
        key = f"{r[0]} {r[1]}"
        chk.equal("hotspot.level", key, h.get("level"), p["level"])
        if r[0] == "zone":
            chk.number("hotspot.gap_m2", key, h.get("gap_m2"), p["gap_m2"], "m2")
            chk.number("hotspot.covered_share", key, h.get("covered_share"), p["covered_share"], "share")
        else:
            chk.number("hotspot.distance_m", key, h.get("distance_m"), p["distance_m"], "dist")

    # ---- report
    print(f"Cakupan: {c_dir}   peer: {p_dir}")
    if per_zone:
        def zones(crs):
            return ", ".join(f"EPSG:{z.get('epsg')}" for z in crs.get("zones") or [])
        print(f"CRS: per zone (true metres); Cakupan {zones(c_crs)}; peer {zones(peer['crs'])}")
    else:
        print(f"CRS: Cakupan EPSG:{c_epsg}, peer EPSG:{peer['crs']['epsg']} ({peer['crs']['name']})")
    print()
    rows = [("quantity", "compared", "max |diff|", "max rel", "worst", "fails") + (("in track band",) if chk.band > 0 else ())]
    for q, s in chk.stats.items():
        if q == "t":
            continue
        rows.append((q, str(s["n"]), fmt(s["max_abs"]) if s["max_abs"] is not None else "-",
                     f"{s['max_rel']:.2e}" if s["max_rel"] is not None else "-", str(s["worst"] or "-")[:28],
                     str(s["fail"])) + ((str(s.get("banded", 0)),) if chk.band > 0 else ()))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for n, r in enumerate(rows):
        print("  ".join(c.ljust(w) if i in (0, 4) else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
        if n == 0:
            print("  ".join("-" * w for w in widths))

    ct, pt = summary.get("totals") or {}, peer["totals"]
    print()
    print("totals          cakupan            peer")
    for f in ("coverage_m2", "area_m2", "covered_m2", "rawan_m2", "rawan_covered_m2", "sites_total",
              "sites_covered", "high_total", "high_covered", "zones", "patrols", "hotspots"):
        print(f"  {f:<18}{fmt(ct.get(f)):>16}  {fmt(pt.get(f)):>16}")

    timing = peer.get("timing") or {}
    if timing:
        print()
        print(f"peer: {timing.get('wall_seconds')} s wall (imports {timing.get('import_seconds')} s, "
              f"read {timing.get('read_seconds')} s, compute {timing.get('compute_seconds')} s), "
              f"peak RSS {timing.get('peak_rss_kib')} KiB")
        if args.cakupan_seconds:
            print(f"wall time  peer / Cakupan = {timing['wall_seconds']} / {args.cakupan_seconds} = "
                  f"{timing['wall_seconds'] / args.cakupan_seconds:.2f}×")
        if args.cakupan_rss_kib:
            print(f"peak RSS   peer / Cakupan = {timing['peak_rss_kib']} / {args.cakupan_rss_kib:.0f} KiB = "
                  f"{timing['peak_rss_kib'] / args.cakupan_rss_kib:.2f}×")

    if chk.notes:
        print()
        print(f"notes ({len(chk.notes)}, not failures):")
        for n in chk.notes[: args.max_list * 3]:
            print(f"  {n}")
    if chk.mismatches:
        by_q = defaultdict(list)
        for q, m in chk.mismatches:
            by_q[q].append(m)
        print()
        print(f"MISMATCHES: {len(chk.mismatches)}")
        for q, ms in by_q.items():
            print(f"  {q} ({len(ms)}):")
            for m in ms[: args.max_list]:
                print(f"    {m}")
            if len(ms) > args.max_list:
                print(f"    … and {len(ms) - args.max_list} more")
        return 1
    print()
    print("OK: Cakupan and the GeoPandas peer agree." + (f" (What depends on the GPS tracks' coverage: within the {chk.band:g} m track band, see the last column.)" if chk.band > 0 else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
