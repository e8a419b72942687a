import CakupanGeometry
import CakupanSchema
import Foundation

/// One analysis run as the history store keeps it: the run's identity and window, its parameters and
/// input fingerprints, and the figures of every site, area and rawan zone keyed by their stable ids.
/// Built from a result in one function (`HistoryRun.make`), so the store does not depend on how the
/// pipeline is laid out.
public struct HistoryRun: Sendable {
    /// Stable id of (operation, window): the first 16 hex digits of SHA-256 of
    /// "operation\nwindow_from\nwindow_to". A rerun of the same window has the same id and replaces it.
    public var runID: String
    /// The operation's name ("" when the run has none).
    public var operation: String
    /// The local date (YYYY-MM-DD, in the run's time zone) of the window's start: the day the run is
    /// counted under in the trends.
    public var day: String
    /// The analysis window, ISO 8601 in the run's time zone.
    public var windowFrom: String
    public var windowTo: String
    public var timezone: String
    /// The analysis parameters as compact JSON text.
    public var parameters: String
    public var inputs: [Input]
    public var toolVersion: String
    /// The run's time for the record: the window's end (never the wall clock, so records and outputs
    /// are reproducible). The wall clock goes only into the store's `recorded_at` column.
    public var createdAt: String
    public var totals: Totals
    public var sites: [SiteRow]
    public var areas: [AreaRow]
    public var zones: [ZoneRow]

    public struct Input: Sendable, Equatable {
        /// areas, sites, rawan, patrols or tracks.
        public var role: String
        /// The file's name (last path component).
        public var file: String
        /// SHA-256 of its bytes, 64 hex digits; nil when it is not a regular file.
        public var sha256: String?
    }

    public struct Totals: Sendable, Equatable {
        public var sitesTotal: Int
        public var sitesCovered: Int
        public var highTotal: Int
        public var highCovered: Int
        /// Covered share of the areas' total area; nil without areas.
        public var areaCoverageShare: Double?
        public var rawanCoveredShare: Double?
        /// Sites left unattended longer than their limit; nil without tracks.
        public var staleSites: Int?
    }

    public struct SiteRow: Sendable, Equatable {
        public var id: String
        public var name: String?
        public var category: String
        public var priority: String
        public var areaID: String?
        public var covered: Bool
        public var distanceM: Double?
        public var visits: Int?
        public var dwellS: Double?
        public var maxUnattendedS: Double?
        public var stale: Bool?
        /// lon/lat.
        public var point: Coordinate
    }

    public struct AreaRow: Sendable, Equatable {
        public var id: String
        public var name: String?
        public var coverageShare: Double
        public var rawanCoveredShare: Double?
        public var sitesTotal: Int
        public var sitesCovered: Int
        public var highTotal: Int
        public var highCovered: Int
        public var patrolHours: Double?
        public var patrolKm: Double?
    }

    public struct ZoneRow: Sendable, Equatable {
        public var id: String
        public var name: String?
        public var level: String
        public var areaID: String?
        public var coveredShare: Double
        public var attendedShare: Double?
    }
}

extension HistoryRun {
    /// The record of an analysis: `result` of `config` (paths as the user gave them). The window is the
    /// temporal window (the tracks' first to last fix, or `--from`/`--to`); a run without tracks needs
    /// `--from` (and optionally `--to`) to be placed on a day.
    public static func make(result r: AnalysisResult, config: OperationConfig) throws -> HistoryRun {
        let (from, to, offset, zone) = try window(r, config)
        let fromText = ISOTime.iso(from, offset: offset)
        let toText = ISOTime.iso(to, offset: offset)
        let operation = config.name ?? ""
        let id = String(SHA256.hex(Array("\(operation)\n\(fromText)\n\(toText)".utf8)).prefix(16))

        var inputs: [Input] = []
        func add(_ role: String, _ path: String?) {
            guard let path else { return }
            inputs.append(Input(role: role, file: (path as NSString).lastPathComponent, sha256: SHA256.hex(fileAt: path)))
        }
        add("areas", config.areas)
        add("sites", config.sites)
        add("rawan", config.rawan)
        config.patrols.forEach { add("patrols", $0) }
        config.temporal.tracks.forEach { add("tracks", $0) }

        let t = r.totals
        let totals = Totals(
            sitesTotal: t.sitesTotal, sitesCovered: t.sitesCovered, highTotal: t.highTotal, highCovered: t.highCovered,
            areaCoverageShare: t.areaM2 > 0 ? t.coveredM2 / t.areaM2 : nil,
            rawanCoveredShare: t.rawanM2 > 0 ? t.rawanCoveredM2 / t.rawanM2 : nil,
            staleSites: r.temporal.map { _ in r.sites.filter { $0.temporal?.row.stale == true }.count })
        let sites = r.sites.map { s in
            SiteRow(
                id: s.site.id, name: s.site.name, category: s.site.category.rawValue, priority: s.site.priority.name,
                areaID: s.areaID, covered: s.covered, distanceM: s.distance, visits: s.temporal?.row.visits,
                dwellS: s.temporal?.row.dwellSeconds, maxUnattendedS: s.temporal?.row.maxUnattendedSeconds,
                stale: s.temporal?.row.stale, point: s.site.point)
        }
        let areas = r.areas.map { a in
            AreaRow(
                id: a.area.id, name: a.area.name, coverageShare: a.coverageShare, rawanCoveredShare: a.rawanCoveredShare,
                sitesTotal: a.sitesTotal, sitesCovered: a.sitesCovered, highTotal: a.highTotal, highCovered: a.highCovered,
                patrolHours: a.patrolSeconds.map { $0 / 3600 }, patrolKm: a.patrolMetres.map { $0 / 1000 })
        }
        let zones = r.zones.map { z in
            ZoneRow(
                id: z.zone.id, name: z.zone.name, level: z.zone.level.name, areaID: z.areaID,
                coveredShare: z.coveredShare, attendedShare: z.attendedShare)
        }
        return HistoryRun(
            runID: id, operation: operation, day: String(fromText.prefix(10)), windowFrom: fromText, windowTo: toText,
            timezone: zone, parameters: JSONWriter.compact(parametersJSON(r, config)), inputs: inputs,
            toolVersion: Summary.version, createdAt: toText, totals: totals, sites: sites, areas: areas, zones: zones)
    }

    /// Refuses, before any work, a run that could not be placed on a day: no tracks and no `--from`.
    public static func checkWindow(_ config: OperationConfig) throws {
        if config.temporal.tracks.isEmpty && config.temporal.from == nil { throw noWindow }
    }

    private static let noWindow = CakupanError.usage(
        "--history needs the run's day: give --tracks (the window is the first to the last fix) or --from (and --to) for a run without GPS tracks"
    )

    /// (from, to) epoch seconds, the UTC offset and the time zone's name.
    private static func window(_ r: AnalysisResult, _ config: OperationConfig) throws -> (Double, Double, Int, String) {
        if let report = r.temporal, let w = report.result.window {
            return (w.lowerBound, w.upperBound, report.settings.utcOffset, report.settings.timezone)
        }
        let settings = try TemporalSettings(config.temporal)
        guard let from = settings.from else { throw noWindow }
        return (from, settings.to ?? from, settings.utcOffset, settings.timezone)
    }

    private static func parametersJSON(_ r: AnalysisResult, _ config: OperationConfig) -> JSONValue {
        let p = r.parameters
        var o = JSONObject([
            ("radius_m", .num(p.radius, 3)), ("rawan_radius_m", .num(p.rawanRadius, 3)),
            ("min_zone_coverage", .num(p.minZoneCoverage, 6)), ("quadrant_segments", .int(p.quadrantSegments)),
            ("crs", .string(p.crs.description)),
        ])
        if let s = r.temporal?.settings {
            o["timezone"] = .string(s.timezone)
            o["max_fix_gap_s"] = .num(s.maxFixGap, 3)
            o["max_speed_kmh"] = .num(s.maxSpeedKmh, 3)
            o["merge_gap_s"] = .num(s.mergeGap, 3)
            o["visit_radius_m"] = .num(s.visitRadius, 3)
            o["radius_for"] = .object(
                JSONObject(
                    s.radiusFor.keys.map(\.rawValue).sorted().map { k in
                        (k, JSONValue.num(s.radiusFor[SiteCategory(rawValue: k)!], 3))
                    }))
            o["max_unattended_s"] = .num(s.maxUnattended, 3)
            o["max_unattended_for"] = .object(
                JSONObject(
                    s.maxUnattendedFor.keys.map(\.rawValue).sorted().map { k in
                        (k, JSONValue.num(s.maxUnattendedFor[SiteCategory(rawValue: k)!], 3))
                    }))
            o["shift"] = .str(s.shiftText)
        }
        return .object(o)
    }
}
