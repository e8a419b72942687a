/// Settings of a `VisitEngine` run. Times are seconds, distances metres, speeds metres per second.
public struct TemporalParameters: Hashable, Sendable {
    /// Consecutive fixes further apart than this (seconds) split a track: no presence is assumed
    /// across the gap. Default 300 s.
    public var maxFixGap: Double = 300
    /// A fix implying a faster move (m/s) from the previous kept fix is a GPS jump: it is dropped and
    /// counted. When two fixes in a row are jumps but agree with each other, the previous kept fix
    /// was the odd one: its segment ends there (a lone fix is dropped as the jump instead) and the
    /// track goes on from the two. Default 150 km/h.
    public var maxSpeed: Double = 150 / 3.6
    /// Visits of one unit to one site less than this many seconds apart merge. Default 120 s.
    public var mergeGap: Double = 120
    /// Start of the analysis window, epoch seconds; nil = the first kept fix.
    public var from: Double?
    /// End of the analysis window, epoch seconds; nil = the last kept fix.
    public var to: Double?
    /// Only these hours of each day count (local time at `utcOffset`); nil = all day.
    public var shift: DailyShift?
    /// Seconds east of UTC of local time (shift, hourly counts). Default WIB, +07:00.
    public var utcOffset: Int = UTCOffset.wib
    /// How late (seconds, in the unit's own time) a fix may arrive after a newer fix of the same unit
    /// and still be put in its place exactly. Each unit holds this much of its newest track in a
    /// buffer, so memory grows with it; `.infinity` holds everything (exact for any order, memory
    /// O(fixes)). Default 300 s.
    public var reorderWindow: Double = 300
    /// Threads the engine spreads the units over (1...64). Results do not depend on it, except for
    /// the last bits of summed area figures. Default 2.
    public var threads: Int = 2

    public init(
        maxFixGap: Double = 300, maxSpeed: Double = 150 / 3.6, mergeGap: Double = 120,
        from: Double? = nil, to: Double? = nil, shift: DailyShift? = nil,
        utcOffset: Int = UTCOffset.wib, reorderWindow: Double = 300, threads: Int = 2
    ) {
        self.maxFixGap = maxFixGap
        self.maxSpeed = maxSpeed
        self.mergeGap = mergeGap
        self.from = from
        self.to = to
        self.shift = shift
        self.utcOffset = utcOffset
        self.reorderWindow = reorderWindow
        self.threads = threads
    }

    /// Refuses values that make no sense, naming the parameter.
    func validate() throws {
        func check(_ name: String, _ value: Double, _ ok: Bool, _ reason: String) throws {
            if !ok { throw TemporalError.invalidParameter(name: name, value: "\(value)", reason: reason) }
        }
        try check("maxFixGap", maxFixGap, maxFixGap >= 0 && !maxFixGap.isNaN, "must be ≥ 0 seconds")
        try check("maxSpeed", maxSpeed, maxSpeed > 0 && !maxSpeed.isNaN, "must be > 0 m/s")
        try check("mergeGap", mergeGap, mergeGap >= 0 && !mergeGap.isNaN, "must be ≥ 0 seconds")
        try check("reorderWindow", reorderWindow, reorderWindow >= 0 && !reorderWindow.isNaN, "must be ≥ 0 seconds")
        if let from { try check("from", from, from.isFinite, "must be finite") }
        if let to { try check("to", to, to.isFinite, "must be finite") }
        if let from, let to, to < from {
            throw TemporalError.invalidParameter(name: "to", value: "\(to)", reason: "is before from (\(from))")
        }
        guard (1...64).contains(threads) else {
            throw TemporalError.invalidParameter(name: "threads", value: "\(threads)", reason: "must be 1...64")
        }
        guard abs(utcOffset) <= 14 * 3600 else {
            throw TemporalError.invalidParameter(name: "utcOffset", value: "\(utcOffset)", reason: "beyond ±14 h")
        }
    }
}
