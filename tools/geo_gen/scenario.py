"""Scaled scenarios: sites, rawan zones, routes and GPS fixes on any set of areas.

`run_boundaries` reads a boundary GeoJSON (the file is referenced from operation.yaml, never copied);
`run_national` first builds synthetic square-ish areas over Indonesia's extent in island-like clusters
(UTM zones 46-54) and writes them as areas.geojson. Both then run the same pipeline:

  settlements  one seat per area + extra centres in random areas weighted by area
  sites        offices per area at its seat, other categories around settlements (Gaussian clusters),
               every point tested inside an area through a grid index, streamed to sites.csv
  zones        polygons (irregular blobs 0.5-4 km across) and points with radius_m 200-800
  routes       random walks of --route-km with persistent headings that steer towards settlements
               and turn away from the outside of the areas
  fixes        --units units driving their route back and forth at 20-50 km/h with stops, a fix
               every 30 s, streamed in time order (memory does not grow with --fixes)

Field-like variants (roads.py): `--route-style roads` puts --road-share of the routes on a road network
shared by many of them (out-and-back legs: routes overlap themselves); `--gps-style field` makes the
units drive that network between the sites of their beat, with stops (jitter clouds), metre-level
noise, drop-outs and a few jumps, --fixes spread over --days.

Lon/lat offsets are computed from metres with the local degree lengths (geom.metres_per_degree).
"""

import bisect
import datetime
import json
import math
import os
import random
import sys

from . import fmt, geom, roads
from .names import ZONE_KINDS, name_table
from .sites import SCENARIO_MIX, pick_priority, site_name

WIB = datetime.timezone(datetime.timedelta(hours=7))
START = datetime.datetime(2024, 11, 27, 6, 0, tzinfo=WIB)
FIX_STEP = 30
UNIT_PREFIXES = ["PATROLI", "SAMAPTA", "LANTAS", "BRIMOB", "RESKRIM"]
FICTION = "sintetis (FIKTIF): data buatan generator, bukan data nyata"


class Area:
    """An area: code, name and lon/lat polygons (rings without closing vertex)."""

    def __init__(self, kode, nama, polygons):
        self.kode, self.nama, self.polygons = kode, nama, polygons
        ring = polygons[0][0]
        lat = sum(p[1] for p in ring) / len(ring)
        kx, ky = geom.metres_per_degree(lat)
        self.km2 = sum(geom.polygon_area(p) for p in polygons) * kx * ky / 1e6


# ------------------------------------------------------------------------------------ inputs


def load_boundaries(path):
    """Areas of a GeoJSON FeatureCollection of (Multi)Polygons; code/name from kode/nama if present."""
    with open(path, encoding="utf-8") as f:
        fc = json.load(f)
    areas = []
    for i, feat in enumerate(fc["features"]):
        g = feat.get("geometry") or {}
        if g.get("type") == "Polygon":
            parts = [g["coordinates"]]
        elif g.get("type") == "MultiPolygon":
            parts = g["coordinates"]
        else:
            continue
        polys = [[[(float(x), float(y)) for x, y, *_ in ring[:-1]] for ring in poly] for poly in parts]
        props = feat.get("properties") or {}
        areas.append(Area(str(props.get("kode", i + 1)), str(props.get("nama", f"Area {i + 1}")), polys))
    return areas


# (name, lon, lat, semi-major km, semi-minor km, angle deg): island-like blobs over Indonesia's
# extent; lon 95.3 (UTM 46) to 141 (UTM 54).
BLOBS = [
    ("Sumatra", 100.65, -0.15, 870, 160, -47), ("Simeulue", 96.1, 2.6, 50, 15, -40),
    ("Nias", 97.6, 1.1, 60, 25, -50), ("Riau", 104.3, 0.9, 45, 30, 0),
    ("Bangka", 106.1, -2.2, 100, 40, -40), ("Belitung", 107.9, -2.9, 40, 35, 0),
    ("Jawa", 109.9, -7.4, 525, 65, -9), ("Kalimantan", 113.9, 0.0, 480, 400, 30),
    ("Bali-Lombok", 115.6, -8.5, 110, 35, 0), ("Sumbawa", 117.8, -8.7, 140, 40, 5),
    ("Sumba", 119.9, -9.7, 95, 35, 15), ("Flores", 121.0, -8.6, 190, 35, 5),
    ("Timor", 124.6, -9.6, 150, 40, 30), ("Sulawesi", 120.2, -2.0, 300, 110, 85),
    ("Sulawesi Utara", 122.8, 0.7, 260, 45, 10), ("Sulawesi Tenggara", 122.3, -4.0, 170, 60, -50),
    ("Buru", 126.6, -3.4, 60, 45, 0), ("Seram", 129.5, -3.2, 170, 40, -5),
    ("Halmahera", 128.0, 0.9, 140, 60, 80), ("Kepala Burung", 132.6, -1.4, 180, 80, 0),
    ("Papua", 137.5, -4.2, 620, 230, -15),
]
EXTENT = (95.0, -11.0, 141.0, 6.0)


def _blob_depth(blobs, lon, lat):
    """(depth, blob index) of the deepest blob containing the point (depth > 0 inside)."""
    best = (0.0, -1)
    for b, (_, clon, clat, a, bb, ang, h) in enumerate(blobs):
        dx = (lon - clon) * 111.32 * math.cos(math.radians(clat))
        dy = (lat - clat) * 110.57
        if abs(dx) > a * 1.5 and abs(dy) > a * 1.5:
            continue
        c, s = math.cos(math.radians(ang)), math.sin(math.radians(ang))
        u, v = dx * c + dy * s, -dx * s + dy * c
        theta = math.atan2(v / bb, u / a)
        limit = 1.0 + sum(amp * math.sin(k * theta + ph) for k, ph, amp in h)
        depth = 1.0 - math.hypot(u / a, v / bb) / limit
        if depth > best[0]:
            best = (depth, b)
    return best


def synthetic_areas(count, rng):
    """`count` square-ish areas on a jittered grid (shared vertices: a clean partition) in blobs."""
    blobs = [b + ([(k, rng.uniform(0, 2 * math.pi), rng.uniform(0.05, 0.2) / k * 2) for k in (3, 5, 7)],)
             for b in BLOBS]
    x0, y0, x1, y1 = EXTENT

    def cells_for(size):
        nx, ny = int((x1 - x0) / size), int((y1 - y0) / size)
        out = []
        for j in range(ny):
            for i in range(nx):
                depth, b = _blob_depth(blobs, x0 + (i + 0.5) * size, y0 + (j + 0.5) * size)
                if b >= 0:
                    out.append((depth, b, i, j))
        return out, nx, ny

    lo, hi = 0.01, 2.0
    for _ in range(30):                       # largest cell size giving at least `count` cells
        mid = (lo + hi) / 2
        if len(cells_for(mid)[0]) >= count:
            lo = mid
        else:
            hi = mid
    size = lo
    cells, nx, ny = cells_for(size)
    cells = sorted(sorted(cells, key=lambda c: (-c[0], c[3], c[2]))[:count], key=lambda c: (c[1], c[3], c[2]))
    jn = [[(rng.uniform(-0.18, 0.18) * size, rng.uniform(-0.18, 0.18) * size) for _ in range(ny + 1)]
          for _ in range(nx + 1)]
    jh = [[rng.uniform(-0.12, 0.12) * size for _ in range(ny + 1)] for _ in range(nx + 1)]
    jv = [[rng.uniform(-0.12, 0.12) * size for _ in range(ny + 1)] for _ in range(nx + 1)]

    def node(i, j):
        return (round(x0 + i * size + jn[i][j][0], 7), round(y0 + j * size + jn[i][j][1], 7))

    def hmid(i, j):     # midpoint of the edge (i, j)-(i+1, j), moved in y
        a, b = node(i, j), node(i + 1, j)
        return (round((a[0] + b[0]) / 2, 7), round((a[1] + b[1]) / 2 + jh[i][j], 7))

    def vmid(i, j):     # midpoint of the edge (i, j)-(i, j+1), moved in x
        a, b = node(i, j), node(i, j + 1)
        return (round((a[0] + b[0]) / 2 + jv[i][j], 7), round((a[1] + b[1]) / 2, 7))

    areas, per_blob = [], {}
    for depth, b, i, j in cells:
        ring = [node(i, j), hmid(i, j), node(i + 1, j), vmid(i + 1, j), node(i + 1, j + 1), hmid(i, j + 1),
                node(i, j + 1), vmid(i, j)]
        per_blob[b] = per_blob.get(b, 0) + 1
        areas.append(Area(f"99.{b + 1:02d}.{per_blob[b]:04d}", f"Sintetis {BLOBS[b][0]} {per_blob[b]}", [[ring]]))
    return areas


# ---------------------------------------------------------------------------------- pipeline


class Scenario:
    """Generates and streams every layer for a list of areas."""

    def __init__(self, areas, args):
        self.areas = areas
        self.args = args
        self.seed = args.seed
        self.index = geom.AreaIndex([a.polygons for a in areas])
        self.area_cum = _cumulative([a.km2 for a in areas])

    def rng(self, part):
        """An independent random stream per layer."""
        return random.Random(f"{self.seed}:{part}")

    # ------------------------------------------------------------------------- settlements

    def random_point_in(self, rng, k):
        """A uniform random point inside area k (rejection in its bbox, scanline fallback)."""
        box = self.index.boxes[k]
        for _ in range(40):
            x, y = rng.uniform(box[0], box[2]), rng.uniform(box[1], box[3])
            if geom.point_in_multipolygon(x, y, self.areas[k].polygons):
                return x, y
        largest = max(self.areas[k].polygons, key=geom.polygon_area)
        return geom.interior_point(largest)

    def pick_area(self, rng):
        """An area drawn with probability proportional to its area."""
        return _draw(rng, self.area_cum)

    def make_settlements(self):
        """One seat per area plus extra settlement centres weighted by area."""
        rng = self.rng("settlements")
        n_extra = max(0, self.args.sites // 25 - len(self.areas))
        self.sx, self.sy, self.sarea, self.ssigma, self.sweight = [], [], [], [], []
        for k in range(len(self.areas)):
            self._add_settlement(rng, k, 600.0, 3.0)
        for _ in range(n_extra):
            self._add_settlement(rng, self.pick_area(rng), rng.choice((250.0, 350.0, 500.0, 800.0)),
                                 rng.choice((1.0, 1.0, 1.5, 2.0)))
        self.snames = name_table(len(self.sx), rng)
        self.scum = _cumulative(self.sweight)
        self.by_area = {}
        for i, k in enumerate(self.sarea):
            self.by_area.setdefault(k, []).append(i)
        self.cell = max(0.02, self.args.route_km / 111.0 / 2)
        self.sgrid = {}
        for i, (x, y) in enumerate(zip(self.sx, self.sy)):
            self.sgrid.setdefault((int(x // self.cell), int(y // self.cell)), []).append(i)

    def _add_settlement(self, rng, k, sigma, weight):
        x, y = self.random_point_in(rng, k)
        self.sx.append(x)
        self.sy.append(y)
        self.sarea.append(k)
        self.ssigma.append(sigma)
        self.sweight.append(weight)

    def near_point(self, rng, s, sigma, tries=8):
        """A point Gaussian-distributed around settlement s, inside some area (else the centre)."""
        x0, y0, hint = self.sx[s], self.sy[s], self.sarea[s]
        kx, ky = geom.metres_per_degree(y0)
        for _ in range(tries):
            x = x0 + rng.gauss(0.0, sigma) / kx
            y = y0 + rng.gauss(0.0, sigma) / ky
            if self.index.locate(x, y, hint) >= 0:
                return x, y
        return x0, y0

    # ------------------------------------------------------------------------------- sites

    def write_sites(self, path):
        """sites.csv (comma separated, dot decimals), streamed."""
        rng = self.rng("sites")
        total = self.args.sites
        width = len(str(total))
        offices = 3 * len(self.areas) if total >= 6 * len(self.areas) else 0
        counts = _apportion(total - offices, SCENARIO_MIX)
        tps_no = [0] * len(self.sx)
        n = 0
        self.site_xy, self.site_home = [], []     # positions and settlements, for field GPS units
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write("id,nama,kategori,prioritas,lon,lat\n")
            buf = []
            for k in range(len(self.areas) if offices else 0):
                for cat in ("kpu", "bawaslu", "pleno"):
                    n += 1
                    x, y = self.near_point(rng, k, 250.0)
                    self.site_xy.append((x, y))
                    self.site_home.append(k)
                    buf.append(f"S{n:0{width}d},{site_name(cat, self.areas[k].nama, 0)},{cat},"
                               f"{pick_priority(rng, cat)},{x:.7f},{y:.7f}\n")
            for cat, count in counts:
                for _ in range(count):
                    n += 1
                    s = _draw(rng, self.scum)
                    sigma = self.ssigma[s] * (1.0 if cat == "tps" else 2.0)
                    x, y = self.near_point(rng, s, sigma)
                    self.site_xy.append((x, y))
                    self.site_home.append(s)
                    tps_no[s] += 1
                    buf.append(f"S{n:0{width}d},{site_name(cat, self.snames[s], tps_no[s])},{cat},"
                               f"{pick_priority(rng, cat)},{x:.7f},{y:.7f}\n")
                    if len(buf) >= 10000:
                        f.write("".join(buf))
                        buf = []
            f.write("".join(buf))

    # ------------------------------------------------------------------------------- zones

    def zone_centre(self, rng, hot):
        """Centre of a zone: near settlements of hot areas (cluster) or anywhere (national)."""
        if self.args.zone_spread == "national":
            k = self.pick_area(rng)
            return self.random_point_in(rng, k) + (k,)
        if rng.random() < 0.7:
            s = rng.choice(self.by_area[rng.choice(hot)])
        else:
            s = _draw(rng, self.scum)
        x, y = self.near_point(rng, s, 1500.0)
        return x, y, self.sarea[s]

    def write_zones(self, path):
        """rawan.geojson: 60 % polygons 0.5-4 km across, 40 % points with radius_m 200-800."""
        rng = self.rng("zones")
        hot = sorted(rng.sample(range(len(self.areas)), max(1, len(self.areas) // 20)))
        levels = [("tinggi", 0.25), ("sedang", 0.45), ("rendah", 0.30)]
        w = fmt.GeoJSONWriter(path, f"Zona rawan {FICTION}")
        width = len(str(self.args.zones))
        for i in range(self.args.zones):
            x, y, k = self.zone_centre(rng, hot)
            kind, why = ZONE_KINDS[rng.randrange(len(ZONE_KINDS))]
            props = {"id": f"Z{i + 1:0{width}d}", "nama": f"{kind} {self.areas[k].nama}",
                     "tingkat": _choose(rng, levels), "keterangan": why}
            if i % 5 < 3:
                kx, ky = geom.metres_per_degree(y)
                ring, _ = geom.blob_ring(x, y, rng.uniform(250, 1600), rng.randint(12, 24), rng, 0.3,
                                         1.0 / kx, 1.0 / ky)
                ring = [(round(p[0], 7), round(p[1], 7)) for p in ring]
                w.add(fmt.polygon_json([ring]), props, geom.bbox_of(ring))
            else:
                props["radius_m"] = rng.randrange(200, 801, 50)
                w.add(fmt.point_json(x, y), props, (x, y, x, y))
        w.close()

    # ------------------------------------------------------------------------------ routes

    def pick_goal(self, rng, x, y, dist_m):
        """A settlement roughly dist_m away (best of a small random sample), or None."""
        c = self.cell
        r = min(3, int(dist_m / 111000.0 / c) + 1)
        gx, gy = int(x // c), int(y // c)
        pool = []
        for i in range(gx - r, gx + r + 1):
            for j in range(gy - r, gy + r + 1):
                pool.extend(self.sgrid.get((i, j), ()))
        if not pool:
            return None
        kx, ky = geom.metres_per_degree(y)
        best, best_err = None, math.inf
        for s in (pool[rng.randrange(len(pool))] for _ in range(12)):
            err = abs(math.hypot((self.sx[s] - x) * kx, (self.sy[s] - y) * ky) - dist_m)
            if err < best_err:
                best, best_err = s, err
        return best

    def make_route(self, rng, length_m):
        """A random walk of about length_m metres from a settlement, steering to other settlements."""
        for _ in range(20):
            s = _draw(rng, self.scum)
            x, y, hint = self.sx[s], self.sy[s], self.sarea[s]
            pts = [(round(x, 7), round(y, 7))]
            heading = rng.uniform(0, 2 * math.pi)
            goal = self.pick_goal(rng, x, y, length_m * rng.uniform(0.3, 0.7))
            walked = 0.0
            while walked < length_m:
                kx, ky = geom.metres_per_degree(y)
                if goal is not None:
                    want = math.atan2((self.sy[goal] - y) * ky, (self.sx[goal] - x) * kx)
                    diff = (want - heading + math.pi) % (2 * math.pi) - math.pi
                    heading += max(-0.5, min(0.5, diff)) * 0.6
                heading += rng.gauss(0.0, 0.2)
                step = rng.uniform(180.0, 320.0)
                for turn in (0.0, 0.5, -0.5, 1.0, -1.0, 1.6, -1.6, 2.4, -2.4, math.pi):
                    nx = x + step * math.cos(heading + turn) / kx
                    ny = y + step * math.sin(heading + turn) / ky
                    a = self.index.locate(nx, ny, hint)
                    if a >= 0:
                        break
                else:
                    break
                heading += turn
                x, y, hint = nx, ny, a
                pts.append((round(x, 7), round(y, 7)))
                walked += step
                if goal is not None and math.hypot((self.sx[goal] - x) * kx, (self.sy[goal] - y) * ky) < 300:
                    goal = self.pick_goal(rng, x, y, max(1000.0, (length_m - walked) * rng.uniform(0.5, 1.0)))
            if len(pts) >= 2:
                return pts
        return [pts[0], (pts[0][0] + 1e-4, pts[0][1])]

    def write_routes(self, path, keep):
        """routes.geojson (LineStrings, property id); returns the first `keep` routes for the fixes."""
        rng = self.rng("routes")
        w = fmt.GeoJSONWriter(path, f"Rute patroli {FICTION}")
        width = len(str(self.args.routes))
        kept = []
        roads_style = self.args.route_style == "roads"
        for i in range(self.args.routes):
            if roads_style and rng.random() < self.args.road_share:
                line = roads.road_route(self.network(), rng, _draw(rng, self.scum), self.args.route_km * 1000.0)
            else:
                line = self.make_route(rng, self.args.route_km * 1000.0)
            w.add(fmt.linestring_json(line), {"id": f"R{i + 1:0{width}d}"}, geom.bbox_of(line))
            if i < keep or roads_style:
                kept.append(line)
        w.close()
        if roads_style:
            shared, self_overlap = roads.route_sharing(kept)
            print(f"routes: {shared:.0%} of the length within ~30 m of another route; "
                  f"{self_overlap:.0%} of the routes overlap themselves", flush=True, file=sys.stderr)
            kept = kept[:keep]
        return kept

    def network(self):
        """The road network on the settlements (built once)."""
        if getattr(self, "_net", None) is None:
            self._net = roads.RoadNetwork(self.sx, self.sy, range(len(self.areas)), self.rng("roads"))
        return self._net

    # ------------------------------------------------------------------------------- fixes

    def write_field_fixes(self, path):
        """fixes.csv of `--gps-style field`: units driving the road network between the sites of their
        beat, a fix every `step` seconds (the --days spread over --units and --fixes), sorted by time."""
        rng = self.rng("fixes")
        net = self.network()
        units = self.args.units
        step = max(1, round(self.args.days * 86400.0 * units / self.args.fixes))
        names = [f"{UNIT_PREFIXES[u % len(UNIT_PREFIXES)]}-{u + 1}" for u in range(units)]
        order = sorted(range(units), key=lambda u: names[u])
        by_home = {}
        for i, h in enumerate(self.site_home):
            by_home.setdefault(h, []).append(i)
        state = []
        for u in range(units):
            home = _draw(rng, self.scum)
            near = [home] + net._nearest(*net.xy[home], 3, exclude=home)
            beat = [i for h in near for i in by_home.get(h, ())]
            rng.shuffle(beat)
            beat = sorted(beat[:15]) or [0]
            state.append(roads.FieldUnit(net, home, beat, self.site_xy, self.site_home, rng))
        emitted, t = 0, 0
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write("unit,time,lon,lat\n")
            while emitted < self.args.fixes:
                stamp = (START + datetime.timedelta(seconds=t * step)).isoformat()
                rows = []
                for u in order:
                    p = state[u].advance(rng, step)
                    if p is not None and emitted + len(rows) < self.args.fixes:
                        rows.append(f"{names[u]},{stamp},{p[0]:.6f},{p[1]:.6f}\n")
                f.write("".join(rows))
                emitted += len(rows)
                t += 1
        print(f"fixes: {emitted} fixes of {units} units, one every {step} s, "
              f"{t * step / 3600:.1f} h", file=sys.stderr)

    def write_fixes(self, path, routes):
        """fixes.csv: unit,time,lon,lat every 30 s, sorted by time, streamed step by step."""
        rng = self.rng("fixes")
        units = self.args.units
        names = [f"{UNIT_PREFIXES[u % len(UNIT_PREFIXES)]}-{u + 1}" for u in range(units)]
        order = sorted(range(units), key=lambda u: names[u])
        state = [_UnitState(routes[u % len(routes)], rng) for u in range(units)]
        steps = -(-self.args.fixes // units)
        last_count = self.args.fixes - (steps - 1) * units
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write("unit,time,lon,lat\n")
            for step in range(steps):
                stamp = (START + datetime.timedelta(seconds=step * FIX_STEP)).isoformat()
                emit = order if step < steps - 1 else sorted(order[:last_count], key=lambda u: names[u])
                rows = []
                for u in emit:
                    x, y = state[u].advance(rng)
                    rows.append(f"{names[u]},{stamp},{x:.6f},{y:.6f}\n")
                f.write("".join(rows))

    # ---------------------------------------------------------------------------------- run

    def run(self, out, areas_ref, title):
        """Write sites, zones, routes, fixes (when asked) and operation.yaml into `out`."""
        os.makedirs(out, exist_ok=True)
        self.make_settlements()
        self.write_sites(os.path.join(out, "sites.csv"))
        self.write_zones(os.path.join(out, "rawan.geojson"))
        keep = min(self.args.units, self.args.routes) if self.args.fixes > 0 and self.args.gps_style == "route" else 0
        routes = self.write_routes(os.path.join(out, "routes.geojson"), keep)
        if self.args.fixes > 0 and self.args.gps_style == "field":
            self.write_field_fixes(os.path.join(out, "fixes.csv"))
        elif self.args.fixes > 0 and routes:
            self.write_fixes(os.path.join(out, "fixes.csv"), routes)
        a = self.args
        comment = (f"{title} — synthetic scenario from tools/generate.py (seed {a.seed}); sites, zones, "
                   "routes and fixes are invented")
        text = fmt.operation_yaml(comment, f"{title} (FIKTIF, seed {a.seed})", areas_ref, "sites.csv",
                                  "rawan.geojson", ["routes.geojson"], "fixes.csv" if a.fixes > 0 else None)
        fmt.write_text(os.path.join(out, "operation.yaml"), text)


class _UnitState:
    """A GPS unit going back and forth along one route at 20-50 km/h, stopping now and then."""

    def __init__(self, line, rng):
        self.line = line
        self.cum = [0.0]
        for (x1, y1), (x2, y2) in zip(line, line[1:]):
            self.cum.append(self.cum[-1] + geom.geo_distance(x1, y1, x2, y2))
        self.total = self.cum[-1]
        self.s = rng.uniform(0.0, self.total)
        self.dir = 1 if rng.random() < 0.5 else -1
        self.speed = rng.uniform(20.0, 50.0) / 3.6
        self.stop = 0
        self.j = 0

    def advance(self, rng):
        """Position (lon, lat) after one 30 s step (with metre-scale GPS noise)."""
        if self.stop > 0:
            self.stop -= 1
        elif self.total > 0:
            s = self.s + self.dir * self.speed * FIX_STEP
            if s > self.total:
                s, self.dir = 2 * self.total - s, -1
            if s < 0:
                s, self.dir = -s, 1
            self.s = min(max(s, 0.0), self.total)
            r = rng.random()
            if r < 0.0125:
                self.stop = rng.randint(20, 40)
            elif r < 0.1:
                self.speed = rng.uniform(20.0, 50.0) / 3.6
        cum, j = self.cum, self.j
        while j < len(cum) - 2 and cum[j + 1] < self.s:
            j += 1
        while j > 0 and cum[j] > self.s:
            j -= 1
        self.j = j
        (x1, y1), (x2, y2) = self.line[j], self.line[j + 1]
        seg = cum[j + 1] - cum[j]
        t = (self.s - cum[j]) / seg if seg > 0 else 0.0
        noise = (rng.random() - 0.5) * 6e-5
        return x1 + (x2 - x1) * t + noise, y1 + (y2 - y1) * t - noise * 0.7


# ---------------------------------------------------------------------------------- helpers


def _cumulative(weights):
    out, acc = [], 0.0
    for w in weights:
        acc += w
        out.append(acc)
    return out


def _draw(rng, cum):
    """Index drawn with probability proportional to the weights behind `cum`."""
    return min(bisect.bisect_right(cum, rng.random() * cum[-1]), len(cum) - 1)


def _choose(rng, weighted):
    r = rng.random() * sum(w for _, w in weighted)
    for v, w in weighted:
        r -= w
        if r < 0:
            return v
    return weighted[-1][0]


def _apportion(total, shares):
    """[(category, count)] summing to total (largest remainder, deterministic)."""
    raw = [(cat, total * share) for cat, share in shares]
    counts = [[cat, int(v)] for cat, v in raw]
    rest = total - sum(c for _, c in counts)
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i][1] - int(raw[i][1])), i))
    for i in order[:rest]:
        counts[i][1] += 1
    return [(cat, c) for cat, c in counts]


# ------------------------------------------------------------------------------ entry points


def run_boundaries(args):
    """`scenario`: areas from a boundary file, referenced by absolute path in operation.yaml."""
    path = os.path.abspath(args.boundaries)
    areas = load_boundaries(path)
    title = f"Skenario {os.path.splitext(os.path.basename(path))[0]}"
    Scenario(areas, args).run(args.out, path, title)


def run_national(args):
    """`national`: synthetic areas over Indonesia's extent, written to areas.geojson."""
    os.makedirs(args.out, exist_ok=True)
    areas = synthetic_areas(args.areas, random.Random(f"{args.seed}:areas"))
    w = fmt.GeoJSONWriter(os.path.join(args.out, "areas.geojson"), f"Kecamatan {FICTION}")
    for a in areas:
        w.add(fmt.areal_json(a.polygons), {"kode": a.kode, "nama": a.nama, "kab_nama": "Sintetis (FIKTIF)"},
              geom.bbox_of(a.polygons[0][0]))
    w.close()
    Scenario(areas, args).run(args.out, "areas.geojson", "Skenario nasional sintetis")
