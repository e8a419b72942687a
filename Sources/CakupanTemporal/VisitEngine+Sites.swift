extension VisitEngine {
    /// Per-site rows and the visits list, from the closed presence intervals. Marks `hourly` too.
    func summarizeSites(
        _ presence: inout [SitePresence], window: TimeWindow, spans: [TimeSpan], hourly: inout HourlyCounter
    ) -> (sites: [SiteTemporal], visits: [Visit]) {
        let longestSpan = spans.map(\.duration).max() ?? 0
        var rows = sites.map { site in
            SiteTemporal(
                id: site.id, visits: 0, units: 0, dwellSeconds: 0, longestDwellSeconds: 0, firstVisit: nil,
                lastVisit: nil, maxUnattendedSeconds: longestSpan, stale: longestSpan > site.maxUnattended)
        }
        presence.sort { ($0.site, $0.unit, $0.start) < ($1.site, $1.unit, $1.start) }

        var visits: [Visit] = []
        var siteVisits: [Visit] = []
        var first = 0
        while first < presence.count {
            let site = Int(presence[first].site)
            var last = first
            while last < presence.count, Int(presence[last].site) == site { last += 1 }

            // Visits: one unit's presence merged across breaks shorter than mergeGap.
            siteVisits.removeAll(keepingCapacity: true)
            var row = rows[site]
            var previousUnit: Int32 = -1
            var index = first
            while index < last {
                var current = presence[index]
                index += 1
                while index < last, presence[index].unit == current.unit {
                    let next = presence[index]
                    let gap = next.start - current.end
                    if gap < parameters.mergeGap || gap <= 0 {
                        current.end = max(current.end, next.end)
                    } else {
                        appendVisit(
                            current, window: window, spans: spans, row: &row, to: &siteVisits,
                            previousUnit: &previousUnit)
                        current = next
                    }
                    index += 1
                }
                appendVisit(
                    current, window: window, spans: spans, row: &row, to: &siteVisits, previousUnit: &previousUnit)
            }
            siteVisits.sort { ($0.start, $0.unit) < ($1.start, $1.unit) }
            visits.append(contentsOf: siteVisits)

            // Attendance: union over units, cut to the window.
            let union = SpanMath.union(
                sortedByStart: presence[first..<last].map { TimeSpan(start: $0.start, end: $0.end) }
                    .sorted { $0.start < $1.start })
            attendance(of: union, spans: spans, row: &row, hourly: &hourly)
            row.stale = row.maxUnattendedSeconds > sites[site].maxUnattended
            rows[site] = row
            first = last
        }
        return (rows, visits)
    }

    /// Counts one merged visit in the site's row and the visits list, if it meets the window.
    private func appendVisit(
        _ presence: SitePresence, window: TimeWindow, spans: [TimeSpan], row: inout SiteTemporal,
        to visits: inout [Visit], previousUnit: inout Int32
    ) {
        guard SpanMath.meets(presence.start, presence.end, window: spans) else { return }
        let dwell = SpanMath.overlap(presence.start, presence.end, window: spans)
        row.visits += 1
        row.dwellSeconds += dwell
        row.longestDwellSeconds = max(row.longestDwellSeconds, dwell)
        if presence.unit != previousUnit {
            row.units += 1
            previousUnit = presence.unit
        }
        visits.append(
            Visit(
                siteIndex: Int(presence.site), siteID: sites[Int(presence.site)].id,
                unit: unitNames[Int(presence.unit)], start: max(presence.start, window.from),
                end: min(presence.end, window.to), dwellSeconds: dwell))
    }

    /// First and last presence, longest unattended stretch per window span, and hourly marks.
    private func attendance(
        of union: [TimeSpan], spans: [TimeSpan], row: inout SiteTemporal, hourly: inout HourlyCounter
    ) {
        hourly.beginSite()
        var longestGap = 0.0
        var unionIndex = 0
        for span in spans {
            while unionIndex < union.count, union[unionIndex].end < span.start { unionIndex += 1 }
            var cursor = span.start
            var index = unionIndex
            while index < union.count, union[index].start <= span.end {
                let pieceStart = max(union[index].start, span.start)
                let pieceEnd = min(union[index].end, span.end)
                longestGap = max(longestGap, pieceStart - cursor)
                cursor = max(cursor, pieceEnd)
                if row.firstVisit == nil { row.firstVisit = pieceStart }
                row.lastVisit = pieceEnd
                hourly.mark(pieceStart, pieceEnd)
                index += 1
            }
            longestGap = max(longestGap, span.end - cursor)
        }
        row.maxUnattendedSeconds = longestGap
    }
}
