import CakupanGEOS
import CakupanGeometry

/// Draws each unit's GPS track as patrol lines for the spatial coverage, from the same fixes and by the
/// same rules as the visit engine: per unit in time order (fixes up to `reorderWindow` seconds out of
/// order are put in place), split where consecutive fixes are more than `maxFixGap` apart, fixes
/// implying more than `maxSpeed` dropped as GPS jumps (when two fixes in a row are jumps but agree
/// with each other, the fix before them was the odd one). Fixes later than the reorder window are
/// left out of the lines (the engine still uses them; `lateFixes` counts them).
///
/// Memory stays proportional to the ground covered, not to the fixes: a unit driving the same road
/// all week adds one line, not a thousand copies of it. Two reductions, both in projected metres:
/// 1. Repeated passes. A track segment is drawn only if it is not already within `passTolerance` of
///    the unit's drawn segments (`DrawnSegments.covers`: exact, the segment is walked through the
///    capsules of radius `passTolerance` around the drawn segments). A segment that is not is drawn
///    whole.
/// 2. Douglas–Peucker (GEOS `GEOSTopologyPreserveSimplify_r`, `tolerance` metres) on each drawn run,
///    in chunks of `chunk` points as the run grows.
/// So every point of every kept track segment lies within `passTolerance` + `tolerance` (35 m at the
/// defaults 25 m and 10 m) of the lines drawn, and the coverage buffer of radius r drawn from them
/// contains the buffer of radius r − 35 m of the full track (and lies within the buffer of radius
/// r + 10 m). The straight line between two fixes 30 s apart already cuts the corners of the road by
/// tens of metres, so this costs no real accuracy. What it saves: on 10⁷ fixes of 500 units driving
/// their routes for a week, 10⁷ vertices become about 40,000, and GEOS buffers a unit's week in
/// milliseconds instead of minutes (many nearly coincident passes make the offset curves of a buffer
/// cross each other quadratically often).
///
/// Not thread-safe (it owns a GEOS context): used by one thread at a time (`TemporalStream` feeds it
/// from one serial queue).
public final class TrackLineDrawer {
    public struct Point: Equatable, Sendable {
        public var time: Double
        public var x: Double
        public var y: Double
    }

    private struct UnitState {
        var pending: [Point] = []
        var unsorted = false
        var pendingHead = 0
        var newestReleased = -Double.infinity
        var started = false
        var last = Point(time: -.infinity, x: 0, y: 0)
        var rejected: Point?
        var segmentFixes = 0
        /// The run being drawn: simplified prefix and the raw points after it.
        var runDone: [Coordinate] = []
        var runRaw: [Coordinate] = []
        var pieces: [[Coordinate]] = []
    }

    public let maxFixGap: Double
    /// Metres per second.
    public let maxSpeed: Double
    public let reorderWindow: Double
    /// Metres: Douglas–Peucker tolerance.
    public let tolerance: Double
    /// Metres: a segment within this of the unit's drawn segments is a repeated pass.
    public let passTolerance: Double
    let chunk = 2048
    private var units: [UnitState] = []
    private var index: DrawnSegments
    private let geos = GEOSContext()

    public private(set) var gaps: [(unit: Int, from: Double, to: Double)] = []
    public private(set) var jumps: [(unit: Int, point: Point)] = []
    public private(set) var lateFixes = 0

    public init(maxFixGap: Double, maxSpeed: Double, reorderWindow: Double, tolerance: Double, passTolerance: Double) {
        self.maxFixGap = maxFixGap
        self.maxSpeed = maxSpeed
        self.reorderWindow = reorderWindow
        self.tolerance = tolerance
        self.passTolerance = passTolerance
        index = DrawnSegments(tolerance: passTolerance)
    }

    /// Takes the next fix of unit number `unit` (0, 1, 2, … in order of first appearance).
    public func add(unit: Int, time: Double, x: Double, y: Double) throws {
        while units.count <= unit { units.append(UnitState()) }
        var state = UnitState()
        swap(&state, &units[unit])
        defer { swap(&state, &units[unit]) }
        let point = Point(time: time, x: x, y: y)
        if time < state.newestReleased {
            lateFixes += 1
            return
        }
        let count = state.pending.count
        if state.pendingHead == count || time >= state.pending[count - 1].time {
            state.pending.append(point)
        } else if reorderWindow == .infinity {
            state.pending.append(point)  // sorted once in `finish` (see `TrackProcessor.receive`)
            state.unsorted = true
        } else {
            var low = state.pendingHead, high = count
            while low < high {
                let middle = (low + high) / 2
                if state.pending[middle].time <= time { low = middle + 1 } else { high = middle }
            }
            state.pending.insert(point, at: low)
        }
        let horizon = state.pending[state.pending.count - 1].time - reorderWindow
        while state.pendingHead < state.pending.count, state.pending[state.pendingHead].time < horizon {
            try release(state.pending[state.pendingHead], &state, unit)
            state.pendingHead += 1
        }
        if state.pendingHead == state.pending.count {
            state.pending.removeAll(keepingCapacity: true)
            state.pendingHead = 0
        } else if state.pendingHead >= 256, state.pendingHead * 2 >= state.pending.count {
            state.pending.removeFirst(state.pendingHead)
            state.pendingHead = 0
        }
    }

    /// Every unit's lines (projected metres), by unit number; units without any line get none.
    public func finish() throws -> [[[Coordinate]]] {
        for unit in units.indices {
            var state = UnitState()
            swap(&state, &units[unit])
            if state.unsorted { state.pending = StableOrder.sortedByTime(state.pending, \.time) }
            while state.pendingHead < state.pending.count {
                try release(state.pending[state.pendingHead], &state, unit)
                state.pendingHead += 1
            }
            state.pending = []
            try endSegment(&state)
            swap(&state, &units[unit])
        }
        return units.map(\.pieces)
    }

    private func release(_ point: Point, _ state: inout UnitState, _ unit: Int) throws {
        if point.time > state.newestReleased { state.newestReleased = point.time }
        try accept(point, &state, unit)
    }

    /// The engine's rules (`TrackProcessor.accept`), drawing instead of measuring.
    private func accept(_ point: Point, _ state: inout UnitState, _ unit: Int) throws {
        guard state.started else {
            start(point, &state)
            return
        }
        let elapsed = point.time - state.last.time
        if elapsed > maxFixGap {
            gaps.append((unit, state.last.time, point.time))
            try endSegment(&state)
            start(point, &state)
            return
        }
        let dx = point.x - state.last.x, dy = point.y - state.last.y
        let distance = (dx * dx + dy * dy).squareRoot()
        if elapsed <= 0, distance == 0 { return }  // duplicate
        if elapsed <= 0 || distance > maxSpeed * elapsed {
            if let rejected = state.rejected, plausible(rejected, point) {
                // The kept fix before was the odd one: its segment ends there (a lone fix is dropped).
                if let i = jumps.lastIndex(where: { $0.unit == unit && $0.point == rejected }) { jumps.remove(at: i) }
                if state.segmentFixes == 1 { jumps.append((unit, state.last)) }
                try endSegment(&state)
                start(rejected, &state)
                try accept(point, &state, unit)
                return
            }
            state.rejected = point
            jumps.append((unit, point))
            return
        }
        state.rejected = nil
        try draw(from: state.last, to: point, &state, unit)
        state.last = point
        state.segmentFixes += 1
    }

    private func plausible(_ a: Point, _ b: Point) -> Bool {
        let elapsed = b.time - a.time
        guard elapsed > 0, elapsed <= maxFixGap else { return false }
        let dx = b.x - a.x, dy = b.y - a.y
        return (dx * dx + dy * dy).squareRoot() <= maxSpeed * elapsed
    }

    private func start(_ point: Point, _ state: inout UnitState) {
        state.last = point
        state.started = true
        state.segmentFixes = 1
        state.rejected = nil
    }

    private func endSegment(_ state: inout UnitState) throws {
        try endRun(&state)
        state.segmentFixes = 0
    }

    /// Adds the track segment a→b to the unit's run unless it is already drawn.
    private func draw(from a: Point, to b: Point, _ state: inout UnitState, _ unit: Int) throws {
        if index.covers(unit, a.x, a.y, b.x, b.y) {
            try endRun(&state)
            return
        }
        index.insert(unit, a.x, a.y, b.x, b.y)
        let ca = Coordinate(x: a.x, y: a.y), cb = Coordinate(x: b.x, y: b.y)
        if state.runRaw.isEmpty {
            state.runRaw = [ca]
        } else if state.runRaw.last != ca {
            try endRun(&state)
            state.runRaw = [ca]
        }
        state.runRaw.append(cb)
        if state.runRaw.count >= chunk {
            let simplified = try simplify(state.runRaw)
            state.runDone += simplified.dropLast()
            state.runRaw = [simplified.last!]
        }
    }

    /// Closes the run being drawn: simplifies what is left and keeps it as one piece.
    private func endRun(_ state: inout UnitState) throws {
        defer {
            state.runRaw.removeAll(keepingCapacity: true)
            state.runDone = []
        }
        guard state.runRaw.count >= 2 || !state.runDone.isEmpty else { return }
        let piece = state.runDone + (state.runRaw.count >= 2 ? try simplify(state.runRaw) : state.runRaw)
        if piece.count >= 2 { state.pieces.append(piece) }
    }

    /// Douglas–Peucker through GEOS; the ends are kept.
    private func simplify(_ points: [Coordinate]) throws -> [Coordinate] {
        guard points.count > 2 else { return points }
        let line = try GEOSGeometry(.lineString(points), in: geos)
        guard case .lineString(let out) = try line.simplified(tolerance: tolerance).value(), out.count >= 2 else { return points }
        return out
    }
}
