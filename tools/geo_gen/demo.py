"""The committed demo: the FICTIONAL Kabupaten Sukamaju (all names and places invented).

Everything is built in metres in a local projection centred on lon 104.3, lat -3.65 (UTM zone 48S
territory) and converted to lon/lat only when written. The construction order is what makes the
analysis interesting by design rather than by luck:

  1. a 3x3 jittered grid of kecamatan with shared fractal edges, plus an enclave town kecamatan
     (a hole of the central one) and an island part of the coastal one (a MultiPolygon);
  2. settlements (town, kecamatan seats, villages), and a road network between them, except in the
     north-western kecamatan ("Bukit Serindit"), which only gets one village near its border;
  3. 10 planned routes and 4 GPS tracks chosen greedily along roads to serve many settlements;
  4. the remaining Bukit Serindit settlements placed 2-5 km away from every patrol (a neglected
     kecamatan: its offices are the far, uncovered tinggi sites);
  5. sites around the settlements, three tinggi sites deliberately 630-870 m from the nearest patrol;
  6. rawan zones placed against the patrols (fully covered, partly covered, not covered);
  7. a day of GPS fixes of 6 units driving the roads, with stops, a drop-out and a jump.
"""

import datetime
import heapq
import math
import random

from . import geom
from .names import PARTIES, ZONE_KINDS, place_name
from .sites import TPS_SPREAD_M

KAB = "Kabupaten Sukamaju (FIKTIF)"
TOWN = "Sukamaju Kota"
PROJ = geom.LocalProjection(104.3, -3.65)
XS = [-27000.0, -10700.0, 5600.0, 22000.0]
YS = [-23000.0, -7700.0, 7700.0, 23000.0]
CELL_ORDER = [(0, 2), (1, 2), (2, 2), (0, 1), (1, 1), (2, 1), (0, 0), (1, 0), (2, 0)]
CELL_NAMES = ["Bukit Serindit", "Talang Kemuning", "Sungai Lebai", "Lubuk Pandanwangi",
              "Karang Sentosa", "Tanjung Kerapu", "Air Kemilau", "Rantau Sarimulya", "Pematang Seruni"]
NEGLECTED = 0          # index of Bukit Serindit in CELL_ORDER / kecamatan list
HOLED = 4              # Karang Sentosa, around the town enclave
ISLANDED = 5           # Tanjung Kerapu, with an island part off the east coast
NEAR_MISS_PLENO = 7    # Rantau Sarimulya: its pleno venue sits just outside the patrol buffer
RADIUS = 500.0
WIB = datetime.timezone(datetime.timedelta(hours=7))
DAY_START = datetime.datetime(2024, 11, 27, 6, 0, tzinfo=WIB)
DAY_SECONDS = 16 * 3600
FIX_STEP = 30
WEIGHT = {"town": 6, "ibukota": 10, "village": 3, "island": 0}
UNITS = [("PATROLI-1", [9]), ("SAMAPTA-2", [1, 2]), ("LANTAS-3", [3, 6]), ("PATROLI-4", [7, 4]),
         ("SAMAPTA-5", [5, 8]), ("LANTAS-6", None)]
DROPOUT_UNIT, DROPOUT_FROM, DROPOUT_MIN = "SAMAPTA-2", (13, 10), 20
JUMP_UNIT, JUMP_AT, JUMP_KM = "LANTAS-3", (16, 42, 30), 30.0


class Kec:
    """A kecamatan: code, name and polygons in metres ([exterior ccw, holes cw] per part)."""

    def __init__(self, kode, nama):
        self.kode = kode
        self.nama = nama
        self.polygons = []


class Place:
    """A settlement: town, kecamatan seat (ibukota), village or island village."""

    def __init__(self, name, kind, kec, x, y, road):
        self.name, self.kind, self.kec, self.x, self.y, self.road = name, kind, kec, x, y, road


class Site:
    """A strategic site in metres, with the settlement it belongs to."""

    def __init__(self, nama, kategori, prioritas, x, y, place):
        self.id = None
        self.nama, self.kategori, self.prioritas, self.x, self.y, self.place = (
            nama, kategori, prioritas, x, y, place)


class Patrol:
    """A planned route (kml) or a GPS track (gpx); `times` are seconds after 06:00 WIB (gpx)."""

    def __init__(self, name, desc, line, kind, times=None, nodes=()):
        self.name, self.desc, self.line, self.kind, self.times, self.nodes = (
            name, desc, line, kind, times, nodes)


class Zone:
    """A rawan zone: a ring in metres, or a point with a radius."""

    def __init__(self, nama, tingkat, keterangan, ring, x, y, radius, design):
        self.id = None
        self.nama, self.tingkat, self.keterangan = nama, tingkat, keterangan
        self.ring, self.x, self.y, self.radius, self.design = ring, x, y, radius, design


def to_ll(p):
    """Metres -> (lon, lat) rounded to 7 decimals."""
    lon, lat = PROJ.inverse(p[0], p[1])
    return round(lon, 7), round(lat, 7)


def hms(seconds):
    """Seconds after 06:00 WIB -> 'HH:MM:SS' local time."""
    return (DAY_START + datetime.timedelta(seconds=seconds)).strftime("%H:%M:%S")


class DemoBuilder:
    """Builds every layer of the demo from one seed; `build()` runs the steps in order."""

    def __init__(self, seed):
        self.seed = seed
        self.kecs = []
        self.places = []
        self.roads = {}
        self.patrols = []
        self.sites = []
        self.zones = []
        self.facts = {}

    def rng(self, part):
        """An independent random stream per part, so that parts do not shift each other."""
        return random.Random(f"{self.seed}:{part}")

    def build(self):
        """Run every construction step."""
        self.make_partition()
        self.make_settlements()
        self.make_roads()
        self.make_patrols()
        self.place_neglected_settlements()
        self.make_sites()
        self.make_zones()
        self.make_fixes()
        return self

    # ------------------------------------------------------------------------------ partition

    def _jitter_nodes(self, rng):
        nodes = {}
        for i in range(4):
            for j in range(4):
                side_i, side_j = i in (0, 3), j in (0, 3)
                if side_i and side_j:
                    dx, dy = rng.uniform(-1000, 1000), rng.uniform(-1000, 1000)
                elif side_i:
                    dx = rng.uniform(-500, 500) if i == 3 else rng.uniform(-1200, 1200)
                    dy = rng.uniform(-2000, 2000)
                elif side_j:
                    dx, dy = rng.uniform(-2000, 2000), rng.uniform(-1200, 1200)
                else:
                    dx, dy = rng.uniform(-2500, 2500), rng.uniform(-2500, 2500)
                nodes[(i, j)] = (XS[i] + dx, YS[j] + dy)
        return nodes

    def _curve(self, a, b):
        if (a, b) in self.curves:
            return self.curves[(a, b)]
        return list(reversed(self.curves[(b, a)]))

    def _cell_ring(self, c, r):
        corners = [(c, r), (c + 1, r), (c + 1, r + 1), (c, r + 1)]
        ring = []
        for k in range(4):
            ring += self._curve(corners[k], corners[(k + 1) % 4])[:-1]
        return ring

    def make_partition(self):
        """Jittered 3x3 grid with shared fractal edges + enclave town + island; retried until valid."""
        rng = self.rng("partition")
        edges = ([((i, j), (i + 1, j)) for j in range(4) for i in range(3)]
                 + [((i, j), (i, j + 1)) for i in range(4) for j in range(3)])
        for _ in range(500):
            nodes = self._jitter_nodes(rng)
            self.curves = {}
            for a, b in edges:
                outer = (a[0] == b[0] and a[0] in (0, 3)) or (a[1] == b[1] and a[1] in (0, 3))
                coast = a[0] == b[0] == 3
                depth = 4 if coast else rng.choice((3, 4) if outer else (3, 4, 4))
                rough = 0.1 if coast else (0.13 if outer else 0.16)
                self.curves[(a, b)] = geom.midpoint_displace(nodes[a], nodes[b], rng, rough, depth)
            centre = self._cell_ring(1, 1)
            cx, cy = geom.ring_centroid(centre)
            enclave, _ = geom.blob_ring(cx + rng.uniform(-800, 800), cy + rng.uniform(-800, 800),
                                        2800, 26, rng, 0.25)
            iy = (nodes[(3, 1)][1] + nodes[(3, 2)][1]) * 0.5 + rng.uniform(-2000, 2000)
            island, _ = geom.blob_ring(28000 + rng.uniform(-500, 500), iy, 1300, 18, rng, 0.3)
            lines = list(self.curves.values()) + [enclave + enclave[:1], island + island[:1]]
            if geom.polylines_cross(lines):
                continue
            if not all(geom.point_in_ring(x, y, centre) and geom.dist_point_ring(x, y, centre) > 1500
                       for x, y in enclave):
                continue
            coast = [p for j in range(3) for p in self._curve((3, j), (3, j + 1))]
            if min(geom.dist_point_polyline(x, y, coast) for x, y in island) < 2000:
                continue
            break
        else:
            raise RuntimeError("could not build a valid partition")
        self.enclave, self.island = enclave, island
        for idx, (c, r) in enumerate(CELL_ORDER):
            kec = Kec(f"99.01.{idx + 1:02d}", CELL_NAMES[idx])
            ring = geom.oriented(self._cell_ring(c, r), True)
            holes = [geom.oriented(enclave, False)] if idx == HOLED else []
            kec.polygons.append([ring] + holes)
            if idx == ISLANDED:
                kec.polygons.append([geom.oriented(island, True)])
            self.kecs.append(kec)
        town = Kec("99.01.10", TOWN)
        town.polygons.append([geom.oriented(enclave, True)])
        self.kecs.append(town)
        self.nw_inner = [self._curve((1, 2), (1, 3)), self._curve((0, 2), (1, 2))]

    def in_kec(self, k, x, y):
        """Point-in-kecamatan test (metres)."""
        return geom.point_in_multipolygon(x, y, self.kecs[k].polygons)

    def in_kab(self, x, y):
        """Point inside the kabupaten (any kecamatan)."""
        return any(self.in_kec(k, x, y) for k in range(len(self.kecs)))

    def boundary_dist(self, k, x, y):
        """Distance from a point to the boundary of kecamatan k."""
        return min(geom.dist_point_ring(x, y, ring) for poly in self.kecs[k].polygons for ring in poly)

    # ---------------------------------------------------------------------------- settlements

    def _sample(self, rng, cx, cy, sigma, ok, what):
        for _ in range(50000):
            x, y = rng.gauss(cx, sigma), rng.gauss(cy, sigma)
            if ok(x, y):
                return x, y
        raise RuntimeError(f"could not place {what}")

    def _far_from_places(self, x, y, d):
        return all(math.hypot(p.x - x, p.y - y) >= d for p in self.places)

    def make_settlements(self):
        """Town, kecamatan seats and villages (Bukit Serindit gets only its border village now)."""
        rng = self.rng("settlements")
        self.taken = set(CELL_NAMES) | {TOWN}
        cx, cy = geom.ring_centroid(self.enclave)
        self.places.append(Place(TOWN, "town", 9, cx, cy, True))
        for k in range(9):
            if k == NEGLECTED:
                continue
            ex = self.kecs[k].polygons[0][0]
            kx, ky = geom.ring_centroid(ex)
            x, y = self._sample(rng, kx, ky, 2500, lambda x, y, k=k: self.in_kec(k, x, y)
                                and self.boundary_dist(k, x, y) >= 3000 and self._far_from_places(x, y, 6000),
                                "ibukota")
            self.places.append(Place(CELL_NAMES[k], "ibukota", k, x, y, True))
            for _ in range(3):
                x, y = self._sample(rng, kx, ky, 6000, lambda x, y, k=k: self.in_kec(k, x, y)
                                    and self.boundary_dist(k, x, y) >= 1500 and self._far_from_places(x, y, 4000),
                                    "village")
                self.places.append(Place(place_name(rng, self.taken), "village", k, x, y, True))
        ix, iy = geom.ring_centroid(self.island)
        self.places.append(Place("Pulau " + place_name(rng, self.taken).split(" ", 1)[1], "island",
                                 ISLANDED, ix, iy, False))
        ex = self.kecs[NEGLECTED].polygons[0][0]
        kx, ky = geom.ring_centroid(ex)
        inner, ring = self.nw_inner, ex

        def border_ok(x, y):
            if not self.in_kec(NEGLECTED, x, y):
                return False
            d_in = geom.dist_point_polyline(x, y, inner[0])
            return 1000 <= d_in <= 1800 and geom.dist_point_polyline(x, y, inner[1]) > 4000 and \
                geom.dist_point_ring(x, y, ring) >= 1000 and self._far_from_places(x, y, 3000)

        x, y = self._sample(rng, kx, ky, 6000, border_ok, "border village")
        self.places.append(Place(place_name(rng, self.taken), "village", NEGLECTED, x, y, True))
        self.border_village = len(self.places) - 1

    # ---------------------------------------------------------------------------------- roads

    def _chord_enters(self, k, a, b):
        pa, pb = self.places[a], self.places[b]
        n = max(2, int(math.hypot(pb.x - pa.x, pb.y - pa.y) / 200))
        return any(self.in_kec(k, pa.x + (pb.x - pa.x) * i / n, pa.y + (pb.y - pa.y) * i / n)
                   for i in range(1, n))

    def make_roads(self):
        """Roads between near settlements (3 nearest each), kept out of Bukit Serindit."""
        nodes = [i for i, p in enumerate(self.places) if p.road]
        pairs = []
        for a in nodes:
            pa = self.places[a]
            near = sorted((math.hypot(self.places[b].x - pa.x, self.places[b].y - pa.y), b)
                          for b in nodes if b != a)
            for d, b in near[:2 if a == self.border_village else 3]:
                key = (min(a, b), max(a, b))
                if d <= 15000 and key not in pairs:
                    if self.border_village in key or not self._chord_enters(NEGLECTED, a, b):
                        pairs.append(key)
        pairs = self._connect(nodes, pairs)
        for a, b in sorted(pairs):
            pa, pb = self.places[a], self.places[b]
            length = math.hypot(pb.x - pa.x, pb.y - pa.y)
            depth = max(1, math.ceil(math.log2(length / 350.0)))
            self.roads[(a, b)] = geom.midpoint_displace((pa.x, pa.y), (pb.x, pb.y),
                                                        self.rng(f"road:{a}:{b}"), 0.1, depth)
        self.adj = {n: [] for n in nodes}
        for (a, b), line in sorted(self.roads.items()):
            w = geom.polyline_length(line)
            self.adj[a].append((b, w))
            self.adj[b].append((a, w))

    def _connect(self, nodes, pairs):
        """Add the shortest missing links until the road graph is connected."""
        parent = {n: n for n in nodes}

        def find(n):
            while parent[n] != n:
                parent[n] = parent[parent[n]]
                n = parent[n]
            return n

        for a, b in pairs:
            parent[find(a)] = find(b)
        cands = sorted((math.hypot(self.places[a].x - self.places[b].x, self.places[a].y - self.places[b].y), a, b)
                       for i, a in enumerate(nodes) for b in nodes[i + 1:])
        for _, a, b in cands:
            if find(a) != find(b) and not self._chord_enters(NEGLECTED, a, b):
                parent[find(a)] = find(b)
                pairs.append((a, b))
        return pairs

    def road(self, a, b):
        """Road polyline from settlement a to settlement b."""
        if (a, b) in self.roads:
            return self.roads[(a, b)]
        return list(reversed(self.roads[(b, a)]))

    def dijkstra(self, src, banned=()):
        """Shortest road distances and predecessors from settlement `src`."""
        dist, prev = {src: 0.0}, {}
        heap = [(0.0, src)]
        while heap:
            d, u = heapq.heappop(heap)
            if d > dist[u]:
                continue
            for v, w in self.adj[u]:
                if v in banned:
                    continue
                nd = d + w
                if nd < dist.get(v, math.inf) - 1e-9:
                    dist[v] = nd
                    prev[v] = u
                    heapq.heappush(heap, (nd, v))
        return dist, prev

    def path_line(self, nodes):
        """Polyline along the roads through the given settlements."""
        line = [(self.places[nodes[0]].x, self.places[nodes[0]].y)]
        for a, b in zip(nodes, nodes[1:]):
            line += self.road(a, b)[1:]
        return line

    # -------------------------------------------------------------------------------- patrols

    def _candidates(self):
        nodes = sorted(self.adj)
        out = []
        for a in nodes:
            dist, prev = self.dijkstra(a)
            for b in nodes:
                if b <= a or b not in dist:
                    continue
                path = [b]
                while path[-1] != a:
                    path.append(prev[path[-1]])
                out.append((a, b, list(reversed(path)), dist[b]))
        return out

    def _pick(self, cands, rng, served, lo, hi, ok):
        best, best_score = None, -1.0
        for cand in cands:
            a, b, path, length = cand
            if (a, b) in self.picked or not (lo <= length <= hi and ok(path)):
                continue
            gain = sum(WEIGHT[self.places[n].kind] for n in path if n not in served)
            kecs = len({self.places[n].kec for n in path})
            score = gain + 2 * (kecs - 1) + rng.random()
            if score > best_score:
                best, best_score = cand, score
        served.update(best[2])
        self.picked.add(best[:2])
        path = best[2] if rng.random() < 0.5 else list(reversed(best[2]))
        return path, best[3]

    def make_patrols(self):
        """10 planned KML routes and 4 GPX tracks (the last one just enters Bukit Serindit)."""
        rng = self.rng("patrols")
        cands = self._candidates()
        served = set()
        self.picked = set()
        bv = self.border_village
        styles = ["line-1267BF", "line-C2185B", "line-0F9D58", "line-F57C00", "line-7B1FA2"]
        for i in range(10):
            path, length = self._pick(cands, rng, served, 6000, 22000, lambda p: bv not in p)
            first, last = self.places[path[0]], self.places[path[-1]]
            name = f"Rute {i + 1:02d}: {first.name} - {last.name}"
            desc = (f"Rute patroli terencana {length / 1000:.1f} km melalui "
                    + ", ".join(self.places[n].name for n in path) + f". Data demo {KAB}.")
            self.patrols.append(Patrol(name, desc, self.path_line(path), "kml", nodes=path))
            self.patrols[-1].style = styles[i % len(styles)]
        starts = [(7, 0), (8, 15), (9, 30), (13, 0)]
        for i, (hh, mm) in enumerate(starts):
            last_track = i == len(starts) - 1
            ok = (lambda p: p[0] == bv or p[-1] == bv) if last_track else (lambda p: bv not in p)
            path, length = self._pick(cands, rng, served, 5000, 20000, ok)
            if last_track and path[0] == bv:
                path = list(reversed(path))
            line = self.path_line(path)
            t0 = (hh - 6) * 3600 + mm * 60
            speeds = [rng.uniform(25, 40) / 3.6 for _ in range(len(line) - 1)]
            timeline = geom.walk_polyline(line, speeds, t0)
            end = timeline[-1][0]
            t_last = t0 + math.ceil((end - t0) / FIX_STEP) * FIX_STEP
            samples = list(geom.sample_timeline(timeline, t0, t_last, FIX_STEP))
            first, last = self.places[path[0]], self.places[path[-1]]
            name = f"Patroli GPS {i + 1}: {first.name} - {last.name}"
            desc = f"Jejak GPS patroli, {length / 1000:.1f} km, 27-11-2024. Data demo {KAB}."
            self.patrols.append(Patrol(name, desc, [(x, y) for _, x, y in samples], "gpx",
                                       times=[t for t, _, _ in samples], nodes=path))
        self.index = geom.SegmentIndex(1000.0)
        for i, p in enumerate(self.patrols):
            self.index.add([PROJ.forward(*to_ll(q)) for q in p.line], i)

    def patrol_dist(self, x, y, max_d=8000.0):
        """Distance from a point to the nearest patrol line (inf beyond max_d)."""
        return self.index.nearest(x, y, max_d)[0]

    def place_neglected_settlements(self):
        """Bukit Serindit's seat 2.6-4.4 km from every patrol, and two villages further off."""
        rng = self.rng("neglected")
        k = NEGLECTED
        kx, ky = geom.ring_centroid(self.kecs[k].polygons[0][0])
        x, y = self._sample(rng, kx, ky, 5000, lambda x, y: self.in_kec(k, x, y)
                            and self.boundary_dist(k, x, y) >= 2500 and 2600 <= self.patrol_dist(x, y) <= 4400
                            and self._far_from_places(x, y, 3500), "neglected ibukota")
        self.places.append(Place(CELL_NAMES[k], "ibukota", k, x, y, False))
        for _ in range(2):
            x, y = self._sample(rng, kx, ky, 6000, lambda x, y: self.in_kec(k, x, y)
                                and self.boundary_dist(k, x, y) >= 1200 and self.patrol_dist(x, y) >= 1800
                                and self._far_from_places(x, y, 3500), "neglected village")
            self.places.append(Place(place_name(rng, self.taken), "village", k, x, y, False))

    # ---------------------------------------------------------------------------------- sites

    def seat(self, k):
        """Index of the seat settlement of kecamatan k (the town for Sukamaju Kota)."""
        for i, p in enumerate(self.places):
            if p.kec == k and p.kind in ("ibukota", "town"):
                return i
        raise KeyError(k)

    def _site(self, rng, nama, kat, prio, place, sigma, cap=None, dist=None):
        p = self.places[place]

        def ok(x, y):
            if cap is not None and math.hypot(x - p.x, y - p.y) > cap:
                return False
            if not self.in_kab(x, y):
                return False
            return dist is None or dist[0] <= self.patrol_dist(x, y) <= dist[1]

        x, y = self._sample(rng, p.x, p.y, sigma, ok, nama)
        self.sites.append(Site(nama, kat, prio, x, y, place))
        return self.sites[-1]

    def make_sites(self):
        """150 sites: offices per kecamatan and kabupaten, warehouses, parties, rallies, TPS."""
        rng = self.rng("sites")
        town = self.seat(9)
        covered, near_miss = (0, 430), (630, 870)
        self._site(rng, "Kantor KPU Kabupaten Sukamaju", "kpu", "tinggi", town, 300, 600, covered)
        self._site(rng, "Kantor Bawaslu Kabupaten Sukamaju", "bawaslu", "tinggi", town, 300, 600, covered)
        self._site(rng, "Gudang Logistik KPU Kabupaten Sukamaju", "gudang", "tinggi", town, 1500, None, near_miss)
        self._site(rng, "Kediaman Ketua KPU Kabupaten Sukamaju", "kediaman", "tinggi", town, 1500, None,
                   near_miss)
        self._site(rng, "Kediaman Ketua Bawaslu Kabupaten Sukamaju", "kediaman", "sedang", town, 800, None,
                   covered)
        self._site(rng, "Mako Polres Sukamaju", "lainnya", "sedang", town, 400, 700, covered)
        order = [9] + list(range(9))
        sedang = sorted(rng.sample([k for k in order if k not in (NEGLECTED, NEAR_MISS_PLENO)], 3))
        for k in order:
            seat = self.seat(k)
            nm = self.kecs[k].nama
            self._site(rng, f"Sekretariat PPK {nm}", "kpu", "sedang" if k == sedang[0] else "tinggi",
                       seat, 200, 450)
            self._site(rng, f"Sekretariat Panwaslu Kecamatan {nm}", "bawaslu",
                       "sedang" if k == sedang[1] else "tinggi", seat, 200, 450)
            if k == NEAR_MISS_PLENO:
                self._site(rng, f"Gedung Serbaguna {nm} (Pleno PPK)", "pleno", "tinggi", seat, 1200, 2500,
                           near_miss)
            else:
                self._site(rng, f"Aula Kantor Camat {nm} (Pleno PPK)", "pleno",
                           "sedang" if k == sedang[2] else "tinggi", seat, 200, 450)
        for k in sorted(rng.sample([k for k in range(9) if k != NEGLECTED], 2)):
            self._site(rng, f"Gudang Logistik PPK {self.kecs[k].nama}", "gudang", "tinggi", self.seat(k), 500, 1200)
        for i, party in enumerate(PARTIES):
            self._site(rng, f"Sekretariat DPC {party}", "partai", "rendah" if i % 3 == 2 else "sedang",
                       town, 700, 1800)
        seats = [self.seat(k) for k in range(9) if k != NEGLECTED]
        for i, seat in enumerate(sorted(rng.sample(seats, 5))):
            self._site(rng, f"Kantor PAC {PARTIES[i]} {self.places[seat].name}", "partai",
                       "rendah" if i == 4 else "sedang", seat, 300, 900)
        rallies = [town, town] + sorted(rng.sample(seats, 4)) + sorted(rng.sample(
            [i for i, p in enumerate(self.places) if p.kind == "village" and p.kec != NEGLECTED], 2))
        for i, place in enumerate(rallies):
            prio = ["tinggi", "tinggi", "sedang", "sedang", "sedang", "sedang", "rendah", "rendah"][i]
            self._site(rng, f"Lapangan {self.places[place].name} (kampanye terbuka)", "kampanye", prio,
                       place, 900, 2000, covered if prio == "tinggi" else None)
        self._make_tps(rng, 150 - len(self.sites))
        for i, s in enumerate(self.sites):
            s.id = f"S{i + 1:03d}"
        self.mixed_case = self._mixed_case(rng)

    def _mixed_case(self, rng):
        """{site index: (field, text)} for a few rows written in mixed case, as people type them."""
        plan = [("kpu", "kategori", "KPU"), ("bawaslu", "kategori", "Bawaslu"), ("gudang", "prioritas", "Tinggi"),
                ("pleno", "prioritas", "TINGGI"), ("tps", "kategori", "TPS"), ("tps", "prioritas", "Sedang"),
                ("tps", "prioritas", "Rendah"), ("partai", "kategori", "Partai"), ("kampanye", "prioritas", "Sedang")]
        out = {}
        for kat, field, text in plan:
            pool = [i for i, s in enumerate(self.sites) if s.kategori == kat and i not in out
                    and getattr(s, field).lower() == text.lower()]
            if pool:
                out[rng.choice(pool)] = (field, text)
        return out

    def _make_tps(self, rng, count):
        """TPS clustered around settlements (Gaussian), numbered per settlement."""
        alloc = {}
        for i, p in enumerate(self.places):
            alloc[i] = {"town": 12, "ibukota": 3, "village": 1, "island": 2}[p.kind]
        rest = count - sum(alloc.values())
        pool = [i for i, p in enumerate(self.places) if p.kind in ("ibukota", "village")]
        weights = [2 if self.places[i].kind == "ibukota" else 1 for i in pool]
        for i in rng.choices(pool, weights, k=rest):
            alloc[i] += 1
        spread = TPS_SPREAD_M
        for i, n in alloc.items():
            p = self.places[i]
            for j in range(n):
                prio = "sedang" if rng.random() < 0.4 else "rendah"
                self._site(rng, f"TPS {j + 1:03d} {p.name}", "tps", prio, i, spread[p.kind], 3 * spread[p.kind])

    # ---------------------------------------------------------------------------------- zones

    def _route_point(self, rng):
        line = rng.choice([p for p in self.patrols if p.kind == "kml"]).line
        return line[rng.randrange(2, len(line) - 2)]

    def _zone_ok(self, ring):
        return all(self.in_kab(x, y) for x, y in ring)

    @staticmethod
    def _clear_of_threshold(share):
        """Partly covered and clearly away from the 80 % threshold (robust figures)."""
        return share < 0.77 or 0.85 < share < 0.97

    def zone_share(self, ring, cx, cy, radius, step=40.0):
        """(covered share) of a polygon zone `ring`, or of a circle, by sampling a `step` m grid."""
        if ring is not None:
            x0, y0, x1, y1 = geom.bbox_of(ring)

            def inside(x, y):
                return geom.point_in_ring(x, y, ring)
        else:
            x0, y0, x1, y1 = cx - radius, cy - radius, cx + radius, cy + radius

            def inside(x, y):
                return math.hypot(x - cx, y - cy) <= radius
        total = covered = 0
        y = y0 + step / 2
        while y < y1:
            x = x0 + step / 2
            while x < x1:
                if inside(x, y):
                    total += 1
                    covered += self.patrol_dist(x, y, RADIUS) <= RADIUS
                x += step
            y += step
        self.last_zone_area = total * step * step
        return covered / total

    def _nearest_place(self, x, y):
        return min(self.places, key=lambda p: math.hypot(p.x - x, p.y - y))

    def make_zones(self):
        """10 polygons + 5 points: fully covered, partly covered and one not covered at all."""
        rng = self.rng("zones")
        polys = []
        for _ in range(200):                                   # fully covered polygon
            cx, cy = self._route_point(rng)
            ring, rmax = geom.blob_ring(cx, cy, 270, 14, rng, 0.2)
            if rmax <= 340 and self._zone_ok(ring) and max(self.patrol_dist(x, y) for x, y in ring) < 440:
                polys.append((ring, cx, cy, None, "full"))
                break
        k = NEGLECTED                                           # polygon not covered at all
        kx, ky = geom.ring_centroid(self.kecs[k].polygons[0][0])
        for _ in range(5000):
            cx, cy = rng.gauss(kx, 5000), rng.gauss(ky, 5000)
            ring, rmax = geom.blob_ring(cx, cy, 900, 18, rng, 0.25)
            if self._zone_ok(ring) and all(self.in_kec(k, x, y) for x, y in ring) \
                    and self.patrol_dist(cx, cy) > rmax + 900:
                polys.append((ring, cx, cy, None, "none"))
                break
        while len(polys) < 10:                                  # partly covered polygons
            px, py = self._route_point(rng)
            ang, d = rng.uniform(0, 2 * math.pi), rng.uniform(0, 600)
            cx, cy = px + d * math.cos(ang), py + d * math.sin(ang)
            ring, rmax = geom.blob_ring(cx, cy, rng.uniform(500, 1500), rng.randint(14, 24), rng, 0.3)
            far = [self.patrol_dist(x, y) for x, y in ring]
            if self._zone_ok(ring) and self.patrol_dist(cx, cy) < 350 and max(far) > 700 \
                    and all(math.hypot(cx - z[1], cy - z[2]) > 2500 for z in polys) \
                    and self._clear_of_threshold(self.zone_share(ring, 0, 0, 0)):
                polys.append((ring, cx, cy, None, "partial"))
        points = []
        for _ in range(200):                                    # fully covered point zone
            px, py = self._route_point(rng)
            ang = rng.uniform(0, 2 * math.pi)
            cx, cy = px + 60 * math.cos(ang), py + 60 * math.sin(ang)
            if self.patrol_dist(cx, cy) < 80:
                points.append((None, cx, cy, 200, "full"))
                break
        for radius in (800, 600, 450, 400):                     # partly covered point zones
            for _ in range(2000):
                px, py = self._route_point(rng)
                ang, d = rng.uniform(0, 2 * math.pi), rng.uniform(100, 450)
                cx, cy = px + d * math.cos(ang), py + d * math.sin(ang)
                dd = self.patrol_dist(cx, cy)
                if 100 <= dd <= 430 and dd + radius > 700 and self.in_kab(cx, cy) \
                        and all(math.hypot(cx - z[1], cy - z[2]) > 2000 for z in polys + points) \
                        and self._clear_of_threshold(self.zone_share(None, cx, cy, radius)):
                    points.append((None, cx, cy, radius, "partial"))
                    break
        rng.shuffle(polys)
        rng.shuffle(points)
        levels = ["tinggi"] * 5 + ["sedang"] * 6 + ["rendah"] * 4
        rng.shuffle(levels)
        for i, (ring, cx, cy, radius, design) in enumerate(polys + points):
            kind, why = ZONE_KINDS[rng.randrange(len(ZONE_KINDS))]
            level = "tinggi" if design == "none" else levels[i]
            if design == "none":
                kind, why = ZONE_KINDS[5]
            z = Zone(f"{kind} {self._nearest_place(cx, cy).name}", level, why, ring, cx, cy, radius, design)
            z.id = f"R{i + 1:02d}"
            self.zones.append(z)

    # ---------------------------------------------------------------------------------- fixes

    def _nearest_node(self, x, y, nodes):
        return min(nodes, key=lambda n: (math.hypot(self.places[n].x - x, self.places[n].y - y), n))

    def _travel_line(self, p, q):
        """Drive from p to q: straight when close, else to the nearest settlement, roads, then off-road."""
        if math.hypot(q[0] - p[0], q[1] - p[1]) < 1500:
            return [p, q]
        nodes = self.unit_nodes
        a, b = self._nearest_node(p[0], p[1], nodes), self._nearest_node(q[0], q[1], nodes)
        if a == b:
            return [p, (self.places[a].x, self.places[a].y), q]
        if a not in self.unit_paths:
            self.unit_paths[a] = self.dijkstra(a, banned={self.border_village})[1]
        prev = self.unit_paths[a]
        path = [b]
        while path[-1] != a:
            path.append(prev[path[-1]])
        return [p] + self.path_line(list(reversed(path))) + [q]

    @staticmethod
    def _drive(timeline, line, t, rng):
        """Append travel along `line` (20-50 km/h) to the timeline; returns the arrival time."""
        v = rng.uniform(22, 48)
        for (x1, y1), (x2, y2) in zip(line, line[1:]):
            d = math.hypot(x2 - x1, y2 - y1)
            if d < 0.5:
                continue
            kmh = min(50.0, max(20.0, v * rng.uniform(0.85, 1.15)))
            t += d / (kmh / 3.6)
            timeline.append((t, x2, y2))
        return t

    def _unit_day(self, name, stops, loops, rng):
        """Timeline of one unit: briefing at the base, stops of 10-20 min, route loops, back home."""
        base = next(s for s in self.sites if s.kategori == "lainnya")
        pos = (base.x, base.y)
        t = rng.uniform(10, 25) * 60
        timeline = [(0.0, pos[0], pos[1]), (t, pos[0], pos[1])]
        visits = [(0.0, t, base.id)]
        for site in stops:
            t = self._drive(timeline, self._travel_line(pos, (site.x, site.y)), t, rng)
            pos = (site.x, site.y)
            dwell = rng.uniform(10, 20) * 60
            visits.append((t, t + dwell, site.id))
            t += dwell
            timeline.append((t, pos[0], pos[1]))
            if t > DAY_SECONDS - 4 * 3600:
                break
        k = 0
        while t < DAY_SECONDS - 80 * 60 and loops:
            line = loops[k % len(loops)].line
            k += 1
            if math.dist(line[-1], pos) < math.dist(line[0], pos):
                line = list(reversed(line))
            t = self._drive(timeline, self._travel_line(pos, line[0]), t, rng)
            t = self._drive(timeline, line, t, rng)
            pos = line[-1]
        t = self._drive(timeline, self._travel_line(pos, (base.x, base.y)), t, rng)
        visits.append((t, max(t, DAY_SECONDS), base.id))
        timeline.append((max(t, DAY_SECONDS), base.x, base.y))
        return timeline, visits

    def _unit_plan(self, rng, sector):
        """Stops of a unit: the sector's KPU and warehouses plus some TPS, as a nearest-neighbour tour."""
        base = next(s for s in self.sites if s.kategori == "lainnya")
        if sector is None:   # logistics escort: warehouses and KPU offices everywhere but Bukit Serindit
            pool = [s for s in self.sites if s.kategori in ("gudang", "kpu")
                    and self.places[s.place].kec != NEGLECTED]
        else:
            sec = [s for s in self.sites if self.places[s.place].kec in sector and self.places[s.place].road
                   and self.places[s.place].kind != "island"]
            pool = [s for s in sec if s.kategori in ("kpu", "gudang")]
            tps = [s for s in sec if s.kategori == "tps"]
            pool += rng.sample(tps, min(len(tps), 12 - len(pool)))
        tour, pos = [], (base.x, base.y)
        while pool:
            nxt = min(pool, key=lambda s: (math.hypot(s.x - pos[0], s.y - pos[1]), s.id))
            pool.remove(nxt)
            tour.append(nxt)
            pos = (nxt.x, nxt.y)
        kml = [p for p in self.patrols if p.kind == "kml"]
        if sector is None:
            loops = kml[:2]
        else:
            loops = [p for p in kml if any(self.places[n].kec in sector for n in p.nodes)] or kml[:1]
        return tour, loops

    def make_fixes(self):
        """GPS fixes of 6 units every 30 s, 06:00-22:00 WIB, with a drop-out and a jump."""
        rng = self.rng("fixes")
        self.unit_nodes = sorted(n for n in self.adj if n != self.border_village)
        self.unit_paths = {}
        self.unit_visits = {}
        rows = []
        drop0 = (DROPOUT_FROM[0] - 6) * 3600 + DROPOUT_FROM[1] * 60
        jump_t = (JUMP_AT[0] - 6) * 3600 + JUMP_AT[1] * 60 + JUMP_AT[2]
        for name, sector in UNITS:
            urng = self.rng(f"unit:{name}")
            stops, loops = self._unit_plan(urng, sector)
            timeline, visits = self._unit_day(name, stops, loops, urng)
            self.unit_visits[name] = visits
            for t, x, y in geom.sample_timeline(timeline, 0, DAY_SECONDS, FIX_STEP):
                if name == DROPOUT_UNIT and drop0 <= t < drop0 + DROPOUT_MIN * 60:
                    continue
                x += rng.gauss(0, 3)
                y += rng.gauss(0, 3)
                if name == JUMP_UNIT and t == jump_t:
                    x, y = self._jump(rng, x, y)
                rows.append((t, name, x, y))
        rows.sort(key=lambda r: (r[0], r[1]))
        self.fixes = rows
        self._find_special_sites()

    def _jump(self, rng, x, y):
        """A fix JUMP_KM away in a random direction that lands outside the kabupaten."""
        while True:
            ang = rng.uniform(0, 2 * math.pi)
            jx, jy = x + JUMP_KM * 1000 * math.cos(ang), y + JUMP_KM * 1000 * math.sin(ang)
            if not self.in_kab(jx, jy):
                self.facts["jump_to"] = (jx, jy)
                return jx, jy

    def _find_special_sites(self):
        """Pick the never-visited site and the site visited only in passing, from the fixes."""
        jump_t = (JUMP_AT[0] - 6) * 3600 + JUMP_AT[1] * 60 + JUMP_AT[2]
        fixes = [r for r in self.fixes if not (r[1] == JUMP_UNIT and r[0] == jump_t)]
        grid = {}
        for r in fixes:
            grid.setdefault((int(r[2] // 1000), int(r[3] // 1000)), []).append(r)
        stops = [(self._site_by_id(sid), name, a, b) for name, vs in self.unit_visits.items() for a, b, sid in vs]
        stats = []
        for s in self.sites:
            near = sorted((t, name, math.hypot(x - s.x, y - s.y))
                          for gx in range(int(s.x // 1000) - 3, int(s.x // 1000) + 4)
                          for gy in range(int(s.y // 1000) - 3, int(s.y // 1000) + 4)
                          for t, name, x, y in grid.get((gx, gy), ()))
            within = [(t, name, d) for t, name, d in near if d <= RADIUS]
            passes, last = [], {}
            for t, name, d in within:
                if name in last and t - last[name][-1][0] <= FIX_STEP:
                    last[name].append((t, d))
                else:
                    last[name] = [(t, d)]
                    passes.append((name, last[name]))
            stop_near = min((math.hypot(st.x - s.x, st.y - s.y) for st, _, _, _ in stops), default=math.inf)
            dmin = min((d for _, _, d in near), default=math.inf)
            stats.append((s, dmin, passes, stop_near))
            self.facts.setdefault("min_fix", {})[s.id] = dmin
        tinggi = [x for x in stats if x[0].prioritas == "tinggi"]
        never = max(tinggi, key=lambda x: (x[1], x[0].id))
        self.facts["never"] = (never[0], self._min_fix_distance(never[0], fixes))
        cands = [x for x in stats if x[1] <= 300 and x[3] > 700 and x[2]
                 and max(p[-1][0] - p[0][0] for _, p in x[2]) <= 240]
        cands.sort(key=lambda x: (len(x[2]), x[0].kategori != "tps", x[1], x[0].id))
        if not cands:
            raise RuntimeError("no site visited only in passing; try another seed")
        s, dmin, passes, stop_near = cands[0]
        self.facts["passing"] = (s, dmin, passes, stop_near)

    def _site_by_id(self, sid):
        return next(s for s in self.sites if s.id == sid)

    @staticmethod
    def _min_fix_distance(site, fixes):
        return min(math.hypot(x - site.x, y - site.y) for _, _, x, y in fixes)

