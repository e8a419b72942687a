import CakupanGDAL
import CakupanGeometry
import Foundation

/// Output formats besides GeoJSON: a GeoPackage with every layer (QGIS, written through GDAL) and a
/// KML with one folder per layer and shared styles matching the briefing map (Google Earth, My Maps;
/// written as text by `KMLDocument`, since GDAL's KML drivers cannot write shared styles or fills).
public enum ExportFormat: String, CaseIterable, Sendable {
    case geojson, kml, gpkg

    /// Parses "geojson,kml,gpkg". GeoJSON is always written (the briefing reads it).
    public static func parse(_ list: String) throws -> Set<ExportFormat> {
        var out: Set<ExportFormat> = [.geojson]
        for raw in list.split(separator: ",") {
            let s = raw.trimmingCharacters(in: .whitespaces).lowercased()
            guard let f = ExportFormat(rawValue: s == "geopackage" ? "gpkg" : s) else {
                throw CakupanError.usage("--format '\(raw)' is not known; use geojson, kml and/or gpkg (comma-separated)")
            }
            out.insert(f)
        }
        return out
    }
}

public enum Exports {
    typealias Layer = (name: String, features: [ResultLayers.Feature])

    static func layers(_ r: AnalysisResult) -> [Layer] {
        [
            ("areas", ResultLayers.areas(r)), ("coverage", ResultLayers.coverage(r)), ("zones", ResultLayers.zones(r)),
            ("gaps", ResultLayers.gaps(r)), ("sites", ResultLayers.sites(r)), ("hotspots", ResultLayers.hotspots(r)),
        ] + (r.recommendations.map { [("recommendations", ResultLayers.recommendations($0, r))] } ?? [])
    }

    /// Writes the requested formats other than GeoJSON and returns their bytes by file name. The
    /// GeoPackage is written by GDAL into a scratch folder; the KML is written here as text
    /// (`KMLDocument`). The caller moves the bytes atomically with the rest.
    public static func files(_ r: AnalysisResult, formats: Set<ExportFormat>) throws -> [(name: String, data: Data)] {
        var out: [(String, Data)] = []
        for format in ExportFormat.allCases where formats.contains(format) && format != .geojson {
            switch format {
            case .kml:
                out.append(("cakupan.kml", Data(KMLDocument(r).bytes())))
            case .gpkg:
                let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cakupan-export-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: scratch) }
                let url = scratch.appendingPathComponent("cakupan.gpkg")
                do {
                    try writeGeoPackage(r, to: url.path)
                } catch {
                    throw CakupanError.internal("writing cakupan.gpkg: \(error)")
                }
                out.append(("cakupan.gpkg", try Data(contentsOf: url)))
            case .geojson:
                break
            }
        }
        return out
    }

    static func writeGeoPackage(_ r: AnalysisResult, to path: String) throws {
        // A fixed timestamp keeps GeoPackage output byte-identical for the same input.
        setenv("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z", 1)
        let writer = try VectorWriter(path: path, driver: "GPKG")
        for layer in layers(r) {
            let fields = fieldsOf(layer.features)
            let features = layer.features.map { f in
                VectorWriter.Feature(geometry: f.geometry, values: fields.map { value(f.properties[$0.name]) })
            }
            try writer.writeLayer(name: layer.name, fields: fields, features: features)
        }
    }

    /// The union of the features' property names in first-seen order, typed by their values
    /// (text when values of different kinds meet).
    static func fieldsOf(_ features: [ResultLayers.Feature]) -> [(name: String, kind: FieldKind)] {
        var order: [String] = []
        var kinds: [String: FieldKind] = [:]
        for f in features {
            for (k, v) in f.properties.pairs {
                let kind: FieldKind?
                switch v {
                case .null: kind = nil
                case .bool: kind = .bool
                case .int: kind = .integer
                case .number, .double: kind = .real
                default: kind = .string
                }
                if kinds[k] == nil && !order.contains(k) { order.append(k) }
                guard let kind else { continue }
                if let old = kinds[k], old != kind {
                    kinds[k] = (old == .integer && kind == .real) || (old == .real && kind == .integer) ? .real : .string
                } else {
                    kinds[k] = kind
                }
            }
        }
        return order.map { ($0, kinds[$0] ?? .string) }
    }

    static func value(_ v: JSONValue?) -> FieldValue {
        switch v {
        case nil, .null?: return .null
        case .bool(let b)?: return .bool(b)
        case .int(let i)?: return .integer(Int64(i))
        case .number(let d, _)?, .double(let d)?: return .real(d)
        case .string(let s)?: return .string(s)
        case let other?: return .string(JSONWriter.compact(other))
        }
    }
}

/// cakupan.kml, written as streamed text (OGC KML 2.2): one `<Folder>` per layer (GDAL reads each as
/// a layer of that name), shared `<Style id>`s that every placemark names by `<styleUrl>`, filled
/// polygons in the briefing map's colours and transparency, site icons by covered/uncovered,
/// hotspot icons by rank, a description with each feature's figures in Bahasa Indonesia, and every
/// property as `<ExtendedData>` under a `<Schema>` (as GDAL writes them). Deterministic: the same
/// result gives the same bytes.
///
/// KML colours are `aabbggrr`, from the schema's `Palette` (the briefing map's colours); the number
/// words repeat the briefing's `NumberText` for Indonesian.
struct KMLDocument {
    let result: AnalysisResult

    init(_ result: AnalysisResult) { self.result = result }

    /// More placemarks than this in one folder are split into subfolders of this size (Google My
    /// Maps imports at most about 2,000 features per layer; see docs/briefing.md).
    static let folderLimit = 2000

    // MARK: Styles (the briefing's palette)

    static let coverageRamp = Palette.coverageRamp.map(hex)
    static let levels = Dictionary(uniqueKeysWithValues: Level.allCases.map { ($0.name, hex(Palette.level($0))) })

    /// `#rrggbb` → `rrggbb`.
    static func hex(_ colour: String) -> String { String(colour.dropFirst()) }
    static let icon = "https://maps.google.com/mapfiles/kml/shapes/placemark_circle.png"

    /// `rrggbb` at `opacity` (0…1) as KML's `aabbggrr`.
    static func colour(_ rgb: String, opacity: Double = 1) -> String {
        let chars = Array(rgb.lowercased())
        let alpha = Int((opacity * 255).rounded())
        let a = String(alpha, radix: 16)
        return (a.count == 1 ? "0" + a : a) + String(chars[4...5]) + String(chars[2...3]) + String(chars[0...1])
    }

    /// (id, inner XML) of every shared style.
    static var styles: [(String, String)] {
        func poly(_ rgb: String, _ opacity: Double, line: String, width: Double) -> String {
            "<LineStyle><color>\(colour(line))</color><width>\(JSONWriter.formatNumber(width, decimals: 1))</width></LineStyle>"
                + "<PolyStyle><color>\(colour(rgb, opacity: opacity))</color><fill>1</fill><outline>1</outline></PolyStyle>"
        }
        func iconStyle(_ rgb: String, scale: Double, label: Double) -> String {
            "<IconStyle><color>\(colour(rgb))</color><scale>\(JSONWriter.formatNumber(scale, decimals: 2))</scale><Icon><href>\(icon)</href></Icon></IconStyle>"
                + "<LabelStyle><scale>\(JSONWriter.formatNumber(label, decimals: 2))</scale></LabelStyle>"
        }
        var out: [(String, String)] = []
        for (index, rgb) in coverageRamp.enumerated() {
            out.append(("area-\(index)", poly(rgb, 0.6, line: hex(Palette.areaStroke), width: 1.5)))
        }
        out.append(("coverage", poly(hex(Palette.coverageFill), Palette.coverageOpacity, line: hex(Palette.coverageStroke), width: 1)))
        for level in ["tinggi", "sedang", "rendah"] {
            out.append(("zone-\(level)", poly(levels[level]!, 0.2, line: levels[level]!, width: 2)))
        }
        out.append(("gap", poly(hex(Palette.hatch), 0.4, line: hex(Palette.hatch), width: 1)))
        out.append(("site-covered", iconStyle(hex(Palette.coveredStroke), scale: 0.7, label: 0)))
        out.append(("site-uncovered", iconStyle(hex(Palette.uncoveredStroke), scale: 0.8, label: 0)))
        for (tier, scale) in [(1, 1.4), (2, 1.1), (3, 0.9)] {
            out.append(
                (
                    "hotspot-\(tier)",
                    iconStyle(hex(Palette.hotspot), scale: scale, label: tier == 1 ? 1 : 0.8)
                        + poly(hex(Palette.hotspot), 0.27, line: hex(Palette.hotspot), width: 3)
                ))
        }
        return out
    }

    /// Recommended posts: a pin in the briefing's post colour, labelled.
    static var postStyle: (String, String) {
        (
            "post",
            "<IconStyle><color>\(colour(hex(Palette.post)))</color><scale>1.3</scale><Icon><href>\(icon)</href></Icon></IconStyle>"
                + "<LabelStyle><scale>1</scale></LabelStyle>"
        )
    }

    /// The style of a layer's feature.
    static func style(layer: String, _ p: JSONObject) -> String {
        switch layer {
        case "areas":
            let share = number(p["coverage_share"]) ?? 0
            return "area-\(Palette.rampClass(share))"
        case "coverage": return "coverage"
        case "zones": return "zone-\(text(p["level"]) ?? "rendah")"
        case "gaps": return "gap"
        case "sites": return p["covered"] == .bool(true) ? "site-covered" : "site-uncovered"
        case "recommendations": return "post"
        default:
            let rank = integer(p["rank"]) ?? Int.max
            return rank <= 10 ? "hotspot-1" : rank <= 30 ? "hotspot-2" : "hotspot-3"
        }
    }

    // MARK: The document

    func bytes() -> [UInt8] {
        var out: [UInt8] = []
        let layers = Exports.layers(result)
        out.reserveCapacity(1 << 20)
        out += Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n".utf8)
        out += Array("<name>Cakupan patroli</name>\n".utf8)
        let features = layers.reduce(0) { $0 + $1.features.count }
        var note = "Hasil analisis Cakupan: kecamatan menurut cakupan, jangkauan patroli, zona rawan, celah, lokasi strategis dan hotspot."
        if features > Self.folderLimit {
            note +=
                " Berkas ini memuat \(Self.integer(features)) fitur: Google Earth membukanya utuh; Google My Maps hanya mengimpor sekitar 2.000 fitur per lapisan, maka impor berkas GeoJSON per lapisan atau saring lokasi lebih dulu."
        }
        Self.element("description", note, into: &out)
        // The post style only when there are posts: a run without --recommend keeps its bytes.
        for (id, inner) in Self.styles + (result.recommendations == nil ? [] : [Self.postStyle]) {
            out += Array("<Style id=\"\(id)\">\(inner)</Style>\n".utf8)
        }
        var fieldsByLayer: [[(name: String, kind: FieldKind)]] = []
        for layer in layers {
            let fields = Exports.fieldsOf(layer.features)
            fieldsByLayer.append(fields)
            out += Array("<Schema name=\"\(layer.name)\" id=\"\(layer.name)\">\n".utf8)
            for field in fields {
                out += Array("<SimpleField name=\"".utf8)
                Self.escape(field.name, into: &out)
                out += Array("\" type=\"\(Self.kmlType(field.kind))\"></SimpleField>\n".utf8)
            }
            out += Array("</Schema>\n".utf8)
        }
        var areaNames: [String: String] = [:]
        for a in result.areas where areaNames[a.area.id] == nil { areaNames[a.area.id] = a.area.name ?? a.area.id }
        for (layer, fields) in zip(layers, fieldsByLayer) {
            out += Array("<Folder>\n".utf8)
            Self.element("name", layer.name, into: &out)
            Self.element("description", Self.folderTitles[layer.name] ?? layer.name, into: &out)
            let chunks =
                layer.features.count > Self.folderLimit
                ? stride(from: 0, to: layer.features.count, by: Self.folderLimit).map {
                    $0..<min($0 + Self.folderLimit, layer.features.count)
                }
                : [0..<layer.features.count]
            for range in chunks {
                if chunks.count > 1 {
                    out += Array("<Folder>\n".utf8)
                    Self.element("name", "\(layer.name) \(range.lowerBound + 1)-\(range.upperBound)", into: &out)
                }
                for index in range {
                    placemark(layer: layer.name, layer.features[index], fields: fields, areaNames: areaNames, into: &out)
                }
                if chunks.count > 1 { out += Array("</Folder>\n".utf8) }
            }
            out += Array("</Folder>\n".utf8)
        }
        out += Array("</Document>\n</kml>\n".utf8)
        return out
    }

    static let folderTitles = [
        "areas": "Kecamatan, diwarnai menurut cakupan wilayah", "coverage": "Jangkauan patroli",
        "zones": "Zona rawan menurut tingkat", "gaps": "Celah: bagian zona rawan yang tak terjangkau",
        "sites": "Lokasi strategis (hijau: terjangkau, merah: tak terjangkau)", "hotspots": "Hotspot menurut peringkat",
        "recommendations": "Pos baru yang disarankan, menurut urutan penempatan",
    ]

    private func placemark(
        layer: String, _ feature: ResultLayers.Feature, fields: [(name: String, kind: FieldKind)],
        areaNames: [String: String], into out: inout [UInt8]
    ) {
        let p = feature.properties
        out += Array("<Placemark>\n".utf8)
        Self.element("name", Self.name(layer: layer, p), into: &out)
        let rows = Self.figures(layer: layer, p, areaNames: areaNames, radius: result.parameters.radius)
        // HTML in a CDATA section (the text inside is escaped, so "]]>" cannot occur in it).
        out += Array("<description><![CDATA[".utf8)
        for (index, (label, value)) in rows.enumerated() {
            out += Array("\(index > 0 ? "<br>" : "")\(Self.escaped(label)): <b>\(Self.escaped(value))</b>".utf8)
        }
        out += Array("]]></description>\n".utf8)
        out += Array("<styleUrl>#\(Self.style(layer: layer, p))</styleUrl>\n".utf8)
        out += Array("<ExtendedData><SchemaData schemaUrl=\"#\(layer)\">".utf8)
        for field in fields {
            guard let value = p[field.name], value != .null else { continue }
            out += Array("<SimpleData name=\"".utf8)
            Self.escape(field.name, into: &out)
            out += Array("\">".utf8)
            switch value {
            case .string(let s): Self.escape(s, into: &out)
            case .bool(let b): out.append(UInt8(ascii: b ? "1" : "0"))
            default: Self.escape(JSONWriter.compact(value), into: &out)
            }
            out += Array("</SimpleData>".utf8)
        }
        out += Array("</SchemaData></ExtendedData>\n".utf8)
        if let geometry = feature.geometry, !geometry.isEmpty { Self.geometry(geometry, into: &out) }
        out += Array("\n</Placemark>\n".utf8)
    }

    // MARK: Names and figures (Bahasa Indonesia)

    static func name(layer: String, _ p: JSONObject) -> String {
        switch layer {
        case "coverage": return "Jangkauan patroli"
        case "gaps": return "Celah " + (text(p["name"]) ?? text(p["zone"]) ?? "")
        case "hotspots": return "#\(integer(p["rank"]) ?? 0) " + (text(p["name"]) ?? text(p["ref"]) ?? "")
        case "recommendations": return "Pos \(integer(p["rank"]) ?? 0): " + (text(p["name"]) ?? text(p["id"]) ?? "")
        default: return text(p["name"]) ?? text(p["id"]) ?? ""
        }
    }

    static let levelNames = ["tinggi": "Tinggi", "sedang": "Sedang", "rendah": "Rendah"]
    static let categoryNames = [
        "kpu": "Kantor KPU", "bawaslu": "Kantor Bawaslu", "partai": "Kantor partai", "tps": "TPS", "pleno": "Lokasi pleno",
        "gudang": "Gudang logistik", "kampanye": "Lokasi kampanye", "kediaman": "Kediaman tokoh", "lainnya": "Lainnya",
    ]

    /// The rows of a feature's description: label and value, as the briefing writes them.
    static func figures(layer: String, _ p: JSONObject, areaNames: [String: String], radius: Double) -> [(String, String)] {
        let dash = "—"
        func area() -> String { text(p["area"]).map { areaNames[$0] ?? $0 } ?? dash }
        func level() -> String { text(p["level"]).map { levelNames[$0] ?? $0 } ?? dash }
        func ratio(_ part: String, _ whole: String) -> String {
            guard let w = integer(p[whole]), w > 0 else { return dash }
            return "\(integer(integer(p[part]) ?? 0)) / \(integer(w))"
        }
        switch layer {
        case "areas":
            return [
                ("Cakupan wilayah", number(p["coverage_share"]).map(percent) ?? dash),
                ("Lokasi terjangkau / total", ratio("sites_covered", "sites_total")),
                ("Prioritas tinggi terjangkau / total", ratio("high_covered", "high_total")),
                ("Cakupan zona rawan", number(p["rawan_covered_share"]).map(percent) ?? dash),
                ("Hotspot", integer(p["hotspots"]).map(integer) ?? dash),
                ("Luas", number(p["area_m2"]).map(areaText) ?? dash),
            ]
        case "coverage":
            return [
                ("Luas jangkauan", number(p["area_m2"]).map(areaText) ?? dash),
                ("Radius", distance(number(p["radius_m"]) ?? radius)),
                ("Patroli", integer(p["patrols"]).map(integer) ?? dash),
            ]
        case "zones":
            return [
                ("Tingkat", level()), ("Kecamatan", area()),
                ("Luas", number(p["area_m2"]).map(areaText) ?? dash),
                ("Terjangkau", number(p["covered_share"]).map(percent) ?? dash),
                ("Peringkat hotspot", integer(p["hotspot_rank"]).map { String($0) } ?? dash),
            ]
        case "gaps":
            return [
                ("Zona", text(p["name"]) ?? text(p["zone"]) ?? dash), ("Tingkat", level()), ("Kecamatan", area()),
                ("Luas tak terjangkau", number(p["gap_m2"]).map(areaText) ?? dash),
            ]
        case "sites":
            return [
                ("Kategori", text(p["category"]).map { categoryNames[$0] ?? $0 } ?? dash),
                ("Prioritas", text(p["priority"]).map { levelNames[$0] ?? $0 } ?? dash),
                ("Status", p["covered"] == .bool(true) ? "terjangkau" : "tak terjangkau"),
                ("Jarak ke patroli terdekat", number(p["distance_m"]).map(distance) ?? dash),
                ("Patroli terdekat", text(p["nearest_patrol"]) ?? dash),
                ("Kecamatan", area()),
            ]
        case "recommendations":
            return [
                ("Urutan", integer(p["rank"]).map { String($0) } ?? dash), ("Kecamatan", area()),
                ("Bobot baru terjangkau", number(p["gain"]).map { fixed($0, digits: 0) } ?? dash),
                ("Lokasi baru terjangkau", integer(p["sites_covered"]).map(integer) ?? dash),
                ("Zona rawan", integer(p["zones_covered"]).map(integer) ?? dash),
                ("Jarak ke patroli terdekat", number(p["nearest_patrol_m"]).map(distance) ?? dash),
                ("Alasan", text(p["reason"]) ?? dash),
            ]
        default:
            let site = text(p["kind"]) == "site"
            return [
                ("Peringkat", integer(p["rank"]).map { String($0) } ?? dash),
                ("Jenis", site ? "lokasi" : "zona rawan"), ("Tingkat", level()), ("Kecamatan", area()),
                ("Alasan", text(p["reason"]) ?? dash),
                site
                    ? ("Jarak ke patroli terdekat", number(p["distance_m"]).map(distance) ?? dash)
                    : ("Luas celah", number(p["gap_m2"]).map(areaText) ?? dash),
            ]
        }
    }

    static func number(_ v: JSONValue?) -> Double? {
        switch v {
        case .number(let d, _)?, .double(let d)?: d
        case .int(let i)?: Double(i)
        default: nil
        }
    }

    static func integer(_ v: JSONValue?) -> Int? {
        switch v {
        case .int(let i)?: i
        case .number(let d, _)?, .double(let d)?: d.isFinite ? Int(d) : nil
        default: nil
        }
    }

    static func text(_ v: JSONValue?) -> String? {
        if case .string(let s)? = v, !s.isEmpty { return s }
        return nil
    }

    /// `1.234` (Indonesian groups).
    static func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "." }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// `12,3` (half away from zero).
    static func fixed(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "—" }
        var scale = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((abs(value) * Double(scale)).rounded())
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard digits > 0 else { return sign + integer(scaled) }
        let fraction = String(scaled % scale)
        return sign + integer(scaled / scale) + "," + String(repeating: "0", count: digits - fraction.count) + fraction
    }

    static func percent(_ share: Double) -> String { fixed(share * 100, digits: 1) + "%" }

    static func distance(_ metres: Double) -> String {
        metres < 995 ? integer(Int((metres / 10).rounded()) * 10) + " m" : fixed(metres / 1000, digits: metres < 9_950 ? 1 : 0) + " km"
    }

    static func areaText(_ m2: Double) -> String {
        m2 < 1_000_000 ? fixed(m2 / 10_000, digits: 1) + " ha" : fixed(m2 / 1_000_000, digits: 2) + " km²"
    }

    // MARK: XML

    static func kmlType(_ kind: FieldKind) -> String {
        switch kind {
        case .bool: "bool"
        case .integer: "int"
        case .real: "double"
        default: "string"
        }
    }

    static func element(_ name: String, _ text: String, into out: inout [UInt8]) {
        out += Array("<\(name)>".utf8)
        escape(text, into: &out)
        out += Array("</\(name)>\n".utf8)
    }

    static func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        escape(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// XML character data and attribute values: the five special characters as entities; control
    /// characters XML 1.0 does not allow become spaces.
    static func escape(_ text: String, into out: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "\""): out += Array("&quot;".utf8)
            case UInt8(ascii: "'"): out += Array("&apos;".utf8)
            case 0x09, 0x0A, 0x0D: out.append(byte)
            case 0..<0x20: out.append(UInt8(ascii: " "))
            default: out.append(byte)
            }
        }
    }

    /// KML geometry in lon,lat with 7 decimals (as the GeoJSON); rings closed.
    static func geometry(_ g: Geometry, into out: inout [UInt8]) {
        func coordinates(_ cs: [Coordinate], closed: Bool) {
            out += Array("<coordinates>".utf8)
            var list = cs
            if closed, let first = cs.first, cs.last != first { list.append(first) }
            for (index, c) in list.enumerated() {
                if index > 0 { out.append(UInt8(ascii: " ")) }
                JSONWriter.appendNumber(c.x, decimals: GeoJSONEncoding.decimals, into: &out)
                out.append(UInt8(ascii: ","))
                JSONWriter.appendNumber(c.y, decimals: GeoJSONEncoding.decimals, into: &out)
            }
            out += Array("</coordinates>".utf8)
        }
        func polygon(_ p: Polygon) {
            out += Array("<Polygon><outerBoundaryIs><LinearRing>".utf8)
            coordinates(p.exterior, closed: true)
            out += Array("</LinearRing></outerBoundaryIs>".utf8)
            for hole in p.holes {
                out += Array("<innerBoundaryIs><LinearRing>".utf8)
                coordinates(hole, closed: true)
                out += Array("</LinearRing></innerBoundaryIs>".utf8)
            }
            out += Array("</Polygon>".utf8)
        }
        func line(_ cs: [Coordinate]) {
            out += Array("<LineString>".utf8)
            coordinates(cs, closed: false)
            out += Array("</LineString>".utf8)
        }
        func point(_ c: Coordinate) {
            out += Array("<Point>".utf8)
            coordinates([c], closed: false)
            out += Array("</Point>".utf8)
        }
        func multi(_ parts: () -> Void) {
            out += Array("<MultiGeometry>".utf8)
            parts()
            out += Array("</MultiGeometry>".utf8)
        }
        switch g {
        case .point(let c): point(c)
        case .lineString(let cs): line(cs)
        case .polygon(let p): polygon(p)
        case .multiPoint(let cs): multi { cs.forEach(point) }
        case .multiLineString(let ls): multi { ls.forEach(line) }
        case .multiPolygon(let ps): ps.count == 1 ? polygon(ps[0]) : multi { ps.forEach(polygon) }
        case .collection(let gs): multi { gs.filter { !$0.isEmpty }.forEach { geometry($0, into: &out) } }
        }
    }
}
