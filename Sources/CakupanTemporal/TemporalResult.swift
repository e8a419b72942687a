/// Per-site results over the window. Times are epoch seconds (UTC), durations seconds.
public struct SiteTemporal: Hashable, Sendable {
    /// The site's id.
    public var id: String
    /// Visits (after merging) that meet the window.
    public var visits: Int
    /// Distinct units among those visits.
    public var units: Int
    /// Sum of the visits' durations inside the window (and shift), seconds; a merged visit includes
    /// its breaks shorter than `mergeGap`, and visits of different units at the same time both count.
    public var dwellSeconds: Double
    /// Longest single visit inside the window (and shift), seconds.
    public var longestDwellSeconds: Double
    /// First instant in the window with a unit within radius; nil if none.
    public var firstVisit: Double?
    /// Last instant in the window with a unit within radius; nil if none.
    public var lastVisit: Double?
    /// Longest stretch of the window (within one shift occurrence, when there is a shift) with no
    /// unit within radius, seconds; the window's edges count.
    public var maxUnattendedSeconds: Double
    /// `maxUnattendedSeconds` is above the site's `maxUnattended`.
    public var stale: Bool

    public init(
        id: String, visits: Int, units: Int, dwellSeconds: Double, longestDwellSeconds: Double,
        firstVisit: Double?, lastVisit: Double?, maxUnattendedSeconds: Double, stale: Bool
    ) {
        self.id = id
        self.visits = visits
        self.units = units
        self.dwellSeconds = dwellSeconds
        self.longestDwellSeconds = longestDwellSeconds
        self.firstVisit = firstVisit
        self.lastVisit = lastVisit
        self.maxUnattendedSeconds = maxUnattendedSeconds
        self.stale = stale
    }
}

/// Per rawan zone: how much of the window had at least one unit inside the (buffered) zone.
public struct ZoneTemporal: Hashable, Sendable {
    public var id: String
    /// Seconds of the window with at least one unit inside.
    public var attendedSeconds: Double
    /// Length of the window (shift-narrowed), seconds.
    public var windowSeconds: Double
    /// `attendedSeconds / windowSeconds`, 0...1 (0 for an empty window).
    public var share: Double

    public init(id: String, attendedSeconds: Double, windowSeconds: Double, share: Double) {
        self.id = id
        self.attendedSeconds = attendedSeconds
        self.windowSeconds = windowSeconds
        self.share = share
    }
}

/// Per area (kecamatan): patrol time and distance inside it, summed over units, within the window.
public struct AreaTemporal: Hashable, Sendable {
    public var id: String
    /// Unit-seconds spent inside (two units for an hour = 7200).
    public var patrolSeconds: Double
    /// Metres travelled inside, summed over units.
    public var distanceMetres: Double

    /// Unit-hours spent inside.
    public var patrolHours: Double { patrolSeconds / 3600 }
    /// Kilometres travelled inside.
    public var kilometres: Double { distanceMetres / 1000 }

    public init(id: String, patrolSeconds: Double, distanceMetres: Double) {
        self.id = id
        self.patrolSeconds = patrolSeconds
        self.distanceMetres = distanceMetres
    }
}

/// One visit, for visits.csv: a unit within a site's radius without a break of `mergeGap` or more.
public struct Visit: Hashable, Sendable {
    /// Index of the site in the engine's `sites`.
    public var siteIndex: Int
    public var siteID: String
    public var unit: String
    /// Start, epoch seconds, clipped to the window's `[from, to]`.
    public var start: Double
    /// End, epoch seconds, clipped to the window's `[from, to]`.
    public var end: Double
    /// Seconds of the visit inside the window; with a shift, only the part inside the shift.
    public var dwellSeconds: Double

    public init(siteIndex: Int, siteID: String, unit: String, start: Double, end: Double, dwellSeconds: Double) {
        self.siteIndex = siteIndex
        self.siteID = siteID
        self.unit = unit
        self.start = start
        self.end = end
        self.dwellSeconds = dwellSeconds
    }
}

/// How many sites had a unit within radius at some time in one local clock hour.
public struct HourlyAttendance: Hashable, Sendable {
    /// Start of the hour, epoch seconds (UTC).
    public var hourStart: Double
    /// Sites with at least one unit within radius at some instant of the hour (inside the window).
    public var attendedSites: Int

    public init(hourStart: Double, attendedSites: Int) {
        self.hourStart = hourStart
        self.attendedSites = attendedSites
    }
}

/// Everything a `VisitEngine` found.
public struct TemporalResult: Hashable, Sendable {
    /// One per site, in the order the sites were given.
    public var sites: [SiteTemporal]
    /// One per zone, in input order.
    public var zones: [ZoneTemporal]
    /// One per area, in input order.
    public var areas: [AreaTemporal]
    /// Visits meeting the window, sorted by site index, start, unit.
    public var visits: [Visit]
    /// One per local clock hour that meets the window (and shift), in time order.
    public var hourly: [HourlyAttendance]
    /// `[from, to]`, epoch seconds; nil when there were no fixes and no `from`/`to`.
    public var window: ClosedRange<Double>?
    /// Seconds that count: the window's length, or the shift time inside it.
    public var windowSeconds: Double
    /// Fixes given to `add`.
    public var fixes: Int
    /// Fixes used (not dropped as jumps or duplicates).
    public var keptFixes: Int
    /// Fixes dropped as GPS jumps (implied speed above `maxSpeed`).
    public var droppedJumps: Int
    /// Fixes dropped because the unit already had a fix at the same time and place.
    public var duplicateFixes: Int
    /// Fixes that arrived out of order within the reorder window and were put in place.
    public var reorderedFixes: Int
    /// Fixes that arrived later than the reorder window allows; each continued the latest run of
    /// its unit that ended before it (or started a new run), so the segment joining it to its true
    /// neighbours is missing.
    public var lateFixes: Int
    /// Distinct units.
    public var units: Int
}
