"""Writes the demo built by demo.DemoBuilder: the data files, operation.yaml and a README whose
expected figures are measured here (in the local projection; the analyzer measures in UTM 48S)."""

import datetime
import math
import os

from . import fmt, geom
from .demo import (DAY_START, DROPOUT_FROM, DROPOUT_MIN, DROPOUT_UNIT, FIX_STEP, JUMP_AT, JUMP_KM,
                   JUMP_UNIT, KAB, NEGLECTED, PROJ, RADIUS, TOWN, hms, to_ll)

NOTE = f"Data demo {KAB}: semua nama dan tempat rekaan (fictional demo data, all names and places invented)."


def ll_polygons(polygons):
    """Metre polygons -> lon/lat polygons with RFC 7946 winding."""
    out = []
    for poly in polygons:
        rings = [[to_ll(p) for p in ring] for ring in poly]
        out.append([geom.oriented(rings[0], True)] + [geom.oriented(h, False) for h in rings[1:]])
    return out


def write_kecamatan(b, path):
    """kecamatan.geojson: 10 (Multi)Polygons forming a clean partition."""
    w = fmt.GeoJSONWriter(path, f"Kecamatan {KAB}", NOTE)
    for kec in b.kecs:
        polys = ll_polygons(kec.polygons)
        box = geom.bbox_of([p for poly in polys for p in poly[0]])
        w.add(fmt.areal_json(polys), {"kode": kec.kode, "nama": kec.nama, "kab_nama": KAB}, box)
    w.close()


def decimal_comma(v):
    """Excel-style number with a decimal comma."""
    return fmt.num(v).replace(".", ",")


def write_sites(b, path):
    """sites.csv: ';'-separated, decimal commas, UTF-8 with BOM, CRLF (as Excel saves it)."""
    lines = ["id;nama;kategori;prioritas;bujur;lintang"]
    for i, s in enumerate(b.sites):
        vals = {"kategori": s.kategori, "prioritas": s.prioritas}
        if i in b.mixed_case:
            field, text = b.mixed_case[i]
            vals[field] = text
        lon, lat = to_ll((s.x, s.y))
        lines.append(f"{s.id};{s.nama};{vals['kategori']};{vals['prioritas']};"
                     f"{decimal_comma(lon)};{decimal_comma(lat)}")
    fmt.write_text(path, "\n".join(lines) + "\n", bom=True, crlf=True)


def write_rawan(b, path):
    """rawan.geojson: 10 Polygons then 5 Points with radius_m."""
    w = fmt.GeoJSONWriter(path, f"Zona rawan {KAB}", NOTE)
    for z in b.zones:
        props = {"id": z.id, "nama": z.nama, "tingkat": z.tingkat, "keterangan": z.keterangan}
        if z.ring is not None:
            ring = geom.oriented([to_ll(p) for p in z.ring], True)
            w.add(fmt.polygon_json([ring]), props, geom.bbox_of(ring))
        else:
            props["radius_m"] = z.radius
            lon, lat = to_ll((z.x, z.y))
            w.add(fmt.point_json(lon, lat), props, (lon, lat, lon, lat))
    w.close()


def write_kml(b, path):
    """patroli_rute.kml: the 10 planned routes, Google My Maps style."""
    colours = {"line-1267BF": "ffbf6712", "line-C2185B": "ff5b18c2", "line-0F9D58": "ff589d0f",
               "line-F57C00": "ff007cf5", "line-7B1FA2": "ffa21f7b"}
    marks = [(p.name, p.desc, p.style, [to_ll(q) for q in p.line]) for p in b.patrols if p.kind == "kml"]
    used = sorted({m[2] for m in marks})
    styles = [(sid, colours[sid], 4) for sid in used]
    text = fmt.kml_text(f"Rute Patroli Pilkada 2024 - {KAB}", NOTE, "Rute Patroli", styles, marks)
    fmt.write_text(path, text)


def iso_z(seconds):
    """Seconds after 06:00 WIB -> ISO 8601 UTC ('Z')."""
    t = DAY_START + datetime.timedelta(seconds=seconds)
    return t.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_wib(seconds):
    """Seconds after 06:00 WIB -> ISO 8601 with +07:00."""
    return (DAY_START + datetime.timedelta(seconds=seconds)).isoformat()


def write_gpx(b, path):
    """patroli_gps.gpx: 4 tracks, a point every 30 s."""
    tracks = []
    for p in b.patrols:
        if p.kind == "gpx":
            pts = [to_ll(q) + (iso_z(t),) for q, t in zip(p.line, p.times)]
            tracks.append((p.name, p.desc, pts))
    fmt.write_text(path, fmt.gpx_text(f"Jejak GPS Patroli Pilkada 2024 - {KAB}", NOTE,
                                      iso_z(0), tracks))


def write_fixes(b, path):
    """gps_fixes.csv: unit,time,lon,lat (comma separated, dot decimals, +07:00 times)."""
    lines = ["unit,time,lon,lat"]
    for t, name, x, y in b.fixes:
        lon, lat = PROJ.inverse(x, y)
        lines.append(f"{name},{iso_wib(t)},{fmt.num(lon, 6)},{fmt.num(lat, 6)}")
    fmt.write_text(path, "\n".join(lines) + "\n")


def write_operation(path):
    """operation.yaml of the demo."""
    text = fmt.operation_yaml(
        "Operasi Mantap Praja 2024 — demo data of a FICTIONAL kabupaten (all names and places invented)",
        f"Operasi Mantap Praja 2024 — {KAB}", "kecamatan.geojson", "sites.csv", "rawan.geojson",
        ["patroli_rute.kml", "patroli_gps.gpx"], "gps_fixes.csv")
    fmt.write_text(path, text)


# ------------------------------------------------------------------------------------ report


def zone_coverage(b, z):
    """(covered share, area m2) of a zone, by grid sampling."""
    share = b.zone_share(z.ring, z.x, z.y, z.radius)
    return share, b.last_zone_area


def patrol_km_per_kec(b):
    """(km of patrol line inside each kecamatan, [kecamatan indices each patrol passes]), 50 m sampling."""
    km = [0.0] * len(b.kecs)
    passes = []
    for p in b.patrols:
        line = [PROJ.forward(*to_ll(q)) for q in p.line]
        seen = []
        for (x1, y1), (x2, y2) in zip(line, line[1:]):
            d = math.hypot(x2 - x1, y2 - y1)
            n = max(1, int(d / 50))
            for i in range(n):
                f = (i + 0.5) / n
                x, y = x1 + (x2 - x1) * f, y1 + (y2 - y1) * f
                for k in range(len(b.kecs)):
                    if b.in_kec(k, x, y):
                        km[k] += d / n / 1000
                        if k not in seen:
                            seen.append(k)
                        break
        passes.append(seen)
    return km, passes


def site_stats(b):
    """(covered count, [(site, distance)] of uncovered tinggi sites)."""
    covered, high = 0, []
    for s in b.sites:
        d = b.patrol_dist(s.x, s.y, 20000)
        if d <= RADIUS:
            covered += 1
        elif s.prioritas == "tinggi":
            high.append((s, d))
    return covered, high


def readme(b, seed):
    """README.md text with the files, counts, the seed, the command and the expected figures."""
    covered, high = site_stats(b)
    n = len(b.sites)
    kml = [p for p in b.patrols if p.kind == "kml"]
    gpx = [p for p in b.patrols if p.kind == "gpx"]
    km, crossed = patrol_km_per_kec(b)
    cats = {}
    for s in b.sites:
        cats[s.kategori] = cats.get(s.kategori, 0) + 1
    units = sorted({r[1] for r in b.fixes})
    out = [f"# Demo data — {KAB}", "",
           "**FICTIONAL.** Kabupaten Sukamaju does not exist: every kecamatan, village, party, person, site and",
           "zone here is invented (kecamatan codes use the non-existent province prefix 99). The data sit",
           "around lon 104.0–104.6, lat −3.9 to −3.4 (UTM zone 48S) only so that projections behave as for",
           "real Sumatran data. Any resemblance to real places is coincidental.", "",
           "Generated by `tools/generate.py` (Python 3 standard library only), seed "
           f"{seed}. Regenerate, byte for byte:", "",
           "```", f"python3 tools/generate.py demo --seed {seed} --out geodata/demo", "```", "",
           "Analyse with `operation.yaml` (radius 500 m, rawan_radius 300 m, min_zone_coverage 0.8).", "",
           "## Files", "",
           "| file | role | format | count |", "|---|---|---|---|",
           "| kecamatan.geojson | areas | GeoJSON (RFC 7946), properties kode, nama, kab_nama; a clean "
           "partition: one MultiPolygon (Tanjung Kerapu, with an island), one Polygon with a hole "
           f"(Karang Sentosa, around the enclave {TOWN}) | {len(b.kecs)} kecamatan |",
           "| sites.csv | sites | CSV as Excel saves it: `;` separator, decimal commas, UTF-8 with BOM, "
           "CRLF; header `id;nama;kategori;prioritas;bujur;lintang`; a few values in mixed case "
           f"(`KPU`, `Tinggi`, …) | {n} sites |",
           "| rawan.geojson | rawan | GeoJSON: Polygons, and Points with `radius_m`; properties id, nama, "
           f"tingkat, keterangan | {sum(z.ring is not None for z in b.zones)} polygons + "
           f"{sum(z.ring is None for z in b.zones)} points |",
           "| patroli_rute.kml | patrols | KML (Google My Maps style): Folder \"Rute Patroli\", Placemarks "
           f"with LineStrings | {len(kml)} routes |",
           "| patroli_gps.gpx | patrols | GPX 1.1 tracks, a point every 30 s with `<time>` (UTC), "
           f"2024-11-27 | {len(gpx)} tracks |",
           "| gps_fixes.csv | tracks | CSV `unit,time,lon,lat`, comma separator, dot decimals, "
           f"ISO 8601 times with +07:00 | {len(b.fixes)} fixes of {len(units)} units |",
           "| operation.yaml | operation | the analyzer's operation file | — |", "",
           "Site categories: " + ", ".join(f"{k} {v}" for k, v in sorted(cats.items(), key=lambda kv: -kv[1]))
           + ".", "",
           "Kecamatan: " + ", ".join(f"{k.kode} {k.nama}" for k in b.kecs) + ".", "",
           "## What the analysis should show (radius 500 m)", "",
           "Figures measured by the generator in its local projection; the analyzer (UTM 48S, buffers of "
           "8 segments per quadrant) should agree within a fraction of a per cent.", "",
           f"- Sites covered: {covered} of {n} ({100 * covered / n:.0f} %).",
           f"- Tinggi-priority sites not covered: {len(high)}:"]
    for s, d in sorted(high, key=lambda x: x[1]):
        band = "just outside the buffer" if d < 1000 else "far"
        out.append(f"  - {s.id} {s.nama} — {s.kategori}, {d:.0f} m from the nearest patrol ({band})")
    out += ["- Rawan zones (covered share of the zone):"]
    for z in b.zones:
        share, area = zone_coverage(b, z)
        kind = "polygon" if z.ring is not None else f"point r={z.radius} m"
        note = {"full": ", fully covered", "none": ", not covered at all"}.get(z.design, "")
        out.append(f"  - {z.id} {z.nama} ({kind}, {z.tingkat}, {area / 1e6:.2f} km²): {100 * share:.0f} %{note}")
    out += ["- Patrol km per kecamatan: " + ", ".join(f"{k.nama} {v:.1f}" for k, v in zip(b.kecs, km))
            + f". {b.kecs[NEGLECTED].nama} is the neglected kecamatan: only the end of one GPS track "
            "enters it; its offices are 2–5 km from any patrol.",
            "- Kecamatan each patrol passes through: "
            + "; ".join(f"{p.name.split(':')[0]} {len(c)}" for p, c in zip(b.patrols, crossed)) + ".",
            ""]
    out += fixes_section(b)
    return "\n".join(out) + "\n"


def fixes_section(b):
    """README lines on gps_fixes.csv and its planted events."""
    never, never_d = b.facts["never"]
    s, dmin, passes, stop_near = b.facts["passing"]
    jlon, jlat = PROJ.inverse(*b.facts["jump_to"])
    jh = hms((JUMP_AT[0] - 6) * 3600 + JUMP_AT[1] * 60 + JUMP_AT[2])
    counts = {}
    for r in b.fixes:
        counts[r[1]] = counts.get(r[1], 0) + 1
    d0 = f"{DROPOUT_FROM[0]:02d}:{DROPOUT_FROM[1]:02d}"
    lines = ["## GPS fixes (gps_fixes.csv)", "",
             "Six units drive the roads at 20–50 km/h from 06:00 to 22:00 WIB (a fix every 30 s, small GPS "
             "noise), starting and ending at Mako Polres Sukamaju, stopping 10–20 minutes at KPU offices, "
             "warehouses and TPS, then driving planned routes (`tracks: gps_fixes.csv` in operation.yaml). "
             "Fixes per unit: "
             + ", ".join(f"{u} {c}" for u, c in sorted(counts.items())) + ".", "",
             "Planted events:", "",
             f"- **Drop-out**: {DROPOUT_UNIT} has no fixes for {DROPOUT_MIN} minutes, from {d0}:00 to "
             f"{DROPOUT_FROM[0]:02d}:{DROPOUT_FROM[1] + DROPOUT_MIN - 1:02d}:30 inclusive (last fix before at "
             f"{hms((DROPOUT_FROM[0] - 6) * 3600 + DROPOUT_FROM[1] * 60 - FIX_STEP)}, first after at "
             f"{hms((DROPOUT_FROM[0] - 6) * 3600 + (DROPOUT_FROM[1] + DROPOUT_MIN) * 60)}).",
             f"- **GPS jump**: {JUMP_UNIT}'s fix at {jh} +07:00 is {JUMP_KM:.0f} km away, outside the kabupaten "
             f"(lon {fmt.num(jlon, 6)}, lat {fmt.num(jlat, 6)}); the fixes before and after are on its road.",
             f"- **Never visited**: {never.id} {never.nama} ({never.kategori}, {never.prioritas}) — no fix "
             f"within {never_d / 1000:.1f} km. Sites with no fix at all within {RADIUS:.0f} m: "
             + ", ".join(s.id for s in b.sites if b.facts["min_fix"][s.id] > RADIUS) + ".",
             f"- **Visited only in passing**: {s.id} {s.nama} ({s.kategori}) — "]
    parts = []
    for name, run in passes:
        closest = min(run, key=lambda r: r[1])
        parts.append(f"{name} drives by at {hms(run[0][0])}–{hms(run[-1][0])} ({len(run)} fixes within "
                     f"{RADIUS:.0f} m, closest {closest[1]:.0f} m at {hms(closest[0])})")
    lines[-1] += "; ".join(parts) + f"; no unit stops within {stop_near:.0f} m of it."
    lines += ["", f"Here *visited* means that a unit stopped (10–20 min) within {RADIUS:.0f} m; *in passing* means "
              "fixes within that distance while driving at road speed, without a stop."]
    return lines + [""]


def write_demo(b, out, seed):
    """Write every demo file into `out`."""
    os.makedirs(out, exist_ok=True)
    write_kecamatan(b, os.path.join(out, "kecamatan.geojson"))
    write_sites(b, os.path.join(out, "sites.csv"))
    write_rawan(b, os.path.join(out, "rawan.geojson"))
    write_kml(b, os.path.join(out, "patroli_rute.kml"))
    write_gpx(b, os.path.join(out, "patroli_gps.gpx"))
    write_fixes(b, os.path.join(out, "gps_fixes.csv"))
    write_operation(os.path.join(out, "operation.yaml"))
    fmt.write_text(os.path.join(out, "README.md"), readme(b, seed))
