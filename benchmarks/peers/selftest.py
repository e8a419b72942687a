#!/usr/bin/env python3
"""Self-test of the GeoPandas peer and the checker on synthetic data with known answers.

    python3 benchmarks/peers/selftest.py [--keep]

Makes, in a temporary folder (never in the repository), four 6 km square areas near
lon 104, lat -3.5 (UTM 48S), a straight 10 km route, sites in a ';' CSV with decimal
commas and a BOM, rawan polygons and points, and patrols in GeoJSON, GPX (track and
route) and KML.  Runs geopandas_analyze.py and asserts the values that follow from the
definitions (the buffered 10 km segment is 1e7 + 32·½·500²·sin(2π/32) m², a site 499 m
away is covered, one 501 m away is not, …).  Then builds a Cakupan-shaped result folder
from the peer's own numbers and checks that compare.py accepts it, and rejects it after
deliberate errors.  Exits non-zero on the first failed assertion.
"""
from __future__ import annotations

import argparse
import json
import math
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from pyproj import Transformer

HERE = Path(__file__).resolve().parent
X0, Y0 = 390000.0, 9613000.0  # EPSG:32748 metres, about lon 104.0, lat -3.5
_TR = Transformer.from_crs(32748, 4326, always_xy=True)


def ll(x, y):
    lon, lat = _TR.transform(X0 + x, Y0 + y)
    return [lon, lat]


def ring(x0, y0, x1, y1):
    return [ll(x0, y0), ll(x1, y0), ll(x1, y1), ll(x0, y1), ll(x0, y0)]


def fc(feats):
    return {"type": "FeatureCollection", "features": feats}


def feat(props, geom):
    return {"type": "Feature", "properties": props, "geometry": geom}


def point(x, y):
    return {"type": "Point", "coordinates": ll(x, y)}


def make_data(d: Path) -> None:
    areas = []
    for nm, kode, x, y in [("Alpha", "1601", 0, 0), ("Bravo", "1602", 6000, 0),
                           ("Charlie", None, 0, 6000), ("Delta", "1604", 6000, 6000)]:
        p = {"nama": nm} | ({"kode": kode} if kode else {})
        areas.append(feat(p, {"type": "Polygon", "coordinates": [ring(x, y, x + 6000, y + 6000)]}))
    (d / "areas.geojson").write_text(json.dumps(fc(areas)))
    (d / "route.geojson").write_text(json.dumps(fc([feat({"name": "Rute-1"}, {
        "type": "LineString", "coordinates": [ll(1000, 3000), ll(11000, 3000)]})])))
    # S3: 499 m from the route's east end, half-way between two vertices of the 32-gon cap,
    # i.e. covered by distance but outside the buffer polygon (whose radius there is 497.6 m)
    a = math.radians(5.625)
    rows = [("S1", "Kantor KPU", "KPU", "tinggi", 5000, 3499),
            ("S2", "Bawaslu", "Bawaslu", "high", 5000, 3000 - 501),
            ("S3", "Gudang logistik", "gudang", "3", 11000 + 499 * math.cos(a), 3000 + 499 * math.sin(a)),
            ("S4", "TPS 01", "tps", "rendah", 9000, 9000),
            ("", "TPS luar", "tps", "1", 20000, 20000),
            ("S6", "Posko", "lainnya", "whatever", 2000, 5000),
            ("S7", "Pleno", "pleno", "tinggi", 3000, 8200),
            ("S8", "Kediaman", "kediaman", "sedang", 3000, 2000)]
    with open(d / "sites.csv", "w", encoding="utf-8-sig") as f:
        f.write("kode;Nama;Kategori;Prioritas;Bujur;Lintang\n")
        for k, n, c, p, x, y in rows:
            lon, lat = ll(x, y)
            f.write(f"{k};{n};{c};{p};{repr(lon).replace('.', ',')};{repr(lat).replace('.', ',')}\n")
    zones = [feat({"id": "Z1", "nama": "Pasar", "tingkat": "tinggi"},
                  {"type": "Polygon", "coordinates": [ring(2000, 2500, 3000, 3500)]}),
             feat({"id": "Z2", "nama": "Terminal", "tingkat": "high"},
                  {"type": "Polygon", "coordinates": [ring(7000, 3000, 8000, 4000)]}),
             feat({"id": "Z3", "tingkat": "rendah", "radius_m": 200}, point(3000, 9000)),
             feat({"id": "Z4", "nama": "Simpang"}, point(4000, 3000)),
             feat({"id": "Z5", "level": 2}, point(4000, 3600))]
    (d / "rawan.geojson").write_text(json.dumps(fc(zones)))
    (d / "patroli_motor.geojson").write_text(json.dumps(fc([
        feat({"name": "Motor-A", "radius_m": 1000}, {"type": "LineString", "coordinates": [ll(500, 9000), ll(5500, 9000)]}),
        feat({}, {"type": "LineString", "coordinates": [ll(7000, 7000), ll(7000, 11000), ll(11000, 11000)]})])))
    trk = "".join(f'<trkpt lat="{ll(x, y)[1]!r}" lon="{ll(x, y)[0]!r}"><ele>12</ele></trkpt>'
                  for x, y in [(1000, 1000), (5000, 1000), (5000, 5000)])
    rte = "".join(f'<rtept lat="{ll(x, y)[1]!r}" lon="{ll(x, y)[0]!r}"/>' for x, y in [(8000, 500), (11500, 500)])
    (d / "jalan_kaki.gpx").write_text(
        '<?xml version="1.0"?><gpx version="1.1" creator="selftest" xmlns="http://www.topografix.com/GPX/1/1">'
        f'<rte>{rte}</rte><trk><name>Jalan pagi</name><trkseg>{trk}</trkseg></trk></gpx>')
    coords = " ".join(f"{ll(x, y)[0]!r},{ll(x, y)[1]!r},0" for x, y in [(2500, 7000), (2500, 11500)])
    (d / "mobil.kml").write_text(
        '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder><name>Mobil</name>'
        f'<Placemark><name>Mobil-1</name><LineString><coordinates>{coords}</coordinates></LineString>'
        '</Placemark></Folder></Document></kml>')
    common = "areas: areas.geojson\nsites: sites.csv\nrawan: rawan.geojson\n"
    (d / "op1.yaml").write_text("name: satu rute\n" + common + "patrols: route.geojson\n")
    (d / "op2.yaml").write_text("name: banyak berkas\n" + common + "patrols:\n  - route.geojson\n"
                                "  - patroli_motor.geojson\n  - jalan_kaki.gpx\n  - mobil.kml\n"
                                "radius: 400\nrawan_radius: 250\nmin_zone_coverage: 0.9\n")


def run(*cmd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *map(str, cmd)], capture_output=True, text=True)


def peer(d: Path, op: str) -> dict:
    r = run(HERE / "geopandas_analyze.py", d / f"{op}.yaml", "--out", d / f"out_{op}")
    assert r.returncode == 0, r.stderr
    return json.loads((d / f"out_{op}" / "peer_summary.json").read_text())


def close(a, b, tol, what):
    assert a is not None and abs(a - b) <= tol, f"{what}: {a} != {b} (tol {tol})"


def fake_cakupan(p: dict, out: Path) -> None:
    """A result folder in the shape docs/outputs.md gives, filled with the peer's numbers."""
    out.mkdir(parents=True, exist_ok=True)

    def fcp(props):
        return fc([feat(x, None) for x in props])
    drop = ("nearest_ties", "area_boundary", "gap_m2")
    (out / "areas.geojson").write_text(json.dumps(fcp(p["areas"])))
    (out / "sites.geojson").write_text(json.dumps(fcp([{k: v for k, v in s.items() if k not in drop}
                                                      for s in p["sites"].values()])))
    (out / "zones.geojson").write_text(json.dumps(fcp([{k: v for k, v in z.items() if k not in drop}
                                                      for z in p["zones"].values()])))
    hs = [{k: h[k] for k in ("rank", "kind", "ref", "level", "area", "distance_m", "gap_m2", "covered_share")}
          for h in p["hotspots"]]
    (out / "summary.json").write_text(json.dumps({
        "tool": "cakupan", "crs": p["crs"], "parameters": p["parameters"], "totals": p["totals"],
        "areas": p["areas"], "hotspots": hs, "warnings": []}))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    args = ap.parse_args()
    d = Path(tempfile.mkdtemp(prefix="cakupan-peer-selftest-"))
    try:
        make_data(d)

        # ---- one straight 10 km route, radius 500
        p = peer(d, "op1")
        cap = 32 * 0.5 * 500 ** 2 * math.sin(2 * math.pi / 32)
        assert p["crs"]["epsg"] == 32748, p["crs"]
        close(p["totals"]["coverage_m2"], 1e7 + cap, 1e-3, "coverage of the 10 km route")
        a = {x["id"]: x for x in p["areas"]}
        assert list(a) == ["1601", "1602", "3", "1604"], list(a)      # kode, else feature order
        assert a["3"]["name"] == "Charlie"
        for k in a:
            close(a[k]["area_m2"], 36e6, 1e-2, f"area {k}")
        close(a["1601"]["covered_m2"], 5e6 + cap / 2, 1e-3, "Alpha covered")
        close(a["1602"]["covered_m2"], 5e6 + cap / 2, 1e-3, "Bravo covered")
        assert a["1604"]["rawan_covered_share"] is None and a["1604"]["rawan_m2"] == 0
        s = p["sites"]
        assert list(s) == ["S1", "S2", "S3", "S4", "5", "S6", "S7", "S8"], list(s)
        close(s["S1"]["distance_m"], 499, 1e-3, "S1")
        close(s["S2"]["distance_m"], 501, 1e-3, "S2")
        close(s["S3"]["distance_m"], 499, 1e-3, "S3")
        assert s["S1"]["covered"] and not s["S2"]["covered"], (s["S1"], s["S2"])
        assert s["S3"]["covered"], "S3 is 499 m away: covered by distance although outside the 32-gon"
        assert [s[k]["priority"] for k in s] == ["tinggi", "tinggi", "tinggi", "rendah", "rendah", "sedang",
                                                 "tinggi", "sedang"]
        assert s["S1"]["category"] == "kpu" and s["5"]["area"] is None and s["S4"]["area"] == "1604"
        assert s["S1"]["name"] == "Kantor KPU"
        z = p["zones"]
        close(z["Z1"]["covered_share"], 1.0, 1e-9, "Z1")
        close(z["Z2"]["covered_share"], 0.5, 1e-9, "Z2")
        close(z["Z3"]["area_m2"], 32 * 0.5 * 200 ** 2 * math.sin(2 * math.pi / 32), 1e-3, "Z3 (radius_m 200)")
        close(z["Z4"]["area_m2"], 32 * 0.5 * 300 ** 2 * math.sin(2 * math.pi / 32), 1e-3, "Z4 (rawan_radius 300)")
        assert z["Z2"]["level"] == "tinggi" and z["Z5"]["level"] == "sedang" and z["Z4"]["level"] == "sedang"
        order = [(h["kind"], h["ref"]) for h in p["hotspots"]]
        # tinggi: S7 (5200 − 500 m) before Z2 (gap √5e5 = 707 m) before S2 (501 − 500 = 1 m);
        # then sedang Z5; rendah Z3
        close(p["hotspots"][0]["gap_metres"], 4700, 1e-3, "S7 gap metres")
        assert order == [("site", "S7"), ("zone", "Z2"), ("site", "S2"), ("zone", "Z5"), ("zone", "Z3")], order

        # ---- several patrol files and formats, per-feature radius, ties
        p2 = peer(d, "op2")
        ids = [x["id"] for x in p2["patrols"]]
        assert ids == ["Rute-1", "Motor-A", "patroli_motor#2", "Jalan pagi", "jalan_kaki#2", "Mobil-1"], ids
        assert [x["radius_m"] for x in p2["patrols"]] == [400, 1000, 400, 400, 400, 400]
        s2 = p2["sites"]
        assert s2["S7"]["covered"] and s2["S7"]["nearest_patrol"] == "Mobil-1", s2["S7"]  # Motor-A's 1000 m
        close(s2["S7"]["distance_m"], 500, 1e-3, "S7")
        assert not s2["S3"]["covered"]                       # 499 m > 400 m
        assert s2["S8"]["nearest_patrol"] == "Rute-1" and sorted(s2["S8"]["nearest_ties"]) == ["Jalan pagi", "Rute-1"]
        order = [(h["kind"], h["ref"]) for h in p2["hotspots"]]
        assert order == [("zone", "Z2"), ("zone", "Z1"), ("site", "S3"), ("zone", "Z5")], order

        # ---- the checker: agreement, then deliberate disagreements
        fake = d / "cakupan_ok"
        fake_cakupan(p2, fake)
        r = run(HERE / "compare.py", fake, d / "out_op2", "--cakupan-seconds", "0.1", "--cakupan-rss-kib", "30000")
        assert r.returncode == 0, r.stdout + r.stderr
        assert "wall time  peer / Cakupan" in r.stdout and "peak RSS   peer / Cakupan" in r.stdout
        bad = d / "cakupan_bad"
        shutil.copytree(fake, bad)
        sites = json.loads((bad / "sites.geojson").read_text())
        for f in sites["features"]:
            q = f["properties"]
            if q["id"] == "S8":
                q["nearest_patrol"] = "Jalan pagi"           # an equal tie: accepted, noted
            if q["id"] == "S4":
                q["distance_m"] += 0.02                      # 2 cm: rejected
            if q["id"] == "S6":
                q["covered"] = True                          # rejected
        (bad / "sites.geojson").write_text(json.dumps(sites))
        areas = json.loads((bad / "areas.geojson").read_text())
        areas["features"][0]["properties"]["covered_m2"] *= 1.002   # 0.2 %: rejected
        areas["features"][1]["properties"]["covered_m2"] += 0.5     # 0.5 m²: accepted
        (bad / "areas.geojson").write_text(json.dumps(areas))
        summ = json.loads((bad / "summary.json").read_text())
        h = summ["hotspots"]
        h[0]["ref"], h[1]["ref"] = h[1]["ref"], h[0]["ref"]        # order: rejected
        (bad / "summary.json").write_text(json.dumps(summ))
        r = run(HERE / "compare.py", bad, d / "out_op2")
        assert r.returncode == 1, r.stdout + r.stderr
        for needle in ("S4: cakupan=2000.02", "S6: cakupan=True", "area.covered_m2 (1)", "hotspot order (1)",
                       "S8: cakupan='Jalan pagi' peer='Rute-1' are equally near"):
            assert needle in r.stdout, f"{needle!r} not in:\n{r.stdout}"
        assert "1602: cakupan" not in r.stdout, r.stdout
        print(f"selftest: all checks passed (peer {p2['timing']['wall_seconds']} s, "
              f"{p2['timing']['peak_rss_kib']} KiB)")
        return 0
    finally:
        if args.keep:
            print(f"selftest: data and outputs kept in {d}")
        else:
            shutil.rmtree(d, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
