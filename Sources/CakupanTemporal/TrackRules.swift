/// A fix reduced to what the track cleaning keeps: time (epoch seconds) and position (metres).
public struct TrackPoint: Equatable, Sendable {
    public var time: Double
    public var x: Double
    public var y: Double
}

/// The segment rules: the second half of the track cleaning (after `ReorderBuffer`), shared by the
/// visit engine (`TrackProcessor`) and the line drawer (`TrackLineDrawer`). Fed one track's fixes in
/// time order, `advance` says what each fix does to the track; the caller measures or draws.
///
/// - **Gap**: a fix more than `maxFixGap` seconds after the last kept fix ends the segment and
///   starts a new one; nothing is assumed across the gap.
/// - **Duplicate**: a fix at the time and place of the last kept fix is dropped.
/// - **Jump**: a fix implying more than `maxSpeed` from the last kept fix (or at its time but
///   elsewhere) is dropped as a GPS jump.
/// - **Odd one out**: when two fixes in a row are jumps from the last kept fix but plausible from
///   each other, the kept fix was the odd one (a bad first fix would otherwise throw away the whole
///   track up to the next gap): the segment ends there, a lone kept fix is dropped as the jump
///   instead, and the track goes on from the two.
struct TrackRules {
    /// Seconds.
    let maxFixGap: Double
    /// Metres per second.
    let maxSpeed: Double

    /// Where one track stands: the last kept fix, how many kept fixes the current segment has, and
    /// the fix just dropped as a jump.
    struct Cursor {
        /// The last kept fix (time `-infinity` before the first).
        var last = TrackPoint(time: -.infinity, x: 0, y: 0)
        /// Whether the track has had a kept fix.
        var started = false
        /// Kept fixes in the current segment (0 once it has ended).
        var segmentFixes = 0
        /// The fix just dropped as a jump, if the one before it was kept.
        var rejected: TrackPoint?
    }

    /// What a fix did to the track (the cursor is already moved on).
    enum Step {
        /// The track's first fix: kept, a segment starts at it.
        case first
        /// Kept after a gap: the segment that ended at `previous` (with `previousFixes` kept fixes)
        /// is over, a new one starts at the fix.
        case gap(previous: TrackPoint, previousFixes: Int)
        /// Dropped: the same time and place as the last kept fix.
        case duplicate
        /// Dropped as a GPS jump.
        case jump
        /// The fix and `restart` (dropped as a jump just before) agree, so the kept fix `previous`
        /// was the odd one: its segment (with `previousFixes` kept fixes; a lone one is dropped as the
        /// jump instead) is over, `restart` is kept after all and starts a new segment, and the fix
        /// follows it (`length` metres).
        case oddOneOut(previous: TrackPoint, previousFixes: Int, restart: TrackPoint, length: Double)
        /// Kept: the track moved from `from` to the fix (`length` metres).
        case move(from: TrackPoint, length: Double)
    }

    /// Applies the rules to the next fix of a track (fixes in time order).
    @inline(__always)
    func advance(_ point: TrackPoint, _ cursor: inout Cursor) -> Step {
        guard cursor.started else {
            start(point, &cursor)
            return .first
        }
        let previous = cursor.last
        let elapsed = point.time - previous.time
        if elapsed > maxFixGap {
            let fixes = cursor.segmentFixes
            start(point, &cursor)
            return .gap(previous: previous, previousFixes: fixes)
        }
        let dx = point.x - previous.x
        let dy = point.y - previous.y
        let distance = (dx * dx + dy * dy).squareRoot()
        if elapsed <= 0, distance == 0 { return .duplicate }
        if elapsed <= 0 || distance > maxSpeed * elapsed {
            if let rejected = cursor.rejected, let length = plausible(from: rejected, to: point) {
                // `rejected` starts a segment and `point` follows it: `plausible` is exactly the
                // converse of the gap, duplicate and jump tests above, from `rejected`.
                let fixes = cursor.segmentFixes
                cursor.last = point
                cursor.segmentFixes = 2
                cursor.rejected = nil
                return .oddOneOut(previous: previous, previousFixes: fixes, restart: rejected, length: length)
            }
            cursor.rejected = point
            return .jump
        }
        cursor.rejected = nil
        cursor.last = point
        cursor.segmentFixes += 1
        return .move(from: previous, length: distance)
    }

    /// The length from `a` to `b` if `b` may follow `a` in one segment (later, within the gap, not
    /// too fast), nil otherwise.
    @inline(__always)
    private func plausible(from a: TrackPoint, to b: TrackPoint) -> Double? {
        let elapsed = b.time - a.time
        guard elapsed > 0, elapsed <= maxFixGap else { return nil }
        let dx = b.x - a.x
        let dy = b.y - a.y
        let distance = (dx * dx + dy * dy).squareRoot()
        return distance <= maxSpeed * elapsed ? distance : nil
    }

    @inline(__always)
    private func start(_ point: TrackPoint, _ cursor: inout Cursor) {
        cursor.last = point
        cursor.started = true
        cursor.segmentFixes = 1
        cursor.rejected = nil
    }
}
