import Dispatch

/// Turns a stream of GPS fixes into visits, attendance and patrol effort per site, zone and area.
///
/// Streaming: `add` takes fixes one at a time (or `add(contentsOf:)` in chunks), interleaved across
/// units in any way. Per unit the engine keeps only its last kept fix, the presence intervals still
/// open and a short reorder buffer, so memory is O(units + sites + zones + areas + visits), not
/// O(fixes). `finish()` closes everything and computes the results.
///
/// Out-of-order fixes: each unit's fixes wait in a buffer until a fix of that unit at least
/// `reorderWindow` seconds newer has arrived, so a fix that comes late by less than that is put in its
/// exact place (counted in `reorderedFixes`). A fix later than that continues the unit's most recent
/// run that ended before it, or starts a new run (counted in `lateFixes`); results stay close but the
/// segment linking it to its true neighbours is lost. Set `reorderWindow` to `.infinity` to make any
/// order exact at the price of holding every fix until `finish()`.
///
/// Threads: the engine itself is not thread-safe (one engine per task), but it spreads the units over
/// `parameters.threads` processors that work in parallel on batches of fixes; the results do not
/// depend on the thread count except for the last bits of summed area figures.
public final class VisitEngine {
    let sites: [TemporalSite]
    let zones: [TemporalRegion]
    let areas: [TemporalRegion]
    let parameters: TemporalParameters
    private var intake: FixIntake
    /// One per thread; processor `k` owns the units whose number is `k` modulo the count.
    var processors: [TrackProcessor]
    private var result: TemporalResult?

    /// Prepares the spatial indexes.
    /// - Parameters:
    ///   - sites: points with a radius (metres) and an unattended limit (seconds).
    ///   - zones: rawan zones, already buffered by their radius (metres).
    ///   - areas: kecamatan or other areas (metres).
    /// - Throws: `TemporalError.invalidParameter`, `.invalidSite` or `.invalidRegion`, naming the item.
    public init(
        sites: [TemporalSite], zones: [TemporalRegion] = [], areas: [TemporalRegion] = [],
        parameters: TemporalParameters = TemporalParameters()
    ) throws {
        try parameters.validate()
        for (index, site) in sites.enumerated() {
            func fail(_ field: String, _ reason: String) -> TemporalError {
                .invalidSite(index: index, id: site.id, field: field, reason: reason)
            }
            guard site.x.isFinite, site.y.isFinite else { throw fail("x/y", "not a finite number") }
            guard site.radius.isFinite, site.radius >= 0 else { throw fail("radius", "must be ≥ 0 metres") }
            guard site.maxUnattended >= 0, !site.maxUnattended.isNaN else {
                throw fail("maxUnattended", "must be ≥ 0 seconds")
            }
        }
        try Self.validate(zones, kind: "zone")
        try Self.validate(areas, kind: "area")
        self.sites = sites
        self.zones = zones
        self.areas = areas
        self.parameters = parameters
        let siteGrid = SiteGrid(sites: sites)
        let zoneIndex = RegionIndex(regions: zones)
        let areaIndex = RegionIndex(regions: areas)
        let count = parameters.threads
        intake = FixIntake(processors: count)
        processors = (0..<count).map { shard in
            TrackProcessor(
                siteGrid: siteGrid, zoneIndex: zoneIndex, areaIndex: areaIndex, parameters: parameters,
                shard: shard, stride: count)
        }
    }

    private static func validate(_ regions: [TemporalRegion], kind: String) throws {
        for (index, region) in regions.enumerated() {
            for polygon in region.polygons {
                for ring in polygon.rings {
                    guard ring.allSatisfy({ $0.x.isFinite && $0.y.isFinite }) else {
                        throw TemporalError.invalidRegion(
                            kind: kind, index: index, id: region.id, reason: "a coordinate is not a finite number")
                    }
                    var distinct = ring
                    if distinct.count > 1, distinct.first == distinct.last { distinct.removeLast() }
                    guard Set(distinct).count >= 3 else {
                        throw TemporalError.invalidRegion(
                            kind: kind, index: index, id: region.id,
                            reason: "a ring has fewer than 3 distinct points")
                    }
                }
            }
        }
    }

    /// Unit names by number (order of first appearance).
    var unitNames: [String] { intake.units.names }

    /// Fixes given to `add`.
    var receivedFixes: Int { intake.received }

    /// The number of a unit name (order of first appearance), for `add(unit:time:x:y:line:)`.
    public func unitNumber(for name: String) -> Int {
        intake.units.number(for: name)
    }

    /// Takes one fix. Fixes of different units may be interleaved in any way.
    /// - Throws: `TemporalError.invalidFix` (non-finite time or position, naming the line),
    ///   `.engineFinished` after `finish()`.
    public func add(_ fix: Fix) throws {
        if try intake.add(name: fix.unit, time: fix.time, x: fix.x, y: fix.y, line: fix.line) { handOver() }
    }

    /// Takes one fix of a unit numbered by `unitNumber(for:)`, which skips the name lookup.
    public func add(unit: Int, time: Double, x: Double, y: Double, line: Int = 0) throws {
        if try intake.add(unit: unit, time: time, x: x, y: y, line: line) { handOver() }
    }

    /// Takes a chunk of fixes, in order.
    public func add(contentsOf fixes: some Sequence<Fix>) throws {
        for fix in fixes { try add(fix) }
    }

    /// Closes every track and computes the results. Later calls return the same result.
    public func finish() -> TemporalResult {
        if let result { return result }
        intake.finished = true
        handOver()
        runProcessors { $0.closeAll() }
        let built = buildResult()
        result = built
        return built
    }

    /// Hands the queued fixes to their processors, which work on them in parallel.
    private func handOver() {
        var batches = [[QueuedFix]](repeating: [], count: processors.count)
        swap(&batches, &intake.batches)
        intake.queued = 0
        runProcessors { [batches] processor in processor.receive(batches[processor.shard]) }
        for index in batches.indices { batches[index].removeAll(keepingCapacity: true) }
        swap(&batches, &intake.batches)  // reuse the capacity
    }

    /// Runs `work` on every processor, each on its own thread when there are several.
    private func runProcessors(_ work: @Sendable (inout TrackProcessor) -> Void) {
        if processors.count == 1 {
            work(&processors[0])
            return
        }
        processors.withUnsafeMutableBufferPointer { processors in
            let shared = UncheckedSendable(processors)
            DispatchQueue.concurrentPerform(iterations: processors.count) { index in
                work(&shared.value[index])
            }
        }
    }
}

/// Hands a value to `concurrentPerform`'s threads. Safe here because each thread touches only its own
/// element of the buffer, and the call returns only when all of them are done.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}
