import CakupanGeometry
import CakupanTemporal

/// One site's visits over the window, with the limits it was judged by.
public struct SiteVisits: Sendable {
    /// The engine's row: visits, units, dwell, first/last visit, longest unattended stretch, stale.
    public var row: SiteTemporal
    /// A unit within this many metres is at the site (`--visit-radius`, or `--radius-for` its category).
    public var visitRadius: Double
    /// The site is stale when left longer than this many seconds (`--max-unattended[-for]`).
    public var limitSeconds: Double
}

/// A stretch longer than `--max-fix-gap` without fixes of one unit: the track is split there and no
/// presence is assumed across it. Times are epoch seconds (UTC).
public struct TrackGap: Sendable, Equatable {
    public var unit: String
    /// The last fix before the gap.
    public var from: Double
    /// The first fix after it.
    public var to: Double

    public init(unit: String, from: Double, to: Double) {
        self.unit = unit
        self.from = from
        self.to = to
    }
}

/// A fix dropped as a GPS jump (it implied a speed above `--max-speed`), lon/lat.
public struct TrackJump: Sendable, Equatable {
    public var unit: String
    public var time: Double
    public var position: Coordinate

    public init(unit: String, time: Double, position: Coordinate) {
        self.unit = unit
        self.time = time
        self.position = position
    }
}

/// One fix file as read.
public struct TrackFileSummary: Sendable, Equatable {
    public var path: String
    public var fixes: Int
    /// Rows whose every field was empty (CSV), skipped.
    public var blankRows: Int
    /// Fixes read but left out: without a time, or dated by an unset or broken clock.
    public var skippedFixes = 0
}

/// Everything the temporal analysis adds to a run, for summary.json and visits.csv. The per-site,
/// per-zone and per-area figures are also attached to `AnalysisResult.sites` (`temporal`), `.zones`
/// (`attendedShare`) and `.areas` (`patrolSeconds`, `patrolMetres`).
public struct TemporalReport: Sendable {
    /// The engine's result: sites, zones and areas in input order, visits, hourly counts, counters.
    public var result: TemporalResult
    public var settings: TemporalSettings
    /// Track gaps in time order (unit, then time), at most `listLimit` of them.
    public var gaps: [TrackGap]
    public var gapsTotal: Int
    /// Jumps in time order, at most `listLimit` of them (the count is `result.droppedJumps`).
    public var jumps: [TrackJump]
    public var files: [TrackFileSummary]
    /// Vertices of the patrol lines made from the tracks, after simplification.
    public var lineVertices: Int
    /// The units with accepted fixes, sorted.
    public var unitNames: [String] = []
    /// Fixes read but left out (`TrackFileSummary.skippedFixes`, all files).
    public var skippedFixes: Int { files.reduce(0) { $0 + $1.skippedFixes } }

    /// How many gaps and jumps summary.json lists.
    public static let listLimit = 100
}
