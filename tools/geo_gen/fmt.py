"""Deterministic text formatting and file writers (GeoJSON, CSV, KML, GPX, YAML).

Every number goes through `num`, which fixes the decimals (7 unless told) and strips trailing zeros,
so that the same values always give the same bytes.
"""
import json
from xml.sax.saxutils import escape


def num(v, decimals=7):
    """Fixed-point text of v with at most `decimals` decimals, trailing zeros stripped, no '-0'."""
    s = f"{v:.{decimals}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    if s == "-0":
        s = "0"
    return s


def ring_json(ring):
    """GeoJSON position array of a lon/lat ring (closing vertex added)."""
    pts = list(ring) + [ring[0]]
    return "[" + ",".join(f"[{num(x)},{num(y)}]" for x, y in pts) + "]"


def line_json(line):
    """GeoJSON position array of a lon/lat line."""
    return "[" + ",".join(f"[{num(x)},{num(y)}]" for x, y in line) + "]"


def polygon_json(polygon):
    """GeoJSON Polygon geometry text of [exterior, holes...] (orientation as given)."""
    return '{"type":"Polygon","coordinates":[' + ",".join(ring_json(r) for r in polygon) + "]}"


def multipolygon_json(polygons):
    """GeoJSON MultiPolygon geometry text."""
    body = ",".join("[" + ",".join(ring_json(r) for r in poly) + "]" for poly in polygons)
    return '{"type":"MultiPolygon","coordinates":[' + body + "]}"


def areal_json(polygons):
    """Polygon when there is one part, else MultiPolygon."""
    return polygon_json(polygons[0]) if len(polygons) == 1 else multipolygon_json(polygons)


def point_json(x, y):
    """GeoJSON Point geometry text."""
    return f'{{"type":"Point","coordinates":[{num(x)},{num(y)}]}}'


def linestring_json(line):
    """GeoJSON LineString geometry text."""
    return '{"type":"LineString","coordinates":' + line_json(line) + "}"


def props_json(props):
    """Properties object text (insertion order kept, UTF-8 kept)."""
    return json.dumps(props, ensure_ascii=False, separators=(",", ":"))


class GeoJSONWriter:
    """Streams a FeatureCollection, one feature per line; the bbox member is written last."""

    def __init__(self, path, name, description=None):
        self.f = open(path, "w", encoding="utf-8", newline="\n")
        head = '{"type":"FeatureCollection","name":' + json.dumps(name, ensure_ascii=False)
        if description:
            head += ',"description":' + json.dumps(description, ensure_ascii=False)
        self.f.write(head + ',"features":[\n')
        self.first = True
        self.box = None

    def add(self, geometry_text, props, box):
        """Append one feature; `box` is its (minx, miny, maxx, maxy) for the collection bbox."""
        if not self.first:
            self.f.write(",\n")
        self.first = False
        self.f.write('{"type":"Feature","properties":' + props_json(props) + ',"geometry":'
                     + geometry_text + "}")
        if self.box is None:
            self.box = list(box)
        else:
            b = self.box
            b[0] = min(b[0], box[0])
            b[1] = min(b[1], box[1])
            b[2] = max(b[2], box[2])
            b[3] = max(b[3], box[3])

    def close(self):
        """Finish the collection."""
        box = self.box or [0, 0, 0, 0]
        self.f.write("\n],\n\"bbox\":[" + ",".join(num(v) for v in box) + "]}\n")
        self.f.close()


def write_text(path, text, bom=False, crlf=False):
    """Write UTF-8 text (optionally with a BOM and CRLF line endings)."""
    if crlf:
        text = text.replace("\n", "\r\n")
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        f.write(text)


def operation_yaml(comment, name, areas, sites, rawan, patrols, tracks, radius=500, rawan_radius=300,
                   min_zone_coverage=0.8):
    """operation.yaml text (`tracks`: GPS fixes for the time-based analysis)."""
    lines = [f"# {comment}", f"name: {json.dumps(name, ensure_ascii=False)}", f"areas: {areas}",
             f"sites: {sites}", f"rawan: {rawan}", "patrols:"]
    lines += [f"  - {p}" for p in patrols]
    lines += [f"radius: {radius}", f"rawan_radius: {rawan_radius}",
              f"min_zone_coverage: {min_zone_coverage}", "crs: auto"]
    if tracks:
        lines.append(f"tracks: {tracks}")
    return "\n".join(lines) + "\n"


def kml_text(doc_name, doc_desc, folder_name, styles, placemarks):
    """Google My Maps style KML: Document > styles > Folder > Placemarks with LineStrings.

    styles: [(style_id, aabbggrr colour, width)]; placemarks: [(name, description, style_id, lonlat)].
    """
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<kml xmlns="http://www.opengis.net/kml/2.2">',
           "  <Document>",
           f"    <name>{escape(doc_name)}</name>",
           f"    <description>{escape(doc_desc)}</description>"]
    for sid, colour, width in styles:
        for mode, w in (("normal", width), ("highlight", width * 2)):
            out += [f'    <Style id="{sid}-{mode}">',
                    "      <LineStyle>",
                    f"        <color>{colour}</color>",
                    f"        <width>{w}</width>",
                    "      </LineStyle>",
                    "    </Style>"]
        out += [f'    <StyleMap id="{sid}">',
                "      <Pair>", "        <key>normal</key>", f"        <styleUrl>#{sid}-normal</styleUrl>",
                "      </Pair>",
                "      <Pair>", "        <key>highlight</key>",
                f"        <styleUrl>#{sid}-highlight</styleUrl>", "      </Pair>",
                "    </StyleMap>"]
    out += ["    <Folder>", f"      <name>{escape(folder_name)}</name>"]
    for name, desc, sid, line in placemarks:
        out += ["      <Placemark>",
                f"        <name>{escape(name)}</name>",
                f"        <description>{escape(desc)}</description>",
                f"        <styleUrl>#{sid}</styleUrl>",
                "        <LineString>",
                "          <tessellate>1</tessellate>",
                "          <coordinates>"]
        out += [f"            {num(x)},{num(y)},0" for x, y in line]
        out += ["          </coordinates>", "        </LineString>", "      </Placemark>"]
    out += ["    </Folder>", "  </Document>", "</kml>"]
    return "\n".join(out) + "\n"


def gpx_text(name, desc, time_iso, tracks):
    """GPX 1.1 document; tracks: [(name, desc, [(lon, lat, iso_time)])]."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<gpx version="1.1" creator="cakupan tools/generate.py" xmlns="http://www.topografix.com/GPX/1/1"'
           ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
           ' xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd">',
           "  <metadata>",
           f"    <name>{escape(name)}</name>",
           f"    <desc>{escape(desc)}</desc>",
           f"    <time>{time_iso}</time>",
           "  </metadata>"]
    for tname, tdesc, pts in tracks:
        out += ["  <trk>", f"    <name>{escape(tname)}</name>", f"    <desc>{escape(tdesc)}</desc>",
                "    <trkseg>"]
        for lon, lat, iso in pts:
            out.append(f'      <trkpt lat="{num(lat)}" lon="{num(lon)}"><time>{iso}</time></trkpt>')
        out += ["    </trkseg>", "  </trk>"]
    out.append("</gpx>")
    return "\n".join(out) + "\n"
