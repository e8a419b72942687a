import CakupanGEOS
import CakupanGeometry

/// Draws each unit's GPS track as patrol lines for the spatial coverage, from the same fixes and by the
/// same track cleaning as the visit engine (the same code: `ReorderBuffer`, then `TrackRules`): per
/// unit in time order (fixes up to `reorderWindow` seconds out of order are put in place), split where
/// consecutive fixes are more than `maxFixGap` apart, duplicates dropped, fixes implying more than
/// `maxSpeed` dropped as GPS jumps (when two fixes in a row are jumps but agree with each other, the
/// fix before them was the odd one). Fixes later than the reorder window are left out of the lines
/// (the engine hands them to another run of the unit; `lateFixes` counts them, and a read with late
/// fixes is read again with an infinite window, see `ReorderBuffer`).
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
    private struct UnitState {
        var buffer = ReorderBuffer()
        var cursor = TrackRules.Cursor()
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
    private let rules: TrackRules
    private var units: [UnitState] = []
    private var index: DrawnSegments
    private let geos = GEOSContext()

    public private(set) var gaps: [(unit: Int, from: Double, to: Double)] = []
    public private(set) var jumps: [(unit: Int, point: TrackPoint)] = []
    public private(set) var lateFixes = 0

    public init(maxFixGap: Double, maxSpeed: Double, reorderWindow: Double, tolerance: Double, passTolerance: Double) {
        self.maxFixGap = maxFixGap
        self.maxSpeed = maxSpeed
        self.reorderWindow = reorderWindow
        self.tolerance = tolerance
        self.passTolerance = passTolerance
        rules = TrackRules(maxFixGap: maxFixGap, maxSpeed: maxSpeed)
        index = DrawnSegments(tolerance: passTolerance)
    }

    /// Takes the next fix of unit number `unit` (0, 1, 2, … in order of first appearance).
    public func add(unit: Int, time: Double, x: Double, y: Double) throws {
        while units.count <= unit { units.append(UnitState()) }
        var state = UnitState()
        swap(&state, &units[unit])
        defer { swap(&state, &units[unit]) }
        let point = TrackPoint(time: time, x: x, y: y)
        if state.buffer.push(point, window: reorderWindow) == .late {
            lateFixes += 1
            return
        }
        while let due = state.buffer.popDue(window: reorderWindow) {
            try accept(due, &state, unit)
        }
    }

    /// Every unit's lines (projected metres), by unit number; units without any line get none.
    public func finish() throws -> [[[Coordinate]]] {
        for unit in units.indices {
            var state = UnitState()
            swap(&state, &units[unit])
            while let point = state.buffer.popRemaining() {
                try accept(point, &state, unit)
            }
            try endRun(&state)
            swap(&state, &units[unit])
        }
        return units.map(\.pieces)
    }

    /// Applies the segment rules (`TrackRules`, as the engine does) to the next fix of a unit and draws
    /// what they keep; gaps and jumps are listed.
    private func accept(_ point: TrackPoint, _ state: inout UnitState, _ unit: Int) throws {
        switch rules.advance(point, &state.cursor) {
        case .first, .duplicate:
            break
        case .gap(let previous, _):
            gaps.append((unit, previous.time, point.time))
            try endRun(&state)
        case .jump:
            jumps.append((unit, point))
        case .oddOneOut(let previous, let previousFixes, let restart, _):
            // `restart` is kept after all; a lone `previous` is the jump instead.
            if let i = jumps.lastIndex(where: { $0.unit == unit && $0.point == restart }) { jumps.remove(at: i) }
            if previousFixes == 1 { jumps.append((unit, previous)) }
            try endRun(&state)
            try draw(from: restart, to: point, &state, unit)
        case .move(let previous, _):
            try draw(from: previous, to: point, &state, unit)
        }
    }

    /// Adds the track segment a→b to the unit's run unless it is already drawn.
    private func draw(from a: TrackPoint, to b: TrackPoint, _ state: inout UnitState, _ unit: Int) throws {
        if index.covers(unit, a.x, a.y, b.x, b.y) {
            try endRun(&state)
            return
        }
        index.insert(unit, a.x, a.y, b.x, b.y)
        let ca = Coordinate(x: a.x, y: a.y)
        let cb = Coordinate(x: b.x, y: b.y)
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
