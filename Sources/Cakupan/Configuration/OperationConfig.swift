import Foundation
import Yams

/// What to analyze: the input files and parameters, from an operation.yaml and/or command-line flags.
/// Paths are as the user wrote them (relative paths in a YAML file are relative to that file).
public struct OperationConfig: Sendable, Equatable {
    public var name: String?
    /// Input files per role, in the order given (several files per role are read and joined).
    public var areaInputs: [InputSpec] = []
    public var siteInputs: [InputSpec] = []
    public var rawanInputs: [InputSpec] = []
    public var patrolInputs: [InputSpec] = []
    /// Candidate places for new posts (`--candidates`); used only with `recommend.mode`.
    public var candidateInputs: [InputSpec] = []
    /// `--time-format` for fix times the readers cannot read unambiguously (`%d/%m/%Y %H:%M`).
    public var timeFormat: String?
    public var radius: Double?
    public var rawanRadius: Double?
    public var minZoneCoverage: Double?
    public var crs: String?
    public var out: String?
    public var areaName: String?
    /// A history store to add the run to: a .gpkg path or a `PG:` connection string (History/).
    public var history: String?
    /// GPS fix files and the settings of the temporal analysis (TemporalConfig.swift).
    public var temporal = TemporalConfig()
    /// Post recommendations (RecommendConfig.swift).
    public var recommend = RecommendConfig()

    public init() {}

    /// The first areas/sites/rawan file, or one file as the whole list (for callers with one file).
    public var areas: String? {
        get { areaInputs.first?.path }
        set { areaInputs = newValue.map { [InputSpec(path: $0)] } ?? [] }
    }
    public var sites: String? {
        get { siteInputs.first?.path }
        set { siteInputs = newValue.map { [InputSpec(path: $0)] } ?? [] }
    }
    public var rawan: String? {
        get { rawanInputs.first?.path }
        set { rawanInputs = newValue.map { [InputSpec(path: $0)] } ?? [] }
    }
    public var patrols: [String] {
        get { patrolInputs.map(\.path) }
        set { patrolInputs = newValue.map { InputSpec(path: $0) } }
    }

    /// The files of a role.
    public func inputs(_ role: InputRole) -> [InputSpec] {
        switch role {
        case .areas: areaInputs
        case .sites: siteInputs
        case .rawan: rawanInputs
        case .patrols: patrolInputs
        case .tracks: temporal.trackInputs
        case .candidates: candidateInputs
        }
    }

    public mutating func setInputs(_ role: InputRole, _ specs: [InputSpec]) {
        switch role {
        case .areas: areaInputs = specs
        case .sites: siteInputs = specs
        case .rawan: rawanInputs = specs
        case .patrols: patrolInputs = specs
        case .tracks: temporal.trackInputs = specs
        case .candidates: candidateInputs = specs
        }
    }

    /// Maps columns for every file of a role (`--site-fields` given without `--sites`: the YAML
    /// file's entries); a column named here takes the place of the entry's own for that field.
    public mutating func mapFields(_ fields: [RoleField: String], for role: InputRole) {
        setInputs(
            role,
            inputs(role).map { spec in
                var s = spec
                s.fields.merge(fields) { _, given in given }
                return s
            })
    }

    static let keys =
        [
            "name", "areas", "sites", "rawan", "patrols", "radius", "rawan_radius",
            "min_zone_coverage", "crs", "out", "area_name", "time_format", "history",
        ] + TemporalConfig.keys
        + ["candidates"] + RecommendConfig.keys

    /// Reads an operation.yaml. Unknown keys are refused (a misspelt key would silently do nothing).
    public static func load(path: String) throws -> OperationConfig {
        let location = InputLocation(file: path)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CakupanError.input(
                location, FileManager.default.fileExists(atPath: path) ? "cannot be read as UTF-8 text" : "file not found")
        }
        let parsed: Any?
        do { parsed = try Yams.load(yaml: text) } catch {
            throw CakupanError.input(location, "not valid YAML: \(yamlProblem(error))")
        }
        guard let map = parsed as? [String: Any] else {
            throw CakupanError.input(location, "expected a YAML mapping of keys (\(keys.joined(separator: ", ")))")
        }
        let base = (path as NSString).deletingLastPathComponent
        func resolve(_ p: String) -> String {
            if p.hasPrefix("/") || base.isEmpty { return p }
            return (base as NSString).appendingPathComponent(p)
        }
        func string(_ key: String) throws -> String? {
            guard let v = map[key], !(v is NSNull) else { return nil }
            if let s = v as? String { return s }
            if let n = v as? Int { return String(n) }
            if let d = v as? Double { return String(d) }
            throw CakupanError.input(location.with(field: key), "expected text")
        }
        func number(_ key: String) throws -> Double? {
            guard let v = map[key], !(v is NSNull) else { return nil }
            if let d = v as? Double { return d }
            if let i = v as? Int { return Double(i) }
            if let s = v as? String, let d = NumberParsing.decimal(s) { return d }
            throw CakupanError.input(location.with(field: key), "'\(v)' is not a number")
        }
        /// A radius in metres (one rule with the flags: `Quantity.metres`), refused here with the file
        /// and key when it cannot be meant.
        func radius(_ key: String) throws -> Double? {
            guard let v = map[key], !(v is NSNull) else { return nil }
            return try TemporalConfig.checkedRadius("\(v)") { CakupanError.input(location.with(field: key), $0) }
        }
        for key in map.keys.sorted() where !keys.contains(key) {
            throw CakupanError.input(location.with(field: key), "unknown key; the keys are: \(keys.joined(separator: ", "))")
        }
        var c = OperationConfig()
        c.name = try string("name")
        for role in InputRole.allCases where role != .tracks {
            c.setInputs(role, try inputSpecs(map[role.rawValue], key: role.rawValue, location: location, resolve: resolve))
        }
        c.timeFormat = try string("time_format")
        c.radius = try radius("radius")
        c.rawanRadius = try radius("rawan_radius")
        c.minZoneCoverage = try number("min_zone_coverage")
        if let share = c.minZoneCoverage, !(0...1).contains(share) {
            throw CakupanError.input(location.with(field: "min_zone_coverage"), "\(share) is not a share between 0 and 1 (for example 0.8)")
        }
        c.crs = try string("crs")
        if let crs = c.crs {
            do { _ = try CRSMode(parsing: crs) } catch {
                throw CakupanError.input(
                    location.with(field: "crs"),
                    "'\(crs)' is not understood; use auto or EPSG:nnnn (for example EPSG:32748, WGS 84 / UTM zone 48S)")
            }
        }
        c.out = try string("out").map(resolve)
        c.areaName = try string("area_name")
        c.history = try string("history").map { $0.uppercased().hasPrefix("PG:") ? $0 : resolve($0) }
        c.temporal = try TemporalConfig.load(yaml: text, location: location, resolve: resolve)
        c.temporal.trackInputs = try inputSpecs(map["tracks"], key: "tracks", location: location, resolve: resolve)
        c.recommend = try RecommendConfig.load(map, location: location)
        return c
    }

    /// A role's entry: a path (`peta.kmz#Lokasi Strategis`), a list of them, or mappings
    /// `{path, layer, fields: {name: …}, defaults: {kategori: kpu}}`, alone or in a list.
    static func inputSpecs(_ value: Any?, key: String, location: InputLocation, resolve: (String) -> String) throws -> [InputSpec] {
        guard let value, !(value is NSNull) else { return [] }
        let at = location.with(field: key)
        func text(_ v: Any) -> String? {
            if let s = v as? String { return s }
            if let i = v as? Int { return String(i) }
            if let d = v as? Double { return JSONWriter.formatNumber(d, decimals: 9) }
            if let b = v as? Bool { return b ? "true" : "false" }
            return nil
        }
        func entry(_ item: Any, _ n: Int?) throws -> InputSpec {
            let here = n.map { location.with(field: "\(key)[\($0)]") } ?? at
            if let s = item as? String { return InputSpec(parsing: s, resolve: resolve) }
            guard let m = item as? [String: Any] else {
                throw CakupanError.input(here, "expected a file path or a mapping with path, layer, fields, defaults")
            }
            for k in m.keys.sorted() where !["path", "layer", "fields", "defaults"].contains(k) {
                throw CakupanError.input(here, "unknown key '\(k)'; an entry has path, layer, fields and defaults")
            }
            guard let path = m["path"].flatMap(text) else { throw CakupanError.input(here, "the entry has no path") }
            var spec = InputSpec(parsing: path, resolve: resolve)
            if let layer = m["layer"].flatMap(text) { spec.layer = layer }
            if let f = m["fields"] {
                guard let fm = f as? [String: Any] else {
                    throw CakupanError.input(here.with(field: "\(key).fields"), "expected a mapping such as {name: Nama TPS, lat: LINTANG}")
                }
                let joined = try fm.keys.sorted().map { k -> String in
                    guard let col = text(fm[k]!) else {
                        throw CakupanError.input(here.with(field: "\(key).fields.\(k)"), "expected a column name")
                    }
                    return "\(k)=\(col)"
                }.joined(separator: ",")
                spec.fields = try InputSpec.fields(parsing: joined) { CakupanError.input(here.with(field: "\(key).fields"), $0) }
            }
            if let d = m["defaults"] {
                guard let dm = d as? [String: Any] else {
                    throw CakupanError.input(
                        here.with(field: "\(key).defaults"), "expected a mapping such as {kategori: kpu, prioritas: tinggi}")
                }
                for (k, v) in dm {
                    guard let t = text(v) else {
                        throw CakupanError.input(here.with(field: "\(key).defaults.\(k)"), "expected a single value")
                    }
                    spec.defaults[k] = t
                }
            }
            return spec
        }
        if let list = value as? [Any] { return try list.enumerated().map { try entry($1, $0 + 1) } }
        return [try entry(value, nil)]
    }

    /// This configuration with every value set in `flags` taking precedence.
    public func overridden(by flags: OperationConfig) -> OperationConfig {
        var c = self
        c.name = flags.name ?? name
        for role in InputRole.allCases where role != .tracks && !flags.inputs(role).isEmpty {
            c.setInputs(role, flags.inputs(role))
        }
        c.timeFormat = flags.timeFormat ?? timeFormat
        c.radius = flags.radius ?? radius
        c.rawanRadius = flags.rawanRadius ?? rawanRadius
        c.minZoneCoverage = flags.minZoneCoverage ?? minZoneCoverage
        c.crs = flags.crs ?? crs
        c.out = flags.out ?? out
        c.areaName = flags.areaName ?? areaName
        c.history = flags.history ?? history
        c.temporal = temporal.overridden(by: flags.temporal)
        c.recommend = recommend.overridden(by: flags.recommend)
        return c
    }

    /// The analysis parameters, defaults filled in.
    public func parameters() throws -> AnalysisParameters {
        var p = AnalysisParameters()
        if let radius { p.radius = radius }
        if let rawanRadius { p.rawanRadius = rawanRadius }
        if let minZoneCoverage { p.minZoneCoverage = minZoneCoverage }
        if let crs { p.crs = try CRSMode(parsing: crs) }
        p.areaNameField = areaName
        if let timeFormat { _ = try TemporalSettings.timeFormat(timeFormat) }  // refused before any file is read
        try p.validate()
        return p
    }
}

/// A YAML error on one line: "line 5, column 2: did not find expected key (while parsing a block mapping)".
private func yamlProblem(_ error: Error) -> String {
    guard let y = error as? YamlError else { return "\(error)" }
    func at(_ mark: Mark, _ problem: String, _ context: YamlError.Context?) -> String {
        let within = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
        return "line \(mark.line), column \(mark.column): \(problem)\(within)"
    }
    switch y {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
        .composer(let context, let problem, let mark, _):
        return at(mark, problem, context)
    case .reader(let problem, let offset, _, _):
        return "\(problem)\(offset.map { " at byte \($0)" } ?? "")"
    case .duplicatedKeysInMapping(let duplicates, let context):
        return "line \(context.mark.line): the key \(duplicates.joined(separator: ", ")) is given twice"
    default:
        return "\(error)".split(separator: "\n").joined(separator: " ")
    }
}
