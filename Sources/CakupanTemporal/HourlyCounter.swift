/// Counts, per local clock hour of the window, the sites with a unit present at some instant of it.
struct HourlyCounter {
    private let offset: Double
    private let firstHour: Int
    private var counts: [Int]
    private var inWindow: [Bool]
    private var lastMarked = Int.min

    /// - Parameters:
    ///   - window: disjoint spans sorted by start (epoch seconds).
    ///   - utcOffset: seconds east of UTC of the local clock.
    init(window: [TimeSpan], utcOffset: Int) {
        offset = Double(utcOffset)
        guard let first = window.first, let last = window.last else {
            (firstHour, counts, inWindow) = (0, [], [])
            return
        }
        let firstHour = Self.hour(of: first.start, offset: offset)
        let lastHour = Self.lastHour(of: last, offset: offset)
        self.firstHour = firstHour
        counts = Array(repeating: 0, count: lastHour - firstHour + 1)
        inWindow = Array(repeating: false, count: lastHour - firstHour + 1)
        for span in window {
            for hour in Self.hour(of: span.start, offset: offset)...Self.lastHour(of: span, offset: offset) {
                inWindow[hour - firstHour] = true
            }
        }
    }

    /// The local hour number (hours since the epoch in local time) holding `time`.
    private static func hour(of time: Double, offset: Double) -> Int {
        Int(((time + offset) / 3600).rounded(.down))
    }

    /// The last hour a window span meets with positive length (its start hour when it is an instant).
    private static func lastHour(of span: TimeSpan, offset: Double) -> Int {
        guard span.end > span.start else { return hour(of: span.start, offset: offset) }
        return max(hour(of: span.start, offset: offset), Int(((span.end + offset) / 3600).rounded(.up)) - 1)
    }

    /// Call before marking the presence of the next site.
    mutating func beginSite() {
        lastMarked = Int.min
    }

    /// Marks the hours met by one piece of presence (inside the window) of the current site; pieces
    /// must come in time order.
    mutating func mark(_ start: Double, _ end: Double) {
        guard !counts.isEmpty else { return }
        var first = Self.hour(of: start, offset: offset)
        if lastMarked != Int.min { first = max(first, lastMarked + 1) }
        let last = Self.hour(of: end, offset: offset)
        if lastMarked == Int.min || last > lastMarked { lastMarked = last }
        let low = max(first, firstHour)
        let high = min(last, firstHour + counts.count - 1)
        guard low <= high else { return }
        for hour in low...high where inWindow[hour - firstHour] {
            counts[hour - firstHour] += 1
        }
    }

    /// The hours of the window with their counts, in time order.
    func results() -> [HourlyAttendance] {
        var rows: [HourlyAttendance] = []
        for index in counts.indices where inWindow[index] {
            let hourStart = Double(firstHour + index) * 3600 - offset
            rows.append(HourlyAttendance(hourStart: hourStart, attendedSites: counts[index]))
        }
        return rows
    }
}
