/// A closed interval of time, epoch seconds (UTC); `start == end` is one instant.
struct TimeSpan: Hashable, Sendable {
    var start: Double
    var end: Double

    /// Length in seconds.
    var duration: Double { end - start }
}

/// Interval arithmetic on lists of spans sorted by start.
enum SpanMath {
    /// Union of spans sorted by start: overlapping or touching spans become one.
    static func union(sortedByStart spans: [TimeSpan]) -> [TimeSpan] {
        var result: [TimeSpan] = []
        result.reserveCapacity(spans.count)
        for span in spans {
            if let last = result.last, span.start <= last.end {
                if span.end > last.end { result[result.count - 1].end = span.end }
            } else {
                result.append(span)
            }
        }
        return result
    }

    /// Seconds of `[start, end]` covered by `window` (disjoint spans sorted by start).
    static func overlap(_ start: Double, _ end: Double, window: [TimeSpan]) -> Double {
        var total = 0.0
        var index = firstEndingAtOrAfter(start, in: window)
        while index < window.count, window[index].start < end {
            let overlap = min(end, window[index].end) - max(start, window[index].start)
            if overlap > 0 { total += overlap }
            index += 1
        }
        return total
    }

    /// Whether the closed span `[start, end]` meets the closed `window` (disjoint, sorted) anywhere.
    static func meets(_ start: Double, _ end: Double, window: [TimeSpan]) -> Bool {
        let index = firstEndingAtOrAfter(start, in: window)
        return index < window.count && window[index].start <= end
    }

    /// Index of the first span whose end is at or after `time` (binary search).
    static func firstEndingAtOrAfter(_ time: Double, in spans: [TimeSpan]) -> Int {
        var low = 0
        var high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].end < time { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
