/// The track segments drawn so far, per unit: answers "is this piece of track already within
/// `tolerance` of a drawn segment of the same unit?" (`TrackLineDrawer`, repeated passes).
///
/// Each unit keeps its segments in one array and a grid of `cell`-metre squares listing, per square,
/// the segments within `tolerance` of it, so the square of a point lists every segment within
/// `tolerance` of that point. Per unit rather than one table for all: a unit's segments stay next to
/// each other in memory, and fixes of hundreds of units interleave.
struct DrawnSegments {
    private struct Entry {
        var ax: Double
        var ay: Double
        var bx: Double
        var by: Double
    }

    private struct UnitSegments {
        var segments: [Entry] = []
        var cells: [Int64: [Int32]] = [:]
        /// The segment that carried the last walk to its end: the next fix of a unit driving a road
        /// it drove before is usually near it or its neighbours in drawing order (either way along).
        var last: Int32 = -1
    }

    let tolerance: Double
    let cell = 200.0
    private var units: [UnitSegments] = []
    /// Scratch: the cells of the segment being inserted.
    private var scratch: [Int64] = []

    init(tolerance: Double) {
        self.tolerance = tolerance
    }

    /// Segments stored (for tests and profiling).
    var count: Int { units.reduce(0) { $0 + $1.segments.count } }

    @inline(__always)
    private func key(_ column: Int, _ row: Int) -> Int64 {
        (Int64(truncatingIfNeeded: column) << 32) | Int64(UInt32(truncatingIfNeeded: row))
    }

    /// Stores the segment a→b of `unit`, listed in every cell within `tolerance` of it (found by
    /// walking the segment in steps of at most one cell).
    mutating func insert(_ unit: Int, _ ax: Double, _ ay: Double, _ bx: Double, _ by: Double) {
        while units.count <= unit { units.append(UnitSegments()) }
        let length = ((bx - ax) * (bx - ax) + (by - ay) * (by - ay)).squareRoot()
        let steps = max(1, Int((length / cell).rounded(.up)))
        scratch.removeAll(keepingCapacity: true)
        for p in 0..<steps {
            let t0 = Double(p) / Double(steps)
            let t1 = Double(p + 1) / Double(steps)
            let px = ax + (bx - ax) * t0
            let py = ay + (by - ay) * t0
            let qx = ax + (bx - ax) * t1
            let qy = ay + (by - ay) * t1
            let c0 = Int(((min(px, qx) - tolerance) / cell).rounded(.down))
            let c1 = Int(((max(px, qx) + tolerance) / cell).rounded(.down))
            let r0 = Int(((min(py, qy) - tolerance) / cell).rounded(.down))
            let r1 = Int(((max(py, qy) + tolerance) / cell).rounded(.down))
            for row in r0...r1 {
                for column in c0...c1 {
                    let k = key(column, row)
                    if !scratch.contains(k) { scratch.append(k) }
                }
            }
        }
        let index = Int32(units[unit].segments.count)
        units[unit].segments.append(Entry(ax: ax, ay: ay, bx: bx, by: by))
        for k in scratch { units[unit].cells[k, default: []].append(index) }
    }

    /// Squared distance from (px, py) to the segment of an entry.
    @inline(__always)
    private static func distanceSquared(_ px: Double, _ py: Double, _ e: Entry) -> Double {
        let dx = e.bx - e.ax
        let dy = e.by - e.ay
        let lengthSquared = dx * dx + dy * dy
        var t = lengthSquared > 0 ? ((px - e.ax) * dx + (py - e.ay) * dy) / lengthSquared : 0
        t = min(1, max(0, t))
        let ex = e.ax + t * dx - px
        let ey = e.ay + t * dy - py
        return ex * ex + ey * ey
    }

    /// How far along p→q (a fraction 0…1) the points stay within `tolerance` of the entry's segment,
    /// given that p is: where the line leaves the capsule around the segment (two end discs and the
    /// band between them; the capsule is convex, so its section is one interval containing 0).
    @inline(__always)
    private func reach(_ px: Double, _ py: Double, _ dx: Double, _ dy: Double, _ e: Entry) -> Double {
        let r2 = tolerance * tolerance
        var best = 0.0
        let a = dx * dx + dy * dy
        guard a > 0 else { return 1 }
        // End discs: the larger root of |p + t d − c|² = r².
        for (cx, cy) in [(e.ax, e.ay), (e.bx, e.by)] {
            let fx = px - cx
            let fy = py - cy
            let halfB = fx * dx + fy * dy
            let disc = halfB * halfB - a * (fx * fx + fy * fy - r2)
            if disc >= 0 { best = max(best, (-halfB + disc.squareRoot()) / a) }
        }
        // Band: 0 ≤ u ≤ length along the segment, |v| ≤ tolerance across it.
        let sx = e.bx - e.ax
        let sy = e.by - e.ay
        let length = (sx * sx + sy * sy).squareRoot()
        if length > 0 {
            let ux = sx / length
            let uy = sy / length
            let u0 = (px - e.ax) * ux + (py - e.ay) * uy
            let du = dx * ux + dy * uy
            let v0 = (px - e.ax) * -uy + (py - e.ay) * ux
            let dv = dx * -uy + dy * ux
            var low = -Double.infinity
            var high = Double.infinity
            func clip(_ start: Double, _ step: Double, _ min: Double, _ max: Double) {
                if step == 0 {
                    if start < min || start > max { (low, high) = (1, 0) }
                } else {
                    let t1 = (min - start) / step
                    let t2 = (max - start) / step
                    low = Swift.max(low, Swift.min(t1, t2))
                    high = Swift.min(high, Swift.max(t1, t2))
                }
            }
            clip(u0, du, 0, length)
            clip(v0, dv, -tolerance, tolerance)
            if low <= high { best = max(best, high) }
        }
        return best
    }

    /// Whether the segment a→b of `unit` lies within `tolerance` of the unit's stored segments. Walks
    /// from a towards b: at each step, among the stored segments near the current point, the one that
    /// stays near for the longest stretch of the way (`reach`) carries the walk to where it leaves;
    /// true when the walk reaches b. Exact up to rounding: every point of a→b is then within
    /// `tolerance` of a stored segment.
    mutating func covers(_ unit: Int, _ ax: Double, _ ay: Double, _ bx: Double, _ by: Double) -> Bool {
        guard unit < units.count else { return false }
        let limit = tolerance * tolerance * (1 + 1e-9)
        var px = ax
        var py = ay
        var forceCell = false
        for _ in 0..<64 {
            let dx = bx - px
            let dy = by - py
            var best = 0.0
            var bestIndex: Int32 = -1
            func consider(_ i: Int32) -> Bool {
                let e = units[unit].segments[Int(i)]
                guard Self.distanceSquared(px, py, e) <= limit else { return false }
                if Self.distanceSquared(bx, by, e) <= limit {
                    units[unit].last = i
                    return true
                }
                let r = reach(px, py, dx, dy, e)
                if r > best {
                    best = r
                    bestIndex = i
                }
                return false
            }
            let last = units[unit].last
            if !forceCell, last >= 0 {
                // The remembered segment and its neighbours first, without a cell lookup.
                for i in [last, last - 1, last + 1] where i >= 0 && Int(i) < units[unit].segments.count {
                    if consider(i) { return true }
                }
            }
            var looked = false
            if bestIndex < 0 || forceCell {
                looked = true
                guard let list = units[unit].cells[key(Int((px / cell).rounded(.down)), Int((py / cell).rounded(.down)))] else {
                    return false
                }
                for i in list where consider(i) { return true }
            }
            forceCell = false
            let step = min(best, 1)
            guard step * (dx * dx + dy * dy).squareRoot() > 1e-3 else {
                if looked { return false }
                forceCell = true  // the remembered segments lead nowhere: try every segment of the cell
                continue
            }
            if step >= 1 { return true }
            units[unit].last = bestIndex
            px += step * dx
            py += step * dy
        }
        return false
    }
}
