/// Where a track segment is inside a zone or area: segment parameters in [0, 1].
struct RegionHit {
    var region: Int32
    var enter: Double
    var exit: Double
}

/// A coarse uniform grid over the bounding boxes of many zones or areas, each prepared as a
/// `RegionShape` whose edges live in one shared `RegionStore`. A region is registered in every cell its box overlaps; a query visits the cells of
/// the segment's box and handles a region only in the cell holding the lower-left corner of the two
/// boxes' overlap, so each region is tested once without a "seen" set.
struct RegionIndex: Sendable {
    /// A region as a grid cell lists it: its bounding box (metres) next to its index, so that most
    /// candidates are turned down without touching the shape.
    private struct Entry {
        var minX: Double
        var minY: Double
        var maxX: Double
        var maxY: Double
        var region: Int32
    }

    let shapes: [RegionShape]
    let store: RegionStore
    /// Answers segments far from every boundary without the shapes.
    let raster: RegionRaster
    private let originX: Double
    private let originY: Double
    private let inverseCell: Double
    private let columns: Int
    private let rows: Int
    private let cellStart: [Int32]
    private let cellEntries: [Entry]

    /// No region with any area: every query answers nothing.
    var isEmpty: Bool { cellEntries.isEmpty }

    /// The grid never has more cells than this.
    static let maxCells = 1 << 20

    init(regions: [TemporalRegion]) {
        var store = RegionStore()
        let shapes = regions.map { RegionShape(rings: $0.polygons.flatMap(\.rings), store: &store) }
        self.shapes = shapes
        self.store = store
        raster = RegionRaster(shapes: shapes, store: store)
        let solid = shapes.filter { !$0.isEmpty }
        guard !solid.isEmpty else {
            (originX, originY, inverseCell, columns, rows) = (0, 0, 1, 1, 1)
            (cellStart, cellEntries) = ([0, 0], [])
            return
        }
        let minX = solid.map(\.minX).min()!
        let maxX = solid.map(\.maxX).max()!
        let minY = solid.map(\.minY).min()!
        let maxY = solid.map(\.maxY).max()!
        // Cells the size of a typical region, but not so small that the grid gets huge.
        let sizes = solid.map { max($0.maxX - $0.minX, $0.maxY - $0.minY) }.sorted()
        var cell = max(sizes[sizes.count / 2], max(maxX - minX, maxY - minY) / 1024, 1e-6)
        var columns = Int(((maxX - minX) / cell).rounded(.down)) + 1
        var rows = Int(((maxY - minY) / cell).rounded(.down)) + 1
        if Double(columns) * Double(rows) > Double(Self.maxCells) {
            cell *= (Double(columns) * Double(rows) / Double(Self.maxCells)).squareRoot() * 1.01
            columns = Int(((maxX - minX) / cell).rounded(.down)) + 1
            rows = Int(((maxY - minY) / cell).rounded(.down)) + 1
        }
        (originX, originY, inverseCell, self.columns, self.rows) = (minX, minY, 1 / cell, columns, rows)

        var perCell = [[Entry]](repeating: [], count: columns * rows)
        for (index, shape) in shapes.enumerated() where !shape.isEmpty {
            let columnRange = Self.range(shape.minX, shape.maxX, origin: minX, inverse: 1 / cell, count: columns)!
            let rowRange = Self.range(shape.minY, shape.maxY, origin: minY, inverse: 1 / cell, count: rows)!
            for row in rowRange {
                for column in columnRange {
                    perCell[row * columns + column].append(
                        Entry(minX: shape.minX, minY: shape.minY, maxX: shape.maxX, maxY: shape.maxY, region: Int32(index)))
                }
            }
        }
        var cellStart = [Int32](repeating: 0, count: columns * rows + 1)
        for cell in perCell.indices { cellStart[cell + 1] = cellStart[cell] + Int32(perCell[cell].count) }
        self.cellStart = cellStart
        self.cellEntries = perCell.flatMap { $0 }
    }

    /// Cells covering `[low, high]` along one axis, clamped to the grid; nil when entirely outside.
    @inline(__always)
    private static func range(
        _ low: Double, _ high: Double, origin: Double, inverse: Double, count: Int
    ) -> ClosedRange<Int>? {
        let first = ((low - origin) * inverse).rounded(.down)
        let last = ((high - origin) * inverse).rounded(.down)
        guard last >= 0, first < Double(count) else { return nil }
        return Int(max(0, first))...Int(min(Double(count - 1), last))
    }

    @inline(__always)
    private func cellIndex(_ x: Double, _ y: Double) -> Int {
        let column = Int(min(Double(columns - 1), max(0, ((x - originX) * inverseCell).rounded(.down))))
        let row = Int(min(Double(rows - 1), max(0, ((y - originY) * inverseCell).rounded(.down))))
        return row * columns + column
    }

    /// Appends to `hits` the parts of the segment inside each region (several per region when it
    /// leaves and comes back). `crossings` and `intervals` are scratch space.
    func segmentHits(
        _ ax: Double, _ ay: Double, _ bx: Double, _ by: Double,
        crossings: inout [Double], intervals: inout [(enter: Double, exit: Double)], into hits: inout [RegionHit]
    ) {
        guard !cellEntries.isEmpty else { return }
        if let set = raster.uniformSet(ax, ay, bx, by) {
            for region in raster.regions(of: set) { hits.append(RegionHit(region: region, enter: 0, exit: 1)) }
            return
        }
        let lowX = min(ax, bx)
        let highX = max(ax, bx)
        let lowY = min(ay, by)
        let highY = max(ay, by)
        guard let columnRange = Self.range(lowX, highX, origin: originX, inverse: inverseCell, count: columns),
            let rowRange = Self.range(lowY, highY, origin: originY, inverse: inverseCell, count: rows)
        else { return }
        for row in rowRange {
            for column in columnRange {
                let cell = row * columns + column
                for slot in Int(cellStart[cell])..<Int(cellStart[cell + 1]) {
                    let entry = cellEntries[slot]
                    guard highX >= entry.minX, lowX <= entry.maxX, highY >= entry.minY, lowY <= entry.maxY,
                        cellIndex(max(lowX, entry.minX), max(lowY, entry.minY)) == cell
                    else { continue }
                    let region = Int(entry.region)
                    intervals.removeAll(keepingCapacity: true)
                    shapes[region].insideIntervals(ax, ay, bx, by, store: store, crossings: &crossings, into: &intervals)
                    for interval in intervals {
                        hits.append(RegionHit(region: Int32(region), enter: interval.enter, exit: interval.exit))
                    }
                }
            }
        }
    }
}
