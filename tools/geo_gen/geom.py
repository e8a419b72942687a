"""Planar geometry helpers in plain Python.

Rings are lists of (x, y) tuples WITHOUT the closing duplicate vertex. A polygon is a list of rings
(exterior first, then holes); a multipolygon is a list of polygons. Coordinates are either metres in a
LocalProjection (demo) or lon/lat degrees (scenario); the functions do not care which.
"""
import math

M_PER_DEG_LAT = 110574.0
M_PER_DEG_LON_EQ = 111320.0


class LocalProjection:
    """Equirectangular projection around (lon0, lat0) in metres; within ~0.1 % over ~100 km."""

    def __init__(self, lon0, lat0):
        self.lon0 = lon0
        self.lat0 = lat0
        self.kx = M_PER_DEG_LON_EQ * math.cos(math.radians(lat0))
        self.ky = M_PER_DEG_LAT

    def forward(self, lon, lat):
        """lon/lat degrees -> (x, y) metres."""
        return ((lon - self.lon0) * self.kx, (lat - self.lat0) * self.ky)

    def inverse(self, x, y):
        """(x, y) metres -> lon/lat degrees."""
        return (self.lon0 + x / self.kx, self.lat0 + y / self.ky)


def metres_per_degree(lat):
    """(metres per degree of longitude, metres per degree of latitude) at latitude `lat`."""
    return M_PER_DEG_LON_EQ * math.cos(math.radians(lat)), M_PER_DEG_LAT


def geo_distance(lon1, lat1, lon2, lat2):
    """Approximate ground distance in metres between two nearby lon/lat points."""
    kx, ky = metres_per_degree((lat1 + lat2) * 0.5)
    return math.hypot((lon2 - lon1) * kx, (lat2 - lat1) * ky)


# --------------------------------------------------------------------------------------- rings


def signed_area(ring):
    """Shoelace signed area: positive for counter-clockwise rings."""
    s = 0.0
    x1, y1 = ring[-1]
    for x2, y2 in ring:
        s += x1 * y2 - x2 * y1
        x1, y1 = x2, y2
    return s * 0.5


def oriented(ring, ccw=True):
    """The ring, reversed if needed so that it is counter-clockwise (ccw=True) or clockwise."""
    if (signed_area(ring) > 0) != ccw:
        return list(reversed(ring))
    return list(ring)


def polygon_area(polygon):
    """Area of a polygon (exterior minus holes), orientation-independent."""
    return abs(signed_area(polygon[0])) - sum(abs(signed_area(h)) for h in polygon[1:])


def ring_centroid(ring):
    """Area centroid of a simple ring."""
    a = cx = cy = 0.0
    x1, y1 = ring[-1]
    for x2, y2 in ring:
        c = x1 * y2 - x2 * y1
        a += c
        cx += (x1 + x2) * c
        cy += (y1 + y2) * c
        x1, y1 = x2, y2
    return cx / (3.0 * a), cy / (3.0 * a)


def bbox_of(points):
    """(minx, miny, maxx, maxy) of a sequence of points."""
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def point_in_ring(x, y, ring):
    """Even-odd ray casting test."""
    inside = False
    x1, y1 = ring[-1]
    for x2, y2 in ring:
        if (y2 > y) != (y1 > y):
            if x < (x1 - x2) * (y - y2) / (y1 - y2) + x2:
                inside = not inside
        x1, y1 = x2, y2
    return inside


def point_in_polygon(x, y, polygon):
    """True when (x, y) is inside the exterior ring and outside every hole."""
    if not point_in_ring(x, y, polygon[0]):
        return False
    for hole in polygon[1:]:
        if point_in_ring(x, y, hole):
            return False
    return True


def point_in_multipolygon(x, y, multipolygon):
    """True when (x, y) is inside any polygon of the multipolygon."""
    for polygon in multipolygon:
        if point_in_polygon(x, y, polygon):
            return True
    return False


def interior_point(polygon):
    """A point guaranteed inside the exterior ring (scanline through the bbox middle)."""
    ring = polygon[0]
    minx, miny, maxx, maxy = bbox_of(ring)
    for frac in (0.5, 0.37, 0.63, 0.21, 0.79, 0.11, 0.89):
        y = miny + (maxy - miny) * frac
        xs = []
        x1, y1 = ring[-1]
        for x2, y2 in ring:
            if (y2 > y) != (y1 > y):
                xs.append((x1 - x2) * (y - y2) / (y1 - y2) + x2)
            x1, y1 = x2, y2
        xs.sort()
        best = None
        for i in range(0, len(xs) - 1, 2):
            if best is None or xs[i + 1] - xs[i] > best[1] - best[0]:
                best = (xs[i], xs[i + 1])
        if best is not None:
            x = (best[0] + best[1]) * 0.5
            if point_in_polygon(x, y, polygon):
                return x, y
    return ring[0]


# ------------------------------------------------------------------------------------ segments


def dist_point_segment(px, py, ax, ay, bx, by):
    """Euclidean distance from point P to segment AB."""
    dx = bx - ax
    dy = by - ay
    ll = dx * dx + dy * dy
    if ll == 0.0:
        return math.hypot(px - ax, py - ay)
    t = ((px - ax) * dx + (py - ay) * dy) / ll
    if t < 0.0:
        t = 0.0
    elif t > 1.0:
        t = 1.0
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def dist_point_polyline(px, py, line):
    """Distance from a point to a polyline (list of points)."""
    best = math.inf
    for i in range(len(line) - 1):
        d = dist_point_segment(px, py, line[i][0], line[i][1], line[i + 1][0], line[i + 1][1])
        if d < best:
            best = d
    return best


def dist_point_ring(px, py, ring):
    """Distance from a point to the boundary of a ring."""
    return dist_point_polyline(px, py, list(ring) + [ring[0]])


def _orient(ax, ay, bx, by, cx, cy):
    v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)
    return (v > 0) - (v < 0)


def segments_intersect(a, b, c, d):
    """True when closed segments AB and CD share at least one point."""
    o1 = _orient(a[0], a[1], b[0], b[1], c[0], c[1])
    o2 = _orient(a[0], a[1], b[0], b[1], d[0], d[1])
    o3 = _orient(c[0], c[1], d[0], d[1], a[0], a[1])
    o4 = _orient(c[0], c[1], d[0], d[1], b[0], b[1])
    if o1 != o2 and o3 != o4:
        return True

    def on(p, q, r):
        return min(p[0], q[0]) <= r[0] <= max(p[0], q[0]) and min(p[1], q[1]) <= r[1] <= max(p[1], q[1])

    return ((o1 == 0 and on(a, b, c)) or (o2 == 0 and on(a, b, d))
            or (o3 == 0 and on(c, d, a)) or (o4 == 0 and on(c, d, b)))


def polylines_cross(lines):
    """True when any two segments of the given polylines intersect, except at shared vertices.

    Segments that share an endpoint (the same coordinate tuple) are allowed to touch there: this is
    how edges of a planar partition meet at nodes. O(n^2) with bbox pruning; meant for small inputs.
    """
    segs = []
    for line in lines:
        for i in range(len(line) - 1):
            a, b = line[i], line[i + 1]
            segs.append((a, b, min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1])))
    segs.sort(key=lambda s: s[2])
    for i, (a, b, x0, y0, x1, y1) in enumerate(segs):
        for j in range(i + 1, len(segs)):
            c, d, u0, v0, u1, v1 = segs[j]
            if u0 > x1:
                break
            if v0 > y1 or v1 < y0:
                continue
            if a == c or a == d or b == c or b == d:
                continue
            if segments_intersect(a, b, c, d):
                return True
    return False


# ----------------------------------------------------------------------------------- polylines


def polyline_length(line):
    """Sum of segment lengths."""
    return sum(math.hypot(line[i + 1][0] - line[i][0], line[i + 1][1] - line[i][1])
               for i in range(len(line) - 1))


def midpoint_displace(a, b, rng, rough, depth):
    """Fractal polyline from a to b (both included): `depth` halvings, each midpoint moved sideways
    by up to `rough` times the current segment length (uniform, shrinking slightly per level)."""
    pts = [a, b]
    r = rough
    for _ in range(depth):
        out = [pts[0]]
        for i in range(len(pts) - 1):
            (x1, y1), (x2, y2) = pts[i], pts[i + 1]
            dx, dy = x2 - x1, y2 - y1
            off = rng.uniform(-r, r)
            out.append(((x1 + x2) * 0.5 - dy * off, (y1 + y2) * 0.5 + dx * off))
            out.append(pts[i + 1])
        pts = out
        r *= 0.85
    return pts


def blob_ring(cx, cy, radius, n, rng, irregularity=0.25, sx=1.0, sy=1.0):
    """Irregular star-shaped (hence simple) counter-clockwise ring of `n` vertices around (cx, cy).

    Radii follow a smooth random harmonic series around `radius`; sx/sy scale x and y (used to draw
    metre-sized blobs directly in degrees). Returns (ring, max_radius) with max_radius in input units.
    """
    harmonics = [(k, rng.uniform(0, 2 * math.pi), rng.uniform(0.3, 1.0) * irregularity / k)
                 for k in (2, 3, 4, 5)]
    step = 2 * math.pi / n
    start = rng.uniform(0, 2 * math.pi)
    ring = []
    rmax = 0.0
    for i in range(n):
        ang = start + i * step + rng.uniform(-0.25, 0.25) * step
        f = 1.0 + sum(a * math.sin(k * ang + ph) for k, ph, a in harmonics) + rng.uniform(-0.04, 0.04)
        r = radius * max(0.35, f)
        rmax = max(rmax, r)
        ring.append((cx + r * math.cos(ang) * sx, cy + r * math.sin(ang) * sy))
    return ring, rmax


def walk_polyline(line, speeds, t0):
    """Timeline [(t, x, y)] for travelling along `line` (metres) at speeds[i] m/s on segment i."""
    out = [(t0, line[0][0], line[0][1])]
    t = t0
    for i in range(len(line) - 1):
        (x1, y1), (x2, y2) = line[i], line[i + 1]
        t += math.hypot(x2 - x1, y2 - y1) / speeds[i]
        out.append((t, x2, y2))
    return out


def sample_timeline(timeline, t_start, t_end, step):
    """Yield (t, x, y) at t_start, t_start+step, ... <= t_end by linear interpolation of a timeline
    (list of (t, x, y) with non-decreasing t). Before the first / after the last entry: clamped."""
    j = 0
    n = len(timeline)
    t = t_start
    while t <= t_end:
        while j < n - 2 and timeline[j + 1][0] <= t:
            j += 1
        t1, x1, y1 = timeline[j]
        t2, x2, y2 = timeline[min(j + 1, n - 1)]
        if t <= t1 or t2 <= t1:
            yield t, x1, y1
        elif t >= t2:
            yield t, x2, y2
        else:
            f = (t - t1) / (t2 - t1)
            yield t, x1 + (x2 - x1) * f, y1 + (y2 - y1) * f
        t += step


# ------------------------------------------------------------------------------------- indexes


class SegmentIndex:
    """Uniform grid over segments of tagged polylines, for 'distance to nearest line' queries."""

    def __init__(self, cell):
        self.cell = cell
        self.grid = {}

    def add(self, line, tag):
        """Index every segment of `line` under `tag`."""
        c = self.cell
        for i in range(len(line) - 1):
            (x1, y1), (x2, y2) = line[i], line[i + 1]
            for gx in range(int(math.floor(min(x1, x2) / c)), int(math.floor(max(x1, x2) / c)) + 1):
                for gy in range(int(math.floor(min(y1, y2) / c)), int(math.floor(max(y1, y2) / c)) + 1):
                    self.grid.setdefault((gx, gy), []).append((x1, y1, x2, y2, tag))

    def nearest(self, x, y, max_d):
        """(distance, tag) of the nearest segment within max_d, else (inf, None)."""
        c = self.cell
        best = (math.inf, None)
        r = int(math.ceil(max_d / c))
        gx0 = int(math.floor(x / c))
        gy0 = int(math.floor(y / c))
        for gx in range(gx0 - r, gx0 + r + 1):
            for gy in range(gy0 - r, gy0 + r + 1):
                for x1, y1, x2, y2, tag in self.grid.get((gx, gy), ()):
                    d = dist_point_segment(x, y, x1, y1, x2, y2)
                    if d < best[0]:
                        best = (d, tag)
        if best[0] > max_d:
            return math.inf, None
        return best


class AreaIndex:
    """Grid index over (multi)polygons for fast point location (lon/lat or metres)."""

    def __init__(self, multipolygons):
        self.mps = multipolygons
        self.boxes = [bbox_of([p for poly in mp for p in poly[0]]) for mp in multipolygons]
        minx = min(b[0] for b in self.boxes)
        miny = min(b[1] for b in self.boxes)
        maxx = max(b[2] for b in self.boxes)
        maxy = max(b[3] for b in self.boxes)
        self.origin = (minx, miny)
        # about 4 cells per feature, but never finer than the median feature's bbox
        ncell = max(1, 4 * len(multipolygons))
        self.cell = max(math.sqrt((maxx - minx) * (maxy - miny) / ncell), 1e-9)
        self.grid = {}
        for i, (x0, y0, x1, y1) in enumerate(self.boxes):
            for gx in range(self._gx(x0), self._gx(x1) + 1):
                for gy in range(self._gy(y0), self._gy(y1) + 1):
                    self.grid.setdefault((gx, gy), []).append(i)

    def _gx(self, x):
        return int((x - self.origin[0]) // self.cell)

    def _gy(self, y):
        return int((y - self.origin[1]) // self.cell)

    def locate(self, x, y, hint=-1):
        """Index of the feature containing (x, y), or -1. `hint` is tried first."""
        if hint >= 0:
            b = self.boxes[hint]
            if b[0] <= x <= b[2] and b[1] <= y <= b[3] and point_in_multipolygon(x, y, self.mps[hint]):
                return hint
        for i in self.grid.get((self._gx(x), self._gy(y)), ()):
            if i == hint:
                continue
            b = self.boxes[i]
            if b[0] <= x <= b[2] and b[1] <= y <= b[3] and point_in_multipolygon(x, y, self.mps[i]):
                return i
        return -1
