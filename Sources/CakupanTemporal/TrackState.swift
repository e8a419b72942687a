/// A fix reduced to what the engine keeps: time (epoch seconds) and position (metres).
struct TrackPoint {
    var time: Double
    var x: Double
    var y: Double
}

/// A fix waiting to be handed to the processor that owns its unit.
struct QueuedFix {
    var unit: Int32
    var point: TrackPoint
}

/// A stretch of presence that may still grow: the unit has been inside site or zone `index` from
/// `start` up to `end`, which is the run's latest fix (seconds).
struct OpenSpan {
    var index: Int32
    var start: Double
    var end: Double
}

/// A finished stretch of one unit's presence at one site (seconds); `start == end` for a lone fix.
struct SitePresence {
    var site: Int32
    var unit: Int32
    var start: Double
    var end: Double
}

/// A finished stretch of presence in one zone (which unit does not matter there), seconds.
struct ZonePresence {
    var zone: Int32
    var start: Double
    var end: Double
}

/// One time-ordered run of a unit's track: the last kept fix and the presence still open.
///
/// A unit normally has one run. A fix arriving later than the reorder window allows cannot be put
/// back in its place, so it continues the latest run that ended before it, or starts a new one.
struct TrackRun {
    /// The last kept fix (time `-infinity` before the first).
    var last = TrackPoint(time: -.infinity, x: 0, y: 0)
    /// Whether the run has had a kept fix.
    var started = false
    /// Kept fixes in the current segment (a segment ends at a gap longer than `maxFixGap`).
    var segmentFixes = 0
    /// The fix just dropped as a jump, if the one before it was kept.
    var rejected: TrackPoint?
    /// Time of the run's earliest kept fix (`infinity` before the first); a lone first fix dropped
    /// later as the odd one out is taken back out.
    var firstKept = Double.infinity
    var openSites: [OpenSpan] = []
    var openZones: [OpenSpan] = []
}

/// Everything the engine keeps about one unit: its reorder buffer and its runs.
struct UnitTrack {
    /// Fixes not yet processed, sorted by time from `pendingHead` on (with an infinite reorder
    /// window: in arrival order, sorted at the end when `unsorted`).
    var pending: [TrackPoint] = []
    var unsorted = false
    var pendingHead = 0
    /// Latest time already handed to a run (seconds).
    var newestReleased = -Double.infinity
    var runs: [TrackRun] = []
}
