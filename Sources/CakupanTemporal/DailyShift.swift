/// A daily patrol shift in local time, such as 22:00-06:00 (which crosses midnight).
public struct DailyShift: Hashable, Sendable {
    /// Start of the shift, seconds after local midnight (0..<86400).
    public var startSecond: Int
    /// End of the shift, seconds after local midnight (0..<86400); at or before the start means the
    /// shift ends the next day.
    public var endSecond: Int

    /// A shift from `startSecond` to `endSecond` (seconds after local midnight); they must differ.
    public init(startSecond: Int, endSecond: Int) throws {
        guard (0..<86_400).contains(startSecond), (0..<86_400).contains(endSecond), startSecond != endSecond
        else { throw TemporalError.badShift("\(startSecond)-\(endSecond)") }
        self.startSecond = startSecond
        self.endSecond = endSecond
    }

    /// Reads `HH:MM-HH:MM` (or `HH-HH`, `HH:MM:SS-HH:MM:SS`); `24:00` is accepted as an end.
    public init(parsing text: String) throws {
        let parts = text.trimmingSpaces().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2,
            let start = Self.secondOfDay(parts[0]),
            let end = Self.secondOfDay(parts[1])
        else { throw TemporalError.badShift(text) }
        do {
            try self.init(startSecond: start % 86_400, endSecond: end % 86_400)
        } catch {
            throw TemporalError.badShift(text)
        }
    }

    /// Length of one shift in seconds.
    public var durationSeconds: Int {
        (endSecond - startSecond + 86_400) % 86_400
    }

    /// `HH[:MM[:SS]]` → seconds after midnight (24:00 allowed).
    private static func secondOfDay(_ text: Substring) -> Int? {
        let fields = text.trimmingCharacters().split(separator: ":", omittingEmptySubsequences: false)
        guard (1...3).contains(fields.count) else { return nil }
        var values: [Int] = []
        for field in fields {
            guard (1...2).contains(field.count), field.allSatisfy({ $0.isASCII && $0.isNumber }),
                let value = Int(field)
            else { return nil }
            values.append(value)
        }
        while values.count < 3 { values.append(0) }
        let (hour, minute, second) = (values[0], values[1], values[2])
        guard minute < 60, second < 60, hour < 24 || (hour == 24 && minute == 0 && second == 0) else { return nil }
        return hour * 3600 + minute * 60 + second
    }

    /// The shift occurrences (UTC epoch seconds) that overlap `[from, to]`, clipped to it; only
    /// occurrences with a positive overlap are returned, in time order.
    func occurrences(from: Double, to: Double, utcOffset: Int) -> [TimeSpan] {
        var spans: [TimeSpan] = []
        forEachOccurrence(from: from, to: to, utcOffset: utcOffset) { start, end in
            let clippedStart = Swift.max(start, from)
            let clippedEnd = Swift.min(end, to)
            if clippedEnd > clippedStart { spans.append(TimeSpan(start: clippedStart, end: clippedEnd)) }
        }
        return spans
    }

    /// Seconds of `[from, to]` that fall inside a shift.
    func overlapSeconds(from: Double, to: Double, utcOffset: Int) -> Double {
        var total = 0.0
        forEachOccurrence(from: from, to: to, utcOffset: utcOffset) { start, end in
            let overlap = Swift.min(end, to) - Swift.max(start, from)
            if overlap > 0 { total += overlap }
        }
        return total
    }

    /// Calls `body(start, end)` for each shift occurrence that may overlap `[from, to]` (finite).
    private func forEachOccurrence(from: Double, to: Double, utcOffset: Int, _ body: (Double, Double) -> Void) {
        let offset = Double(utcOffset)
        let firstDay = Int(((from + offset) / 86_400).rounded(.down)) - 1
        let lastDay = Int(((to + offset) / 86_400).rounded(.down))
        guard firstDay <= lastDay else { return }
        let duration = Double(durationSeconds)
        for day in firstDay...lastDay {
            let start = Double(day) * 86_400 + Double(startSecond) - offset
            body(start, start + duration)
        }
    }
}

extension Substring {
    /// The substring without leading and trailing spaces and tabs.
    fileprivate func trimmingCharacters() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return self[first...last]
    }
}
