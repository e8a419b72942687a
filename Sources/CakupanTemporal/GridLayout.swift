/// The layout both uniform grids of the visit engine share (`SiteGrid` over site centres,
/// `RegionIndex` over zone and area boxes): origin, square cells, columns and rows, the clamp that
/// keeps the cell count bounded, and the cells a range covers. What each grid stores per cell differs
/// (sites with their squared radius; region boxes), so only the layout is shared.
struct GridLayout: Sendable {
    let originX: Double
    let originY: Double
    /// Cell side (metres) and its inverse.
    let cell: Double
    let inverseCell: Double
    let columns: Int
    let rows: Int

    var cellCount: Int { columns * rows }

    /// A grid of one cell, for empty grids.
    static let single = GridLayout(originX: 0, originY: 0, cell: 1, columns: 1, rows: 1)

    private init(originX: Double, originY: Double, cell: Double, columns: Int, rows: Int) {
        (self.originX, self.originY, self.cell, self.inverseCell) = (originX, originY, cell, 1 / cell)
        (self.columns, self.rows) = (columns, rows)
    }

    /// Cells of side `cell` over [minX, maxX] × [minY, maxY], made larger when there would be more
    /// than `maxCells` of them.
    init(minX: Double, minY: Double, maxX: Double, maxY: Double, cell requested: Double, maxCells: Int) {
        var cell = requested
        var columns = Int(((maxX - minX) / cell).rounded(.down)) + 1
        var rows = Int(((maxY - minY) / cell).rounded(.down)) + 1
        if Double(columns) * Double(rows) > Double(maxCells) {
            cell *= (Double(columns) * Double(rows) / Double(maxCells)).squareRoot() * 1.01
            columns = Int(((maxX - minX) / cell).rounded(.down)) + 1
            rows = Int(((maxY - minY) / cell).rounded(.down)) + 1
        }
        self.init(originX: minX, originY: minY, cell: cell, columns: columns, rows: rows)
    }

    /// Columns covering `[low, high]` (world units), clamped to the grid; nil when entirely outside.
    @inline(__always)
    func columnRange(_ low: Double, _ high: Double) -> ClosedRange<Int>? {
        Self.range(low, high, origin: originX, inverse: inverseCell, count: columns)
    }

    /// Rows covering `[low, high]`, clamped to the grid; nil when entirely outside.
    @inline(__always)
    func rowRange(_ low: Double, _ high: Double) -> ClosedRange<Int>? {
        Self.range(low, high, origin: originY, inverse: inverseCell, count: rows)
    }

    @inline(__always)
    private static func range(_ low: Double, _ high: Double, origin: Double, inverse: Double, count: Int) -> ClosedRange<Int>? {
        let first = ((low - origin) * inverse).rounded(.down)
        let last = ((high - origin) * inverse).rounded(.down)
        guard last >= 0, first < Double(count) else { return nil }
        return Int(max(0, first))...Int(min(Double(count - 1), last))
    }

    /// The cell holding (x, y), clamped to the grid.
    @inline(__always)
    func clampedCell(_ x: Double, _ y: Double) -> Int {
        let column = Int(min(Double(columns - 1), max(0, ((x - originX) * inverseCell).rounded(.down))))
        let row = Int(min(Double(rows - 1), max(0, ((y - originY) * inverseCell).rounded(.down))))
        return row * columns + column
    }
}
