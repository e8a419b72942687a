/// A raster over all regions of a `RegionIndex` that answers most track segments without touching a
/// polygon: each square cell is either *dirty* (some region's edge may pass through it) or *clean*,
/// and a clean cell knows the set of regions that contain it entirely. A segment whose cells are all
/// clean and share one set is inside exactly those regions from end to end (it crosses no edge), so
/// its hits are `(0, 1)` for each region of the set, the answer `RegionShape.insideIntervals` gives
/// too. Any other segment (near a boundary) goes to the exact path.
///
/// Why: on 10⁷ fixes the zone and kecamatan tests were the largest part of the visit engine
/// (`RegionShape.insideIntervals` and `RegionIndex.segmentHits`, about 11 of 35 CPU-seconds on the
/// docs/benchmarks.md GPS workload), while most segments lie far from every boundary: a kecamatan's
/// interior or open country between zones.
///
/// Exactness: dirty cells are marked with `RegionShape.forEachCell`, which lists a superset of the
/// cells an edge passes through; a clean cell therefore holds no boundary point, and every point in
/// it has the even–odd state of its centre, found by a scan line through the row's centres (the half-
/// open rule on y of `RegionShape`). Cells outside the raster hold no region (the raster spans all
/// regions' bounding boxes).
struct RegionRaster: Sendable {
    private let originX: Double
    private let originY: Double
    private let cell: Double
    private let columns: Int
    private let rows: Int
    /// Per cell: the index of its region set in `setStart`, or -1 when dirty. Set 0 is the empty set.
    private let cellSet: [Int32]
    /// Set `s` is `members[setStart[s]..<setStart[s + 1]]`, region indexes in increasing order.
    private let setStart: [Int32]
    private let members: [Int32]

    /// The raster never has more cells than this (4 bytes each).
    static let maxCells = 4 << 20
    /// Cell side (metres) when the extent allows: a few per typical track segment of a vehicle.
    static let preferredCell = 100.0

    init(shapes: [RegionShape], store: RegionStore) {
        let solid = shapes.filter { !$0.isEmpty }
        guard !solid.isEmpty else {
            (originX, originY, cell, columns, rows) = (0, 0, 1, 1, 1)
            (cellSet, setStart, members) = ([0], [0, 0], [])
            return
        }
        let minX = solid.map(\.minX).min()!
        let maxX = solid.map(\.maxX).max()!
        let minY = solid.map(\.minY).min()!
        let maxY = solid.map(\.maxY).max()!
        var cell = Self.preferredCell
        if (maxX - minX) / cell * (maxY - minY) / cell > Double(Self.maxCells) {
            cell = ((maxX - minX) * (maxY - minY) / Double(Self.maxCells)).squareRoot() * 1.01
        }
        let columns = Int(((maxX - minX) / cell).rounded(.down)) + 1
        let rows = Int(((maxY - minY) / cell).rounded(.down)) + 1
        (originX, originY, self.cell, self.columns, self.rows) = (minX, minY, cell, columns, rows)

        // Dirty cells: every cell any edge may pass through.
        var cellSet = [Int32](repeating: 0, count: columns * rows)
        for edge in store.edges {
            RegionShape.forEachCell(
                edge.ax, edge.ay, edge.bx, edge.by, minX: minX, minY: minY, cellWidth: cell, cellHeight: cell,
                columns: columns, rows: rows
            ) { cellSet[$0] = -1 }
        }

        // Region sets of the clean cells, region by region (so each set's members come in increasing
        // order); set `s` plus region `r` is looked up in `next` so each distinct set is stored once.
        var setStart: [Int32] = [0, 0]
        var members: [Int32] = []
        var next: [SIMD2<Int32>: Int32] = [:]
        var crossings: [[Double]] = []
        for (region, shape) in shapes.enumerated() where !shape.isEmpty {
            let firstRow = max(0, Int(((shape.minY - minY) / cell).rounded(.down)))
            let lastRow = min(rows - 1, Int(((shape.maxY - minY) / cell).rounded(.down)))
            let firstColumn = max(0, Int(((shape.minX - minX) / cell).rounded(.down)))
            let lastColumn = min(columns - 1, Int(((shape.maxX - minX) / cell).rounded(.down)))
            guard firstRow <= lastRow, firstColumn <= lastColumn else { continue }
            // Where each row's centre line crosses the region's edges.
            crossings.removeAll(keepingCapacity: true)
            crossings.append(contentsOf: repeatElement([], count: lastRow - firstRow + 1))
            for edge in store.edges[shape.edgeRange] {
                let low = min(edge.ay, edge.by)
                let high = max(edge.ay, edge.by)
                let first = max(firstRow, Int(((low - minY) / cell - 0.5).rounded(.down)))
                let last = min(lastRow, Int(((high - minY) / cell - 0.5).rounded(.up)))
                guard first <= last else { continue }
                for row in first...last {
                    let lineY = minY + (Double(row) + 0.5) * cell
                    if (edge.ay > lineY) != (edge.by > lineY) {
                        crossings[row - firstRow].append(
                            edge.ax + (lineY - edge.ay) * (edge.bx - edge.ax) / (edge.by - edge.ay))
                    }
                }
            }
            for row in firstRow...lastRow {
                crossings[row - firstRow].sort()
                let line = crossings[row - firstRow]
                var left = 0
                for column in firstColumn...lastColumn {
                    let centreX = minX + (Double(column) + 0.5) * cell
                    while left < line.count, line[left] < centreX { left += 1 }
                    let index = row * columns + column
                    let set = cellSet[index]
                    guard left % 2 == 1, set >= 0 else { continue }
                    let key = SIMD2(set, Int32(region))
                    if let known = next[key] {
                        cellSet[index] = known
                        continue
                    }
                    members.append(contentsOf: members[Int(setStart[Int(set)])..<Int(setStart[Int(set) + 1])])
                    members.append(Int32(region))
                    setStart.append(Int32(members.count))
                    let made = Int32(setStart.count - 2)
                    next[key] = made
                    cellSet[index] = made
                }
            }
        }
        (self.cellSet, self.setStart, self.members) = (cellSet, setStart, members)
    }

    /// The set of regions the whole segment is inside, when every cell it may pass through is clean
    /// and they all agree; nil when the segment must be tested exactly.
    @inline(__always)
    func uniformSet(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double) -> Int32? {
        let firstRow = ((min(ay, by) - originY) / cell).rounded(.down)
        let lastRow = ((max(ay, by) - originY) / cell).rounded(.down)
        let firstColumn = ((min(ax, bx) - originX) / cell).rounded(.down)
        let lastColumn = ((max(ax, bx) - originX) / cell).rounded(.down)
        // Entirely outside: in no region. Partly outside: leave it to the exact path.
        if lastRow < 0 || lastColumn < 0 || firstRow >= Double(rows) || firstColumn >= Double(columns) { return 0 }
        guard firstRow >= 0, firstColumn >= 0, lastRow < Double(rows), lastColumn < Double(columns) else { return nil }
        let (r0, r1, c0, c1) = (Int(firstRow), Int(lastRow), Int(firstColumn), Int(lastColumn))
        return cellSet.withUnsafeBufferPointer { cells -> Int32? in
            let set = cells[r0 * columns + c0]
            guard set >= 0 else { return nil }
            if r0 == r1 && c0 == c1 { return set }
            // Every cell of the segment's box: a superset of the cells it passes through, small
            // for the short segments between fixes.
            for row in r0...r1 {
                for column in c0...c1 where cells[row * columns + column] != set { return nil }
            }
            return set
        }
    }

    /// The regions of a set, in increasing order.
    @inline(__always)
    func regions(of set: Int32) -> ArraySlice<Int32> {
        members[Int(setStart[Int(set)])..<Int(setStart[Int(set) + 1])]
    }

    /// Share of the cells that are clean (for tests and profiling).
    var cleanShare: Double { Double(cellSet.count { $0 >= 0 }) / Double(cellSet.count) }
}
