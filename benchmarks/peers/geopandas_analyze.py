#!/usr/bin/env python3
"""Independent GeoPandas/Shapely implementation of Cakupan's analysis definitions.

    python3 benchmarks/peers/geopandas_analyze.py OPERATION.yaml --out DIR [--radius M]
        [--rawan-radius M] [--min-zone-coverage F] [--crs auto|EPSG:NNNN]

Reads the same operation.yaml as `cakupan analyze` and writes DIR/peer_summary.json
(per-area table, per-site and per-zone results, totals, ranked hotspots, timing and
peak memory).  It shares no code with Cakupan: it is written the way a GeoPandas
analyst would do the job (read_file, to_crs, buffer, union_all, sjoin, sjoin_nearest,
sindex queries), so that agreement between the two is evidence that both are right.
See benchmarks/peers/README.md for the definitions and the choices made where the
spec leaves room.
"""
from __future__ import annotations

import time

_T0 = time.perf_counter()  # before the heavy imports: wall time covers the whole run

import argparse
import glob
import json
import math
import os
import resource
import sys
import warnings as _pywarnings
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
import yaml

_T_IMPORTED = time.perf_counter()

QUAD_SEGS = 8
DEFAULT_RADIUS = 500.0
DEFAULT_RAWAN_RADIUS = 300.0
DEFAULT_MIN_ZONE_COVERAGE = 0.8

AREA_NAME_FIELDS = ["nama", "name", "kecamatan", "NAME_3", "WADMKC", "shapeName"]
AREA_ID_FIELDS = ["kode", "id"]
SITE_ID_FIELDS = ["id", "kode"]
SITE_NAME_FIELDS = ["nama", "name"]
SITE_CATEGORY_FIELDS = ["kategori", "category"]
SITE_PRIORITY_FIELDS = ["prioritas", "priority"]
ZONE_ID_FIELDS = ["id", "kode"]
ZONE_NAME_FIELDS = ["nama", "name"]
ZONE_LEVEL_FIELDS = ["tingkat", "level"]
PATROL_ID_FIELDS = ["name", "id"]
RADIUS_FIELD = "radius_m"

LON_NAMES = ["lon", "lng", "long", "longitude", "bujur", "x"]
LAT_NAMES = ["lat", "latitude", "lintang", "y"]
WKT_NAMES = ["wkt", "geometry", "geom", "the_geom", "wkt_geom"]

LEVELS = {
    "tinggi": "tinggi", "high": "tinggi", "3": "tinggi",
    "sedang": "sedang", "medium": "sedang", "2": "sedang",
    "rendah": "rendah", "low": "rendah", "1": "rendah",
}
LEVEL_RANK = {"tinggi": 0, "sedang": 1, "rendah": 2}

WARNINGS: list[str] = []


def warn(msg: str) -> None:
    WARNINGS.append(msg)
    print(f"peer: warning: {msg}", file=sys.stderr)


# --------------------------------------------------------------------------- fields

def is_missing(v) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    if v is pd.NA or v is pd.NaT:
        return True
    if isinstance(v, str) and v.strip() == "":
        return True
    return False


def as_id(v) -> str:
    """Ids are always strings; integral numbers print without a fractional part."""
    if isinstance(v, (bool, np.bool_)):
        return str(v).lower()
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if isinstance(v, (float, np.floating)):
        f = float(v)
        return str(int(f)) if f.is_integer() else repr(f)
    return str(v)


def resolve_column(columns, candidate: str):
    """Exact field name first, then a case-insensitive match."""
    if candidate in columns:
        return candidate
    low = candidate.lower()
    for c in columns:
        if isinstance(c, str) and c.lower() == low:
            return c
    return None


def first_present(df: pd.DataFrame, candidates: list[str]) -> pd.Series:
    """Per feature: the value of the first candidate field that is present and non-empty."""
    out = pd.Series([None] * len(df), index=df.index, dtype=object)
    for cand in candidates:
        col = resolve_column(df.columns, cand)
        if col is None or col == "geometry":
            continue
        vals = df[col]
        take = out.isna() & ~vals.map(is_missing)
        out[take] = vals[take]
    return out


def ids_from(df: pd.DataFrame, candidates: list[str], fallback) -> pd.Series:
    raw = first_present(df, candidates)
    ids = [as_id(v) if not is_missing(v) else fallback(i) for i, v in enumerate(raw)]
    return pd.Series(ids, index=df.index, dtype=object)


def level_of(v, what: str) -> str:
    if is_missing(v):
        return "sedang"
    key = as_id(v).strip().lower()
    if key in LEVELS:
        return LEVELS[key]
    warn(f"{what}: unknown level {v!r}, using 'sedang'")
    return "sedang"


def to_float(v):
    if is_missing(v):
        return None
    if isinstance(v, str):
        v = v.strip().replace(",", ".")
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


# --------------------------------------------------------------------------- reading

def with_crs(gdf: gpd.GeoDataFrame, path) -> gpd.GeoDataFrame:
    if gdf.crs is None:
        warn(f"{path}: no CRS, assuming WGS 84 (EPSG:4326)")
        gdf = gdf.set_crs(4326)
    return gdf


def drop_empty(gdf: gpd.GeoDataFrame, what: str) -> gpd.GeoDataFrame:
    bad = gdf.geometry.isna() | gdf.geometry.is_empty
    if bad.any():
        warn(f"{what}: {int(bad.sum())} feature(s) without geometry skipped")
    return gdf[~bad]


def read_vector(path: Path, layer=None) -> gpd.GeoDataFrame:
    with _pywarnings.catch_warnings():
        _pywarnings.simplefilter("ignore")
        gdf = gpd.read_file(path, layer=layer) if layer else gpd.read_file(path)
    return with_crs(gdf, path)


def read_csv_points(path: Path) -> gpd.GeoDataFrame:
    """CSV sites: ',' or ';' separator, decimal commas, UTF-8 with or without BOM,
    lon/lat columns detected case-insensitively, or a WKT column."""
    with open(path, encoding="utf-8-sig") as fh:
        header = fh.readline()
    sep = ";" if header.count(";") > header.count(",") else ","
    df = pd.read_csv(path, sep=sep, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    df.columns = [c.strip() for c in df.columns]
    lower = {c.lower(): c for c in df.columns}
    lon_col = next((lower[n] for n in LON_NAMES if n in lower), None)
    lat_col = next((lower[n] for n in LAT_NAMES if n in lower), None)
    if lon_col is not None and lat_col is not None:
        lon = df[lon_col].map(to_float)
        lat = df[lat_col].map(to_float)
        ok = lon.notna() & lat.notna()
        geom = gpd.points_from_xy(lon.where(ok, 0.0).astype(float), lat.where(ok, 0.0).astype(float))
        geom = [g if good else None for g, good in zip(geom, ok)]
        df = df.drop(columns=[lon_col, lat_col])
    else:
        wkt_col = next((lower[n] for n in WKT_NAMES if n in lower), None)
        if wkt_col is None:
            raise SystemExit(f"{path}: no lon/lat columns and no WKT column")
        geom = [shapely.from_wkt(s) if s.strip() else None for s in df[wkt_col]]
        df = df.drop(columns=[wkt_col])
    return gpd.GeoDataFrame(df, geometry=geom, crs=4326)


def read_sites(path: Path) -> gpd.GeoDataFrame:
    gdf = read_csv_points(path) if path.suffix.lower() in (".csv", ".txt") else read_vector(path)
    gdf = gdf.reset_index(drop=True)
    gdf["peer_id"] = ids_from(gdf, SITE_ID_FIELDS, lambda i: str(i + 1))
    gdf = drop_empty(gdf, f"sites {path.name}")
    types = gdf.geom_type
    multi = types == "MultiPoint"
    if multi.any():
        warn(f"sites: {int(multi.sum())} MultiPoint feature(s) reduced to their first point")
        gdf.loc[multi, "geometry"] = gdf.loc[multi].geometry.map(lambda g: g.geoms[0])
    notpt = ~gdf.geom_type.isin(["Point"])
    if notpt.any():
        warn(f"sites: {int(notpt.sum())} non-point feature(s) skipped")
        gdf = gdf[~notpt]
    gdf["peer_name"] = first_present(gdf, SITE_NAME_FIELDS)
    gdf["peer_category"] = first_present(gdf, SITE_CATEGORY_FIELDS).map(
        lambda v: None if is_missing(v) else str(v).strip().lower())
    gdf["peer_priority"] = first_present(gdf, SITE_PRIORITY_FIELDS).map(lambda v: level_of(v, "site priority"))
    return gdf


def read_zones(path: Path, rawan_radius: float, crs) -> gpd.GeoDataFrame:
    gdf = read_vector(path).reset_index(drop=True)
    gdf["peer_id"] = ids_from(gdf, ZONE_ID_FIELDS, lambda i: str(i + 1))
    gdf = drop_empty(gdf, f"rawan {path.name}")
    gdf["peer_name"] = first_present(gdf, ZONE_NAME_FIELDS)
    gdf["peer_level"] = first_present(gdf, ZONE_LEVEL_FIELDS).map(lambda v: level_of(v, "zone level"))
    gdf = gdf.to_crs(crs)
    gdf["geometry"] = shapely.force_2d(gdf.geometry.values)
    types = gdf.geom_type
    is_pt = types.isin(["Point", "MultiPoint"])
    is_poly = types.isin(["Polygon", "MultiPolygon"])
    other = ~(is_pt | is_poly)
    if other.any():
        warn(f"rawan: {int(other.sum())} feature(s) neither polygon nor point skipped")
    radius_col = resolve_column(gdf.columns, RADIUS_FIELD)
    if radius_col is not None:
        r = gdf[radius_col].map(to_float).astype(float)
    else:
        r = pd.Series(np.nan, index=gdf.index)
    r = r.where(r > 0, rawan_radius).fillna(rawan_radius)
    gdf["peer_source"] = np.where(is_pt, "point", "polygon")
    gdf["peer_radius_m"] = np.where(is_pt, r, np.nan)
    gdf.loc[is_pt, "geometry"] = gdf.loc[is_pt].geometry.buffer(r[is_pt], quad_segs=QUAD_SEGS)
    gdf = gdf[~other]
    return fix_invalid(gdf, "rawan")


def read_areas(path: Path) -> gpd.GeoDataFrame:
    gdf = read_vector(path).reset_index(drop=True)
    gdf["peer_id"] = ids_from(gdf, AREA_ID_FIELDS, lambda i: str(i + 1))
    gdf = drop_empty(gdf, f"areas {path.name}")
    gdf["peer_name"] = first_present(gdf, AREA_NAME_FIELDS)
    poly = gdf.geom_type.isin(["Polygon", "MultiPolygon"])
    if (~poly).any():
        warn(f"areas: {int((~poly).sum())} non-polygon feature(s) skipped")
        gdf = gdf[poly]
    return gdf


def patrol_layers(path: Path) -> list[str | None]:
    ext = path.suffix.lower()
    if ext == ".gpx":
        return ["tracks", "routes"]
    if ext in (".kml", ".gpkg", ".kmz"):
        return [name for name, _ in pyogrio.list_layers(path)]
    return [None]


def read_patrols(paths: list[Path], radius: float, crs) -> gpd.GeoDataFrame:
    frames = []
    for path in paths:
        order = 0
        for layer in patrol_layers(path):
            gdf = read_vector(path, layer).reset_index(drop=True)
            if gdf.empty:
                continue
            start = order
            order += len(gdf)
            gdf["peer_id"] = ids_from(gdf, PATROL_ID_FIELDS, lambda i, s=start, stem=path.stem: f"{stem}#{s + i + 1}")
            gdf = drop_empty(gdf, f"patrols {path.name}")
            lines = gdf.geom_type.isin(["LineString", "MultiLineString"])
            if (~lines).any() and path.suffix.lower() != ".gpx":
                warn(f"patrols {path.name}: {int((~lines).sum())} non-line feature(s) skipped")
            gdf = gdf[lines]
            if gdf.empty:
                continue
            radius_col = resolve_column(gdf.columns, RADIUS_FIELD)
            r = gdf[radius_col].map(to_float).astype(float) if radius_col else pd.Series(np.nan, index=gdf.index)
            gdf["peer_radius_m"] = r.where(r > 0, radius).fillna(radius)
            gdf["peer_file"] = str(path)
            gdf = gdf.to_crs(crs)
            frames.append(gdf[["peer_id", "peer_radius_m", "peer_file", "geometry"]])
    if not frames:
        return gpd.GeoDataFrame({"peer_id": [], "peer_radius_m": [], "peer_file": []}, geometry=[], crs=crs)
    pat = pd.concat(frames, ignore_index=True)
    pat["geometry"] = shapely.force_2d(pat.geometry.values)
    # a line with fewer than two distinct points has no length; GEOS would still buffer it
    # to a disc, which is what a GeoPandas user gets too, so it is kept (with a warning)
    zero = pat.geometry.length == 0
    if zero.any():
        warn(f"patrols: {int(zero.sum())} line(s) of zero length (buffered as a disc)")
    return gpd.GeoDataFrame(pat, geometry="geometry", crs=crs)


def fix_invalid(gdf: gpd.GeoDataFrame, what: str) -> gpd.GeoDataFrame:
    bad = ~gdf.geometry.is_valid
    if bad.any():
        warn(f"{what}: {int(bad.sum())} invalid polygon(s) repaired with make_valid")
        fixed = gdf.loc[bad].geometry.make_valid()
        # keep only the polygonal part of a repaired geometry
        fixed = fixed.map(lambda g: shapely.union_all([p for p in getattr(g, "geoms", [g])
                                                        if p.geom_type in ("Polygon", "MultiPolygon")]))
        gdf.loc[bad, "geometry"] = fixed
    return gdf


# --------------------------------------------------------------------------- CRS

def utm_epsg_for(lon: float, lat: float) -> int:
    zone = int(math.floor((lon + 180.0) / 6.0)) + 1
    zone = min(max(zone, 1), 60)
    return (32600 if lat >= 0 else 32700) + zone


def choose_crs(mode, layers_wgs84: list[gpd.GeoDataFrame]):
    if mode is None or str(mode).strip().lower() == "auto":
        frames = [g for g in layers_wgs84 if g is not None and not g.empty]
        if not frames:
            raise SystemExit("no features to choose a CRS from")
        bounds = np.array([g.total_bounds for g in frames])
        minx, miny = bounds[:, 0].min(), bounds[:, 1].min()
        maxx, maxy = bounds[:, 2].max(), bounds[:, 3].max()
        epsg = utm_epsg_for((minx + maxx) / 2.0, (miny + maxy) / 2.0)
        return "auto", epsg
    text = str(mode).strip().upper()
    if text.startswith("EPSG:"):
        text = text[5:]
    return "fixed", int(text)


# --------------------------------------------------------------------------- analysis

def resolve_inputs(op_path: Path, op: dict):
    base = op_path.parent

    def one(v):
        if v is None:
            return None
        if isinstance(v, dict):
            v = v.get("path")
        return (base / str(v)).resolve() if v else None

    pats = op.get("patrols") or []
    if isinstance(pats, (str, dict)):
        pats = [pats]
    patrol_paths: list[Path] = []
    for p in pats:
        p = one(p)
        if any(ch in str(p) for ch in "*?["):
            patrol_paths.extend(Path(x) for x in sorted(glob.glob(str(p))))
        else:
            patrol_paths.append(p)
    return one(op.get("areas")), one(op.get("sites")), one(op.get("rawan")), patrol_paths


def number(v, default):
    if v is None:
        return default
    if isinstance(v, str):
        v = v.strip().lower().removesuffix("m").strip().replace(",", ".")
    return float(v)


def r6(x):
    return None if x is None or (isinstance(x, float) and not math.isfinite(x)) else round(float(x), 6)


def analyze(op_path: Path, args) -> dict:
    t_start = time.perf_counter()
    op = yaml.safe_load(op_path.read_text(encoding="utf-8")) or {}
    radius = number(args.radius if args.radius is not None else op.get("radius"), DEFAULT_RADIUS)
    rawan_radius = number(args.rawan_radius if args.rawan_radius is not None else op.get("rawan_radius"),
                          DEFAULT_RAWAN_RADIUS)
    min_cov = number(args.min_zone_coverage if args.min_zone_coverage is not None else op.get("min_zone_coverage"),
                     DEFAULT_MIN_ZONE_COVERAGE)
    crs_mode = args.crs if args.crs is not None else op.get("crs", "auto")
    areas_path, sites_path, rawan_path, patrol_paths = resolve_inputs(op_path, op)

    # ---- read (in the inputs' own CRS, then WGS 84 for the CRS choice)
    areas = read_areas(areas_path) if areas_path else None
    sites = read_sites(sites_path) if sites_path else None
    if areas is not None and not areas.empty:
        crs_layers = [areas.to_crs(4326)]
    else:
        crs_layers = [g.to_crs(4326) for g in (sites,) if g is not None]
        # patrols and rawan zones need reading first when there are no areas
        if rawan_path:
            crs_layers.append(read_vector(rawan_path).to_crs(4326))
        for p in patrol_paths:
            for layer in patrol_layers(p):
                crs_layers.append(read_vector(p, layer).to_crs(4326))
    mode, epsg = choose_crs(crs_mode, crs_layers)
    crs = f"EPSG:{epsg}"
    crs_name = pyproj_name(epsg)

    if areas is not None:
        areas = fix_invalid(areas.to_crs(crs), "areas")
    else:
        areas = gpd.GeoDataFrame({"peer_id": [], "peer_name": []}, geometry=[], crs=crs)
    if sites is not None:
        sites = sites.to_crs(crs)
    else:
        sites = gpd.GeoDataFrame({"peer_id": [], "peer_name": [], "peer_category": [], "peer_priority": []}, geometry=[], crs=crs)
    zones = read_zones(rawan_path, rawan_radius, crs) if rawan_path else gpd.GeoDataFrame(
        {"peer_id": [], "peer_name": [], "peer_level": [], "peer_source": [], "peer_radius_m": []}, geometry=[], crs=crs)
    patrols = read_patrols(patrol_paths, radius, crs)
    t_read = time.perf_counter()

    for gdf, what in ((areas, "area"), (sites, "site"), (zones, "zone"), (patrols, "patrol")):
        dup = gdf["peer_id"].duplicated(keep=False)
        if dup.any():
            warn(f"{what} ids not unique: {sorted(set(gdf.loc[dup, 'peer_id']))[:10]}")

    # ---- coverage: union of each patrol buffered by its own radius
    if len(patrols):
        buffers = patrols.geometry.buffer(patrols["peer_radius_m"], quad_segs=QUAD_SEGS)
        coverage = buffers.union_all()
    else:
        coverage = shapely.Polygon()
    coverage_m2 = coverage.area

    t_coverage = time.perf_counter()

    # ---- sites
    sites = sites.reset_index(drop=True)
    if len(sites) and len(patrols):
        near = gpd.sjoin_nearest(sites[["geometry"]], patrols[["peer_id", "peer_radius_m", "geometry"]],
                                 how="left", distance_col="distance_m")
        # equidistant patrols give several rows: keep the first patrol in input order
        near = near.sort_values("index_right", kind="stable")
        near = near[~near.index.duplicated(keep="first")].sort_index()
        sites["distance_m"] = near["distance_m"]
        sites["nearest_patrol"] = near["peer_id"]
        sites["radius_m"] = near["peer_radius_m"]
        # covered: some patrol lies within its own radius (exact distance, not the buffer polygon)
        patrol_idx, site_idx = sites.sindex.query(patrols.geometry, predicate="dwithin",
                                                  distance=patrols["peer_radius_m"].to_numpy())
        sites["covered"] = False
        sites.loc[np.unique(site_idx), "covered"] = True
        # equally-near alternatives (within 1 cm) so the checker can tell a tie from an error
        s_i, p_i = patrols.sindex.query(sites.geometry, predicate="dwithin",
                                        distance=sites["distance_m"].to_numpy() + 0.01)
        ties = pd.Series(patrols["peer_id"].to_numpy()[p_i], index=s_i).groupby(level=0).agg(list)
        sites["nearest_ties"] = ties.reindex(sites.index)
    else:
        sites["distance_m"] = np.nan
        sites["nearest_patrol"] = None
        sites["radius_m"] = radius
        sites["covered"] = False
        sites["nearest_ties"] = None

    # area of a site: the first area (in input order) containing it
    areas = areas.reset_index(drop=True)
    if len(sites) and len(areas):
        inside = gpd.sjoin(sites[["geometry"]], areas[["peer_id", "geometry"]], how="inner", predicate="within")
        inside = inside.sort_values("index_right", kind="stable")
        first = inside[~inside.index.duplicated(keep="first")]
        sites["area"] = first["peer_id"].reindex(sites.index)
        # diagnostics: areas whose boundary passes within 1 mm of the site
        b_site, b_area = areas.boundary.sindex.query(sites.geometry, predicate="dwithin", distance=0.001)
        on_edge = pd.Series(areas["peer_id"].to_numpy()[b_area], index=b_site).groupby(level=0).agg(list)
        sites["area_boundary"] = on_edge.reindex(sites.index)
    else:
        sites["area"] = None
        sites["area_boundary"] = None

    # ---- zones
    zones = zones.reset_index(drop=True)
    zones["area_m2"] = zones.geometry.area
    zones["covered_m2"] = zones.geometry.intersection(coverage).area if len(zones) else []
    zones["covered_share"] = (zones["covered_m2"] / zones["area_m2"]).where(zones["area_m2"] > 0)
    gaps = zones.geometry.difference(coverage) if len(zones) else gpd.GeoSeries([], crs=crs)
    zones["gap_m2"] = gaps.area if len(zones) else []
    if len(zones) and len(areas):
        pos = gpd.GeoDataFrame(geometry=zones.geometry.representative_point(), crs=crs)
        zin = gpd.sjoin(pos, areas[["peer_id", "geometry"]], how="inner", predicate="within")
        zin = zin.sort_values("index_right", kind="stable")
        zones["area"] = zin[~zin.index.duplicated(keep="first")]["peer_id"].reindex(zones.index)
    else:
        zones["area"] = None
    rawan_union = zones.geometry.union_all() if len(zones) else shapely.Polygon()
    rawan_covered_union = shapely.intersection(rawan_union, coverage)

    # ---- hotspots
    hs = []
    for z in zones.itertuples():
        share = z.covered_share
        if share is not None and not pd.isna(share) and share < min_cov:
            uncovered = max(z.area_m2 - z.covered_m2, 0.0)
            hs.append({"kind": "zone", "ref": z.peer_id, "level": z.peer_level, "area": nz(z.area),
                       "gap_metres": math.sqrt(uncovered), "gap_m2": z.gap_m2, "covered_share": share,
                       "distance_m": None})
    for s in sites.itertuples():
        if s.peer_priority == "tinggi" and not bool(s.covered):
            d = s.distance_m
            gap = (d - s.radius_m) if d is not None and not pd.isna(d) else math.inf
            hs.append({"kind": "site", "ref": s.peer_id, "level": s.peer_priority, "area": nz(s.area),
                       "gap_metres": gap, "gap_m2": None, "covered_share": None,
                       "distance_m": None if d is None or pd.isna(d) else d})
    hs.sort(key=lambda h: (LEVEL_RANK[h["level"]], -h["gap_metres"], 0 if h["kind"] == "zone" else 1, h["ref"]))
    for i, h in enumerate(hs, 1):
        h["rank"] = i

    # ---- areas
    if len(areas):
        areas["area_m2"] = areas.geometry.area
        areas["covered_m2"] = areas.geometry.intersection(coverage).area
        areas["rawan_m2"] = areas.geometry.intersection(rawan_union).area
        areas["rawan_covered_m2"] = areas.geometry.intersection(rawan_covered_union).area
    else:
        for c in ("area_m2", "covered_m2", "rawan_m2", "rawan_covered_m2"):
            areas[c] = []
    areas["coverage_share"] = (areas["covered_m2"] / areas["area_m2"]).where(areas["area_m2"] > 0)
    areas["rawan_covered_share"] = (areas["rawan_covered_m2"] / areas["rawan_m2"]).where(areas["rawan_m2"] > 0)
    high = sites["peer_priority"] == "tinggi"
    per_area = pd.DataFrame({
        "area": sites["area"],
        "total": 1,
        "covered": sites["covered"].astype(int),
        "high_total": high.astype(int),
        "high_covered": (high & sites["covered"]).astype(int),
    }).dropna(subset=["area"]).groupby("area").sum()
    hs_per_area = pd.Series([h["area"] for h in hs if h["area"] is not None], dtype=object).value_counts()
    t_done = time.perf_counter()

    # ---- output
    area_rows = []
    for a in areas.itertuples():
        c = per_area.loc[a.peer_id] if a.peer_id in per_area.index else None
        area_rows.append({
            "id": a.peer_id, "name": nz(a.peer_name),
            "area_m2": r6(a.area_m2), "covered_m2": r6(a.covered_m2), "coverage_share": r6(nz(a.coverage_share)),
            "rawan_m2": r6(a.rawan_m2), "rawan_covered_m2": r6(a.rawan_covered_m2),
            "rawan_covered_share": r6(nz(a.rawan_covered_share)),
            "sites_total": int(c["total"]) if c is not None else 0,
            "sites_covered": int(c["covered"]) if c is not None else 0,
            "high_total": int(c["high_total"]) if c is not None else 0,
            "high_covered": int(c["high_covered"]) if c is not None else 0,
            "hotspots": int(hs_per_area.get(a.peer_id, 0)),
            "epsg": epsg,
        })

    site_out = {}
    for s, key in zip(sites.itertuples(), unique_keys(sites["peer_id"])):
        site_out[key] = {
            "id": s.peer_id, "name": nz(s.peer_name), "category": nz(s.peer_category), "priority": s.peer_priority,
            "radius_m": r6(s.radius_m), "distance_m": r6(nz(s.distance_m)), "covered": bool(s.covered),
            "nearest_patrol": nz(s.nearest_patrol), "nearest_ties": listish(s.nearest_ties),
            "area": nz(s.area), "area_boundary": listish(s.area_boundary),
        }
    zone_out = {}
    for z, key in zip(zones.itertuples(), unique_keys(zones["peer_id"])):
        zone_out[key] = {
            "id": z.peer_id, "name": nz(z.peer_name), "level": z.peer_level, "source": z.peer_source,
            "radius_m": r6(nz(z.peer_radius_m)), "area_m2": r6(z.area_m2), "covered_m2": r6(z.covered_m2),
            "covered_share": r6(nz(z.covered_share)), "gap_m2": r6(z.gap_m2), "area": nz(z.area),
        }

    n_sites = len(sites)
    in_area = sites["area"].notna()
    tot_area = float(areas["area_m2"].sum())
    tot_cov = float(areas["covered_m2"].sum())
    areas_union = areas.geometry.union_all() if len(areas) else shapely.Polygon()
    zone_sum = float(zones["area_m2"].sum())
    zone_cov_sum = float(zones["covered_m2"].sum())
    area_rawan = float(areas["rawan_m2"].sum())
    area_rawan_cov = float(areas["rawan_covered_m2"].sum())
    totals = {
        "areas": len(areas),
        "area_m2": r6(tot_area),
        "covered_m2": r6(tot_cov),
        "coverage_share": r6(tot_cov / tot_area) if tot_area > 0 else None,
        "coverage_m2": r6(coverage_m2),
        "patrols": len(patrols),
        "sites_total": n_sites,
        "sites_covered": int(sites["covered"].sum()),
        "high_total": int(high.sum()),
        "high_covered": int((high & sites["covered"]).sum()),
        "zones": len(zones),
        "rawan_m2": r6(rawan_union.area),
        "rawan_covered_m2": r6(rawan_covered_union.area),
        "rawan_covered_share": r6(rawan_covered_union.area / rawan_union.area) if rawan_union.area > 0 else None,
        "hotspots": len(hs),
    }
    # other readings of the same total that the spec does not rule out; the checker reports
    # which one Cakupan matched instead of failing on a definition question
    alternates = {
        "area_m2": {"area of the union of the areas": r6(areas_union.area)},
        "covered_m2": {"area of (union of areas) ∩ coverage": r6(shapely.intersection(areas_union, coverage).area)},
        "sites_total": {"sites inside an area": int(in_area.sum())},
        "sites_covered": {"covered sites inside an area": int((in_area & sites["covered"]).sum())},
        "high_total": {"tinggi sites inside an area": int((in_area & high).sum())},
        "high_covered": {"covered tinggi sites inside an area": int((in_area & high & sites["covered"]).sum())},
        "rawan_m2": {"sum of zone areas": r6(zone_sum), "sum of per-area rawan_m2": r6(area_rawan)},
        "rawan_covered_m2": {"sum of zone covered_m2": r6(zone_cov_sum),
                             "sum of per-area rawan_covered_m2": r6(area_rawan_cov)},
        "rawan_covered_share": {
            "sum of zone covered / sum of zone areas": r6(zone_cov_sum / zone_sum) if zone_sum > 0 else None,
            "per-area sums": r6(area_rawan_cov / area_rawan) if area_rawan > 0 else None},
    }
    hotspots = [{"rank": h["rank"], "kind": h["kind"], "ref": h["ref"], "level": h["level"], "area": h["area"],
                 "gap_metres": r6(h["gap_metres"]) if math.isfinite(h["gap_metres"]) else None,
                 "gap_m2": r6(h["gap_m2"]), "covered_share": r6(h["covered_share"]),
                 "distance_m": r6(h["distance_m"])} for h in hs]

    t_end = time.perf_counter()
    return {
        "tool": "geopandas-peer",
        "versions": {"python": sys.version.split()[0], "geopandas": gpd.__version__, "shapely": shapely.__version__,
                     "geos": ".".join(map(str, shapely.geos_version)), "pyogrio": pyogrio.__version__,
                     "gdal": ".".join(map(str, pyogrio.__gdal_version__)), "pandas": pd.__version__},
        "operation": op.get("name"),
        "inputs": {"areas": str(areas_path) if areas_path else None, "sites": str(sites_path) if sites_path else None,
                   "rawan": str(rawan_path) if rawan_path else None, "patrols": [str(p) for p in patrol_paths]},
        "crs": {"mode": mode, "epsg": epsg, "name": crs_name},
        "parameters": {"radius_m": radius, "rawan_radius_m": rawan_radius, "min_zone_coverage": min_cov,
                       "quadrant_segments": QUAD_SEGS},
        "totals": totals,
        "totals_alternates": alternates,
        "areas": area_rows,
        "sites": site_out,
        "zones": zone_out,
        "hotspots": hotspots,
        "patrols": [{"id": p.peer_id, "file": p.peer_file, "radius_m": r6(p.peer_radius_m),
                     "length_m": r6(p.geometry.length)} for p in patrols.itertuples()],
        "warnings": WARNINGS,
        "timing": {
            "wall_seconds": None,  # filled in by main() after writing
            "import_seconds": round(_T_IMPORTED - _T0, 4),
            "read_seconds": round(t_read - t_start, 4),
            "compute_seconds": round(t_done - t_read, 4),
            "coverage_seconds": round(t_coverage - t_read, 4),  # buffers + union_all (part of compute)
            "report_seconds": round(t_end - t_done, 4),
        },
    }


def pyproj_name(epsg: int) -> str:
    from pyproj import CRS
    return CRS.from_epsg(epsg).name


def nz(v):
    """NaN / NA / None → None; numpy scalars → Python scalars."""
    if v is None:
        return None
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(v, np.generic):
        return v.item()
    return v


def listish(v):
    return list(v) if isinstance(v, (list, tuple, np.ndarray)) else None


def unique_keys(ids) -> list[str]:
    """Duplicate ids get '#dup2', '#dup3', … in feature order (compare.py does the same)."""
    seen: dict[str, int] = {}
    out = []
    for i in ids:
        seen[i] = seen.get(i, 0) + 1
        out.append(i if seen[i] == 1 else f"{i}#dup{seen[i]}")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("operation", type=Path, help="operation.yaml")
    ap.add_argument("--out", type=Path, required=True, help="output folder (peer_summary.json is written there)")
    ap.add_argument("--radius", type=float, help="default patrol radius in metres (overrides the yaml)")
    ap.add_argument("--rawan-radius", type=float, help="radius of point rawan zones without radius_m")
    ap.add_argument("--min-zone-coverage", type=float, help="zones below this covered share are hotspots")
    ap.add_argument("--crs", help="auto (default) or EPSG:NNNN (overrides the yaml)")
    args = ap.parse_args(argv)

    result = analyze(args.operation, args)
    args.out.mkdir(parents=True, exist_ok=True)
    result["timing"]["wall_seconds"] = round(time.perf_counter() - _T0, 4)
    result["timing"]["peak_rss_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tmp = args.out / "peer_summary.json.tmp"
    tmp.write_text(json.dumps(result, ensure_ascii=False, indent=1, allow_nan=False) + "\n", encoding="utf-8")
    os.replace(tmp, args.out / "peer_summary.json")
    t = result["totals"]
    print(f"peer: {t['areas']} areas, {t['sites_total']} sites ({t['sites_covered']} covered), {t['zones']} zones, "
          f"{t['patrols']} patrols, coverage {t['coverage_m2']:.1f} m², {t['hotspots']} hotspots; "
          f"EPSG:{result['crs']['epsg']}; {result['timing']['wall_seconds']:.2f} s, "
          f"{result['timing']['peak_rss_kib']} KiB peak → {args.out / 'peer_summary.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
