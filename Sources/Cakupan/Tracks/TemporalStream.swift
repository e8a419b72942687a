import CakupanGeometry
import CakupanTemporal
import Dispatch

/// A batch of projected fixes on its way to the engine and the line drawer.
struct ProjectedFixes: Sendable {
    var units: [Int32] = []
    var times: [Double] = []
    var xs: [Double] = []
    var ys: [Double] = []
    /// Spreadsheet line or feature number of each fix, for the engine's messages.
    var lines: [Int] = []
    /// Units first seen in this batch, in order: they take the next numbers.
    var newNames: [String] = []

    mutating func reserve(_ n: Int) {
        units.reserveCapacity(n)
        times.reserveCapacity(n)
        xs.reserveCapacity(n)
        ys.reserveCapacity(n)
        lines.reserveCapacity(n)
    }
}

/// Feeds batches of projected fixes to the visit engine and to the line drawer, each on its own
/// serial queue, while the caller reads and projects the next batch (a three-stage pipeline: on two
/// cores reading, the engine and the drawing overlap instead of taking turns). The engine and the
/// drawer are each used by one thread at a time: `submit` waits for the previous batch first.
final class TemporalStream {
    private let engine: VisitEngine
    private let lines: TrackLineDrawer
    private let group = DispatchGroup()
    private let engineQueue = DispatchQueue(label: "cakupan.temporal.engine")
    private let linesQueue = DispatchQueue(label: "cakupan.temporal.lines")
    /// Set by the engine's and the drawer's queue respectively; read after `group.wait()`.
    private var engineFailure: Error?
    private var linesFailure: Error?
    private var numbers: [String: Int32] = [:]
    private var lastName = ""
    private var lastNumber: Int32 = -1
    /// Unit names by number (order of first appearance), as the engine numbers them.
    private(set) var names: [String] = []

    init(engine: VisitEngine, lines: TrackLineDrawer) {
        self.engine = engine
        self.lines = lines
    }

    /// The number of a unit, given the next one when new (noted in `batch.newNames`).
    func number(_ name: String, _ batch: inout ProjectedFixes) -> Int32 {
        if lastNumber >= 0, name == lastName { return lastNumber }
        let n: Int32
        if let known = numbers[name] {
            n = known
        } else {
            n = Int32(names.count)
            numbers[name] = n
            names.append(name)
            batch.newNames.append(name)
        }
        lastName = name
        lastNumber = n
        return n
    }

    /// Hands a batch over once the previous one is done; rethrows a failure of the previous batch.
    func submit(_ batch: ProjectedFixes) throws {
        group.wait()
        if let failure = engineFailure ?? linesFailure { throw failure }
        let me = Unchecked(self)
        engineQueue.async(group: group) { me.value.feedEngine(batch) }
        linesQueue.async(group: group) { me.value.feedLines(batch) }
    }

    /// Waits until the batch handed over last is done.
    func wait() {
        group.wait()
    }

    /// Waits for the last batch and returns every unit's lines (projected); the engine finishes on
    /// its own queue meanwhile (sorting and summing its intervals takes seconds at 10⁷ fixes), so the
    /// coverage can be computed from the lines in the meantime. `result()` waits for it.
    func finish() throws -> [[[Coordinate]]] {
        group.wait()
        if let failure = engineFailure ?? linesFailure { throw failure }
        let me = Unchecked(self)
        engineQueue.async(group: group) { me.value.finished = me.value.engine.finish() }
        return try lines.finish()
    }

    /// The engine's result (after `finish`).
    func result() -> TemporalResult {
        group.wait()
        return finished ?? engine.finish()
    }

    /// Set on the engine's queue by `finish`; read after `group.wait()`.
    private var finished: TemporalResult?

    private func feedEngine(_ b: ProjectedFixes) {
        do {
            for name in b.newNames { _ = engine.unitNumber(for: name) }
            for i in b.units.indices {
                try engine.add(unit: Int(b.units[i]), time: b.times[i], x: b.xs[i], y: b.ys[i], line: b.lines[i])
            }
        } catch {
            engineFailure = engineFailure ?? error
        }
    }

    private func feedLines(_ b: ProjectedFixes) {
        do {
            // Unit by unit (each unit's fixes in order): a unit's consecutive fixes touch the same
            // drawn segments, which stay in cache (see `TrackProcessor.receive`).
            for i in StableOrder.grouped(b.units) {
                try lines.add(unit: Int(b.units[Int(i)]), time: b.times[Int(i)], x: b.xs[Int(i)], y: b.ys[Int(i)])
            }
        } catch {
            linesFailure = linesFailure ?? error
        }
    }
}

/// Passes a value to a queue whose use of it is serialised by `TemporalStream.submit`.
private struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
