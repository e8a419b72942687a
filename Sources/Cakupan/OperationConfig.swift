import Foundation
import Yams

/// What to analyze: the input files and parameters, from an operation.yaml and/or command-line flags.
/// Paths are as the user wrote them (relative paths in a YAML file are relative to that file).
public struct OperationConfig: Sendable, Equatable {
    public var name: String?
    public var areas: String?
    public var sites: String?
    public var rawan: String?
    public var patrols: [String] = []
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

    public init() {}

    static let keys = ["name", "areas", "sites", "rawan", "patrols", "radius", "rawan_radius",
                       "min_zone_coverage", "crs", "out", "area_name", "history"] + TemporalConfig.keys

    /// Reads an operation.yaml. Unknown keys are refused (a misspelt key would silently do nothing).
    public static func load(path: String) throws -> OperationConfig {
        let location = InputLocation(file: path)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CakupanError.input(location, FileManager.default.fileExists(atPath: path) ? "cannot be read as UTF-8 text" : "file not found")
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
        /// A radius in metres: refused here, with the file and key, when it cannot be meant.
        func radius(_ key: String) throws -> Double? {
            guard let r = try number(key) else { return nil }
            let at = location.with(field: key)
            guard r.isFinite, r > 0 else { throw CakupanError.input(at, "\(JSONWriter.formatNumber(r, decimals: 3)) m: a radius must be greater than 0 metres") }
            guard r <= RoleParser.maximumRadius else {
                throw CakupanError.input(at, "\(JSONWriter.formatNumber(r, decimals: 3)) m is larger than \(Int(RoleParser.maximumRadius)) m; is it in metres?")
            }
            return r
        }
        for key in map.keys.sorted() where !keys.contains(key) {
            throw CakupanError.input(location.with(field: key), "unknown key; the keys are: \(keys.joined(separator: ", "))")
        }
        var c = OperationConfig()
        c.name = try string("name")
        c.areas = try string("areas").map(resolve)
        c.sites = try string("sites").map(resolve)
        c.rawan = try string("rawan").map(resolve)
        if let list = map["patrols"] as? [Any] {
            c.patrols = try list.map { item in
                guard let s = item as? String else { throw CakupanError.input(location.with(field: "patrols"), "expected a list of file paths") }
                return resolve(s)
            }
        } else if let single = try string("patrols") {
            c.patrols = [resolve(single)]
        }
        c.radius = try radius("radius")
        c.rawanRadius = try radius("rawan_radius")
        c.minZoneCoverage = try number("min_zone_coverage")
        if let share = c.minZoneCoverage, !(0...1).contains(share) {
            throw CakupanError.input(location.with(field: "min_zone_coverage"), "\(share) is not a share between 0 and 1 (for example 0.8)")
        }
        c.crs = try string("crs")
        if let crs = c.crs {
            do { _ = try CRSMode(parsing: crs) } catch {
                throw CakupanError.input(location.with(field: "crs"), "'\(crs)' is not understood; use auto or EPSG:nnnn (for example EPSG:32748, WGS 84 / UTM zone 48S)")
            }
        }
        c.out = try string("out").map(resolve)
        c.areaName = try string("area_name")
        c.history = try string("history").map { $0.uppercased().hasPrefix("PG:") ? $0 : resolve($0) }
        c.temporal = try TemporalConfig.load(yaml: text, location: location, resolve: resolve)
        return c
    }

    /// This configuration with every value set in `flags` taking precedence.
    public func overridden(by flags: OperationConfig) -> OperationConfig {
        var c = self
        c.name = flags.name ?? name
        c.areas = flags.areas ?? areas
        c.sites = flags.sites ?? sites
        c.rawan = flags.rawan ?? rawan
        if !flags.patrols.isEmpty { c.patrols = flags.patrols }
        c.radius = flags.radius ?? radius
        c.rawanRadius = flags.rawanRadius ?? rawanRadius
        c.minZoneCoverage = flags.minZoneCoverage ?? minZoneCoverage
        c.crs = flags.crs ?? crs
        c.out = flags.out ?? out
        c.areaName = flags.areaName ?? areaName
        c.history = flags.history ?? history
        c.temporal = temporal.overridden(by: flags.temporal)
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
