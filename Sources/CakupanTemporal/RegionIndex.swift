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
    private let grid: GridLayout
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
            grid = .single
            (cellStart, cellEntries) = ([0, 0], [])
            return
        }
        let minX = solid.map(\.minX).min()!
        let maxX = solid.map(\.maxX).max()!
        let minY = solid.map(\.minY).min()!
        let maxY = solid.map(\.maxY).max()!
        // Cells the size of a typical region, but not so small that the grid gets huge.
        let sizes = solid.map { max($0.maxX - $0.minX, $0.maxY - $0.minY) }.sorted()
        let cell = max(sizes[sizes.count / 2], max(maxX - minX, maxY - minY) / 1024, 1e-6)
        let grid = GridLayout(minX: minX, minY: minY, maxX: maxX, maxY: maxY, cell: cell, maxCells: Self.maxCells)
        self.grid = grid
        let columns = grid.columns

        var perCell = [[Entry]](repeating: [], count: grid.cellCount)
        for (index, shape) in shapes.enumerated() where !shape.isEmpty {
            let columnRange = grid.columnRange(shape.minX, shape.maxX)!
            let rowRange = grid.rowRange(shape.minY, shape.maxY)!
            for row in rowRange {
                for column in columnRange {
                    perCell[row * columns + column].append(
                        Entry(minX: shape.minX, minY: shape.minY, maxX: shape.maxX, maxY: shape.maxY, region: Int32(index)))
                }
            }
        }
        var cellStart = [Int32](repeating: 0, count: grid.cellCount + 1)
        for cell in perCell.indices { cellStart[cell + 1] = cellStart[cell] + Int32(perCell[cell].count) }
        self.cellStart = cellStart
        self.cellEntries = perCell.flatMap { $0 }
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
        guard let columnRange = grid.columnRange(lowX, highX), let rowRange = grid.rowRange(lowY, highY) else { return }
        let columns = grid.columns
        for row in rowRange {
            for column in columnRange {
                let cell = row * columns + column
                for slot in Int(cellStart[cell])..<Int(cellStart[cell + 1]) {
                    let entry = cellEntries[slot]
                    guard highX >= entry.minX, lowX <= entry.maxX, highY >= entry.minY, lowY <= entry.maxY,
                        grid.clampedCell(max(lowX, entry.minX), max(lowY, entry.minY)) == cell
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
