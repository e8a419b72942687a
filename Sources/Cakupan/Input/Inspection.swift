import CakupanGDAL
import CakupanGeometry
import CakupanPROJ
import CakupanTemporal
import Foundation

/// `cakupan inspect`: what each role would read from a file, without analysing: every layer with its
/// geometry, feature count, columns and CRS; the role it would be read as and which column gives each
/// role field; the extent; the first rows as understood; every warning and the refusal, if any. How an
/// officer fixes a file before the briefing.
public enum Inspection {
    /// One layer of an inspected file.
    public struct Layer: Sendable {
        public var name: String
        public var driver: String
        /// OGR's geometry type name ("Point", "Polygon", "None" for a table).
        public var geometry: String
        public var features: Int
        public var columns: [String]
        public var crs: String?
        /// The role the layer is read as (the one asked for, or the one its content suits).
        public var role: InputRole?
        /// Role field → the column that gives it.
        public var mapping: [(field: String, column: String)] = []
        /// Lon/lat extent of the features read.
        public var extent: Envelope?
        /// The first rows as the role understood them.
        public var samples: [String] = []
        public var warnings: [String] = []
        /// Why the role refuses the layer, with the fix.
        public var problem: String?
    }

    public struct Report: Sendable {
        public var file: String
        public var layers: [Layer] = []
        public var warnings: [String] = []
        public var problem: String?
    }

    /// Inspects one file (`FILE[#LAYER]`), as `role` when given, else as each layer's content suits.
    public static func inspect(_ spec: InputSpec, role: InputRole? = nil) -> Report {
        var report = Report(file: spec.description)
        var warnings = Warnings()
        let reader = InputReader()
        let opened: InputReader.OpenedSource
        do {
            opened = try reader.open(spec, displayPath: spec.description, warnings: &warnings)
        } catch {
            report.problem = "\(error)"
            return report
        }
        report.warnings = warnings.messages
        for dataset in opened.datasets {
            for layer in dataset.layers where spec.layer == nil || layer.info.name.lowercased() == spec.layer!.lowercased() {
                report.layers.append(inspect(layer, dataset: dataset, spec: spec, role: role))
            }
        }
        if report.layers.isEmpty, let wanted = spec.layer {
            let names = opened.datasets.flatMap { $0.layers.map(\.info.name) }
            report.problem = "has no layer '\(wanted)'; its layers are: \(names.map { "'\($0)'" }.joined(separator: ", "))"
        }
        return report
    }

    private static func inspect(_ layer: VectorLayer, dataset: VectorDataset, spec: InputSpec, role asked: InputRole?) -> Layer {
        let info = layer.info
        var crsName: String? = nil
        if let wkt = info.crsWKT { crsName = (try? CRSInfo(definition: wkt, context: PROJContext()))?.name ?? "declared, not understood" }
        var out = Layer(
            name: info.name, driver: dataset.driverName, geometry: info.geometryType,
            features: max(info.featureCount, 0), columns: info.fieldNames, crs: crsName)
        let role = asked ?? guess(layer, driver: dataset.driverName)
        out.role = role
        guard let role else {
            out.problem = "no role reads this layer: it has no geometry and no coordinate or time columns"
            return out
        }
        var one = spec
        one.layer = info.name
        var warnings = Warnings()
        do {
            if role == .tracks {
                let mapping = Dictionary(
                    uniqueKeysWithValues: spec.fields.compactMap { k, v in FixField(rawValue: k.rawValue).map { ($0, v) } })
                let chosen = try FixColumnRules.choose(
                    header: info.fieldNames, mapping: mapping, file: spec.description,
                    coordinates: info.geometryType == "None")
                out.mapping = chosen.keys.sorted { $0.rawValue < $1.rawValue }.map { ($0.rawValue, info.fieldNames[chosen[$0]!]) }
                return out
            }
            let preference: LayerPreference = [.sites, .candidates].contains(role) ? .points : role == .patrols ? .lines : .polygons
            let features = try InputReader().read(
                one, displayPath: one.description, preference: preference, fieldsFlag: role.fieldsFlag, warnings: &warnings)
            out.features = features.count
            out.columns = features.first?.fieldNames ?? out.columns
            out.extent = features.compactMap { $0.geometry?.envelope }.reduce(nil) { (a: Envelope?, b) in a?.union(b) ?? b }
            var parser = RoleParser(defaultRadius: Defaults.radius, rawanRadius: Defaults.rawanRadius)
            parser.fields = spec.fields
            let head = Array(features.prefix(3))
            if let f = features.first {
                out.mapping = mapping(f, role: role, parser: parser)
                if InputReader.tableDrivers.contains(dataset.driverName) || info.geometryType == "None",
                    let columns = try? CSVColumns(
                        fieldNames: f.fieldNames, fields: spec.fields, location: f.location, fieldsFlag: role.fieldsFlag)
                {
                    if let n = columns.lonName { out.mapping.append(("lon", n)) }
                    if let n = columns.latName { out.mapping.append(("lat", n)) }
                    if let n = columns.pairName { out.mapping.append(("coordinates", n)) }
                    if let n = columns.wktName { out.mapping.append(("wkt", n)) }
                }
            }
            var scratch = Warnings()
            switch role {
            case .sites, .candidates:
                out.samples = try parser.sites(head, warnings: &scratch).map { s in
                    "\(s.id) | \(s.name ?? "—") | \(s.category.rawValue) | \(s.priority.name) | \(coordinate(s.point))"
                }
            case .areas:
                out.samples = try parser.areas(head, warnings: &scratch).map { "\($0.id) | \($0.name ?? "—")" }
            case .rawan:
                out.samples = try parser.zones(head, warnings: &scratch).map { "\($0.id) | \($0.name ?? "—") | \($0.level.name)" }
            case .patrols, .tracks:
                out.samples = try parser.patrols(head, fileStem: "patroli", warnings: &scratch).map {
                    "\($0.id) | radius \(Int($0.radius)) m"
                }
            }
        } catch {
            out.problem = "\(error)"
        }
        out.warnings = warnings.messages
        return out
    }

    /// The role a layer's content suits, from its first features: points → sites, lines → patrols,
    /// polygons → areas; points or a table with times filled in → tracks; a table with coordinate
    /// columns → sites.
    private static func guess(_ layer: VectorLayer, driver: String) -> InputRole? {
        let info = layer.info
        struct Enough: Error {}
        var kinds: [LayerPreference: Int] = [:]
        var timed = false
        let timeIndex = info.fieldNames.firstIndex {
            (FixColumnRules.timeNames + FixColumnRules.dateNames).contains(FixColumnRules.normalized($0))
        }
        _ = try? layer.forEachFeature { f in
            if let g = f.geometry, let kind = LayerPreference(kindOf: g) { kinds[kind, default: 0] += 1 }
            if let timeIndex, let t = f.values[timeIndex].text, !t.trimmingCharacters(in: .whitespaces).isEmpty { timed = true }
            if f.index >= 50 { throw Enough() }
        }
        // The most frequent kind; on a tie lines, then points, then polygons.
        if let top = kinds.max(by: { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) })?.key {
            switch top {
            case .points: return timed ? .tracks : .sites
            case .lines: return .patrols
            case .polygons: return .areas
            }
        }
        if timed { return .tracks }
        let hasCoordinates = info.fieldNames.contains { CSVColumns.coordinateNames.contains(CSVColumns.key($0)) }
        if hasCoordinates || InputReader.tableDrivers.contains(driver) { return .sites }
        return nil
    }

    private static func mapping(_ f: InputFeature, role: InputRole, parser: RoleParser) -> [(field: String, column: String)] {
        var out: [(String, String)] = []
        func note(_ field: RoleField, _ names: [String]) {
            if let found = f.field(parser.names(field, names)) { out.append((field.rawValue, found.name)) }
        }
        note(.id, ["id", "kode"])
        switch role {
        case .sites, .candidates:
            note(.name, RoleParser.siteNameFields)
            note(.category, RoleParser.categoryFields)
            note(.priority, RoleParser.priorityFields)
        case .areas:
            note(.name, RoleParser.areaNameFields)
        case .rawan:
            note(.name, RoleParser.siteNameFields)
            note(.level, RoleParser.levelFields)
            note(.radius, ["radius_m"])
        case .patrols, .tracks:
            note(.name, ["name", "nama"])
            note(.radius, ["radius_m"])
        }
        return out
    }

    private static func coordinate(_ c: Coordinate) -> String {
        "\(JSONWriter.formatNumber(c.y, decimals: 6)), \(JSONWriter.formatNumber(c.x, decimals: 6))"
    }

    /// The report as text for the terminal.
    public static func text(_ r: Report) -> String {
        var lines = ["\(r.file)"]
        if let p = r.problem { lines.append("  REFUSED: \(p)") }
        for w in r.warnings { lines.append("  warning: \(w)") }
        for l in r.layers {
            lines.append(
                "  layer '\(l.name)' (\(l.driver)): \(l.geometry), \(l.features) feature\(l.features == 1 ? "" : "s")\(l.crs.map { ", CRS \($0)" } ?? "")"
            )
            lines.append("    columns: \(l.columns.isEmpty ? "(none)" : l.columns.joined(separator: ", "))")
            if let role = l.role {
                let also = role == .areas ? " or, for rawan zones, --rawan FILE#\(l.name)" : ""
                lines.append("    read as: \(role.rawValue) (\(role.flag) FILE#\(l.name)\(also))")
            }
            if !l.mapping.isEmpty { lines.append("    fields: " + l.mapping.map { "\($0.field) ← \($0.column)" }.joined(separator: ", ")) }
            if let e = l.extent {
                lines.append(
                    "    extent: lon \(JSONWriter.formatNumber(e.minX, decimals: 5))…\(JSONWriter.formatNumber(e.maxX, decimals: 5)), lat \(JSONWriter.formatNumber(e.minY, decimals: 5))…\(JSONWriter.formatNumber(e.maxY, decimals: 5))"
                )
            }
            if !l.samples.isEmpty {
                lines.append("    first rows as read:")
                lines += l.samples.map { "      \($0)" }
            }
            for w in l.warnings { lines.append("    warning: \(w)") }
            if let p = l.problem { lines.append("    REFUSED: \(p)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
