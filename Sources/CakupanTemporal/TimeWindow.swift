/// The part of time that counts: `[from, to]`, narrowed to the daily shift when there is one.
struct TimeWindow: Sendable {
    /// Start, epoch seconds; `-infinity` while the engine does not know it yet.
    var from: Double
    /// End, epoch seconds; `+infinity` while the engine does not know it yet.
    var to: Double
    var shift: DailyShift?
    /// Seconds east of UTC of the local time the shift is written in.
    var utcOffset: Int

    /// Seconds of `[start, end]` (finite) inside the window.
    func overlapSeconds(_ start: Double, _ end: Double) -> Double {
        let clippedStart = max(start, from)
        let clippedEnd = min(end, to)
        guard clippedEnd > clippedStart else { return 0 }
        guard let shift else { return clippedEnd - clippedStart }
        return shift.overlapSeconds(from: clippedStart, to: clippedEnd, utcOffset: utcOffset)
    }

    /// The window as disjoint spans in time order (from, to finite): `[from, to]` itself without a
    /// shift (even when it is one instant), else the shift occurrences clipped to it.
    func spans() -> [TimeSpan] {
        guard to >= from else { return [] }
        guard let shift else { return [TimeSpan(start: from, end: to)] }
        return shift.occurrences(from: from, to: to, utcOffset: utcOffset)
    }
}
