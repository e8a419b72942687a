#!/usr/bin/env python3
"""Writes every case of Tests/FieldCorpus: realistic field input files and their expected.json.

Seeded and re-runnable: it rewrites each case folder it owns (and only those) byte for byte the same
on every run. Needs GDAL's command-line tools (ogr2ogr, from gdal-bin) and, for .xlsx/.ods,
openpyxl and odfpy in a throw-away venv (never committed):

    python3 -m venv /tmp/venv-corpus && /tmp/venv-corpus/bin/pip install openpyxl odfpy
    /tmp/venv-corpus/bin/python Tests/FieldCorpus/make.py

Every expected value is computed here independently of Cakupan: counts are the rows this script
wrote, converted coordinates are done by hand (d + m/60 + s/3600 with the hemisphere's sign).
The geography is a made-up, simplified Kota Kupang (NTT): four square-ish kecamatan in
lon 123.55..123.65, lat -10.22..-10.14 (not the official boundaries), UTM zone 51S (EPSG:32751).
"""
import csv
import io
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SEED = 20241127
FIXED_ZIP_TIME = (2024, 11, 20, 8, 30, 0)
FIXED_DT = datetime(2024, 11, 20, 8, 30, 0)
WITA = timezone(timedelta(hours=8))
UTC = timezone.utc

try:
    import openpyxl
    from openpyxl.styles import Font
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableRow, TableCell
    from odf.text import P
except ImportError:
    sys.exit("make.py needs openpyxl and odfpy (pip install openpyxl odfpy into a venv under /tmp)")

# --------------------------------------------------------------------------------------------------
# Geography
# --------------------------------------------------------------------------------------------------

# Nodes of the four kecamatan (lon, lat). X is the shared inner corner; the inner edges are jagged.
A, B, C = (123.550, -10.140), (123.600, -10.140), (123.650, -10.140)
D, E, F = (123.650, -10.180), (123.650, -10.220), (123.600, -10.220)
G, H = (123.550, -10.220), (123.550, -10.180)
B1, X, F1 = (123.605, -10.160), (123.598, -10.182), (123.602, -10.200)
H1, D1 = (123.575, -10.176), (123.625, -10.185)

# Exterior rings, counter-clockwise (RFC 7946), in the order of areas.geojson.
KECAMATAN = [
    ("53.71.06", "Kota Lama", [A, H, H1, X, B1, B, A]),
    ("53.71.03", "Kelapa Lima", [B, B1, X, D1, D, C, B]),
    ("53.71.05", "Kota Raja", [H, G, F, F1, X, H1, H]),
    ("53.71.04", "Oebobo", [X, F1, F, E, D, D1, X]),
]

# Boxes safely inside each kecamatan (lon0, lon1, lat0, lat1), for drawing random points.
INSIDE = {
    "Kota Lama": (123.556, 123.592, -10.170, -10.146),
    "Kelapa Lima": (123.612, 123.644, -10.172, -10.146),
    "Kota Raja": (123.556, 123.592, -10.214, -10.190),
    "Oebobo": (123.612, 123.644, -10.214, -10.194),
}

KELURAHAN = {
    "Kota Lama": ["Fontein", "Airmata", "Solor", "Merdeka", "Bonipoi", "LLBK"],
    "Kelapa Lima": ["Oesapa", "Lasiana", "Kelapa Lima", "Oesapa Barat", "Oesapa Selatan"],
    "Kota Raja": ["Kuanino", "Naikoten I", "Naikoten II", "Bakunase", "Airnona", "Nunleu"],
    "Oebobo": ["Oebobo", "Fatululi", "Oetete", "Kayu Putih", "Tuak Daun Merah", "Liliba"],
}

# Fixed strategic sites: name, kategori, prioritas, lat, lon (6 decimals).
STRATEGIS = [
    ("KPU Kota Kupang", "kpu", "tinggi", -10.163194, 123.596000),
    ("Bawaslu Kota Kupang", "bawaslu", "tinggi", -10.171250, 123.607800),
    ("Gudang Logistik KPU Oebobo", "gudang", "tinggi", -10.196400, 123.618900),
    ("Aula Kantor Camat Kota Raja (Pleno PPK)", "pleno", "tinggi", -10.198300, 123.581700),
    ("Aula Kantor Camat Kelapa Lima (Pleno PPK)", "pleno", "tinggi", -10.152600, 123.633400),
    ("Sekretariat Tim Paslon 01", "partai", "sedang", -10.158900, 123.572200),
    ("Sekretariat Tim Paslon 02", "partai", "sedang", -10.205500, 123.629800),
    ("Lapangan Kampanye Oesapa", "kampanye", "sedang", -10.149800, 123.640100),
]


def r6(x):
    return round(x, 6)


def f6(x):
    return f"{x:.6f}"


def tps_list(rng, count, kecamatan=None, start=1):
    """Random TPS: (name, kelurahan, kecamatan, lat, lon), 6-decimal coordinates."""
    out = []
    names = list(INSIDE) if kecamatan is None else [kecamatan]
    for i in range(count):
        kec = names[i % len(names)]
        kel = rng.choice(KELURAHAN[kec])
        lon0, lon1, lat0, lat1 = INSIDE[kec]
        lat, lon = r6(rng.uniform(lat0, lat1)), r6(rng.uniform(lon0, lon1))
        out.append((f"TPS {start + i:03d} {kel}", kel, kec, lat, lon))
    return out


# --------------------------------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------------------------------

def case_dir(name):
    d = ROOT / name
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    return d


CASES = []


def expect(folder, about, args, exit=0, stderr=None, inputs=None, site_names=None, area_names=None,
           site_coordinates=None, tracks=None):
    e = {"about": about, "args": args, "exit": exit}
    if stderr is not None:
        e["stderr"] = stderr
    if inputs is not None:
        e["inputs"] = inputs
    if site_names is not None:
        e["site_names"] = site_names
    if area_names is not None:
        e["area_names"] = area_names
    if site_coordinates is not None:
        e["site_coordinates"] = [[r6(lon), r6(lat)] for lon, lat in site_coordinates]
    if tracks is not None:
        e["tracks"] = tracks
    body = ",\n".join(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in e.items())
    (folder / "expected.json").write_text("{\n" + body + "\n}\n", encoding="utf-8")
    CASES.append((folder.name, e))


def write_text(path, text, encoding="utf-8", newline="\n"):
    data = text.replace("\n", newline)
    Path(path).write_bytes(data.encode(encoding))


def write_csv(path, header, rows, delimiter=",", encoding="utf-8", newline="\r\n"):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=newline)
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    Path(path).write_bytes(buf.getvalue().encode(encoding))


def feature_collection(features):
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1) + "\n"


def polygon_feature(props, ring):
    return {"type": "Feature", "properties": props,
            "geometry": {"type": "Polygon", "coordinates": [[[x, y] for x, y in ring]]}}


def repack_zip(path):
    """Rewrites a zip (xlsx, ods, kmz) with fixed entry times, keeping order and compression."""
    with zipfile.ZipFile(path) as z:
        entries = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w") as z:
        for info, data in entries:
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = info.compress_type
            fixed.external_attr = 0o644 << 16
            z.writestr(fixed, data)


def make_zip(path, members):
    """members: [(name in zip, bytes)], written in order with fixed times."""
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)


def ogr2ogr(*args):
    env = dict(os.environ, OGR_CURRENT_DATE="2024-11-20T08:30:00.000Z")
    # 1 KB SQLite pages keep a small GeoPackage small (about 40 KB instead of 100 KB).
    subprocess.run(["ogr2ogr", "--config", "OGR_SQLITE_PRAGMA", "page_size=1024", *args], check=True, env=env, stdout=subprocess.DEVNULL)


def fix_dbf_date(dbf):
    """A .dbf header carries the day it was written (bytes 1..3, YY MM DD); pin it."""
    with open(dbf, "r+b") as f:
        f.seek(1)
        f.write(bytes([124, 11, 20]))


def shapefile_from_geojson(geojson_text, folder, stem, extra=()):
    """Writes stem.shp/.shx/.dbf/.prj/.cpg into folder; returns the file paths."""
    src = Path(folder) / f"_{stem}.geojson"
    src.write_text(geojson_text, encoding="utf-8")
    ogr2ogr("-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", *extra, str(Path(folder) / f"{stem}.shp"), str(src))
    src.unlink()
    fix_dbf_date(Path(folder) / f"{stem}.dbf")
    return sorted(Path(folder).glob(f"{stem}.*"))


def save_xlsx(wb, path):
    wb.properties.creator = "Bagops Polresta Kupang Kota"
    wb.properties.created = FIXED_DT
    wb.properties.modified = FIXED_DT
    wb.save(path)
    repack_zip(path)
    # openpyxl stamps docProps/core.xml with the save time; pin it.
    with zipfile.ZipFile(path) as z:
        entries = [(i, z.read(i.filename)) for i in z.infolist()]
    import re
    with zipfile.ZipFile(path, "w") as z:
        for info, data in entries:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2024-11-20T08:30:00Z", data)
                data = re.sub(rb"(<dcterms:created[^>]*>)[^<]*", rb"\g<1>2024-11-20T08:30:00Z", data)
            z.writestr(info, data)


# --------------------------------------------------------------------------------------------------
# Shared files
# --------------------------------------------------------------------------------------------------

def shared(rng):
    d = case_dir("_shared")
    feats = [polygon_feature({"kode": k, "nama": n, "catatan": "batas sederhana untuk uji, bukan batas resmi"}, ring)
             for k, n, ring in KECAMATAN]
    (d / "areas.geojson").write_text(feature_collection(feats), encoding="utf-8")
    sites = [{"type": "Feature", "properties": {"id": i + 1, "nama": n, "kategori": k, "prioritas": p},
              "geometry": {"type": "Point", "coordinates": [lon, lat]}}
             for i, (n, k, p, lat, lon) in enumerate(STRATEGIS[:6])]
    (d / "sites.geojson").write_text(feature_collection(sites), encoding="utf-8")
    routes = [
        ("Rute Patroli Kota Lama - Oebobo", [(123.566, -10.150), (123.596, -10.164), (123.606, -10.172), (123.619, -10.197)]),
        ("Rute Patroli Kota Raja - Kelapa Lima", [(123.581, -10.199), (123.600, -10.185), (123.633, -10.153), (123.640, -10.150)]),
    ]
    feats = [{"type": "Feature", "properties": {"nama": n}, "geometry": {"type": "LineString", "coordinates": [list(p) for p in pts]}}
             for n, pts in routes]
    (d / "patrols.geojson").write_text(feature_collection(feats), encoding="utf-8")


AREAS = "../_shared/areas.geojson"
SITES = "../_shared/sites.geojson"
PATROLS = "../_shared/patrols.geojson"
N_AREAS = len(KECAMATAN)
N_SHARED_SITES = 6

# --------------------------------------------------------------------------------------------------
# 1. Spreadsheets
# --------------------------------------------------------------------------------------------------

def spreadsheets(rng):
    # xlsx, header on the first row
    d = case_dir("xlsx-tps-header-first")
    tps = tps_list(rng, 12)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["No", "Nama", "Kelurahan", "Kecamatan", "Kategori", "Latitude", "Longitude"])
    for i, (n, kel, kec, lat, lon) in enumerate(tps, 1):
        ws.append([i, n, kel, kec, "TPS", lat, lon])
    save_xlsx(wb, d / "daftar_tps.xlsx")
    expect(d, "Excel list of TPS, header on row 1, numeric Latitude/Longitude cells: goes in",
           ["--areas", AREAS, "--sites", "daftar_tps.xlsx", "--patrols", PATROLS],
           stderr=[], inputs={"areas": N_AREAS, "sites": 12, "patrols": [2]},
           site_names=[t[0] for t in tps], site_coordinates=[(t[4], t[3]) for t in tps[:4]])

    # xlsx with a 3-row title block above the header
    d = case_dir("xlsx-title-block")
    tps = tps_list(rng, 10, "Oebobo")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "TPS Oebobo"
    for row, text in enumerate(["DAFTAR TPS PILKADA 2024", "KOTA KUPANG",
                                "KECAMATAN OEBOBO (sumber: PPK Oebobo, 18 November 2024)"], 1):
        ws.cell(row=row, column=1, value=text).font = Font(bold=True, size=14 if row == 1 else 11)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
    ws.append(["NO", "NAMA", "ALAMAT", "KELURAHAN", "LINTANG", "BUJUR"])
    for c in ws[4]:
        c.font = Font(bold=True)
    for i, (n, kel, kec, lat, lon) in enumerate(tps, 1):
        ws.append([i, n, f"Jl. {rng.choice(['Frans Seda', 'W.J. Lalamentik', 'Piet A. Tallo', 'El Tari', 'Soeharto'])} No. {rng.randint(1, 120)}", kel, lat, lon])
    save_xlsx(wb, d / "tps_oebobo.xlsx")
    expect(d, "Excel sheet with a 3-row merged title block (DAFTAR TPS PILKADA 2024 / KOTA KUPANG / ...) above the header on row 4: the title is skipped, 10 TPS go in",
           ["--areas", AREAS, "--sites", "tps_oebobo.xlsx"],
           inputs={"areas": N_AREAS, "sites": 10},
           site_names=[t[0] for t in tps], site_coordinates=[(t[4], t[3]) for t in tps[:3]])

    # xlsx with two sheets: Lokasi + Keterangan
    def two_sheet_book(path):
        sites = STRATEGIS[:5] + [(t[0], "tps", "sedang", t[3], t[4]) for t in tps_list(rng, 4)]
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Lokasi"
        ws.append(["No", "Nama", "Kategori", "Prioritas", "Lat", "Lon"])
        for i, (n, k, p, lat, lon) in enumerate(sites, 1):
            ws.append([i, n, k, p, lat, lon])
        notes = wb.create_sheet("Keterangan")
        notes.append(["Keterangan"])
        notes.append(["Kategori: kpu, bawaslu, gudang, pleno, partai, tps"])
        notes.append(["Prioritas: tinggi / sedang / rendah"])
        notes.append(["Koordinat diambil dari Google Maps oleh Bhabinkamtibmas, 15-18 November 2024"])
        save_xlsx(wb, path)
        return sites

    d = case_dir("xlsx-two-sheets-selected")
    sites = two_sheet_book(d / "lokasi_pengamanan.xlsx")
    expect(d, "Excel workbook with a sites sheet 'Lokasi' and a notes sheet 'Keterangan', the sheet chosen with #Lokasi: goes in",
           ["--areas", AREAS, "--sites", "lokasi_pengamanan.xlsx#Lokasi", "--patrols", PATROLS],
           inputs={"areas": N_AREAS, "sites": len(sites), "patrols": [2]},
           site_names=[s[0] for s in sites], site_coordinates=[(s[4], s[3]) for s in sites[:3]])

    d = case_dir("xlsx-two-sheets-no-selector")
    sites = two_sheet_book(d / "lokasi_pengamanan.xlsx")
    expect(d, "The same two-sheet workbook without a #sheet: only 'Lokasi' has coordinates, so it is used, with a warning that the sheet 'Keterangan' was left out",
           ["--areas", AREAS, "--sites", "lokasi_pengamanan.xlsx"],
           stderr=["lokasi_pengamanan.xlsx", "Keterangan"],
           inputs={"areas": N_AREAS, "sites": len(sites)},
           site_names=[s[0] for s in sites])

    # .ods with Indonesian headers and decimal commas stored as text
    d = case_dir("ods-decimal-comma-text")
    sites = STRATEGIS[:3] + [(t[0], "tps", "rendah", t[3], t[4]) for t in tps_list(rng, 5)]
    doc = OpenDocumentSpreadsheet()
    table = Table(name="Lokasi")

    def text_cell(v):
        c = TableCell(valuetype="string")
        c.addElement(P(text=str(v)))
        return c

    def row(values):
        tr = TableRow()
        for v in values:
            if isinstance(v, int):
                c = TableCell(valuetype="float", value=v)
                c.addElement(P(text=str(v)))
                tr.addElement(c)
            else:
                tr.addElement(text_cell(v))
        table.addElement(tr)

    row(["No", "Nama Lokasi", "Kategori", "Prioritas", "Lintang", "Bujur"])
    for i, (n, k, p, lat, lon) in enumerate(sites, 1):
        row([i, n, k.upper(), p.capitalize(), f6(lat).replace(".", ","), f6(lon).replace(".", ",")])
    doc.spreadsheet.addElement(table)
    doc.save(str(d / "lokasi_strategis.ods"))
    repack_zip(d / "lokasi_strategis.ods")
    expect(d, "LibreOffice .ods with Indonesian headers (Nama Lokasi, Kategori, Prioritas, Lintang, Bujur); coordinates are TEXT cells with decimal commas ('-10,163194'): goes in",
           ["--areas", AREAS, "--sites", "lokasi_strategis.ods"],
           inputs={"areas": N_AREAS, "sites": len(sites)},
           site_names=[s[0] for s in sites], site_coordinates=[(s[4], s[3]) for s in sites[:4]])

    # one column "Titik Koordinat": "lat, lon" as Google Maps copies it
    d = case_dir("xlsx-titik-koordinat")
    tps = tps_list(rng, 8, "Kelapa Lima")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "TPS"
    ws.append(["No", "Nama", "Kelurahan", "Titik Koordinat"])
    for i, (n, kel, kec, lat, lon) in enumerate(tps, 1):
        # as pasted from Google Maps: 4 to 6 decimals, "lat, lon"
        nd = rng.choice([4, 5, 6])
        ws.append([i, n, kel, f"{lat:.{nd}f}, {lon:.{nd}f}"])
        tps[i - 1] = (n, kel, kec, round(lat, nd), round(lon, nd))
    save_xlsx(wb, d / "tps_kelapa_lima.xlsx")
    expect(d, "Excel sheet whose coordinates are in ONE column 'Titik Koordinat' as '-10.1632, 123.5960' (Google Maps order: lat, lon): goes in, lon/lat not swapped",
           ["--areas", AREAS, "--sites", "tps_kelapa_lima.xlsx"],
           inputs={"areas": N_AREAS, "sites": 8},
           site_names=[t[0] for t in tps], site_coordinates=[(t[4], t[3]) for t in tps[:4]])

    # one column with an unguessable name, mapped with coordinates=
    d = case_dir("csv-coordinates-mapped")
    sites = STRATEGIS[:6]
    write_csv(d / "lokasi_gps.csv", ["Nama Lokasi", "Lokasi GPS", "Petugas"],
              [(n, f"{f6(lat)}, {f6(lon)}", rng.choice(["Bripka Yohanes", "Brigpol Maria", "Aiptu Daniel"]))
               for n, k, p, lat, lon in sites])
    expect(d, "CSV with one column 'Lokasi GPS' holding 'lat, lon', named with --site-fields coordinates=: goes in",
           ["--areas", AREAS, "--sites", "lokasi_gps.csv", "--site-fields", "name=Nama Lokasi,coordinates=Lokasi GPS"],
           inputs={"areas": N_AREAS, "sites": len(sites)},
           site_names=[s[0] for s in sites], site_coordinates=[(s[4], s[3]) for s in sites[:3]])


# --------------------------------------------------------------------------------------------------
# 2. Google My Maps
# --------------------------------------------------------------------------------------------------

MYMAPS_POINTS = STRATEGIS
MYMAPS_ZONES = [
    ("Pasar Oeba dan sekitarnya", "tinggi", [(123.590, -10.150), (123.590, -10.156), (123.598, -10.156), (123.598, -10.150)]),
    ("Kampus Undana Penfui - Liliba", "sedang", [(123.625, -10.198), (123.625, -10.206), (123.637, -10.206), (123.637, -10.198)]),
    ("Perbatasan Kuanino - Naikoten", "rendah", [(123.570, -10.194), (123.566, -10.200), (123.574, -10.206), (123.582, -10.200), (123.578, -10.194)]),
]
MYMAPS_ROUTES = [
    ("Patroli Sabhara Pagi", [(123.596, -10.163), (123.607, -10.171), (123.619, -10.196), (123.630, -10.205)]),
    ("Patroli Sabhara Siang", [(123.572, -10.159), (123.596, -10.163), (123.633, -10.153), (123.640, -10.150)]),
    ("Patroli Lantas Malam", [(123.582, -10.198), (123.598, -10.182), (123.607, -10.171)]),
]


def mymaps_kml():
    def coords(pts, close=False):
        pts = list(pts) + ([pts[0]] if close else [])
        inner = "\n".join(f"              {x},{y},0" for x, y in pts)
        return f"\n{inner}\n            "

    styles = []
    for sid, color in [("icon-1899-DB4436", "ff3644db"), ("icon-1899-0288D1", "ffd18802")]:
        styles.append(f"""    <Style id="{sid}-normal">
      <IconStyle>
        <color>{color}</color>
        <scale>1</scale>
        <Icon>
          <href>https://www.gstatic.com/mapspro/images/stock/503-wht-blank_maps.png</href>
        </Icon>
        <hotSpot x="32" xunits="pixels" y="64" yunits="insetPixels"/>
      </IconStyle>
      <LabelStyle>
        <scale>0</scale>
      </LabelStyle>
    </Style>
    <StyleMap id="{sid}">
      <Pair>
        <key>normal</key>
        <styleUrl>#{sid}-normal</styleUrl>
      </Pair>
      <Pair>
        <key>highlight</key>
        <styleUrl>#{sid}-normal</styleUrl>
      </Pair>
    </StyleMap>""")
    styles.append("""    <Style id="poly-E65100-1200-77-nodesc-normal">
      <LineStyle>
        <color>ff0051e6</color>
        <width>1.2</width>
      </LineStyle>
      <PolyStyle>
        <color>4d0051e6</color>
        <fill>1</fill>
        <outline>1</outline>
      </PolyStyle>
      <BalloonStyle>
        <text><![CDATA[<h3>$[name]</h3>]]></text>
      </BalloonStyle>
    </Style>
    <Style id="line-1267FF-5000-nodesc-normal">
      <LineStyle>
        <color>ffff6712</color>
        <width>5</width>
      </LineStyle>
      <BalloonStyle>
        <text><![CDATA[<h3>$[name]</h3>]]></text>
      </BalloonStyle>
    </Style>""")
    pts = []
    for n, k, p, lat, lon in MYMAPS_POINTS:
        sid = "icon-1899-DB4436" if p == "tinggi" else "icon-1899-0288D1"
        pts.append(f"""      <Placemark>
        <name>{n.replace('&', '&amp;')}</name>
        <description><![CDATA[kategori: {k}<br>prioritas: {p}]]></description>
        <styleUrl>#{sid}</styleUrl>
        <ExtendedData>
          <Data name="kategori">
            <value>{k}</value>
          </Data>
          <Data name="prioritas">
            <value>{p}</value>
          </Data>
        </ExtendedData>
        <Point>
          <coordinates>
            {lon},{lat},0
          </coordinates>
        </Point>
      </Placemark>""")
    zones = []
    for n, lvl, ring in MYMAPS_ZONES:
        zones.append(f"""      <Placemark>
        <name>{n}</name>
        <description><![CDATA[tingkat: {lvl}]]></description>
        <styleUrl>#poly-E65100-1200-77-nodesc</styleUrl>
        <ExtendedData>
          <Data name="tingkat">
            <value>{lvl}</value>
          </Data>
        </ExtendedData>
        <Polygon>
          <outerBoundaryIs>
            <LinearRing>
              <tessellate>1</tessellate>
              <coordinates>{coords(ring, close=True)}</coordinates>
            </LinearRing>
          </outerBoundaryIs>
        </Polygon>
      </Placemark>""")
    routes = []
    for n, line in MYMAPS_ROUTES:
        routes.append(f"""      <Placemark>
        <name>{n}</name>
        <styleUrl>#line-1267FF-5000-nodesc</styleUrl>
        <LineString>
          <tessellate>1</tessellate>
          <coordinates>{coords(line)}</coordinates>
        </LineString>
      </Placemark>""")
    nl = "\n"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2">
  <Document>
    <name>Pengamanan Pilkada 2024 Kota Kupang</name>
    <description><![CDATA[Peta kerja Bagops Polresta Kupang Kota]]></description>
{nl.join(styles)}
    <Folder>
      <name>Lokasi Strategis</name>
{nl.join(pts)}
    </Folder>
    <Folder>
      <name>Zona Rawan</name>
{nl.join(zones)}
    </Folder>
    <Folder>
      <name>Rute Patroli</name>
{nl.join(routes)}
    </Folder>
  </Document>
</kml>
"""


# 1x1 transparent PNG, as the images/ folder of a My Maps KMZ holds icons.
PNG_1X1 = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                        "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082")


def mymaps(rng):
    kml = mymaps_kml()
    names = [p[0] for p in MYMAPS_POINTS]
    coords = [(p[4], p[3]) for p in MYMAPS_POINTS[:3]]
    counts = {"areas": N_AREAS, "sites": len(MYMAPS_POINTS), "rawan": len(MYMAPS_ZONES), "patrols": [len(MYMAPS_ROUTES)]}

    d = case_dir("mymaps-kml-layers")
    write_text(d / "peta_pengamanan.kml", kml)
    expect(d, "Google My Maps KML export with three folders; each role picks its folder with #layer",
           ["--areas", AREAS, "--sites", "peta_pengamanan.kml#Lokasi Strategis", "--rawan", "peta_pengamanan.kml#Zona Rawan",
            "--patrols", "peta_pengamanan.kml#Rute Patroli"],
           inputs=counts, site_names=names, site_coordinates=coords)

    d = case_dir("mymaps-kmz-layers")
    make_zip(d / "peta_pengamanan.kmz", [("doc.kml", kml.encode()), ("images/icon-1.png", PNG_1X1)])
    expect(d, "The same My Maps map downloaded as KMZ (doc.kml + images/ in a zip); layers chosen with #layer",
           ["--areas", AREAS, "--sites", "peta_pengamanan.kmz#Lokasi Strategis", "--rawan", "peta_pengamanan.kmz#Zona Rawan",
            "--patrols", "peta_pengamanan.kmz#Rute Patroli"],
           inputs=counts, site_names=names, site_coordinates=coords)

    d = case_dir("mymaps-kml-no-selector")
    write_text(d / "peta_pengamanan.kml", kml)
    expect(d, "The same KML given to every role with no #layer: each role takes its own geometry kind (sites points, rawan polygons, patrols lines) and warns per layer what it left out",
           ["--areas", AREAS, "--sites", "peta_pengamanan.kml", "--rawan", "peta_pengamanan.kml", "--patrols", "peta_pengamanan.kml"],
           stderr=["peta_pengamanan.kml", "Lokasi Strategis", "Zona Rawan", "Rute Patroli"],
           inputs=counts, site_names=names)

    d = case_dir("mymaps-kml-layer-missing")
    write_text(d / "peta_pengamanan.kml", kml)
    expect(d, "A #layer that is not in the KML (the officer typed 'Lokasi TPS'): refused, naming the file and listing the layers it has",
           ["--areas", AREAS, "--sites", "peta_pengamanan.kml#Lokasi TPS"],
           exit=2, stderr=["peta_pengamanan.kml", "Lokasi TPS", "Lokasi Strategis", "Zona Rawan", "Rute Patroli"])


# --------------------------------------------------------------------------------------------------
# 3. Archives
# --------------------------------------------------------------------------------------------------

def kecamatan_geojson(name_field="KECAMATAN", code_field="KODE_KEC"):
    feats = [polygon_feature({code_field: k, name_field: n}, ring) for k, n, ring in KECAMATAN]
    return feature_collection(feats)


def archives(rng):
    names = [k[1] for k in KECAMATAN]
    tmp = Path(tempfile.mkdtemp(prefix="fieldcorpus-"))
    try:
        shp = shapefile_from_geojson(kecamatan_geojson(), tmp, "kecamatan")
        members = [(p.name, p.read_bytes()) for p in shp]

        d = case_dir("zip-shapefile-root")
        make_zip(d / "batas_kecamatan.zip", members)
        expect(d, "Zipped shapefile as sent over WhatsApp (.shp/.shx/.dbf/.prj/.cpg at the zip root): areas go in",
               ["--areas", "batas_kecamatan.zip", "--sites", SITES],
               inputs={"areas": N_AREAS, "sites": N_SHARED_SITES}, area_names=names)

        d = case_dir("zip-shapefile-nested-macosx")
        nested = [("data/", b""), ("data/batas/", b"")]
        nested += [(f"data/batas/{n}", b) for n, b in members]
        nested += [("data/batas/kecamatan.shp.xml", b"<?xml version=\"1.0\"?><metadata><idinfo><citation>BATAS KECAMATAN</citation></idinfo></metadata>\n")]
        # AppleDouble resource forks a Mac adds when it zips a folder: not shapefiles at all.
        apple = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        " + bytes(40)
        nested += [("__MACOSX/", b""), ("__MACOSX/data/", b""), ("__MACOSX/data/batas/", b"")]
        nested += [(f"__MACOSX/data/batas/._{n}", apple) for n, _ in members]
        make_zip(d / "Batas Wilayah Kota Kupang.zip", nested)
        expect(d, "Zip made on a Mac: the shapefile sits in data/batas/ with a .shp.xml beside it, and __MACOSX/ holds ._kecamatan.shp junk that must be ignored: areas go in",
               ["--areas", "Batas Wilayah Kota Kupang.zip", "--sites", SITES],
               inputs={"areas": N_AREAS, "sites": N_SHARED_SITES}, area_names=names)

        src = tmp / "k.geojson"
        src.write_text(kecamatan_geojson("nama", "kode"), encoding="utf-8")
        gpkg = tmp / "batas_kecamatan_kupang.gpkg"
        ogr2ogr("-f", "GPKG", "-nln", "batas_kecamatan", str(gpkg), str(src))
        d = case_dir("zip-geopackage")
        make_zip(d / "batas_kecamatan_kupang.zip", [("batas_kecamatan_kupang.gpkg", gpkg.read_bytes())])
        expect(d, "A GeoPackage inside a zip: areas go in",
               ["--areas", "batas_kecamatan_kupang.zip", "--sites", SITES],
               inputs={"areas": N_AREAS, "sites": N_SHARED_SITES}, area_names=names)
    finally:
        shutil.rmtree(tmp)

    d = case_dir("zip-nothing-readable")
    pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    jpg = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
    make_zip(d / "data_polres.zip", [("Laporan Pengamanan TPS.pdf", pdf), ("foto/TPS 004 Oebobo.jpg", jpg),
                                     ("catatan.txt", "Data batas wilayah menyusul dari Bappeda.\r\n".encode())])
    expect(d, "A zip holding only a PDF, a photo and a note (no layer at all): refused, naming the zip",
           ["--areas", "data_polres.zip", "--sites", SITES], exit=2, stderr=["data_polres.zip"])


# --------------------------------------------------------------------------------------------------
# 4. GPS fleet exports
# --------------------------------------------------------------------------------------------------

def metres(a, b):
    """Approximate distance in metres between (lon, lat) points near Kupang."""
    dx = (b[0] - a[0]) * 111320 * math.cos(math.radians(10.18))
    dy = (b[1] - a[1]) * 110574
    return math.hypot(dx, dy)


def drive(rng, start, duration_s, stops, step=(30, 60), speed=(6.0, 9.0), dwell=(120, 420)):
    """A unit's fixes: [(datetime, lat, lon)], every 30-60 s, driving stop to stop at 22-32 km/h
    and dwelling a few minutes at each stop, for about duration_s."""
    fixes = []
    t = start
    end = start + timedelta(seconds=duration_s)
    pos = stops[0]
    i = 1
    v = rng.uniform(*speed)
    dwell_left = rng.uniform(*dwell)
    while t <= end:
        jitter = (rng.uniform(-2e-5, 2e-5), rng.uniform(-2e-5, 2e-5))
        fixes.append((t, r6(pos[1] + jitter[1]), r6(pos[0] + jitter[0])))
        dt = rng.randint(*step)
        t += timedelta(seconds=dt)
        if dwell_left > 0:
            dwell_left -= dt
            continue
        # move dt seconds towards the next stop
        travel = v * dt
        while travel > 0:
            target = stops[i % len(stops)]
            dist = metres(pos, target)
            if dist <= travel:
                pos = target
                travel -= dist
                i += 1
                v = rng.uniform(*speed)
                dwell_left = rng.uniform(*dwell)
                break
            f = travel / dist
            pos = (pos[0] + (target[0] - pos[0]) * f, pos[1] + (target[1] - pos[1]) * f)
            travel = 0
    return fixes


SITE_LONLAT = [(lon, lat) for _, _, _, lat, lon in STRATEGIS]


def patrol_loop(rng, k=4):
    stops = rng.sample(SITE_LONLAT[:6], k)
    return stops + [stops[0]]


def iso_z(t, millis=False):
    u = t.astimezone(UTC)
    return u.strftime("%Y-%m-%dT%H:%M:%S") + (".000" if millis else "") + "Z"


def gps(rng):
    day_start = datetime(2024, 11, 27, 7, 0, 0, tzinfo=WITA)   # hari pemungutan suara, 07:00 WITA

    # Traccar positions export
    d = case_dir("gps-traccar-csv")
    rows = []
    n_id = 184230
    units = {}
    for dev in [3, 7, 12]:
        fixes = drive(rng, day_start + timedelta(seconds=rng.randint(0, 300)), 5000, patrol_loop(rng), step=(50, 60))
        units[str(dev)] = fixes
        prev = None
        for t, lat, lon in fixes:
            n_id += 1
            speed_kn = 0.0 if prev is None else round(metres((prev[2], prev[1]), (lon, lat)) / max(1, (t - prev[0]).total_seconds()) * 1.943844, 2)
            course = 0.0 if prev is None else round(math.degrees(math.atan2(lon - prev[2], lat - prev[1])) % 360, 1)
            server = t + timedelta(seconds=rng.randint(1, 4))
            attrs = json.dumps({"sat": rng.randint(6, 12)}, separators=(",", ":"))
            rows.append([n_id, dev, "osmand", iso_z(server, True), iso_z(t, True), iso_z(t, True), "false", "true",
                         lat, lon, round(rng.uniform(30, 80), 1), speed_kn, course, "", round(rng.uniform(3, 12), 1), attrs])
            prev = (t, lat, lon)
    rows.sort(key=lambda r: r[5])   # Traccar exports in fix-time order, devices interleaved
    write_csv(d / "positions.csv", ["id", "deviceId", "protocol", "serverTime", "deviceTime", "fixTime", "outdated", "valid",
                                    "latitude", "longitude", "altitude", "speed", "course", "address", "accuracy", "attributes"],
              rows, newline="\n")
    expect(d, "Traccar positions export (deviceId, fixTime in ISO 8601 UTC with Z, latitude, longitude, speed in knots, JSON attributes): unit = deviceId, every fix goes in",
           ["--areas", AREAS, "--sites", SITES, "--tracks", "positions.csv"],
           inputs={"areas": N_AREAS, "sites": N_SHARED_SITES},
           tracks={"units": sorted(units), "fixes": len(rows), "skipped_fixes": 0})

    # Polres sheet: ; separator, dd/mm/yyyy + separate time, decimal commas
    d = case_dir("gps-polres-sheet")
    rows = []
    plates = ["DH 1017 KP", "DH 1022 KP", "DH 8813 AK"]
    for plate in plates:
        for t, lat, lon in drive(rng, day_start + timedelta(minutes=rng.randint(0, 20)), 3 * 3600, patrol_loop(rng), step=(50, 60)):
            rows.append((t, plate, lat, lon))
    rows.sort(key=lambda r: (r[1], r[0]))
    out = [[i, plate, t.strftime("%d/%m/%Y"), t.strftime("%H:%M:%S"), f6(lat).replace(".", ","), f6(lon).replace(".", ",")]
           for i, (t, plate, lat, lon) in enumerate(rows, 1)]
    write_csv(d / "rekap_gps_27112024.csv", ["No", "Plat Nomor", "Tanggal", "Jam", "Lintang", "Bujur"], out, delimiter=";", newline="\r\n")
    expect(d, "Polres recap sheet saved as CSV by Indonesian Excel: ';' separator, Plat Nomor as unit, Tanggal 27/11/2024 (day-first, unambiguous) and Jam in separate columns, local WITA time, decimal commas: goes in",
           ["--areas", AREAS, "--sites", SITES, "--tracks", "rekap_gps_27112024.csv", "--timezone", "WITA"],
           inputs={"areas": N_AREAS, "sites": N_SHARED_SITES},
           tracks={"units": sorted(plates), "fixes": len(rows), "skipped_fixes": 0})

    # phone logger: no unit column
    d = case_dir("gps-phone-logger-no-unit")
    fixes = drive(rng, day_start + timedelta(hours=1), 2 * 3600, patrol_loop(rng, 5), step=(30, 45))
    write_csv(d / "patroli_bripka_yohanes.csv", ["time", "lat", "lon", "elevation", "accuracy"],
              [[t.isoformat(timespec="seconds"), f6(lat), f6(lon), round(rng.uniform(20, 90), 1), rng.choice([3.9, 4.8, 6.0, 8.0])]
               for t, lat, lon in fixes], newline="\n")
    expect(d, "Phone GPS logger CSV (time with +08:00 offset, lat, lon) with no unit column: the unit is named after the file (its stem), with a warning",
           ["--areas", AREAS, "--sites", SITES, "--tracks", "patroli_bripka_yohanes.csv"],
           stderr=["patroli_bripka_yohanes"],
           inputs={"areas": N_AREAS, "sites": N_SHARED_SITES},
           tracks={"units": ["patroli_bripka_yohanes"], "fixes": len(fixes), "skipped_fixes": 0})

    # epoch milliseconds
    d = case_dir("gps-epoch-millis")
    rows = []
    for unit in ["PATWAL-01", "PATWAL-02"]:
        for t, lat, lon in drive(rng, day_start + timedelta(hours=2), 2 * 3600, patrol_loop(rng), step=(30, 60)):
            rows.append([unit, int(t.timestamp()) * 1000 + rng.randint(0, 999), f6(lat), f6(lon)])
    write_csv(d / "tracker_export.csv", ["unit_id", "timestamp", "latitude", "longitude"], rows, newline="\n")
    expect(d, "Tracker export whose timestamp column holds Unix epoch MILLISECONDS (1732665600000-style): read as such, every fix goes in",
           ["--areas", AREAS, "--sites", SITES, "--tracks", "tracker_export.csv"],
           inputs={"areas": N_AREAS, "sites": N_SHARED_SITES},
           tracks={"units": ["PATWAL-01", "PATWAL-02"], "fixes": len(rows), "skipped_fixes": 0})

    # Garmin GPX: a saved track without times + ACTIVE LOG with times
    d = case_dir("gps-garmin-active-log")
    saved = drive(rng, day_start, 3600, patrol_loop(rng), step=(60, 90))
    active = drive(rng, day_start + timedelta(minutes=5), 2 * 3600, patrol_loop(rng), step=(30, 50))
    saved_pts = "\n".join(f'      <trkpt lat="{lat:.6f}" lon="{lon:.6f}">\n        <ele>{rng.uniform(20, 90):.2f}</ele>\n      </trkpt>'
                          for _, lat, lon in saved)
    active_pts = "\n".join(f'      <trkpt lat="{lat:.6f}" lon="{lon:.6f}">\n        <ele>{rng.uniform(20, 90):.2f}</ele>\n        <time>{iso_z(t)}</time>\n      </trkpt>'
                           for t, lat, lon in active)
    gpx = f"""<?xml version="1.0" encoding="UTF-8" standalone="no" ?>
<gpx xmlns="http://www.topografix.com/GPX/1/1" xmlns:gpxx="http://www.garmin.com/xmlschemas/GpxExtensions/v3" xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1" creator="GPSMAP 64s" version="1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd http://www.garmin.com/xmlschemas/GpxExtensions/v3 http://www8.garmin.com/xmlschemas/GpxExtensionsv3.xsd http://www.garmin.com/xmlschemas/TrackPointExtension/v1 http://www.garmin.com/xmlschemas/TrackPointExtensionv1.xsd">
  <metadata>
    <link href="http://www.garmin.com">
      <text>Garmin International</text>
    </link>
    <time>2024-11-27T03:12:40Z</time>
  </metadata>
  <trk>
    <name>RUTE 27-NOV</name>
    <extensions>
      <gpxx:TrackExtension>
        <gpxx:DisplayColor>Cyan</gpxx:DisplayColor>
      </gpxx:TrackExtension>
    </extensions>
    <trkseg>
{saved_pts}
    </trkseg>
  </trk>
  <trk>
    <name>ACTIVE LOG</name>
    <extensions>
      <gpxx:TrackExtension>
        <gpxx:DisplayColor>DarkGray</gpxx:DisplayColor>
      </gpxx:TrackExtension>
    </extensions>
    <trkseg>
{active_pts}
    </trkseg>
  </trk>
</gpx>
"""
    write_text(d / "Current.gpx", gpx, newline="\r\n")
    expect(d, "Garmin GPSMAP GPX: a saved track 'RUTE 27-NOV' whose points have no <time> and the 'ACTIVE LOG' with times; only the timed ACTIVE LOG gives fixes, the untimed track is named in a warning",
           ["--areas", AREAS, "--sites", SITES, "--tracks", "Current.gpx"],
           stderr=["Current.gpx", "RUTE 27-NOV"],
           inputs={"areas": N_AREAS, "sites": N_SHARED_SITES},
           tracks={"fixes": len(active), "skipped_fixes": 0})

    # some rows missing time
    d = case_dir("gps-missing-times")
    rows = []
    for unit in ["Raimas 01", "Raimas 02"]:
        for t, lat, lon in drive(rng, day_start + timedelta(hours=3), 2 * 3600, patrol_loop(rng), step=(40, 60)):
            rows.append([unit, t.strftime("%Y-%m-%d %H:%M:%S"), f6(lat), f6(lon)])
    blank = sorted(rng.sample(range(5, len(rows) - 5), 5))
    for i in blank:
        rows[i][1] = ""
    write_csv(d / "kendaraan_27nov.csv", ["kendaraan", "waktu", "lat", "lon"], rows)
    expect(d, f"Fix CSV where {len(blank)} rows have an empty waktu (time) cell: those fixes are skipped and counted in ONE warning naming the file, the rest go in",
           ["--areas", AREAS, "--sites", SITES, "--tracks", "kendaraan_27nov.csv", "--timezone", "WITA"],
           stderr=["kendaraan_27nov.csv", "waktu"],
           inputs={"areas": N_AREAS, "sites": N_SHARED_SITES},
           tracks={"units": ["Raimas 01", "Raimas 02"], "fixes": len(rows) - len(blank), "skipped_fixes": len(blank)})

    # unset device clock: 1970 and 1901
    d = case_dir("gps-unset-clock")
    rows = []
    good = drive(rng, day_start, 2 * 3600, patrol_loop(rng), step=(40, 60))
    rows += [["Patwal 01", iso_z(t), f6(lat), f6(lon)] for t, lat, lon in good]
    second = drive(rng, day_start + timedelta(minutes=10), 2 * 3600, patrol_loop(rng), step=(40, 60))
    n1901 = 6
    for k, (t, lat, lon) in enumerate(second):
        when = "1901-12-13T20:45:52Z" if k < n1901 else iso_z(t)   # int32 epoch minimum until the first GPS time sync
        rows.append(["Patwal 02", when, f6(lat), f6(lon)])
    third = drive(rng, day_start + timedelta(minutes=20), 3600, patrol_loop(rng), step=(40, 60))
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    for k, (t, lat, lon) in enumerate(third):
        rows.append(["Patwal 03", iso_z(epoch + (t - third[0][0])), f6(lat), f6(lon)])
    write_csv(d / "gps_tracker.csv", ["unit", "time", "lat", "lon"], rows, newline="\n")
    expect(d, "Tracker whose clock was never set: Patwal 03 dated 1970-01-01 throughout, Patwal 02's first fixes dated 1901-12-13; those fixes are left out and the units named in a warning",
           ["--areas", AREAS, "--sites", SITES, "--tracks", "gps_tracker.csv"],
           stderr=["gps_tracker.csv", "Patwal 03", "Patwal 02"],
           inputs={"areas": N_AREAS, "sites": N_SHARED_SITES},
           tracks={"units": ["Patwal 01", "Patwal 02"], "fixes": len(good) + len(second) - n1901,
                   "skipped_fixes": n1901 + len(third)})

    # day-first dates, unambiguous (27/11/2024)
    d = case_dir("gps-dayfirst-unambiguous")
    rows = []
    for unit in ["Sabhara 1", "Sabhara 2"]:
        for t, lat, lon in drive(rng, day_start + timedelta(hours=4), 2 * 3600, patrol_loop(rng), step=(30, 60)):
            rows.append([unit, t.strftime("%d/%m/%Y %H:%M:%S"), f6(lat), f6(lon)])
    write_csv(d / "posisi_sabhara.csv", ["Kendaraan", "Waktu", "Latitude", "Longitude"], rows)
    expect(d, "Fix CSV with 'Waktu' as 27/11/2024 07:15:30 (day 27 > 12, so day-first is certain) in local WITA time: goes in without --time-format",
           ["--areas", AREAS, "--sites", SITES, "--tracks", "posisi_sabhara.csv", "--timezone", "WITA"],
           inputs={"areas": N_AREAS, "sites": N_SHARED_SITES},
           tracks={"units": ["Sabhara 1", "Sabhara 2"], "fixes": len(rows), "skipped_fixes": 0})

    # ambiguous dates: 05/12/2024 22:00 .. 06/12/2024 01:00 (pleno night), every day <= 12
    night = datetime(2024, 12, 5, 22, 0, 0, tzinfo=WITA)
    amb_rows = []
    for unit in ["Sabhara 1", "Sabhara 3"]:
        fixes = drive(rng, night, 3 * 3600, patrol_loop(rng), step=(60, 60))
        seen = set()
        for t, lat, lon in fixes:
            key = t.strftime("%d/%m/%Y %H:%M")
            if key in seen:
                continue
            seen.add(key)
            amb_rows.append([unit, key, f6(lat), f6(lon)])
    days = {r[1][:2] for r in amb_rows}
    assert all(int(x) <= 12 for x in days)
    d = case_dir("gps-ambiguous-time-format")
    write_csv(d / "patroli_malam_pleno.csv", ["Kendaraan", "Waktu", "Latitude", "Longitude"], amb_rows)
    expect(d, "Night patrol around the pleno (05/12/2024 22:00 to 06/12/2024 01:00 WITA): every day is <= 12 so the date is ambiguous; --time-format '%d/%m/%Y %H:%M' settles it: goes in",
           ["--areas", AREAS, "--sites", SITES, "--tracks", "patroli_malam_pleno.csv", "--time-format", "%d/%m/%Y %H:%M", "--timezone", "WITA"],
           inputs={"areas": N_AREAS, "sites": N_SHARED_SITES},
           tracks={"units": ["Sabhara 1", "Sabhara 3"], "fixes": len(amb_rows), "skipped_fixes": 0})

    d = case_dir("gps-ambiguous-no-format")
    write_csv(d / "patroli_malam_pleno.csv", ["Kendaraan", "Waktu", "Latitude", "Longitude"], amb_rows)
    expect(d, "The same ambiguous file (05/12/2024 could be 5 December or 12 May) WITHOUT --time-format: refused, naming the file and the column and suggesting --time-format",
           ["--areas", AREAS, "--sites", SITES, "--tracks", "patroli_malam_pleno.csv", "--timezone", "WITA"],
           exit=2, stderr=["patroli_malam_pleno.csv", "Waktu", "--time-format"])


# --------------------------------------------------------------------------------------------------
# 5. Coordinates
# --------------------------------------------------------------------------------------------------

def dms_parts(x, sdec=1):
    """Degrees, minutes, seconds (rounded to sdec decimals) of |x|."""
    a = abs(x)
    d = int(a)
    m = int((a - d) * 60)
    s = round(((a - d) * 60 - m) * 60, sdec)
    if s >= 60:
        s -= 60
        m += 1
    if m >= 60:
        m -= 60
        d += 1
    return d, m, s


def by_hand(d, m, s, negative):
    """The expected decimal degrees of a DMS value: d + m/60 + s/3600, negative for S/LS/W."""
    v = d + m / 60 + s / 3600
    return r6(-v if negative else v)


def coordinate_sites(rng, n):
    return STRATEGIS[:3] + [(t[0], "tps", "sedang", t[3], t[4]) for t in tps_list(rng, n - 3)]


def coordinates(rng):
    # DMS in two columns, ASCII and typographic marks mixed as different people typed them
    d = case_dir("coords-dms-two-columns")
    sites = coordinate_sites(rng, 8)
    rows, exp = [], []
    styles = [("°", "'", '"', ""), ("° ", "' ", '"', " "), ("º", "’", "”", ""), ("°", "′", "″", " ")]
    for i, (n, k, p, lat, lon) in enumerate(sites):
        ld, lm, ls = dms_parts(lat)
        od, om, os_ = dms_parts(lon)
        deg, mi, se, sp = styles[i % len(styles)]
        rows.append([i + 1, n, f"{ld}{deg}{lm:02d}{mi}{ls:04.1f}{se}{sp}S", f"{od}{deg}{om:02d}{mi}{os_:04.1f}{se}{sp}E"])
        exp.append((by_hand(od, om, os_, False), by_hand(ld, lm, ls, True)))
    write_csv(d / "koordinat_dms.csv", ["No", "Nama", "Lintang", "Bujur"], rows)
    expect(d, "Coordinates in degrees-minutes-seconds, two columns (10°09'47.5\"S / 123°35'45.6\"E), with the marks people type (° º ' ’ ′ \" ” ″, with or without spaces): converted by hand d + m/60 + s/3600, S negative",
           ["--areas", AREAS, "--sites", "koordinat_dms.csv"],
           inputs={"areas": N_AREAS, "sites": len(sites)}, site_names=[s[0] for s in sites], site_coordinates=exp)

    # DMS with LS/BT and decimal-comma seconds, ; separated
    d = case_dir("coords-dms-ls-bt")
    sites = coordinate_sites(rng, 7)
    rows, exp = [], []
    for i, (n, k, p, lat, lon) in enumerate(sites):
        ld, lm, ls = dms_parts(lat)
        od, om, os_ = dms_parts(lon)
        lat_s = f"{ld}°{lm:02d}'{ls:04.1f}\" LS".replace(".", ",") if i % 2 == 0 else f"{ld}° {lm}' {ls:.1f}\" LS".replace(".", ",")
        lon_s = f"{od}°{om:02d}'{os_:04.1f}\" BT".replace(".", ",") if i % 2 == 0 else f"{od}° {om}' {os_:.1f}\" BT".replace(".", ",")
        rows.append([i + 1, n, k, lat_s, lon_s])
        exp.append((by_hand(od, om, os_, False), by_hand(ld, lm, ls, True)))
    write_csv(d / "lokasi_ls_bt.csv", ["No", "Nama", "Kategori", "Lintang", "Bujur"], rows, delimiter=";")
    expect(d, "DMS with Indonesian hemisphere words LS (Lintang Selatan) / BT (Bujur Timur) and decimal-comma seconds (10°09'47,5\" LS), ';' separated: LS is negative",
           ["--areas", AREAS, "--sites", "lokasi_ls_bt.csv"],
           inputs={"areas": N_AREAS, "sites": len(sites)}, site_names=[s[0] for s in sites], site_coordinates=exp)

    # degrees and decimal minutes, hemisphere letter before
    d = case_dir("coords-ddm-hemisphere-before")
    sites = coordinate_sites(rng, 6)
    rows, exp = [], []
    for i, (n, k, p, lat, lon) in enumerate(sites):
        ld, lmin = int(abs(lat)), round((abs(lat) - int(abs(lat))) * 60, 3)
        od, omin = int(abs(lon)), round((abs(lon) - int(abs(lon))) * 60, 3)
        rows.append([n, f"S {ld}°{lmin:06.3f}'", f"E {od}°{omin:06.3f}'"])
        exp.append((r6(od + omin / 60), r6(-(ld + lmin / 60))))
    write_csv(d / "waypoint_garmin.csv", ["Nama", "Lintang", "Bujur"], rows)
    expect(d, "Degrees and decimal minutes with the hemisphere letter first, as a Garmin screen shows them (S 10°09.792' / E 123°35.760'): d + m/60, S negative",
           ["--areas", AREAS, "--sites", "waypoint_garmin.csv"],
           inputs={"areas": N_AREAS, "sites": len(sites)}, site_names=[s[0] for s in sites], site_coordinates=exp)

    # decimal degrees, hemisphere letter after
    d = case_dir("coords-hemisphere-after")
    sites = coordinate_sites(rng, 6)
    rows, exp = [], []
    for i, (n, k, p, lat, lon) in enumerate(sites):
        sp = " " if i % 2 == 0 else ""
        rows.append([n, f"{abs(lat):.6f}{sp}S", f"{abs(lon):.6f}{sp}E"])
        exp.append((lon, lat))
    write_csv(d / "titik_lokasi.csv", ["Nama", "Latitude", "Longitude"], rows)
    expect(d, "Decimal degrees with the hemisphere letter after, with or without a space (10.163194 S, 123.596000E): S negative",
           ["--areas", AREAS, "--sites", "titik_lokasi.csv"],
           inputs={"areas": N_AREAS, "sites": len(sites)}, site_names=[s[0] for s in sites], site_coordinates=exp)

    # decimal degrees with LS/BT
    d = case_dir("coords-decimal-ls-bt")
    sites = coordinate_sites(rng, 6)
    rows, exp = [], []
    for i, (n, k, p, lat, lon) in enumerate(sites):
        rows.append([n, f"{abs(lat):.4f} LS", f"{abs(lon):.4f} BT"])
        exp.append((round(abs(lon), 4), -round(abs(lat), 4)))
    write_csv(d / "lokasi_bhabin.csv", ["Nama Lokasi", "Lintang", "Bujur"], rows)
    expect(d, "Decimal degrees with LS/BT suffix ('10.1632 LS', '123.5960 BT'): LS negative",
           ["--areas", AREAS, "--sites", "lokasi_bhabin.csv"],
           inputs={"areas": N_AREAS, "sites": len(sites)}, site_names=[s[0] for s in sites], site_coordinates=exp)

    # rows at 0,0
    d = case_dir("coords-zero-rows")
    sites = coordinate_sites(rng, 10)
    zero_rows = [5, 9]   # data rows (1-based) whose coordinates were never filled in: Excel shows 0
    rows = []
    for i, (n, k, p, lat, lon) in enumerate(sites, 1):
        rows.append([i, n, k, 0, 0] if i in zero_rows else [i, n, k, f6(lat), f6(lon)])
    write_csv(d / "titik_tps.csv", ["No", "Nama", "Kategori", "Latitude", "Longitude"], rows)
    kept = [s for i, s in enumerate(sites, 1) if i not in zero_rows]
    expect(d, "Sites at 0,0 (coordinates never filled in, Excel shows 0) on data rows 5 and 9: skipped with one warning naming the file and the rows; the other 8 go in",
           ["--areas", AREAS, "--sites", "titik_tps.csv"],
           stderr=["titik_tps.csv", "5", "9"],
           inputs={"areas": N_AREAS, "sites": len(kept)}, site_names=[s[0] for s in kept])

    # far-away sites
    d = case_dir("coords-far-away")
    sites = coordinate_sites(rng, 10)
    far = [
        ("TPS 021 Oetete (tanda minus hilang)", "tps", "sedang", 10.172300, 123.621400),   # sign lost: Philippines
        ("KPU RI (alamat tersalin)", "kpu", "tinggi", -6.187200, 106.830500),              # Jakarta, pasted from another list
    ]
    allsites = sites[:4] + [far[0]] + sites[4:8] + [far[1]] + sites[8:]
    write_csv(d / "lokasi_gabungan.csv", ["nama", "kategori", "prioritas", "lat", "lon"],
              [[n, k, p, f6(lat), f6(lon)] for n, k, p, lat, lon in allsites])
    expect(d, "Two sites far from Kota Kupang (a lost minus sign puts one in the Philippines, one KPU RI in Jakarta): kept, ONE warning for the file with the count; the analysis stays in UTM 51S (EPSG:32751) chosen from the areas",
           ["--areas", AREAS, "--sites", "lokasi_gabungan.csv"],
           stderr=["lokasi_gabungan.csv", "2"],
           inputs={"areas": N_AREAS, "sites": len(allsites)}, site_names=[s[0] for s in allsites])

    # UTF-16 LE with BOM
    d = case_dir("csv-utf16le-bom")
    sites = [("Pos Pam Bundaran Tirosa – Jl. El Tari", "lainnya", "sedang", -10.160400, 123.609900),
             ("Kantor Lurah Oebobo · Posko Terpadu", "lainnya", "sedang", -10.168800, 123.619300),
             ("Gereja St. Yoseph Naikoten (TPS 007)", "tps", "sedang", -10.196100, 123.586200),
             ("Masjid Raya Nurussa’adah (TPS 012)", "tps", "sedang", -10.165700, 123.579100),
             ("Kantor Camat Kota Lama", "pleno", "tinggi", -10.152900, 123.583800)]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["nama", "kategori", "prioritas", "latitude", "longitude"])
    for n, k, p, lat, lon in sites:
        w.writerow([n, k, p, f6(lat), f6(lon)])
    (d / "pos_pengamanan.csv").write_bytes(b"\xff\xfe" + buf.getvalue().encode("utf-16-le"))
    expect(d, "CSV saved as UTF-16 LE with a BOM (FF FE), as some Excel 'Unicode' exports are: read, names with – · ’ intact",
           ["--areas", AREAS, "--sites", "pos_pengamanan.csv"],
           inputs={"areas": N_AREAS, "sites": len(sites)}, site_names=[s[0] for s in sites],
           site_coordinates=[(s[4], s[3]) for s in sites[:3]])

    # not a coordinate at all
    d = case_dir("coords-not-a-coordinate")
    sites = coordinate_sites(rng, 9)
    bad_row = 6
    rows = []
    for i, (n, k, p, lat, lon) in enumerate(sites, 1):
        rows.append([i, n, k, f6(lat), "dekat pasar" if i == bad_row else f6(lon)])
    write_csv(d / "lokasi_tps.csv", ["No", "Nama", "Kategori", "Lintang", "Bujur"], rows)
    expect(d, f"A Bujur cell reading 'dekat pasar' (near the market) on data row {bad_row}: refused, naming the file, the row and the column",
           ["--areas", AREAS, "--sites", "lokasi_tps.csv"],
           exit=2, stderr=["lokasi_tps.csv", f"row {bad_row}", "Bujur"])


# --------------------------------------------------------------------------------------------------
# 6. BIG desa layer
# --------------------------------------------------------------------------------------------------

def big_desa_geojson():
    """Eight desa/kelurahan: each kecamatan cut in two (west/east or north/south) by a straight line."""
    def split(ring, lon_cut=None, lat_cut=None):
        # clip a convex-enough ring to <= / > a cut (Sutherland-Hodgman on one half-plane)
        def clip(poly, keep):
            out = []
            for i in range(len(poly) - 1):
                p, q = poly[i], poly[i + 1]
                pin, qin = keep(p), keep(q)
                if pin:
                    out.append(p)
                if pin != qin:
                    if lon_cut is not None:
                        f = (lon_cut - p[0]) / (q[0] - p[0])
                    else:
                        f = (lat_cut - p[1]) / (q[1] - p[1])
                    out.append((round(p[0] + f * (q[0] - p[0]), 7), round(p[1] + f * (q[1] - p[1]), 7)))
            out = [p for i, p in enumerate(out) if i == 0 or p != out[i - 1]]   # a cut through a vertex
            return out + [out[0]]
        if lon_cut is not None:
            return clip(ring, lambda p: p[0] <= lon_cut), clip(ring, lambda p: p[0] >= lon_cut)
        return clip(ring, lambda p: p[1] >= lat_cut), clip(ring, lambda p: p[1] <= lat_cut)

    cuts = {"Kota Lama": dict(lon_cut=123.575), "Kelapa Lima": dict(lon_cut=123.627),
            "Kota Raja": dict(lat_cut=-10.200), "Oebobo": dict(lon_cut=123.626)}
    desa = {"Kota Lama": ("Fontein", "Merdeka"), "Kelapa Lima": ("Kelapa Lima", "Oesapa"),
            "Kota Raja": ("Naikoten I", "Kuanino"), "Oebobo": ("Fatululi", "Oebobo")}
    feats, names = [], []
    n = 0
    for kode, kec, ring in KECAMATAN:
        for part, nama in zip(split(ring, **cuts[kec]), desa[kec]):
            n += 1
            props = {"NAMOBJ": nama, "FCODE": "BA03070040", "REMARK": "Batas Desa/Kelurahan", "SRS_ID": "SRGI2013",
                     "KDEPUM": f"{kode}.{1000 + n}", "TIPADM": 2, "WADMKD": nama, "WADMKC": kec,
                     "WADMKK": "Kota Kupang", "WADMPR": "Nusa Tenggara Timur", "LUASWH": None}
            feats.append(polygon_feature(props, part))
            names.append(nama)
    return feature_collection(feats), names


def big(rng):
    text, names = big_desa_geojson()
    tmp = Path(tempfile.mkdtemp(prefix="fieldcorpus-"))
    try:
        src = tmp / "desa.geojson"
        src.write_text(text, encoding="utf-8")
        d = case_dir("big-desa-gpkg")
        ogr2ogr("-f", "GPKG", "-nln", "ADMINISTRASIDESA_AR_25K", "-nlt", "MULTIPOLYGON", str(d / "RBI_KOTA_KUPANG_DESA.gpkg"), str(src))
        expect(d, "BIG (Badan Informasi Geospasial) RBI desa layer in a GeoPackage, fields NAMOBJ/WADMKD/WADMKC/WADMKK/WADMPR: area names are the desa names (NAMOBJ), not the kecamatan (WADMKC)",
               ["--areas", "RBI_KOTA_KUPANG_DESA.gpkg", "--sites", SITES],
               inputs={"areas": len(names), "sites": N_SHARED_SITES}, area_names=names)

        d = case_dir("big-desa-shapefile")
        shapefile_from_geojson(text, d, "ADMINISTRASIDESA_AR_25K", extra=("-dim", "XYZ", "-nlt", "MULTIPOLYGON25D"))
        expect(d, "The same BIG desa layer as a PolygonZ shapefile (z = 0, as BIG distributes it): area names are NAMOBJ",
               ["--areas", "ADMINISTRASIDESA_AR_25K.shp", "--sites", SITES],
               inputs={"areas": len(names), "sites": N_SHARED_SITES}, area_names=names)
    finally:
        shutil.rmtree(tmp)


# --------------------------------------------------------------------------------------------------
# 7. Several files per role (YAML)
# --------------------------------------------------------------------------------------------------

def yaml_cases(rng):
    d = case_dir("yaml-sites-id-clash")
    kpu = [("KPU Kota Kupang", -10.163194, 123.596000), ("Gudang Logistik KPU Oebobo", -10.196400, 123.618900),
           ("Sekretariat PPK Kelapa Lima", -10.152600, 123.633400)]
    write_csv(d / "kpu_kota.csv", ["id", "nama", "lat", "lon"], [[i, n, f6(lat), f6(lon)] for i, (n, lat, lon) in enumerate(kpu, 1)])
    tps = tps_list(rng, 6, "Oebobo")
    write_csv(d / "tps_oebobo.csv", ["id", "nama", "kelurahan", "lat", "lon"],
              [[i, n, kel, f6(lat), f6(lon)] for i, (n, kel, kec, lat, lon) in enumerate(tps, 1)])
    write_text(d / "operasi.yaml", f"""# Operasi Mantap Praja 2024 - Polresta Kupang Kota
name: "Pengamanan Pilkada 2024 Kota Kupang"
areas: {AREAS}
sites:
  - path: kpu_kota.csv
    defaults: {{kategori: kpu, prioritas: tinggi}}
  - path: tps_oebobo.csv
    defaults: {{kategori: tps}}
patrols:
  - {PATROLS}
""")
    expect(d, "YAML with two site lists (KPU with defaults kategori kpu/prioritas tinggi, TPS with kategori tps) whose ids 1,2,3 clash: both kept, ids prefixed per file, one warning",
           ["operasi.yaml"],
           stderr=["tps_oebobo.csv"],
           inputs={"areas": N_AREAS, "sites": len(kpu) + len(tps), "patrols": [2]},
           site_names=[k[0] for k in kpu] + [t[0] for t in tps])

    d = case_dir("yaml-fields-layer")
    tps = tps_list(rng, 7, "Kelapa Lima")
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "Petunjuk"
    notes.append(["Isi koordinat dalam derajat desimal (contoh: -10.15 dan 123.63)"])
    ws = wb.create_sheet("TPS Kelapa Lima")
    ws.append(["NO", "Nama TPS", "KELURAHAN", "LINTANG", "BUJUR", "DPT"])
    for i, (n, kel, kec, lat, lon) in enumerate(tps, 1):
        ws.append([i, n, kel, lat, lon, rng.randint(180, 560)])
    save_xlsx(wb, d / "daftar_tps.xlsx")
    write_text(d / "peta_pengamanan.kml", mymaps_kml())
    write_text(d / "operasi.yaml", f"""name: "Pengamanan Pilkada 2024 Kota Kupang"
areas: {AREAS}
sites:
  - path: daftar_tps.xlsx
    layer: TPS Kelapa Lima
    fields: {{name: "Nama TPS", lat: LINTANG, lon: BUJUR}}
    defaults: {{kategori: tps, prioritas: sedang}}
  - "peta_pengamanan.kml#Lokasi Strategis"
rawan:
  - "peta_pengamanan.kml#Zona Rawan"
patrols:
  - "peta_pengamanan.kml#Rute Patroli"
""")
    expect(d, "YAML mixing a mapping entry (path, layer = second sheet, fields, defaults) and 'path#layer' strings for sites, rawan and patrols: all go in, sites in file order",
           ["operasi.yaml"],
           inputs={"areas": N_AREAS, "sites": len(tps) + len(MYMAPS_POINTS), "rawan": len(MYMAPS_ZONES), "patrols": [len(MYMAPS_ROUTES)]},
           site_names=[t[0] for t in tps] + [p[0] for p in MYMAPS_POINTS],
           site_coordinates=[(t[4], t[3]) for t in tps[:2]])


# --------------------------------------------------------------------------------------------------
# 8. Explicit mapping
# --------------------------------------------------------------------------------------------------

def mapping(rng):
    sites = coordinate_sites(rng, 8)
    rows = [[i, n, f6(lat), f6(lon), rng.choice(["Bripka Yohanes", "Brigpol Maria", "Aiptu Daniel"])]
            for i, (n, k, p, lat, lon) in enumerate(sites, 1)]
    header = ["No", "Keterangan Lokasi", "Titik_Y", "Titik_X", "Petugas Survei"]

    d = case_dir("mapping-site-fields")
    write_csv(d / "titik_pengamanan.csv", header, rows)
    expect(d, "CSV whose columns detection cannot know (Titik_Y, Titik_X, Keterangan Lokasi), mapped with --site-fields: goes in",
           ["--areas", AREAS, "--sites", "titik_pengamanan.csv", "--site-fields", "name=Keterangan Lokasi,lat=Titik_Y,lon=Titik_X"],
           inputs={"areas": N_AREAS, "sites": len(sites)}, site_names=[s[0] for s in sites],
           site_coordinates=[(s[4], s[3]) for s in sites[:3]])

    d = case_dir("mapping-missing")
    write_csv(d / "titik_pengamanan.csv", header, rows)
    expect(d, "The same CSV without --site-fields: refused, the message names the file and the columns it saw and suggests --site-fields",
           ["--areas", AREAS, "--sites", "titik_pengamanan.csv"],
           exit=2, stderr=["titik_pengamanan.csv", "Titik_Y", "Titik_X", "--site-fields"])

    # rawan points from a sheet, radius and level mapped
    d = case_dir("rawan-points-fields")
    zones = [("Pasar Inpres Naikoten", "Tinggi", 400, -10.192700, 123.585100),
             ("Terminal Kupang", "Sedang", 300, -10.157100, 123.590600),
             ("Bundaran PU", "Sedang", 250, -10.167400, 123.617900),
             ("Pantai Lasiana", "Rendah", 500, -10.148600, 123.641700),
             ("Kampus Undana Oebobo", "Tinggi", 350, -10.203900, 123.630200)]
    write_csv(d / "daftar_rawan.csv", ["No", "Lokasi Rawan", "Tingkat Kerawanan", "Radius (m)", "Lintang", "Bujur"],
              [[i, n, lvl, r, f6(lat).replace(".", ","), f6(lon).replace(".", ",")] for i, (n, lvl, r, lat, lon) in enumerate(zones, 1)],
              delimiter=";")
    expect(d, "Rawan points from a ';' sheet with a radius column 'Radius (m)' and level 'Tingkat Kerawanan', mapped with --rawan-fields: 5 point zones go in with their own radius",
           ["--areas", AREAS, "--sites", SITES, "--rawan", "daftar_rawan.csv", "--rawan-fields", "name=Lokasi Rawan,level=Tingkat Kerawanan,radius=Radius (m)"],
           inputs={"areas": N_AREAS, "sites": N_SHARED_SITES, "rawan": len(zones)})


# --------------------------------------------------------------------------------------------------

def readme():
    lines = ["# Field corpus (Tests/FieldCorpus)", "",
             "Realistic input files as they arrive from the field (Excel/LibreOffice sheets, Google My Maps, zipped",
             "shapefiles, GPS fleet exports, hand-typed coordinates), each case a folder with its input files and",
             "`expected.json`. Written by `make.py` (seeded; re-running it rewrites the same bytes):",
             "", "```sh",
             "python3 -m venv /tmp/venv-corpus && /tmp/venv-corpus/bin/pip install openpyxl odfpy",
             "/tmp/venv-corpus/bin/python Tests/FieldCorpus/make.py   # needs ogr2ogr (gdal-bin)",
             "```", "",
             "The geography is a simplified, made-up Kota Kupang (NTT): four kecamatan in `_shared/areas.geojson`",
             "(Kota Lama, Kelapa Lima, Kota Raja, Oebobo; lon 123.55..123.65, lat -10.22..-10.14; NOT official",
             "boundaries), UTM zone 51S (EPSG:32751). `_shared/` (no `expected.json`) also holds 6 strategic sites and",
             "2 planned routes that cases reference as `../_shared/...`.",
             "",
             "## expected.json",
             "",
             "- `args`: after `cakupan analyze`, relative to the case folder (the run's working directory); the runner",
             "  adds `--out`. A `file#layer` argument is one string (no shell quoting).",
             "- `exit`: 0 accepted, 2 refused.",
             "- `stderr`: substrings that the error message (exit 2) or, for exit 0, SOME warning must contain (each",
             "  may be in a different warning). `[]` means the case asserts nothing about warnings; it does NOT mean",
             "  \"no warnings\".",
             "- `inputs`: feature counts read per role (`patrols` one number per file).",
             "- `site_names` / `area_names`: the `name` of every feature of sites.geojson / areas.geojson, in order.",
             "- `site_coordinates`: the first sites' [lon, lat] in sites.geojson, 6 decimals (compare within 1e-6).",
             "- `tracks`: `units` = the set of unit names that have accepted fixes (listed sorted; compare as a set),",
             "  `fixes` = fixes accepted, `skipped_fixes` = fixes read but left out (no time, unset clock).",
             "- Row N: data row N counting from 1 after the header (a title block and the header are not rows).",
             "",
             "## Cases", "",
             "| case | what it is in the field | expected |", "|---|---|---|"]
    for name, e in sorted(CASES):
        if e["exit"] == 0:
            parts = []
            inp = e.get("inputs", {})
            for role in ["areas", "sites", "rawan", "patrols"]:
                if role in inp:
                    parts.append(f"{role} {inp[role]}")
            if "tracks" in e:
                t = e["tracks"]
                parts.append(f"fixes {t['fixes']}, skipped {t['skipped_fixes']}" + (f", units {len(t['units'])}" if "units" in t else ""))
            if e.get("stderr"):
                parts.append("warning: " + ", ".join(f"`{s}`" for s in e["stderr"]))
            outcome = "goes in: " + "; ".join(parts)
        else:
            outcome = f"exit {e['exit']}: " + ", ".join(f"`{s}`" for s in e["stderr"])
        about = e["about"].replace("|", "/").replace("<", "&lt;").replace(">", "&gt;")
        lines.append(f"| `{name}` | {about} | {outcome} |")
    lines += ["", "## Choices made where the brief left room", "",
              "- No-selector runs (`mymaps-kml-no-selector`, `xlsx-two-sheets-no-selector`): a role takes the layers",
              "  whose geometry is its own kind and warns per layer left out; `--rawan` takes polygons only here (the",
              "  point folder is the sites' and is not turned into 300 m point zones); a sheet without coordinate",
              "  columns is left out of `--sites` with a warning naming the sheet.",
              "- The phone logger's unit is the file's stem (`patroli_bripka_yohanes`, no `.csv`).",
              "- Garmin GPX: `units` is not asserted (the documented rule names a GPX unit after its track, which",
              "  would be `ACTIVE LOG`); only the fix count and a warning naming the untimed track are.",
              "- The Polres sheet (`Plat Nomor`, `Tanggal` + `Jam`) must go in WITHOUT `--track-fields`: these are the",
              "  standard headers of such recaps. Local-time files run with `--timezone WITA` (Kupang is UTC+8).",
              "- Ambiguous day/month without `--time-format` is refused (`gps-ambiguous-no-format`), not guessed.",
              "- Far-away sites are kept (counted in `inputs.sites`), with one warning per file; the analysis CRS",
              "  stays EPSG:32751 (not asserted by this schema: check summary.json's crs if the runner can).",
              "- UTF-16 LE with BOM is read (not refused).",
              "- Unset clock: a fix dated before 2000 is left out and counted in `skipped_fixes`; a unit with no",
              "  fix left is not in `units`.",
              "- Rows at 0,0: one warning naming the file and the row numbers; `stderr` asserts only `5` and `9`",
              "  (the message may say `rows 5, 9` or `row 5, row 9`).",
              "- `.xls` (legacy Excel) is not in the corpus: no tool here writes a real one.",
              ""]
    (ROOT / "README.md").write_text("\n".join(lines), encoding="utf-8")


def main():
    rng = random.Random(SEED)
    shared(rng)
    spreadsheets(random.Random(SEED + 1))
    mymaps(random.Random(SEED + 2))
    archives(random.Random(SEED + 3))
    gps(random.Random(SEED + 4))
    coordinates(random.Random(SEED + 5))
    big(random.Random(SEED + 6))
    yaml_cases(random.Random(SEED + 7))
    mapping(random.Random(SEED + 8))
    readme()
    big_cases = [p for p in ROOT.iterdir() if p.is_dir() and sum(f.stat().st_size for f in p.rglob("*")) > 50_000]
    for p in big_cases:
        print(f"warning: {p.name} is over 50 KB", file=sys.stderr)
    print(f"{len(CASES)} cases written under {ROOT}")


if __name__ == "__main__":
    main()
