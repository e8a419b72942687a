import CakupanGDAL
import CakupanGeometry
import Foundation

/// Output formats besides GeoJSON, written through GDAL: a GeoPackage with every layer (QGIS) and a
/// KML with one folder per layer and styles matching the briefing map (Google Earth, My Maps).
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
    typealias Layer = (name: String, features: [ResultLayers.Feature], style: (JSONObject) -> String?)

    /// Colours shared with the briefing map (OGR style strings, #RRGGBBAA).
    enum Style {
        static let levels = ["tinggi": "#d7191c", "sedang": "#f28e1c", "rendah": "#e6c700"]
        static let coverageRamp = ["#fdfcf3", "#eef4d6", "#d9eab4", "#bedc91", "#9fcb72"]

        static func area(_ p: JSONObject) -> String? {
            var share = 0.0
            if case .number(let v, _)? = p["coverage_share"] { share = v }
            let colour = coverageRamp[min(coverageRamp.count - 1, Int(share * Double(coverageRamp.count)))]
            return "BRUSH(fc:\(colour)99);PEN(c:#6f6455ff,w:1px)"
        }

        static func zone(_ p: JSONObject) -> String? {
            guard case .string(let level)? = p["level"], let c = levels[level] else { return nil }
            return "PEN(c:\(c)ff,w:2px);BRUSH(fc:\(c)55)"
        }

        static func site(_ p: JSONObject) -> String? {
            let covered = p["covered"] == .bool(true)
            return "SYMBOL(id:\"ogr-sym-3\",c:\(covered ? "#138a36ff" : "#d7191cff"),s:1)"
        }
    }

    static func layers(_ r: AnalysisResult) -> [Layer] {
        [
            ("areas", ResultLayers.areas(r), Style.area),
            ("coverage", ResultLayers.coverage(r), { _ in "PEN(c:#17599cff,w:1px);BRUSH(fc:#1f78d166)" }),
            ("zones", ResultLayers.zones(r), Style.zone),
            ("gaps", ResultLayers.gaps(r), { _ in "PEN(c:#4a0a0aff,w:1px);BRUSH(fc:#4a0a0a66)" }),
            ("sites", ResultLayers.sites(r), Style.site),
            ("hotspots", ResultLayers.hotspots(r), { _ in "PEN(c:#6a1b9aff,w:3px);BRUSH(fc:#6a1b9a44);SYMBOL(id:\"ogr-sym-7\",c:#6a1b9aff,s:1.5)" }),
        ]
    }

    /// Writes the requested formats other than GeoJSON and returns their bytes by file name.
    /// GDAL writes into a scratch folder; the caller moves the bytes atomically with the rest.
    public static func files(_ r: AnalysisResult, formats: Set<ExportFormat>) throws -> [(name: String, data: Data)] {
        var out: [(String, Data)] = []
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cakupan-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        for format in ExportFormat.allCases where formats.contains(format) && format != .geojson {
            let name = format == .kml ? "cakupan.kml" : "cakupan.gpkg"
            let url = scratch.appendingPathComponent(name)
            do {
                try write(r, format: format, to: url.path)
            } catch {
                throw CakupanError.internal("writing \(name): \(error)")
            }
            out.append((name, try Data(contentsOf: url)))
        }
        return out
    }

    static func write(_ r: AnalysisResult, format: ExportFormat, to path: String) throws {
        // A fixed timestamp keeps GeoPackage output byte-identical for the same input.
        setenv("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z", 1)
        let writer = try VectorWriter(path: path, driver: format == .kml ? "KML" : "GPKG")
        for layer in layers(r) {
            let fields = fieldsOf(layer.features)
            let features = layer.features.map { f in
                VectorWriter.Feature(
                    geometry: f.geometry, values: fields.map { value(f.properties[$0.name]) },
                    style: format == .kml ? layer.style(f.properties) : nil)
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
