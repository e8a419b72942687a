/// Where a track segment is within a site's radius: segment parameters `enter ≤ exit` in [0, 1]
/// (0 = the segment's first fix, 1 = its second); exactly 0 or 1 when that end is inside.
struct CircleHit {
    var site: Int32
    var enter: Double
    var exit: Double
}

/// A uniform grid over the site centres, for "which sites does this segment pass within radius of".
///
/// Why a hand-written grid rather than GEOS's STRtree: the engine asks this once per fix, about 10^7
/// times in a large run. Through the GEOS C API every STRtree query builds a query envelope geometry
/// and reports each candidate through a C callback (an indirect call carrying an opaque context
/// pointer back into Swift), which costs far more than the answer itself. Sites are points and the
/// radii are similar, so a uniform grid with cells 2 × the largest radius is as good as a tree: a short
/// segment's bounding box grown by that radius covers about four cells, read as a few contiguous array
/// slices, and each candidate is checked exactly by solving the segment–circle quadratic.
///
/// Storage is compressed: sites sorted by cell, `cellStart[c]..<cellStart[c + 1]` indexes cell `c`,
/// with positions copied next to each other for locality. Cells are made larger when the site extent
/// would need more than about four million of them, which keeps the answer exact (the query grows its
/// box by the largest radius, not by a cell).
struct SiteGrid: Sendable {
    /// A site as the grid stores it: position, squared radius (m²) and index, side by side in memory.
    private struct Entry {
        var x: Double
        var y: Double
        var radiusSquared: Double
        var site: Int32
    }

    private let grid: GridLayout
    private let maxRadius: Double
    private let cellStart: [Int32]
    private let entries: [Entry]

    /// Cells are at most this many, whatever the extent.
    static let maxCells = 4 << 20

    init(sites: [TemporalSite]) {
        let maxRadius = sites.map(\.radius).max() ?? 0
        self.maxRadius = maxRadius
        guard !sites.isEmpty else {
            grid = .single
            (cellStart, entries) = ([0, 0], [])
            return
        }
        let minX = sites.map(\.x).min()!
        let maxX = sites.map(\.x).max()!
        let minY = sites.map(\.y).min()!
        let maxY = sites.map(\.y).max()!
        let grid = GridLayout(minX: minX, minY: minY, maxX: maxX, maxY: maxY, cell: max(2 * maxRadius, 1), maxCells: Self.maxCells)
        self.grid = grid
        let (cell, columns, rows) = (grid.cell, grid.columns, grid.rows)

        func cellOf(_ site: TemporalSite) -> Int {
            let column = min(columns - 1, Int((site.x - minX) / cell))
            let row = min(rows - 1, Int((site.y - minY) / cell))
            return row * columns + column
        }
        var counts = [Int32](repeating: 0, count: columns * rows + 1)
        for site in sites { counts[cellOf(site) + 1] += 1 }
        for index in 1..<counts.count { counts[index] += counts[index - 1] }
        var next = counts
        var entries = [Entry](repeating: Entry(x: 0, y: 0, radiusSquared: 0, site: 0), count: sites.count)
        for (index, site) in sites.enumerated() {
            let cellIndex = cellOf(site)
            entries[Int(next[cellIndex])] = Entry(
                x: site.x, y: site.y, radiusSquared: site.radius * site.radius, site: Int32(index))
            next[cellIndex] += 1
        }
        (self.cellStart, self.entries) = (counts, entries)
    }

    /// Appends to `hits` every site whose circle the segment from (ax, ay) to (bx, by) enters for a
    /// positive length; a zero-length segment hits the circles containing its point for all of [0, 1].
    func segmentHits(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, into hits: inout [CircleHit]) {
        guard let columnRange = grid.columnRange(min(ax, bx) - maxRadius, max(ax, bx) + maxRadius),
            let rowRange = grid.rowRange(min(ay, by) - maxRadius, max(ay, by) + maxRadius)
        else { return }
        let columns = grid.columns
        let dx = bx - ax
        let dy = by - ay
        let a = dx * dx + dy * dy
        cellStart.withUnsafeBufferPointer { cellStart in
            entries.withUnsafeBufferPointer { entries in
                for row in rowRange {
                    let first = Int(cellStart[row * columns + columnRange.lowerBound])
                    let last = Int(cellStart[row * columns + columnRange.upperBound + 1])
                    for index in first..<last {
                        let entry = entries[index]
                        let fx = ax - entry.x
                        let fy = ay - entry.y
                        let startOutside = fx * fx + fy * fy - entry.radiusSquared
                        let gx = bx - entry.x
                        let gy = by - entry.y
                        let endOutside = gx * gx + gy * gy - entry.radiusSquared
                        var enter = 0.0
                        var exit = 1.0
                        if startOutside > 0 || endOutside > 0 {
                            // Otherwise both ends are inside the disc, and so is the segment (convexity).
                            guard a > 0 else { continue }
                            let halfB = fx * dx + fy * dy
                            let discriminant = halfB * halfB - a * startOutside
                            guard discriminant > 0 else { continue }
                            let root = discriminant.squareRoot()
                            if startOutside > 0 { enter = max(0, (-halfB - root) / a) }
                            if endOutside > 0 { exit = min(1, (-halfB + root) / a) }
                            guard exit > enter else { continue }
                        }
                        hits.append(CircleHit(site: entry.site, enter: enter, exit: exit))
                    }
                }
            }
        }
    }

    /// Appends to `sites` every site whose circle contains the point (on the circle counts).
    func pointHits(_ x: Double, _ y: Double, into sites: inout [Int32]) {
        guard let columnRange = grid.columnRange(x - maxRadius, x + maxRadius),
            let rowRange = grid.rowRange(y - maxRadius, y + maxRadius)
        else { return }
        let columns = grid.columns
        for row in rowRange {
            let first = Int(cellStart[row * columns + columnRange.lowerBound])
            let last = Int(cellStart[row * columns + columnRange.upperBound + 1])
            for entry in entries[first..<last] {
                let fx = x - entry.x
                let fy = y - entry.y
                if fx * fx + fy * fy <= entry.radiusSquared { sites.append(entry.site) }
            }
        }
    }
}
