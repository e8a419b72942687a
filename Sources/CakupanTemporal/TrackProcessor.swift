/// The streaming half of `VisitEngine`: per-unit tracks in, closed presence intervals and area sums out.
///
/// The engine runs one processor per thread, each owning the units whose number is `shard` modulo
/// `stride`; units never share state, so the processors never touch each other.
///
/// A value type on purpose: the engine calls one mutating method per fix, and everything that method
/// touches is reached through `self`, so Swift checks exclusive access at compile time instead of at
/// every step (which it must do for class properties, and which cost more than the geometry did).
struct TrackProcessor {
    let parameters: TemporalParameters
    /// The gap, duplicate and jump rules, from `parameters`.
    let rules: TrackRules
    let siteGrid: SiteGrid
    let zoneIndex: RegionIndex
    let areaIndex: RegionIndex
    /// The window as far as it is known while streaming (`from`/`to` infinite when not given).
    let streamingWindow: TimeWindow
    /// This processor owns units `shard`, `shard + stride`, `shard + 2 × stride`, …
    let shard: Int
    let stride: Int

    /// Indexed by unit number / stride.
    var tracks: [UnitTrack] = []
    var sitePresence: [SitePresence] = []
    var zonePresence: [ZonePresence] = []
    var areaSeconds: [Double]
    var areaMetres: [Double]

    var keptFixes = 0
    var droppedJumps = 0
    var duplicateFixes = 0
    var reorderedFixes = 0
    var lateFixes = 0
    /// Earliest kept fix of this processor's units, known after `closeAll`.
    var firstKeptTime = Double.infinity
    var lastKeptTime = -Double.infinity

    // Scratch space reused by every segment.
    private var circleHits: [CircleHit] = []
    private var regionHits: [RegionHit] = []
    private var crossings: [Double] = []
    private var intervals: [(enter: Double, exit: Double)] = []
    private var pointSites: [Int32] = []

    /// A processor for one shard, sharing the (immutable) indexes.
    init(
        siteGrid: SiteGrid, zoneIndex: RegionIndex, areaIndex: RegionIndex, parameters: TemporalParameters,
        shard: Int, stride: Int
    ) {
        self.parameters = parameters
        rules = TrackRules(maxFixGap: parameters.maxFixGap, maxSpeed: parameters.maxSpeed)
        self.siteGrid = siteGrid
        self.zoneIndex = zoneIndex
        self.areaIndex = areaIndex
        self.shard = shard
        self.stride = stride
        streamingWindow = TimeWindow(
            from: parameters.from ?? -.infinity, to: parameters.to ?? .infinity, shift: parameters.shift,
            utcOffset: parameters.utcOffset)
        areaSeconds = Array(repeating: 0, count: areaIndex.shapes.count)
        areaMetres = Array(repeating: 0, count: areaIndex.shapes.count)
    }

    /// Receives a batch of queued fixes, unit by unit, each unit's fixes in their order. Grouping by
    /// unit is for the memory caches: fixes in a file come interleaved across hundreds of units, but
    /// one unit's consecutive fixes are close together on the ground and touch the same grid cells,
    /// edges and sites (measured on the 10⁷-fix workload of docs/benchmarks.md: the index lookups
    /// were waiting on memory). Units are independent, so the results are the same.
    mutating func receive(_ batch: [QueuedFix]) {
        for index in StableOrder.grouped(batch.map { $0.unit / Int32(stride) }) {
            let fix = batch[Int(index)]
            receive(fix.point, unit: Int(fix.unit))
        }
    }

    /// Puts a fix of one of this processor's units in the unit's reorder buffer and processes the
    /// fixes that are old enough. A late fix goes straight to a run (`release`).
    mutating func receive(_ point: TrackPoint, unit: Int) {
        let local = unit / stride
        while tracks.count <= local { tracks.append(UnitTrack()) }
        var track = UnitTrack()
        swap(&track, &tracks[local])  // work on a uniquely referenced copy, put it back at the end
        defer { swap(&track, &tracks[local]) }

        switch track.buffer.push(point, window: parameters.reorderWindow) {
        case .late:
            lateFixes += 1
            release(point, track: &track, unit: unit)
            return
        case .reordered:
            reorderedFixes += 1
        case .inOrder:
            break
        }
        while let due = track.buffer.popDue(window: parameters.reorderWindow) {
            release(due, track: &track, unit: unit)
        }
    }

    /// Processes every fix still waiting and closes every run (at `finish`).
    mutating func closeAll() {
        for local in tracks.indices {
            let unit = local * stride + shard
            var track = UnitTrack()
            swap(&track, &tracks[local])
            while let point = track.buffer.popRemaining() {
                release(point, track: &track, unit: unit)
            }
            for run in track.runs.indices {
                let cursor = track.runs[run].cursor
                endSegment(&track.runs[run], last: cursor.last, fixes: cursor.segmentFixes, unit: unit)
                firstKeptTime = min(firstKeptTime, track.runs[run].firstKept)
            }
            swap(&track, &tracks[local])
        }
    }

    /// Hands a fix, in time order for its unit, to the run it continues (or a new one).
    private mutating func release(_ point: TrackPoint, track: inout UnitTrack, unit: Int) {
        var chosen = -1
        if track.runs.count == 1, track.runs[0].cursor.last.time <= point.time {
            chosen = 0
        } else {
            for run in track.runs.indices where track.runs[run].cursor.last.time <= point.time {
                if chosen < 0 || track.runs[run].cursor.last.time > track.runs[chosen].cursor.last.time { chosen = run }
            }
        }
        if chosen < 0 {
            track.runs.append(TrackRun())
            chosen = track.runs.count - 1
        }
        accept(point, run: &track.runs[chosen], unit: unit)
    }

    /// Applies the segment rules (`TrackRules`) to the next fix of a run and measures what they keep:
    /// presence along each kept segment, a lone fix as an instant, jumps and duplicates counted.
    private mutating func accept(_ point: TrackPoint, run: inout TrackRun, unit: Int) {
        switch rules.advance(point, &run.cursor) {
        case .first:
            keep(point, run: &run)
        case .gap(let previous, let previousFixes):
            endSegment(&run, last: previous, fixes: previousFixes, unit: unit)
            keep(point, run: &run)
        case .duplicate:
            duplicateFixes += 1
        case .jump:
            droppedJumps += 1
        case .oddOneOut(let previous, let previousFixes, let restart, let length):
            droppedJumps -= 1  // `restart` is kept after all
            endSegment(&run, last: previous, fixes: previousFixes, unit: unit, dropLoneFix: true)
            keep(restart, run: &run)
            processSegment(from: restart, to: point, length: length, run: &run, unit: Int32(unit))
            keep(point, run: &run)
        case .move(let previous, let length):
            processSegment(from: previous, to: point, length: length, run: &run, unit: Int32(unit))
            keep(point, run: &run)
        }
    }

    /// Counts a kept fix. The earliest kept time is kept per run (and gathered in `closeAll`), so a
    /// lone fix dropped later as the odd one out can be taken back out of it.
    private mutating func keep(_ point: TrackPoint, run: inout TrackRun) {
        keptFixes += 1
        if point.time < run.firstKept { run.firstKept = point.time }
        if point.time > lastKeptTime { lastKeptTime = point.time }
    }

    /// Ends the run's segment that ended at `last` with `fixes` kept fixes: a lone fix counts as an
    /// instant at the sites around it (or, with `dropLoneFix`, is counted as a jump instead), and all
    /// open presence is closed.
    private mutating func endSegment(
        _ run: inout TrackRun, last: TrackPoint, fixes: Int, unit: Int, dropLoneFix: Bool = false
    ) {
        let unit = Int32(unit)
        if fixes == 1, dropLoneFix {
            keptFixes -= 1
            droppedJumps += 1
            // A lone fix starting the run must not start the window either; the fix taken instead
            // is later, and every later kept fix of the run comes after it.
            if run.firstKept == last.time { run.firstKept = .infinity }
        } else if fixes == 1 {
            pointSites.removeAll(keepingCapacity: true)
            siteGrid.pointHits(last.x, last.y, into: &pointSites)
            for site in pointSites {
                sitePresence.append(SitePresence(site: site, unit: unit, start: last.time, end: last.time))
            }
        }
        for span in run.openSites {
            sitePresence.append(SitePresence(site: span.index, unit: unit, start: span.start, end: span.end))
        }
        for span in run.openZones {
            zonePresence.append(ZonePresence(zone: span.index, start: span.start, end: span.end))
        }
        run.openSites.removeAll(keepingCapacity: true)
        run.openZones.removeAll(keepingCapacity: true)
    }

    /// Presence along the straight segment from `a` to `b` (the unit moves at constant speed).
    private mutating func processSegment(
        from a: TrackPoint, to b: TrackPoint, length: Double, run: inout TrackRun, unit: Int32
    ) {
        let startTime = a.time
        let endTime = b.time
        let duration = endTime - startTime

        circleHits.removeAll(keepingCapacity: true)
        siteGrid.segmentHits(a.x, a.y, b.x, b.y, into: &circleHits)
        if !circleHits.isEmpty || !run.openSites.isEmpty {
            for hit in circleHits {
                Self.extend(
                    &run.openSites, index: hit.site, enter: hit.enter, exit: hit.exit, startTime: startTime,
                    endTime: endTime)
            }
            Self.closeEnded(&run.openSites, before: endTime) { span in
                sitePresence.append(SitePresence(site: span.index, unit: unit, start: span.start, end: span.end))
            }
        }

        if !zoneIndex.isEmpty {
            regionHits.removeAll(keepingCapacity: true)
            zoneIndex.segmentHits(a.x, a.y, b.x, b.y, crossings: &crossings, intervals: &intervals, into: &regionHits)
            if !regionHits.isEmpty || !run.openZones.isEmpty {
                for hit in regionHits {
                    Self.extend(
                        &run.openZones, index: hit.region, enter: hit.enter, exit: hit.exit, startTime: startTime,
                        endTime: endTime)
                }
                Self.closeEnded(&run.openZones, before: endTime) { span in
                    zonePresence.append(ZonePresence(zone: span.index, start: span.start, end: span.end))
                }
            }
        }

        if !areaIndex.isEmpty {
            regionHits.removeAll(keepingCapacity: true)
            areaIndex.segmentHits(a.x, a.y, b.x, b.y, crossings: &crossings, intervals: &intervals, into: &regionHits)
            for hit in regionHits {
                let enterTime = startTime + hit.enter * duration
                let exitTime = hit.exit == 1 ? endTime : startTime + hit.exit * duration
                let seconds = streamingWindow.overlapSeconds(enterTime, exitTime)
                guard seconds > 0 else { continue }
                areaSeconds[Int(hit.region)] += seconds
                areaMetres[Int(hit.region)] += length * seconds / duration
            }
        }
    }

    /// Hands `close` every open span that ended before `endTime` (the segment left it), in order, and
    /// keeps the others open in their order.
    @inline(__always)
    private static func closeEnded(_ open: inout [OpenSpan], before endTime: Double, _ close: (OpenSpan) -> Void) {
        var kept = 0
        for slot in open.indices {
            let span = open[slot]
            if span.end < endTime {
                close(span)
            } else {
                open[kept] = span
                kept += 1
            }
        }
        if kept < open.count { open.removeLast(open.count - kept) }
    }

    /// Adds the presence `[enter, exit]` (segment parameters) to the open spans: it continues the span
    /// of the same site or zone that reached the segment's start, or opens a new one.
    private static func extend(
        _ open: inout [OpenSpan], index: Int32, enter: Double, exit: Double, startTime: Double, endTime: Double
    ) {
        let duration = endTime - startTime
        let end = exit == 1 ? endTime : startTime + exit * duration
        if enter == 0 {
            for slot in open.indices where open[slot].index == index && open[slot].end == startTime {
                open[slot].end = end
                return
            }
        }
        open.append(OpenSpan(index: index, start: startTime + enter * duration, end: end))
    }
}
