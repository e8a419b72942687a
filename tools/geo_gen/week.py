"""A week of GPS fixes for the demo (geodata/demo/week/), for the history store and its trends.

The demo day's six units are replayed on seven days, 2024-11-21 to 2024-11-27 (Pilkada day), thinned to
a fix a minute, with two planted trends:

- a neglected site: a tinggi KPU, Bawaslu, warehouse or pleno site that a unit stops at every day, until on the last three days no
  unit comes near it (every fix within NEGLECT_M of it is removed, and the gap each removal leaves is
  widened past the analyzer's 5-minute fix gap, so no track is drawn across it): stale three days running;
- a rawan zone whose attendance falls: each day the fixes in and around it are kept only until an
  earlier hour (CUTOFFS, as shares of the 16-hour day), so its attended share falls day after day.

Everything else is the same every day. Deterministic: the same seed gives byte-identical files.
"""

import datetime
import math
import os

from . import fmt
from .demo import DAY_SECONDS, PROJ, WIB

DAYS = 7
FIRST_DAY = datetime.date(2024, 11, 21)
STEP = 60                       # seconds between kept fixes
NEGLECT_M = 540.0               # fixes this close to the neglected site are removed on its days
NEGLECT_DAYS = 3                # the last days of the week
ZONE_MARGIN_M = 1000.0          # fixes this far beyond the zone's extent count as "around it"
CUTOFFS = [1.0, 0.9, 0.8, 0.7, 0.55, 0.35, 0.15]
MIN_GAP = 360                   # seconds: a removal leaves at least this gap (the analyzer splits at 300)


def _extent(z):
    if z.radius:
        return z.radius
    return max(math.hypot(x - z.x, y - z.y) for x, y in z.ring)


def choose(b):
    """The neglected site and the falling zone, picked from the built demo."""
    base = next(s for s in b.sites if s.kategori == "lainnya")
    fixes = [f for f in b.fixes if f[0] % STEP == 0]

    stops = {}
    for visits in b.unit_visits.values():
        for _, _, sid in visits:
            stops[sid] = stops.get(sid, 0) + 1

    def nearest_tinggi(s):
        return min(math.hypot(o.x - s.x, o.y - s.y) for o in b.sites if o is not s and o.prioritas == "tinggi")

    # A tinggi office or warehouse that units stop at, away from the base, as far as can be from the
    # other tinggi sites (their visits must not go with it).
    cands = [s for s in b.sites if s.prioritas == "tinggi" and s.kategori in ("kpu", "bawaslu", "gudang", "pleno")
             and stops.get(s.id, 0) >= 2 and math.hypot(s.x - base.x, s.y - base.y) > 3000]
    site = max(cands, key=lambda s: (nearest_tinggi(s), s.id))
    if nearest_tinggi(site) <= NEGLECT_M + 20:
        raise RuntimeError("no site to neglect alone; try another seed")

    def count(z):
        r = _extent(z) + ZONE_MARGIN_M
        return sum(1 for _, _, x, y in fixes if math.hypot(x - z.x, y - z.y) <= r)

    zones = [z for z in b.zones
             if math.hypot(base.x - z.x, base.y - z.y) > _extent(z) + ZONE_MARGIN_M + 1000
             and math.hypot(site.x - z.x, site.y - z.y) > _extent(z) + ZONE_MARGIN_M + NEGLECT_M]
    zone = max(zones, key=lambda z: (count(z), z.id))
    return site, zone


def _remove(rows, drop):
    """Rows of one unit (time order) without those `drop` marks, each removal widened so the gap it
    leaves lasts at least MIN_GAP seconds."""
    keep = [not drop(r) for r in rows]
    i = 0
    while i < len(rows):
        if keep[i]:
            i += 1
            continue
        j = i
        while j < len(rows) and not keep[j]:
            j += 1
        before = rows[i - 1][0] if i > 0 else None
        while before is not None and j < len(rows) and rows[j][0] - before < MIN_GAP:
            keep[j] = False
            j += 1
        i = j
    return [r for r, k in zip(rows, keep) if k]


def day_fixes(b, site, zone, day):
    """(t, unit, x, y) of one day, t in seconds after 06:00."""
    base = [f for f in b.fixes if f[0] % STEP == 0]
    neglect = day >= DAYS - NEGLECT_DAYS
    cutoff = CUTOFFS[day] * DAY_SECONDS
    reach = _extent(zone) + ZONE_MARGIN_M

    def drop(r):
        t, _, x, y = r
        if neglect and math.hypot(x - site.x, y - site.y) <= NEGLECT_M:
            return True
        return t > cutoff and math.hypot(x - zone.x, y - zone.y) <= reach

    out = []
    for unit in sorted({f[1] for f in base}):
        out += _remove([f for f in base if f[1] == unit], drop)
    out.sort(key=lambda r: (r[0], r[1]))
    return out


def write_week(b, out):
    """One CSV per day (fixes-YYYY-MM-DD.csv), operation.yaml and README.md."""
    os.makedirs(out, exist_ok=True)
    site, zone = choose(b)
    names = []
    for day in range(DAYS):
        date = FIRST_DAY + datetime.timedelta(days=day)
        start = datetime.datetime(date.year, date.month, date.day, 6, 0, tzinfo=WIB)
        lines = ["unit,time,lon,lat"]
        for t, unit, x, y in day_fixes(b, site, zone, day):
            lon, lat = PROJ.inverse(x, y)
            lines.append(f"{unit},{(start + datetime.timedelta(seconds=t)).isoformat()},{fmt.num(lon, 6)},{fmt.num(lat, 6)}")
        name = f"fixes-{date.isoformat()}.csv"
        names.append((name, len(lines) - 1))
        fmt.write_text(os.path.join(out, name), "\n".join(lines) + "\n")
    fmt.write_text(os.path.join(out, "operation.yaml"), "\n".join([
        "# A week of the FICTIONAL demo kabupaten: one run per day, each with that day's fixes:",
        "#   cakupan analyze geodata/demo/week/operation.yaml --tracks geodata/demo/week/fixes-2024-11-21.csv \\",
        "#       --out out/demo/week/2024-11-21 --history out/demo/history.gpkg",
        'name: "Operasi Mantap Praja 2024 — Kabupaten Sukamaju (FIKTIF)"',
        "areas: ../kecamatan.geojson",
        "sites: ../sites.csv",
        "rawan: ../rawan.geojson",
        "patrols: ../patroli_rute.kml",
        "radius: 500",
        "crs: auto",
        "# A site is stale when no unit comes by for 4 hours of the 16-hour day (the demo day's default is 2 h).",
        "max_unattended: 4h",
        "",
    ]))
    share = ", ".join(f"{c:.2f}" for c in CUTOFFS)
    beside = [o for o in b.sites if o is not site and math.hypot(o.x - site.x, o.y - site.y) <= NEGLECT_M + 500]
    also = ""
    if beside:
        also = (f" Sites within {NEGLECT_M + 500:.0f} m of it ({', '.join(o.id for o in beside)}) may lose some of "
                "the visits that came with it (with the week's 4 h limit, the TPS S133 turns stale too).")
    readme = [
        "# A week of GPS fixes — Kabupaten Sukamaju (FIKTIF)", "",
        "**FICTIONAL** demo data for the history store (`cakupan analyze --history`, `cakupan history`).",
        "Generated by `python3 tools/generate.py week --seed 2024 --out geodata/demo/week` from the demo day "
        f"(`gps_fixes.csv`): its six units replayed on {DAYS} days, {FIRST_DAY.isoformat()} to "
        f"{(FIRST_DAY + datetime.timedelta(days=DAYS - 1)).isoformat()}, a fix every {STEP} s.", "",
        "| file | fixes |", "|---|---|",
    ] + [f"| {n} | {c} |" for n, c in names] + [
        "", "Planted trends:", "",
        f"- **Neglected site**: {site.id} {site.nama} ({site.kategori}, {site.prioritas}) — visited every day "
        f"until, on the last {NEGLECT_DAYS} days, no unit comes within {NEGLECT_M:.0f} m of it: stale "
        f"{NEGLECT_DAYS} days running.{also}",
        f"- **Falling attendance**: rawan zone {zone.id} {zone.nama} ({zone.tingkat}) — the fixes within "
        f"{ZONE_MARGIN_M:.0f} m of it are kept each day only until a share of the 16-hour day ({share}), "
        "so its attended share falls day after day.", "",
        "Run the week and the trend: `make demo-week` (or `scripts/demo-week.sh`).", "",
    ]
    fmt.write_text(os.path.join(out, "README.md"), "\n".join(readme))
    return site, zone
