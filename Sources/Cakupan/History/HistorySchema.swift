import CakupanGDAL

/// The tables of a history store and the version of their layout. docs/history.md describes them.
enum HistorySchema {
    /// The layout this code writes and reads. A store with a higher `schema_version` is refused.
    static let version = 1

    static let meta = "cakupan_meta"
    static let runs = "runs"
    static let sites = "run_sites"
    static let areas = "run_areas"
    static let zones = "run_zones"

    typealias Fields = [(name: String, kind: FieldKind)]

    static let metaFields: Fields = [("key", .string), ("value", .string)]

    static let runFields: Fields = [
        ("run_id", .string), ("operation", .string), ("day", .string), ("window_from", .string), ("window_to", .string),
        ("timezone", .string), ("parameters", .string), ("inputs", .string), ("tool_version", .string),
        ("created_at", .string), ("recorded_at", .string),
        ("sites_total", .integer), ("sites_covered", .integer), ("high_total", .integer), ("high_covered", .integer),
        ("area_coverage_share", .real), ("rawan_covered_share", .real), ("stale_sites", .integer),
    ]

    static let siteFields: Fields = [
        ("run_id", .string), ("day", .string), ("site_id", .string), ("name", .string), ("category", .string),
        ("priority", .string), ("area_id", .string), ("covered", .bool), ("distance_m", .real), ("visits", .integer),
        ("dwell_s", .real), ("max_unattended_s", .real), ("stale", .bool),
    ]

    static let areaFields: Fields = [
        ("run_id", .string), ("day", .string), ("area_id", .string), ("name", .string), ("coverage_share", .real),
        ("rawan_covered_share", .real), ("sites_total", .integer), ("sites_covered", .integer),
        ("high_total", .integer), ("high_covered", .integer), ("patrol_hours", .real), ("patrol_km", .real),
    ]

    static let zoneFields: Fields = [
        ("run_id", .string), ("day", .string), ("zone_id", .string), ("name", .string), ("level", .string),
        ("area_id", .string), ("covered_share", .real), ("attended_share", .real),
    ]

    /// Creates every table and the meta rows (schema_version, tool).
    static func create(in store: VectorStore, toolVersion: String) throws {
        try store.createLayer(meta, geometry: .none, fields: metaFields)
        try store.createLayer(runs, geometry: .none, fields: runFields)
        try store.createLayer(sites, geometry: .point, fields: siteFields)
        try store.createLayer(areas, geometry: .none, fields: areaFields)
        try store.createLayer(zones, geometry: .none, fields: zoneFields)
        try store.insert(
            into: meta, names: ["key", "value"],
            features: [
                .init(geometry: nil, values: [.string("schema_version"), .string(String(version))]),
                .init(geometry: nil, values: [.string("tool"), .string("cakupan")]),
                .init(geometry: nil, values: [.string("created_by_version"), .string(toolVersion)]),
            ])
    }

    /// Why `store` is not a history store this code can use; nil when it is one. `emptyIsFine`: a store
    /// without any Cakupan table (an empty database) will be set up.
    enum Problem: Equatable {
        case notAStore(String)
        case newerVersion(Int)
        case badVersion(String)
    }

    static func problem(_ store: VectorStore) throws -> Problem? {
        guard store.hasLayer(meta) else {
            if store.hasLayer(runs) { return .notAStore("it has a \(runs) table but no \(meta) table") }
            return .notAStore("it has no \(meta) table")
        }
        let (fields, rows) = try store.read(meta)
        guard let k = fields.firstIndex(of: "key"), let v = fields.firstIndex(of: "value") else {
            return .notAStore("its \(meta) table has no key and value columns")
        }
        guard let row = rows.first(where: { $0[k].text == "schema_version" }), let text = row[v].text else {
            return .notAStore("its \(meta) table has no schema_version")
        }
        guard let n = Int(text) else { return .badVersion(text) }
        return n > version ? .newerVersion(n) : nil
    }
}
