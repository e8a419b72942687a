/// One unit's fixes waiting to be put in time order: the first half of the track cleaning, shared by
/// the visit engine (`TrackProcessor`) and the line drawer (`TrackLineDrawer`).
///
/// A fix waits until a fix of the same unit at least `window` seconds newer has arrived, so a fix that
/// comes late by less than that is put in its exact place. Use:
///
///     switch buffer.push(point, window: window) {
///     case .late: …                      // older than a fix already released: not stored
///     case .inOrder, .reordered: break
///     }
///     while let due = buffer.popDue(window: window) { … }   // in time order
///     …
///     while let rest = buffer.popRemaining() { … }          // at the end
///
/// What to do with a late fix is the caller's choice, and the two callers choose differently:
/// - the engine hands it to another run of the unit (the latest run that ended before it, or a new
///   one), so its presence is still counted (`TemporalResult.lateFixes`);
/// - the drawer leaves it out of the lines and only counts it (`TrackLineDrawer.lateFixes`).
/// Neither reaches the final results: a read with late fixes is read again with an infinite window
/// (`TemporalAnalysis`, `exactOrder`), where no fix is late.
///
/// With `window == .infinity` nothing is due before the end: fixes are appended in arrival order and
/// sorted once by `popRemaining` (a shuffled file would otherwise make each insertion move thousands of
/// fixes).
struct ReorderBuffer {
    /// How a pushed fix arrived.
    enum Arrival {
        /// At or after the newest waiting fix (or nothing was waiting).
        case inOrder
        /// Before a waiting fix: put in its place (or, with an infinite window, to be sorted at the end).
        case reordered
        /// Older than a fix already released: not stored, the caller decides.
        case late
    }

    /// Fixes not yet released, sorted by time from `head` on (with an infinite window: in arrival
    /// order, sorted at the end when `unsorted`).
    private var pending: [TrackPoint] = []
    private var head = 0
    private var unsorted = false
    /// Latest time already released (seconds).
    private(set) var newestReleased = -Double.infinity

    /// Stores a fix in time order among the waiting ones; fixes with the same time keep their order of
    /// arrival. A late fix is not stored.
    @inline(__always)
    mutating func push(_ point: TrackPoint, window: Double) -> Arrival {
        if point.time < newestReleased { return .late }
        let count = pending.count
        if head == count || point.time >= pending[count - 1].time {
            pending.append(point)
            return .inOrder
        }
        if window == .infinity {
            pending.append(point)
            unsorted = true
        } else {
            // Insert after any fix with the same time (binary search over the waiting part).
            var low = head
            var high = count
            while low < high {
                let middle = (low + high) / 2
                if pending[middle].time <= point.time { low = middle + 1 } else { high = middle }
            }
            pending.insert(point, at: low)
        }
        return .reordered
    }

    /// The oldest waiting fix if it is more than `window` seconds older than the newest one (then it
    /// is released: no later fix can come before it without being late); nil when none is, after
    /// compacting the buffer.
    @inline(__always)
    mutating func popDue(window: Double) -> TrackPoint? {
        if head < pending.count, pending[head].time < pending[pending.count - 1].time - window {
            return release()
        }
        if head == pending.count {
            pending.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 256, head * 2 >= pending.count {
            pending.removeFirst(head)
            head = 0
        }
        return nil
    }

    /// At the end: every fix still waiting, in time order, one per call; nil when none is left (the
    /// buffer's memory is then given back).
    mutating func popRemaining() -> TrackPoint? {
        if unsorted {
            pending = StableOrder.sortedByTime(pending, \.time)
            unsorted = false
        }
        if head < pending.count { return release() }
        pending = []
        head = 0
        return nil
    }

    @inline(__always)
    private mutating func release() -> TrackPoint {
        let point = pending[head]
        head += 1
        if point.time > newestReleased { newestReleased = point.time }
        return point
    }
}
