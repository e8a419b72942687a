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

CRS.  Every layer is read into lon/lat (WGS 84) and measured in a projected CRS: the
UTM zone of the centre of the areas' bounding box (of all inputs without areas), or
--crs.  In auto mode, when the inputs reach more than 3° of longitude beyond that
zone, the run goes per zone (Cakupan's rule): each area is measured in the UTM zone of
the centre of its own bounding box; a site or rawan zone in the zone of the first area
containing it (decided in lon/lat; a zone by its representative point), else in the
zone of its own position; each zone's group also takes the patrols whose box is within
0.5° of its inputs or reaches into its strip of longitudes.  Every group goes through
the same analysis (to_crs, buffer, union_all, sjoin_nearest, …) and the results are
concatenated in input order.  Per zone, values are true metres on the WGS 84
ellipsoid, through the scale factor k of pyproj's Proj.get_factors: a patrol's buffer
is drawn with radius × k at the centre of its lon/lat box and a point zone's circle
with radius × k at its centre; a site's distance is the planar distance / k at the
site, and it is covered when that is within the patrol's radius; the areas of areas
and zones, and of their covered and rawan parts, are divided by k² at their centroid;
the unions (coverage, rawan zones, their intersection) are measured on the ellipsoid
with pyproj.Geod, each group's coverage only within its strip (clipped in lon/lat),
so that neighbouring groups do not count the same coverage twice.
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
import pyproj
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


def read_zones_lonlat(path: Path, rawan_radius: float) -> gpd.GeoDataFrame:
    """Rawan zones in lon/lat (EPSG:4326): polygons, and points kept as points with their radius
    (`peer_radius_m`); `draw_zones` projects them and draws the circles."""
    gdf = read_vector(path).reset_index(drop=True)
    gdf["peer_id"] = ids_from(gdf, ZONE_ID_FIELDS, lambda i: str(i + 1))
    gdf = drop_empty(gdf, f"rawan {path.name}")
    gdf["peer_name"] = first_present(gdf, ZONE_NAME_FIELDS)
    gdf["peer_level"] = first_present(gdf, ZONE_LEVEL_FIELDS).map(lambda v: level_of(v, "zone level"))
    gdf = gdf.to_crs(4326)
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
    return gdf[~other]


def draw_zones(zones: gpd.GeoDataFrame, crs, scale: "Scale | None" = None) -> gpd.GeoDataFrame:
    """Lon/lat zones projected to `crs`, point zones drawn as circles (quad_segs 8) of their radius
    times the scale factor k at the point (`scale`; k = 1 in the plane), invalid polygons repaired."""
    gdf = zones.to_crs(crs)
    is_pt = (gdf["peer_source"] == "point").to_numpy()
    if is_pt.any():
        centres = gdf.geometry[is_pt]
        k = scale.k(centres.representative_point()) if scale is not None else 1.0   # (a MultiPoint: one of its points)
        gdf.loc[is_pt, "geometry"] = centres.buffer(gdf["peer_radius_m"].to_numpy()[is_pt] * k, quad_segs=QUAD_SEGS)
    return fix_invalid(gdf, "rawan")


def read_zones(path: Path, rawan_radius: float, crs) -> gpd.GeoDataFrame:
    """Zones projected to `crs` and drawn there (used by geopandas_temporal.py)."""
    return draw_zones(read_zones_lonlat(path, rawan_radius), crs)


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
    zero = shapely.length(pat.geometry.values) == 0
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

PER_ZONE_REACH_DEG = 3.0     # auto mode goes per zone when the inputs reach further beyond the zone
PATROL_MARGIN_DEG = 0.5      # per zone: patrols this close (lon/lat box) to a group's inputs join it
METRES_PER_DEGREE = 111_320.0
GEOD = pyproj.Geod(ellps="WGS84")


def utm_zone(lon):
    """UTM zone number(s) 1…60 of longitude(s): floor((lon + 180) / 6) + 1."""
    return np.clip(np.floor((np.asarray(lon, dtype=float) + 180.0) / 6.0).astype(int) + 1, 1, 60)


def zone_edges(zone: int) -> tuple[float, float]:
    west = (zone - 1) * 6.0 - 180.0
    return west, west + 6.0


def utm_epsg_for(lon: float, lat: float) -> int:
    return (32600 if lat >= 0 else 32700) + int(utm_zone(lon))


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


def reach_beyond_zone(epsg: int, layers_wgs84: list[gpd.GeoDataFrame]) -> float:
    """How many degrees of longitude the inputs reach beyond the edges of `epsg`'s UTM zone."""
    frames = [g for g in layers_wgs84 if g is not None and not g.empty]
    if not frames or not (32601 <= epsg <= 32660 or 32701 <= epsg <= 32760):
        return 0.0
    bounds = np.array([g.total_bounds for g in frames])
    west, east = zone_edges(epsg % 100)
    return max(west - bounds[:, 0].min(), bounds[:, 2].max() - east)


class Scale:
    """The point scale factor k of a group's projection (pyproj `Proj.get_factors`): how many metres in
    the projected plane one true metre on the WGS 84 ellipsoid becomes at a place.  UTM is conformal:
    k is the same in every direction (meridional = parallel scale) and areas scale by k² (areal
    scale).  Without an EPSG code (single-CRS mode, measuring in the plane) k ≡ 1."""

    def __init__(self, epsg: int | None = None):
        self.proj = pyproj.Proj(f"EPSG:{epsg}") if epsg is not None else None

    def _factors(self, points: gpd.GeoSeries):
        lon, lat = self.proj(shapely.get_x(points.values), shapely.get_y(points.values), inverse=True)
        return self.proj.get_factors(lon, lat)

    def k(self, points: gpd.GeoSeries) -> np.ndarray:
        """k at projected points (for distances and radii)."""
        if self.proj is None or len(points) == 0:
            return np.ones(len(points))
        return np.asarray(self._factors(points).meridional_scale, dtype=float)

    def k_lonlat(self, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
        """k at lon/lat positions (degrees)."""
        if self.proj is None or len(lon) == 0:
            return np.ones(len(lon))
        return np.asarray(self.proj.get_factors(lon, lat).meridional_scale, dtype=float)

    def k2(self, polygons: gpd.GeoSeries) -> np.ndarray:
        """k² at the centroid of projected polygons (for their areas and the parts clipped from them)."""
        if self.proj is None or len(polygons) == 0:
            return np.ones(len(polygons))
        return np.asarray(self._factors(polygons.centroid).areal_scale, dtype=float)


def ellipsoidal_area(geom, crs, strip: tuple[float, float] | None = None) -> float:
    """True area (m²) on the WGS 84 ellipsoid of a projected (multi)polygon: taken back to lon/lat,
    clipped there to the longitudes `strip` = (west, east) when given, and measured with pyproj.Geod
    (exact, wherever k varies across a large union)."""
    if geom is None or geom.is_empty:
        return 0.0
    ll = gpd.GeoSeries([geom], crs=crs).to_crs(4326).iloc[0]
    if not ll.is_valid:
        ll = shapely.make_valid(ll)
    if strip is not None:
        ll = ll.intersection(shapely.box(strip[0], -90.0, strip[1], 90.0))
    parts = [p for p in shapely.get_parts(ll) if p.geom_type == "Polygon"]
    return float(sum(GEOD.geometry_area_perimeter(shapely.orient_polygons(p))[0] for p in parts))


class Group:
    """One projected CRS and the inputs measured in it (positions in the lon/lat layers)."""

    def __init__(self, epsg: int, areas, sites, zones, patrols, strip=None, scaled=False):
        self.epsg, self.scaled, self.strip = epsg, scaled, strip
        self.areas, self.sites, self.zones, self.patrols = (np.asarray(v, dtype=int) for v in
                                                            (areas, sites, zones, patrols))


def first_area(points: gpd.GeoSeries, areas: gpd.GeoDataFrame) -> pd.Series:
    """Per point: the label of the first area (input order) that contains it (`within`: a point on
    the boundary is not inside), -1 outside every area."""
    out = pd.Series(-1, index=points.index, dtype=int)
    if len(points) and len(areas):
        inside = gpd.sjoin(gpd.GeoDataFrame(geometry=points), areas[["geometry"]], how="inner", predicate="within")
        inside = inside.sort_values("index_right", kind="stable")
        first = inside[~inside.index.duplicated(keep="first")]["index_right"]
        out[first.index] = first.to_numpy()
    return out


def boundary_areas(points: gpd.GeoSeries, areas: gpd.GeoDataFrame, tol: float) -> pd.Series:
    """Diagnostics: per point, the ids of the areas whose boundary passes within `tol` of it."""
    if not (len(points) and len(areas)):
        return pd.Series(None, index=points.index, dtype=object)
    p_i, a_i = areas.boundary.sindex.query(points, predicate="dwithin", distance=tol)
    return pd.Series(areas["peer_id"].to_numpy()[a_i], index=points.index[p_i]).groupby(level=0).agg(list) \
        .reindex(points.index)


def plan_per_zone(areas: gpd.GeoDataFrame, sites: gpd.GeoDataFrame, zones: gpd.GeoDataFrame,
                  patrols: gpd.GeoDataFrame, site_area: pd.Series, zone_area: pd.Series,
                  zone_points: gpd.GeoSeries) -> list[Group]:
    """Per-zone mode's groups, from the lon/lat layers.  Each area goes to the UTM zone of the centre of
    its bounding box; a site or rawan zone to the zone of the area containing it (`site_area`,
    `zone_area`: first area in input order, by the zone's representative point), else to the zone of
    its own position.  North and south variants of a zone are one projection up to the false
    northing, so a zone is one group, in the hemisphere of most of its areas (ties and area-less
    zones: south; no number depends on it).  A group's share of the coverage layer is the strip of
    longitudes of its zone, extended halfway across zones no group uses and unbounded at both ends.
    Its patrols: every patrol whose box, widened by its radius, reaches into the strip, and every
    patrol whose box is within PATROL_MARGIN_DEG of the group's inputs."""
    b = areas.bounds.to_numpy() if len(areas) else np.empty((0, 4))
    area_zone = utm_zone((b[:, 0] + b[:, 2]) / 2)
    area_south = (b[:, 1] + b[:, 3]) / 2 < 0

    def follow(area_pos: pd.Series, own_lon: np.ndarray) -> np.ndarray:
        zone = utm_zone(own_lon)
        pos = area_pos.to_numpy()
        zone[pos >= 0] = area_zone[pos[pos >= 0]]
        return zone

    site_zone = follow(site_area, shapely.get_x(sites.geometry.values))
    zone_zone = follow(zone_area, shapely.get_x(zone_points.values))
    area_groups = pd.Series(area_zone).groupby(area_zone).indices
    site_groups = pd.Series(site_zone).groupby(site_zone).indices
    zone_groups = pd.Series(zone_zone).groupby(zone_zone).indices
    used = sorted(int(z) for z in set(area_groups) | set(site_groups) | set(zone_groups))

    # boxes (lon/lat) of the inputs and of the patrols
    site_xy = np.column_stack([shapely.get_x(sites.geometry.values), shapely.get_y(sites.geometry.values)]) \
        if len(sites) else np.empty((0, 2))
    zb = zones.bounds.to_numpy() if len(zones) else np.empty((0, 4))
    pb = patrols.bounds.to_numpy() if len(patrols) else np.empty((0, 4))
    # a patrol's radius in degrees of longitude at its latitude farthest from the equator
    cos_lat = np.maximum(np.cos(np.radians(np.maximum(np.abs(pb[:, 1]), np.abs(pb[:, 3])))), 0.01)
    reach = patrols["peer_radius_m"].to_numpy(dtype=float) / (METRES_PER_DEGREE * cos_lat) if len(patrols) else 0.0

    groups = []
    for n, z in enumerate(used):
        a = area_groups.get(z, np.empty(0, int))
        s = site_groups.get(z, np.empty(0, int))
        zz = zone_groups.get(z, np.empty(0, int))
        south = int(area_south[a].sum()) >= len(a) - int(area_south[a].sum())
        west, east = zone_edges(z)
        strip = ((zone_edges(used[n - 1])[1] + west) / 2 if n > 0 else -180.0,
                 (east + zone_edges(used[n + 1])[0]) / 2 if n + 1 < len(used) else 180.0)
        box = np.concatenate([b[a], np.column_stack([site_xy[s], site_xy[s]]), zb[zz]])
        lo = box[:, :2].min(axis=0) - PATROL_MARGIN_DEG
        hi = box[:, 2:].max(axis=0) + PATROL_MARGIN_DEG
        near = (pb[:, 2] >= lo[0]) & (pb[:, 0] <= hi[0]) & (pb[:, 3] >= lo[1]) & (pb[:, 1] <= hi[1])
        in_strip = (pb[:, 2] + reach >= strip[0]) & (pb[:, 0] - reach <= strip[1])
        groups.append(Group((32700 if south else 32600) + z, a, s, zz, np.flatnonzero(near | in_strip),
                            strip=strip, scaled=True))
    return groups


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


def polygonal(geoms: np.ndarray) -> np.ndarray:
    """The polygonal part of each geometry: an intersection of two polygons that touch can also hold
    lines and points, which have no area but upset a later difference."""
    geoms = np.asarray(geoms, dtype=object).copy()
    kind = shapely.get_type_id(geoms)
    for i in np.flatnonzero(~np.isin(kind, (3, 6))):        # not Polygon / MultiPolygon
        polys = [p for p in shapely.get_parts(geoms[i]) if p.geom_type in ("Polygon", "MultiPolygon")]
        geoms[i] = shapely.union_all(polys) if polys else shapely.Polygon()
    return geoms


def clipped_area(polys: gpd.GeoSeries, union) -> np.ndarray:
    """Per polygon, area(polygon ∩ union), in the plane: one bulk overlay of the polygons with the
    union's parts (STRtree query, vectorised intersection), summed per polygon with `bincount`. The
    parts of a unary union are disjoint, so the sum is the area of the intersection; and each
    polygon meets only the parts near it instead of walking every ring of the whole union."""
    parts = shapely.get_parts(union) if union is not None and not union.is_empty else np.empty(0, dtype=object)
    if not len(polys) or not len(parts):
        return np.zeros(len(polys))
    p_i, u_i = shapely.STRtree(parts).query(polys.values, predicate="intersects")
    pieces = shapely.intersection(polys.values[p_i], parts[u_i])
    return np.bincount(p_i, weights=shapely.area(pieces), minlength=len(polys))


def measure_group(g: Group, areas_ll, sites_ll, zones_ll, patrols_ll, radius: float,
                  contained: bool) -> dict:
    """The analysis of one group in its projected CRS: coverage, sites, zones and areas.  Values are
    in true metres when the group is scale-corrected (per-zone mode): buffers drawn with radius × k at
    the centre of the patrol's lon/lat box, circles with radius × k at their centre, a site's
    distances divided by k at the site, the areas of areas and zones (and of their parts) divided by
    k² at their centroid, and the unions (coverage in the group's strip, rawan) measured on the
    ellipsoid.  `contained`: the
    area of each site and zone is already known (per-zone mode decided it in lon/lat); otherwise it
    is found here, in the projected CRS.  Returns per-feature frames indexed like the lon/lat layers,
    and the group's totals."""
    crs = f"EPSG:{g.epsg}"
    scale = Scale(g.epsg if g.scaled else None)
    areas = fix_invalid(areas_ll.iloc[g.areas][["peer_id", "geometry"]].to_crs(crs), "areas")
    sites = sites_ll.iloc[g.sites][["geometry"]].to_crs(crs)
    zones = draw_zones(zones_ll.iloc[g.zones], crs, scale)
    patrols = patrols_ll.iloc[g.patrols][["peer_id", "peer_radius_m", "geometry"]].to_crs(crs)

    # ---- coverage: union of each patrol buffered by its own radius (times k at the centre of the
    # patrol's lon/lat box)
    t0 = time.perf_counter()
    box = patrols_ll.geometry.iloc[g.patrols].bounds.to_numpy()
    k = scale.k_lonlat((box[:, 0] + box[:, 2]) / 2, (box[:, 1] + box[:, 3]) / 2)
    # multi-part patrols (GPS tracks in pieces) buffered part by part: the union is the same set, and
    # GEOS buffers a multi-line by noding all its parts' offset curves at once, which is slow
    lines = patrols.geometry.values
    parts = shapely.get_parts(lines)
    radii = np.repeat(patrols["peer_radius_m"].to_numpy() * k, shapely.get_num_geometries(lines))
    buffers = shapely.buffer(parts, radii, quad_segs=QUAD_SEGS)
    coverage = shapely.union_all(buffers) if len(buffers) else shapely.Polygon()
    coverage_seconds = time.perf_counter() - t0

    # ---- sites
    s = pd.DataFrame(index=sites.index)
    k_site = scale.k(sites.geometry)
    if len(sites) and len(patrols):
        near = gpd.sjoin_nearest(sites[["geometry"]], patrols, how="left", distance_col="planar_m")
        # equidistant patrols give several rows: keep the first patrol in input order
        near = near.sort_values("index_right", kind="stable")
        near = near[~near.index.duplicated(keep="first")].reindex(sites.index)
        planar = near["planar_m"].to_numpy()
        s["distance_m"] = planar / k_site
        s["nearest_patrol"] = near["peer_id"]
        s["radius_m"] = near["peer_radius_m"]
        # covered: some patrol lies within its own radius (exact distance, not the buffer polygon),
        # in true metres: planar distance ≤ radius × k at the site
        radii = patrols["peer_radius_m"].to_numpy()
        s_i, p_i = patrols.sindex.query(sites.geometry, predicate="dwithin", distance=radii.max() * k_site)
        hit = shapely.dwithin(sites.geometry.values[s_i], patrols.geometry.values[p_i], radii[p_i] * k_site[s_i])
        covered = np.zeros(len(sites), dtype=bool)
        covered[s_i[hit]] = True
        s["covered"] = covered
        # equally-near alternatives (within 1 cm) so the checker can tell a tie from an error
        s_i, p_i = patrols.sindex.query(sites.geometry, predicate="dwithin", distance=planar + 0.01 * k_site)
        ties = pd.Series(patrols["peer_id"].to_numpy()[p_i], index=sites.index[s_i]).groupby(level=0).agg(list)
        s["nearest_ties"] = ties.reindex(sites.index)
    else:
        s["distance_m"] = np.nan
        s["nearest_patrol"] = None
        s["radius_m"] = radius
        s["covered"] = False
        s["nearest_ties"] = None
    if not contained:
        # area of a site: the first area (in input order) containing it; diagnostics: areas whose
        # boundary passes within 1 mm of the site
        s["area"] = first_area(sites.geometry, areas).map(areas_ll["peer_id"])
        s["area_boundary"] = boundary_areas(sites.geometry, areas, 0.001)

    # ---- zones
    z = pd.DataFrame(index=zones.index)
    k2 = scale.k2(zones.geometry)
    planar = zones.geometry.area.to_numpy()
    covered = np.minimum(clipped_area(zones.geometry, coverage), planar)
    z["area_m2"] = planar / k2
    z["covered_m2"] = covered / k2
    z["gap_m2"] = (planar - covered) / k2          # area(zone − coverage) = area(zone) − area(zone ∩ coverage)
    if not contained:
        z["area"] = first_area(zones.geometry.representative_point(), areas).map(areas_ll["peer_id"])
    rawan_union = zones.geometry.union_all() if len(zones) else shapely.Polygon()
    rawan_covered_union = shapely.intersection(rawan_union, coverage)

    # ---- areas
    a = pd.DataFrame(index=areas.index)
    k2 = scale.k2(areas.geometry)
    a["area_m2"] = areas.geometry.area / k2
    a["covered_m2"] = clipped_area(areas.geometry, coverage) / k2
    a["rawan_m2"] = clipped_area(areas.geometry, rawan_union) / k2
    a["rawan_covered_m2"] = clipped_area(areas.geometry, rawan_covered_union) / k2
    a["epsg"] = g.epsg
    areas_union = areas.geometry.union_all() if len(areas) else shapely.Polygon()

    # ---- the group's totals: the unions, in the plane or on the ellipsoid; the coverage only in the
    # group's strip, so that neighbouring groups do not count the same coverage twice
    def measured(geom, strip=None):
        return ellipsoidal_area(geom, crs, strip) if g.scaled else geom.area

    totals = {
        "coverage_m2": measured(coverage, g.strip),
        "rawan_m2": measured(rawan_union),
        "rawan_covered_m2": measured(rawan_covered_union),
        "areas_union_m2": measured(areas_union),
        "areas_union_covered_m2": measured(shapely.intersection(areas_union, coverage)),
    }
    return {"areas": a, "sites": s, "zones": z, "totals": totals, "coverage_seconds": coverage_seconds}


def analyze(op_path: Path, args, extra_patrols: gpd.GeoDataFrame | None = None) -> dict:
    """The analysis of OPERATION.yaml; `extra_patrols` (lon/lat: peer_id, peer_radius_m, peer_file,
    geometry) are added after the yaml's patrols (geopandas_temporal.py --coverage: the GPS tracks)."""
    t_start = time.perf_counter()
    op = yaml.safe_load(op_path.read_text(encoding="utf-8")) or {}
    radius = number(args.radius if args.radius is not None else op.get("radius"), DEFAULT_RADIUS)
    rawan_radius = number(args.rawan_radius if args.rawan_radius is not None else op.get("rawan_radius"),
                          DEFAULT_RAWAN_RADIUS)
    min_cov = number(args.min_zone_coverage if args.min_zone_coverage is not None else op.get("min_zone_coverage"),
                     DEFAULT_MIN_ZONE_COVERAGE)
    crs_mode = args.crs if args.crs is not None else op.get("crs", "auto")
    areas_path, sites_path, rawan_path, patrol_paths = resolve_inputs(op_path, op)

    # ---- read, everything in lon/lat (WGS 84); each group projects its share
    areas = read_areas(areas_path).to_crs(4326).reset_index(drop=True) if areas_path else \
        gpd.GeoDataFrame({"peer_id": [], "peer_name": []}, geometry=[], crs=4326)
    sites = read_sites(sites_path).to_crs(4326).reset_index(drop=True) if sites_path else \
        gpd.GeoDataFrame({"peer_id": [], "peer_name": [], "peer_category": [], "peer_priority": []},
                         geometry=[], crs=4326)
    zones = read_zones_lonlat(rawan_path, rawan_radius).reset_index(drop=True) if rawan_path else \
        gpd.GeoDataFrame({"peer_id": [], "peer_name": [], "peer_level": [], "peer_source": [], "peer_radius_m": []},
                         geometry=[], crs=4326)
    patrols = read_patrols(patrol_paths, radius, 4326)
    if extra_patrols is not None and len(extra_patrols):
        patrols = gpd.GeoDataFrame(pd.concat([patrols, extra_patrols], ignore_index=True), geometry="geometry", crs=4326)
    t_read = time.perf_counter()

    for gdf, what in ((areas, "area"), (sites, "site"), (zones, "zone"), (patrols, "patrol")):
        dup = gdf["peer_id"].duplicated(keep=False)
        if dup.any():
            warn(f"{what} ids not unique: {sorted(set(gdf.loc[dup, 'peer_id']))[:10]}")

    # ---- CRS: the UTM zone of the centre of the areas' box (of all inputs without areas); in auto
    # mode, per zone when the inputs reach more than 3° of longitude beyond that zone
    mode, epsg = choose_crs(crs_mode, [areas] if len(areas) else [sites, zones, patrols])
    per_zone = mode == "auto" and reach_beyond_zone(epsg, [areas, sites, zones, patrols]) > PER_ZONE_REACH_DEG
    if per_zone:
        # which area holds each site and zone decides its group, so it is found in lon/lat
        areas = fix_invalid(areas, "areas")
        zone_points = zones.geometry.representative_point()
        site_area = first_area(sites.geometry, areas)
        zone_area = first_area(zone_points, areas)
        sites["area"] = site_area.map(areas["peer_id"])
        sites["area_boundary"] = boundary_areas(sites.geometry, areas, 1e-8)   # 1e-8° ≈ 1 mm
        zones["area"] = zone_area.map(areas["peer_id"])
        groups = plan_per_zone(areas, sites, zones, patrols, site_area, zone_area, zone_points)
        print(f"peer: per-zone mode, {len(groups)} UTM zones: "
              f"{', '.join(f'EPSG:{g.epsg}' for g in groups)}", file=sys.stderr)
    else:
        groups = [Group(epsg, range(len(areas)), range(len(sites)), range(len(zones)), range(len(patrols)))]

    # ---- the analysis of each group in its CRS, then combined in input order
    parts = [measure_group(g, areas, sites, zones, patrols, radius, contained=per_zone) for g in groups]
    for layer, key in ((areas, "areas"), (sites, "sites"), (zones, "zones")):
        measured = pd.concat([p[key] for p in parts])
        for col in measured.columns:
            layer[col] = measured[col].reindex(layer.index)
    group_totals = {k: sum(p["totals"][k] for p in parts) for k in parts[0]["totals"]}
    coverage_m2 = group_totals["coverage_m2"]
    coverage_seconds = sum(p["coverage_seconds"] for p in parts)
    if per_zone and len(patrols):
        # a group holds the patrols within PATROL_MARGIN_DEG of its inputs: a site farther than that
        # from the nearest of them might have a nearer patrol outside its group
        lat = np.radians(np.abs(shapely.get_y(sites.geometry.values)))
        far = sites["distance_m"].isna() | (sites["distance_m"] > PATROL_MARGIN_DEG * METRES_PER_DEGREE * np.cos(lat))
        if far.any():
            warn(f"sites: {int(far.sum())} site(s) farther than {PATROL_MARGIN_DEG}° from the nearest patrol of "
                 "their zone's group (a patrol outside the group could be nearer)")

    zones["covered_share"] = (zones["covered_m2"] / zones["area_m2"]).where(zones["area_m2"] > 0)
    rawan_m2, rawan_covered_m2 = group_totals["rawan_m2"], group_totals["rawan_covered_m2"]

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
            "epsg": int(a.epsg),
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
        "rawan_m2": r6(rawan_m2),
        "rawan_covered_m2": r6(rawan_covered_m2),
        "rawan_covered_share": r6(rawan_covered_m2 / rawan_m2) if rawan_m2 > 0 else None,
        "hotspots": len(hs),
    }
    # other readings of the same total that the spec does not rule out; the checker reports
    # which one Cakupan matched instead of failing on a definition question
    alternates = {
        "area_m2": {"area of the union of the areas": r6(group_totals["areas_union_m2"])},
        "covered_m2": {"area of (union of areas) ∩ coverage": r6(group_totals["areas_union_covered_m2"])},
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

    if per_zone:
        crs_out = {"mode": "per-zone", "epsg": None, "centre_epsg": epsg,
                   "name": "WGS 84 / UTM, per area (zone of each area's centre)", "scale_corrected": True,
                   "zones": [{"epsg": g.epsg, "name": pyproj_name(g.epsg), "areas": len(g.areas), "sites": len(g.sites),
                              "zones": len(g.zones), "patrols": len(g.patrols), "strip": list(g.strip)}
                             for g in groups]}
    else:
        crs_out = {"mode": mode, "epsg": epsg, "name": pyproj_name(epsg)}

    # patrol lengths: in the plane (single CRS), on the ellipsoid (per zone)
    if per_zone:
        patrol_lengths = [GEOD.geometry_length(g) for g in patrols.geometry]
    else:
        patrol_lengths = patrols.to_crs(f"EPSG:{epsg}").length.to_numpy()

    t_end = time.perf_counter()
    return {
        "tool": "geopandas-peer",
        "versions": {"python": sys.version.split()[0], "geopandas": gpd.__version__, "shapely": shapely.__version__,
                     "geos": ".".join(map(str, shapely.geos_version)), "pyogrio": pyogrio.__version__,
                     "gdal": ".".join(map(str, pyogrio.__gdal_version__)), "pandas": pd.__version__},
        "operation": op.get("name"),
        "inputs": {"areas": str(areas_path) if areas_path else None, "sites": str(sites_path) if sites_path else None,
                   "rawan": str(rawan_path) if rawan_path else None, "patrols": [str(p) for p in patrol_paths]},
        "crs": crs_out,
        "parameters": {"radius_m": radius, "rawan_radius_m": rawan_radius, "min_zone_coverage": min_cov,
                       "quadrant_segments": QUAD_SEGS},
        "totals": totals,
        "totals_alternates": alternates,
        "areas": area_rows,
        "sites": site_out,
        "zones": zone_out,
        "hotspots": hotspots,
        "patrols": [{"id": p.peer_id, "file": p.peer_file, "radius_m": r6(p.peer_radius_m),
                     "length_m": r6(length)} for p, length in zip(patrols.itertuples(), patrol_lengths)],
        "warnings": WARNINGS,
        "timing": {
            "wall_seconds": None,  # filled in by main() after writing
            "import_seconds": round(_T_IMPORTED - _T0, 4),
            "read_seconds": round(t_read - t_start, 4),
            "compute_seconds": round(t_done - t_read, 4),
            "coverage_seconds": round(coverage_seconds, 4),  # buffers + union_all (part of compute)
            "report_seconds": round(t_end - t_done, 4),
        },
    }


def pyproj_name(epsg: int) -> str:
    from pyproj import CRS
    return CRS.from_epsg(epsg).name


def crs_label(crs: dict) -> str:
    if crs["mode"] == "per-zone":
        return f"per zone ({len(crs['zones'])} UTM zones, true metres)"
    return f"EPSG:{crs['epsg']}"


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
    write_summary(result, args.out)
    return 0


def write_summary(result: dict, out: Path) -> None:
    """DIR/peer_summary.json, with the wall time and peak memory so far."""
    args = argparse.Namespace(out=Path(out))
    args.out.mkdir(parents=True, exist_ok=True)
    result["timing"]["wall_seconds"] = round(time.perf_counter() - _T0, 4)
    result["timing"]["peak_rss_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tmp = args.out / "peer_summary.json.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:   # streamed: no second copy of a large result in memory
        json.dump(result, fh, ensure_ascii=False, allow_nan=False)   # no indent: json's C encoder
        fh.write("\n")
    os.replace(tmp, args.out / "peer_summary.json")
    t = result["totals"]
    print(f"peer: {t['areas']} areas, {t['sites_total']} sites ({t['sites_covered']} covered), {t['zones']} zones, "
          f"{t['patrols']} patrols, coverage {t['coverage_m2']:.1f} m², {t['hotspots']} hotspots; "
          f"{crs_label(result['crs'])}; {result['timing']['wall_seconds']:.2f} s, "
          f"{result['timing']['peak_rss_kib']} KiB peak → {args.out / 'peer_summary.json'}")


if __name__ == "__main__":
    sys.exit(main())
