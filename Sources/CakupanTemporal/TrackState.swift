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

/// One time-ordered run of a unit's track: where the segment rules stand and the presence still open.
///
/// A unit normally has one run. A fix arriving later than the reorder window allows cannot be put
/// back in its place, so it continues the latest run that ended before it, or starts a new one
/// (the engine's choice for late fixes; see `ReorderBuffer`).
struct TrackRun {
    /// The last kept fix, the current segment and the last jump (`TrackRules`).
    var cursor = TrackRules.Cursor()
    /// Time of the run's earliest kept fix (`infinity` before the first); a lone first fix dropped
    /// later as the odd one out is taken back out.
    var firstKept = Double.infinity
    var openSites: [OpenSpan] = []
    var openZones: [OpenSpan] = []
}

/// Everything the engine keeps about one unit: its reorder buffer and its runs.
struct UnitTrack {
    /// Fixes not yet handed to a run.
    var buffer = ReorderBuffer()
    var runs: [TrackRun] = []
}
