"""Field-like workloads: a road network shared by many routes, and GPS units driving it.

`RoadNetwork` is built on a scenario's settlements (lon/lat): every settlement gets 2-4 dead-end
streets (1-3 km, winding), and is joined by a winding road to its 3 nearest settlements (roads
between area seats are main roads, cheaper to drive, so shortest paths gather on them). Road and
street geometry has a vertex every ~120 m. Paths are found with a bounded Dijkstra (only nodes
within the leg's length are settled), so the cost does not grow with the size of the network.

`road_route` makes a planned patrol route: legs along shortest paths between network nodes, half of
them driven out and back (the route overlaps itself), every vertex moved by ~2 m of digitising
noise so that routes on the same road are nearly but not exactly coincident (as routes drawn by
different people are). `--road-share` of the routes follow the network; the rest wander (the old
random walk).

`FieldUnit` is a GPS unit with a beat of sites near its home settlement: it drives to a site along
the roads (plus a straight connector from the settlement centre), stops there 5-20 min (a jitter
cloud: sigma 6 m, 5 % of fixes off by ~25 m), drives on. Every fix has ~4 m of noise; now and then
the receiver drops out (1-15 min without fixes) or reports a single jump (1-5 km off).
"""
import bisect
import heapq
import math

from . import geom

VERTEX_M = 120.0       # road vertex spacing
DIGITISE_M = 2.0       # sigma of the digitising noise of a planned route's vertices
DRIVE_NOISE_M = 4.0    # sigma of a moving fix
STOP_NOISE_M = 6.0     # sigma of a stopped fix
STOP_OUTLIER_M = 25.0  # sigma of the 5 % of stopped fixes that are worse


def _offset(lon, lat, dx, dy):
    kx, ky = geom.metres_per_degree(lat)
    return lon + dx / kx, lat + dy / ky


def _winding(a, b, rng, amplitude):
    """A winding polyline a -> b (lon/lat), a vertex every ~VERTEX_M, lateral sine waves plus noise."""
    kx, ky = geom.metres_per_degree((a[1] + b[1]) / 2)
    dx, dy = (b[0] - a[0]) * kx, (b[1] - a[1]) * ky
    length = math.hypot(dx, dy)
    n = max(1, int(length / VERTEX_M))
    nx, ny = (-dy / length, dx / length) if length > 0 else (0.0, 0.0)
    waves = [(rng.uniform(0.3, 1.0) * amplitude / k, k, rng.uniform(0, 2 * math.pi)) for k in (1, 2, 3, 5)]
    pts = [a]
    for i in range(1, n):
        t = i / n
        off = sum(amp * math.sin(math.pi * k * t + ph) * math.sin(math.pi * t) for amp, k, ph in waves)
        off += rng.gauss(0.0, 3.0)
        x, y = dx * t + nx * off, dy * t + ny * off
        pts.append((a[0] + x / kx, a[1] + y / ky))
    pts.append(b)
    return pts


class RoadNetwork:
    """Nodes: settlement centres and street ends; edges: roads and streets with their polylines."""

    def __init__(self, sx, sy, seats, rng):
        self.xy = list(zip(sx, sy))
        self.settlements = len(self.xy)
        self.adj = [[] for _ in self.xy]            # node -> [(neighbour, cost, edge id, forward)]
        self.edges = []                              # edge id -> polyline (lon/lat)
        self.main = []                               # edge id -> main road?
        seat = set(seats)
        cell = 0.15
        grid = {}
        for i, (x, y) in enumerate(self.xy):
            grid.setdefault((int(x // cell), int(y // cell)), []).append(i)
        self.grid, self.cell = grid, cell
        joined = set()
        for i, (x, y) in enumerate(self.xy):
            near = self._nearest(x, y, 4, exclude=i)
            for j in near[:3]:
                key = (min(i, j), max(i, j))
                if key in joined:
                    continue
                joined.add(key)
                d = geom.geo_distance(x, y, *self.xy[j])
                line = _winding(self.xy[key[0]], self.xy[key[1]], rng, min(600.0, 0.06 * d))
                self._add_edge(key[0], key[1], line, main=i in seat and j in seat)
        for i in range(self.settlements):            # dead-end streets
            x, y = self.xy[i]
            for _ in range(rng.randint(2, 4)):
                ang, length = rng.uniform(0, 2 * math.pi), rng.uniform(1000.0, 3000.0)
                end = _offset(x, y, length * math.cos(ang), length * math.sin(ang))
                k = len(self.xy)
                self.xy.append(end)
                self.adj.append([])
                self._add_edge(i, k, _winding((x, y), end, rng, 0.08 * length), main=False)

    def _add_edge(self, a, b, line, main):
        e = len(self.edges)
        self.edges.append(line)
        self.main.append(main)
        length = _polyline_length_geo(line)
        cost = length * (0.6 if main else 1.0)
        self.adj[a].append((b, cost, e, True))
        self.adj[b].append((a, cost, e, False))

    def _nearest(self, x, y, k, exclude=-1):
        """Up to k nearest settlement centres (grid search, growing rings)."""
        gx, gy = int(x // self.cell), int(y // self.cell)
        found = []
        for r in range(0, 12):
            for i in range(gx - r, gx + r + 1):
                for j in range(gy - r, gy + r + 1):
                    if max(abs(i - gx), abs(j - gy)) != r:
                        continue
                    for n in self.grid.get((i, j), ()):
                        if n != exclude:
                            found.append((geom.geo_distance(x, y, *self.xy[n]), n))
            if len(found) >= k and r >= 1:
                break
        found.sort()
        return [n for _, n in found[:k]]

    def nearest_settlement(self, x, y):
        near = self._nearest(x, y, 1)
        return near[0] if near else 0

    def tree(self, source, limit):
        """Bounded Dijkstra: {node: (cost, previous node, edge, forward)} for nodes within `limit`."""
        best = {source: (0.0, -1, -1, True)}
        heap = [(0.0, source)]
        while heap:
            d, n = heapq.heappop(heap)
            if d > best[n][0]:
                continue
            for m, c, e, fwd in self.adj[n]:
                nd = d + c
                if nd <= limit and (m not in best or nd < best[m][0]):
                    best[m] = (nd, n, e, fwd)
                    heapq.heappush(heap, (nd, m))
        return best

    def path(self, tree, target):
        """The polyline (lon/lat) from the tree's source to `target`."""
        pieces = []
        n = target
        while tree[n][1] >= 0:
            _, prev, e, fwd = tree[n]
            line = self.edges[e]
            pieces.append(line if fwd else line[::-1])
            n = prev
        out = []
        for p in reversed(pieces):
            out.extend(p if not out else p[1:])
        return out


def _polyline_length_geo(line):
    return sum(geom.geo_distance(x1, y1, x2, y2) for (x1, y1), (x2, y2) in zip(line, line[1:]))


def road_route(net, rng, start, length_m):
    """A planned route of about length_m metres along the network from node `start`."""
    pts = [net.xy[start]]
    node, walked = start, 0.0
    for _ in range(40):
        if walked >= length_m:
            break
        left = length_m - walked
        tree = net.tree(node, max(1500.0, left * 0.8))
        reach = [(n, v[0]) for n, v in tree.items() if n != node]
        if not reach:
            break
        reach.sort()
        far = reach[len(reach) // 3:] or reach
        goal = far[rng.randrange(len(far))][0]
        leg = net.path(tree, goal)
        back = rng.random() < 0.5
        pts.extend(leg[1:])
        walked += _polyline_length_geo(leg)
        if back and walked < length_m:
            pts.extend(leg[-2::-1])
            walked += _polyline_length_geo(leg)
        else:
            node = goal
    out = []
    for x, y in pts:
        x, y = _offset(x, y, rng.gauss(0.0, DIGITISE_M), rng.gauss(0.0, DIGITISE_M))
        out.append((round(x, 7), round(y, 7)))
    return out if len(out) >= 2 else [out[0], (out[0][0] + 1e-4, out[0][1])]


def route_sharing(routes, cell_m=30.0):
    """Share of the routes' length (sampled every 30 m) lying within ~30 m of another route."""
    users = {}
    samples = []
    for r, line in enumerate(routes):
        seen = set()
        for (x1, y1), (x2, y2) in zip(line, line[1:]):
            kx, ky = geom.metres_per_degree(y1)
            d = math.hypot((x2 - x1) * kx, (y2 - y1) * ky)
            for s in range(max(1, int(d / cell_m))):
                t = s / max(1, int(d / cell_m))
                cx = int((x1 + (x2 - x1) * t) * kx // cell_m)
                cy = int((y1 + (y2 - y1) * t) * ky // cell_m)
                samples.append((r, cx, cy))
                if (cx, cy) not in seen:
                    seen.add((cx, cy))
                    users[(cx, cy)] = users.get((cx, cy), 0) + 1
    if not samples:
        return 0.0, 0.0
    shared = sum(1 for _, cx, cy in samples
                 if max(users.get((cx + i, cy + j), 0) for i in (-1, 0, 1) for j in (-1, 0, 1)) >= 2)
    # self-overlap: a route coming back over its own cells
    per_route = {}
    for r, cx, cy in samples:
        per_route.setdefault(r, []).append((cx, cy))
    overlapping = sum(1 for cells in per_route.values() if len(set(cells)) < 0.8 * len(cells))
    return shared / len(samples), overlapping / max(1, len(per_route))


class _Leg:
    """A polyline to drive, with cumulative metres."""

    def __init__(self, line):
        self.line = line
        self.cum = [0.0]
        for (x1, y1), (x2, y2) in zip(line, line[1:]):
            self.cum.append(self.cum[-1] + geom.geo_distance(x1, y1, x2, y2))
        self.total = self.cum[-1]

    def at(self, s):
        j = max(0, min(bisect.bisect_right(self.cum, s) - 1, len(self.line) - 2))
        (x1, y1), (x2, y2) = self.line[j], self.line[j + 1]
        seg = self.cum[j + 1] - self.cum[j]
        t = min(1.0, max(0.0, (s - self.cum[j]) / seg)) if seg > 0 else 0.0
        return x1 + (x2 - x1) * t, y1 + (y2 - y1) * t


class FieldUnit:
    """A GPS unit driving between the sites of its beat along the roads, stopping at each."""

    def __init__(self, net, home, beat, site_xy, site_node, rng):
        self.net, self.beat, self.site_xy, self.site_node = net, beat, site_xy, site_node
        self.node = home
        self.pos = net.xy[home]
        self.trees = {}
        self.leg = None
        self.s = 0.0
        self.speed = 0.0
        self.stop = rng.randint(0, 40)            # fixes still to stay (a stagger at the start)
        self.stop_at = self.pos
        self.dropout = 0

    def _tree(self, node):
        t = self.trees.get(node)
        if t is None:
            t = self.trees[node] = self.net.tree(node, 25000.0)
        return t

    def _plan(self, rng):
        """The next drive: from where the unit is to a site of its beat (road path + connectors)."""
        site = self.beat[rng.randrange(len(self.beat))]
        target = self.site_node[site]
        tree = self._tree(self.node)
        road = self.net.path(tree, target) if target in tree else [self.net.xy[self.node], self.net.xy[target]]
        line = [self.pos] + road + [self.site_xy[site]]
        self.node = target
        self.leg = _Leg(line)
        self.s = 0.0
        self.speed = rng.uniform(20.0, 50.0) / 3.6
        self.site = site

    def advance(self, rng, step):
        """(lon, lat) of the next fix after `step` seconds, or None during a drop-out."""
        if self.stop > 0:
            self.stop -= 1
            x, y = self.stop_at
            sigma = STOP_OUTLIER_M if rng.random() < 0.05 else STOP_NOISE_M
        else:
            if self.leg is None:
                self._plan(rng)
            self.s += self.speed * step
            if rng.random() < 0.05:
                self.speed = rng.uniform(20.0, 50.0) / 3.6
            if self.s >= self.leg.total:
                x, y = self.leg.line[-1]
                self.pos = (x, y)
                self.stop_at = (x, y)
                self.stop = int(rng.uniform(300.0, 1200.0) / step)
                self.leg = None
            else:
                x, y = self.leg.at(self.s)
                self.pos = (x, y)
            sigma = DRIVE_NOISE_M
        if self.dropout > 0:
            self.dropout -= 1
            return None
        r = rng.random()
        if r < 0.0008:
            self.dropout = int(rng.uniform(60.0, 900.0) / step)
            return None
        if r < 0.0009:
            ang, d = rng.uniform(0, 2 * math.pi), rng.uniform(1000.0, 5000.0)
            return _offset(x, y, d * math.cos(ang), d * math.sin(ang))
        return _offset(x, y, rng.gauss(0.0, sigma), rng.gauss(0.0, sigma))
