extension VisitEngine {
    /// Computes every result from the processors' closed presence intervals (once, by `finish`).
    func buildResult() -> TemporalResult {
        // Gather the processors' output; their arrays are moved out, not copied.
        var sitePresence: [SitePresence] = []
        var zonePresence: [ZonePresence] = []
        var areaSeconds = [Double](repeating: 0, count: areas.count)
        var areaMetres = [Double](repeating: 0, count: areas.count)
        var kept = 0
        var jumps = 0
        var duplicates = 0
        var reordered = 0
        var late = 0
        var firstKept = Double.infinity
        var lastKept = -Double.infinity
        for index in processors.indices {
            sitePresence += processors[index].sitePresence
            zonePresence += processors[index].zonePresence
            processors[index].sitePresence = []
            processors[index].zonePresence = []
            let processor = processors[index]
            for area in areas.indices {
                areaSeconds[area] += processor.areaSeconds[area]
                areaMetres[area] += processor.areaMetres[area]
            }
            kept += processor.keptFixes
            jumps += processor.droppedJumps
            duplicates += processor.duplicateFixes
            reordered += processor.reorderedFixes
            late += processor.lateFixes
            firstKept = min(firstKept, processor.firstKeptTime)
            lastKept = max(lastKept, processor.lastKeptTime)
        }

        let from = parameters.from ?? firstKept
        let to = parameters.to ?? lastKept
        let hasWindow = from.isFinite && to.isFinite && to >= from
        let window = TimeWindow(from: from, to: to, shift: parameters.shift, utcOffset: parameters.utcOffset)
        let spans = hasWindow ? window.spans() : []
        let windowSeconds = spans.reduce(0) { $0 + $1.duration }

        var hourly = HourlyCounter(window: spans, utcOffset: parameters.utcOffset)
        let (siteRows, visits) = summarizeSites(&sitePresence, window: window, spans: spans, hourly: &hourly)
        let zoneRows = summarizeZones(&zonePresence, spans: spans, windowSeconds: windowSeconds)
        let areaRows = areas.indices.map {
            AreaTemporal(id: areas[$0].id, patrolSeconds: areaSeconds[$0], distanceMetres: areaMetres[$0])
        }
        return TemporalResult(
            sites: siteRows, zones: zoneRows, areas: areaRows, visits: visits, hourly: hourly.results(),
            window: hasWindow ? from...to : nil, windowSeconds: windowSeconds, fixes: receivedFixes,
            keptFixes: kept, droppedJumps: jumps, duplicateFixes: duplicates, reorderedFixes: reordered,
            lateFixes: late, units: unitNames.count)
    }

    /// Per-zone share of the window with at least one unit inside.
    private func summarizeZones(
        _ presence: inout [ZonePresence], spans: [TimeSpan], windowSeconds: Double
    ) -> [ZoneTemporal] {
        presence.sort { ($0.zone, $0.start) < ($1.zone, $1.start) }
        var attended = [Double](repeating: 0, count: zones.count)
        var first = 0
        while first < presence.count {
            let zone = presence[first].zone
            var last = first
            while last < presence.count, presence[last].zone == zone { last += 1 }
            let union = SpanMath.union(
                sortedByStart: presence[first..<last].map { TimeSpan(start: $0.start, end: $0.end) })
            attended[Int(zone)] = union.reduce(0) { $0 + SpanMath.overlap($1.start, $1.end, window: spans) }
            first = last
        }
        return zones.indices.map { index in
            ZoneTemporal(
                id: zones[index].id, attendedSeconds: attended[index], windowSeconds: windowSeconds,
                share: windowSeconds > 0 ? min(1, attended[index] / windowSeconds) : 0)
        }
    }
}
