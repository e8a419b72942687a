/// The edges and edge grids of every region of a `RegionIndex`, in flat arrays shared by all of them
/// (no object per region: nothing to retain or release in the hot path, even from several threads).
struct RegionStore: Sendable {
    /// One polygon edge, metres.
    struct Edge {
        var ax: Double
        var ay: Double
        var bx: Double
        var by: Double
    }

    var edges: [Edge] = []
    /// Per grid cell (all regions' cells one after the other): its slice of `cellEdges` is
    /// `cellStart[c]..<cellStart[c + 1]`.
    var cellStart: [Int32] = [0]
    /// Indexes into `edges`.
    var cellEdges: [Int32] = []
    /// Per grid cell: whether its reference point is inside its region.
    var referenceInside: [Bool] = []
}

/// One zone or area prepared for exact queries by track segments: its edges binned in a grid of its own.
///
/// Point in region: each grid cell keeps a reference point whose inside/outside state was found once
/// by a scan line; a query point is inside when that state, flipped once per edge crossed on the way
/// from the reference point (which only the cell's own edges can be), says so. Segment in region: the
/// parameters where the segment crosses an edge cut it into pieces, and each piece's midpoint is tested,
/// so touching a vertex or running along an edge cannot flip the answer by mistake.
///
/// Only numbers live here; the edges and cells are in the index's `RegionStore`.
struct RegionShape: Sendable {
    let minX: Double
    let minY: Double
    let maxX: Double
    let maxY: Double
    /// No area at all (degenerate rings): nothing is ever inside.
    let isEmpty: Bool
    private let columns: Int
    private let rows: Int
    private let cellWidth: Double
    private let cellHeight: Double
    /// Index of this region's first cell in the store.
    private let firstCell: Int
    /// This region's edges in the store.
    let edgeRange: Range<Int>

    /// Where in its cell the reference point sits (fractions of the cell), chosen away from round
    /// numbers so that it does not land on an axis-aligned edge.
    private static let referenceX = 0.512_345_678_9
    private static let referenceY = 0.487_654_321_1
    /// A grid side never has more cells than this.
    private static let maxSide = 512

    /// Prepares the rings (all rings of all polygons, even–odd rule; closed or open), adding their
    /// edges and cells to `store`.
    init(rings: [[SIMD2<Double>]], store: inout RegionStore) {
        let firstEdge = store.edges.count
        for ring in rings {
            var points = ring
            if points.count > 1, points.first == points.last { points.removeLast() }
            guard points.count >= 2 else { continue }
            for index in points.indices {
                let a = points[index]
                let b = points[(index + 1) % points.count]
                if a != b { store.edges.append(RegionStore.Edge(ax: a.x, ay: a.y, bx: b.x, by: b.y)) }
            }
        }
        let edges = store.edges[firstEdge...]
        edgeRange = firstEdge..<store.edges.count
        let minX = edges.map { min($0.ax, $0.bx) }.min() ?? 0
        let maxX = edges.map { max($0.ax, $0.bx) }.max() ?? 0
        let minY = edges.map { min($0.ay, $0.by) }.min() ?? 0
        let maxY = edges.map { max($0.ay, $0.by) }.max() ?? 0
        (self.minX, self.minY, self.maxX, self.maxY) = (minX, minY, maxX, maxY)
        firstCell = store.referenceInside.count
        let width = maxX - minX
        let height = maxY - minY
        guard edges.count >= 3, width > 0, height > 0 else {
            isEmpty = true
            (columns, rows, cellWidth, cellHeight) = (1, 1, 1, 1)
            store.referenceInside.append(false)
            store.cellStart.append(store.cellStart.last!)
            return
        }
        isEmpty = false

        // About one cell per edge, shaped like the bounding box.
        let target = Double(min(edges.count, Self.maxSide * Self.maxSide))
        let aspect = width / height
        let columns = max(1, min(Self.maxSide, Int((target * aspect).squareRoot().rounded())))
        let rows = max(1, min(Self.maxSide, Int((target / aspect).squareRoot().rounded())))
        (self.columns, self.rows) = (columns, rows)
        let cellWidth = width / Double(columns)
        let cellHeight = height / Double(rows)
        (self.cellWidth, self.cellHeight) = (cellWidth, cellHeight)

        var perCell = [[Int32]](repeating: [], count: columns * rows)
        for edge in edges.indices {
            let e = store.edges[edge]
            Self.forEachCell(
                e.ax, e.ay, e.bx, e.by, minX: minX, minY: minY, cellWidth: cellWidth, cellHeight: cellHeight,
                columns: columns, rows: rows
            ) { perCell[$0].append(Int32(edge)) }
        }

        // Reference points: one scan line per row through the row's reference points, counting the
        // edges crossed to the left (half-open rule on y so a vertex on the line counts once).
        var inside = [Bool](repeating: false, count: columns * rows)
        var seenInRow = [Int](repeating: -1, count: edges.count)
        var crossings: [Double] = []
        for row in 0..<rows {
            let lineY = minY + (Double(row) + Self.referenceY) * cellHeight
            crossings.removeAll(keepingCapacity: true)
            for cell in (row * columns)..<((row + 1) * columns) {
                for edge in perCell[cell] {
                    guard seenInRow[Int(edge) - firstEdge] != row else { continue }
                    seenInRow[Int(edge) - firstEdge] = row
                    let e = store.edges[Int(edge)]
                    if (e.ay > lineY) != (e.by > lineY) {
                        crossings.append(e.ax + (lineY - e.ay) * (e.bx - e.ax) / (e.by - e.ay))
                    }
                }
            }
            crossings.sort()
            var left = 0
            for column in 0..<columns {
                let pointX = minX + (Double(column) + Self.referenceX) * cellWidth
                while left < crossings.count, crossings[left] < pointX { left += 1 }
                inside[row * columns + column] = left % 2 == 1
            }
        }
        for cell in perCell.indices {
            store.cellEdges.append(contentsOf: perCell[cell])
            store.cellStart.append(Int32(store.cellEdges.count))
        }
        store.referenceInside.append(contentsOf: inside)
    }

    /// Calls `body` with the index (within this region) of every grid cell the segment may pass
    /// through (a superset by a hair, so that rounding never loses one).
    @inline(__always)
    static func forEachCell(
        _ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, minX: Double, minY: Double,
        cellWidth: Double, cellHeight: Double, columns: Int, rows: Int, _ body: (Int) -> Void
    ) {
        let padX = cellWidth * 1e-9
        let padY = cellHeight * 1e-9
        let firstRow = ((min(ay, by) - padY - minY) / cellHeight).rounded(.down)
        let lastRow = ((max(ay, by) + padY - minY) / cellHeight).rounded(.down)
        guard lastRow >= 0, firstRow < Double(rows) else { return }
        for row in Int(max(0, firstRow))...Int(min(Double(rows - 1), lastRow)) {
            var lowX = min(ax, bx)
            var highX = max(ax, bx)
            if ay != by {
                let bandLow = minY + Double(row) * cellHeight - padY
                let bandHigh = bandLow + cellHeight + 2 * padY
                var s0 = (bandLow - ay) / (by - ay)
                var s1 = (bandHigh - ay) / (by - ay)
                if s0 > s1 { swap(&s0, &s1) }
                s0 = max(0, s0)
                s1 = min(1, s1)
                guard s0 <= s1 else { continue }
                let x0 = ax + s0 * (bx - ax)
                let x1 = ax + s1 * (bx - ax)
                lowX = min(x0, x1)
                highX = max(x0, x1)
            }
            let firstColumn = ((lowX - padX - minX) / cellWidth).rounded(.down)
            let lastColumn = ((highX + padX - minX) / cellWidth).rounded(.down)
            guard lastColumn >= 0, firstColumn < Double(columns) else { continue }
            for column in Int(max(0, firstColumn))...Int(min(Double(columns - 1), lastColumn)) {
                body(row * columns + column)
            }
        }
    }

    /// The cell (within this region) holding a point of the bounding box.
    @inline(__always)
    private func cell(_ x: Double, _ y: Double) -> (column: Int, row: Int) {
        (min(columns - 1, Int((x - minX) / cellWidth)), min(rows - 1, Int((y - minY) / cellHeight)))
    }

    /// Whether the point is inside (points on the boundary may go either way).
    func contains(_ x: Double, _ y: Double, store: RegionStore) -> Bool {
        guard !isEmpty, x >= minX, x <= maxX, y >= minY, y <= maxY else { return false }
        let (column, row) = cell(x, y)
        let cell = firstCell + row * columns + column
        let referenceX = minX + (Double(column) + Self.referenceX) * cellWidth
        let referenceY = minY + (Double(row) + Self.referenceY) * cellHeight
        var inside = store.referenceInside[cell]
        for slot in Int(store.cellStart[cell])..<Int(store.cellStart[cell + 1]) {
            let e = store.edges[Int(store.cellEdges[slot])]
            // Do the edge's ends lie on either side of the path's line, and the path's ends on either
            // side of the edge's line? (A zero orientation counts as "not positive", consistently.)
            let side1 = (x - referenceX) * (e.ay - referenceY) - (y - referenceY) * (e.ax - referenceX)
            let side2 = (x - referenceX) * (e.by - referenceY) - (y - referenceY) * (e.bx - referenceX)
            guard (side1 > 0) != (side2 > 0) else { continue }
            let side3 = (e.bx - e.ax) * (referenceY - e.ay) - (e.by - e.ay) * (referenceX - e.ax)
            let side4 = (e.bx - e.ax) * (y - e.ay) - (e.by - e.ay) * (x - e.ax)
            if (side3 > 0) != (side4 > 0) { inside.toggle() }
        }
        return inside
    }

    /// Appends to `intervals` the parts of the segment (as parameter pairs in [0, 1], exactly 0 or 1
    /// at an end that is inside) that lie inside. `crossings` is scratch space.
    func insideIntervals(
        _ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, store: RegionStore,
        crossings: inout [Double], into intervals: inout [(enter: Double, exit: Double)]
    ) {
        guard !isEmpty, max(ax, bx) >= minX, min(ax, bx) <= maxX, max(ay, by) >= minY, min(ay, by) <= maxY
        else { return }
        let dx = bx - ax
        let dy = by - ay
        // Common case: both ends in the same cell, and no edge there: all in or all out.
        if min(ax, bx) >= minX, max(ax, bx) <= maxX, min(ay, by) >= minY, max(ay, by) <= maxY {
            let start = cell(ax, ay)
            if start == cell(bx, by) {
                let index = firstCell + start.row * columns + start.column
                if store.cellStart[index] == store.cellStart[index + 1] {
                    if store.referenceInside[index] { intervals.append((0, 1)) }
                    return
                }
            }
        }
        if dx == 0 && dy == 0 {
            if contains(ax, ay, store: store) { intervals.append((0, 1)) }
            return
        }
        crossings.removeAll(keepingCapacity: true)
        let firstCell = self.firstCell
        Self.forEachCell(
            ax, ay, bx, by, minX: minX, minY: minY, cellWidth: cellWidth, cellHeight: cellHeight,
            columns: columns, rows: rows
        ) { localCell in
            let cell = firstCell + localCell
            for slot in Int(store.cellStart[cell])..<Int(store.cellStart[cell + 1]) {
                let e = store.edges[Int(store.cellEdges[slot])]
                let ex = e.bx - e.ax
                let ey = e.by - e.ay
                let denominator = dx * ey - dy * ex
                guard denominator != 0 else { continue }
                let wx = e.ax - ax
                let wy = e.ay - ay
                let s = (wx * ey - wy * ex) / denominator
                let u = (wx * dy - wy * dx) / denominator
                if s > 0, s < 1, u >= 0, u <= 1 { crossings.append(s) }
            }
        }
        if crossings.count > 1 { crossings.sort() }
        crossings.append(1)
        var previous = 0.0
        var openStart = -1.0
        for cut in crossings where cut > previous {
            let middle = (previous + cut) / 2
            if contains(ax + middle * dx, ay + middle * dy, store: store) {
                if openStart < 0 { openStart = previous }
            } else if openStart >= 0 {
                intervals.append((openStart, previous))
                openStart = -1
            }
            previous = cut
        }
        if openStart >= 0 { intervals.append((openStart, 1)) }
    }
}
