/// Greedy label placement: labels are offered in priority order, each with candidate boxes in
/// order of preference; the first candidate that stays inside the bounds and clear of every box
/// placed or reserved so far is taken, and a label none of whose candidates fits is skipped.
/// A coarse grid of buckets keeps the collision test fast with many boxes.
struct LabelPlacer {
    /// Boxes must stay inside this (the map frame).
    let bounds: ScreenBox
    private var buckets: [Int: [ScreenBox]] = [:]
    private let cellPx = 40.0

    init(bounds: ScreenBox) {
        self.bounds = bounds
    }

    /// Marks `box` as taken (an obstacle or a placed label).
    mutating func reserve(_ box: ScreenBox) {
        for key in keys(box) { buckets[key, default: []].append(box) }
    }

    /// Whether `box` is inside the bounds and clear of every reserved box.
    func fits(_ box: ScreenBox) -> Bool {
        guard bounds.contains(box) else { return false }
        for key in keys(box) {
            for other in buckets[key] ?? [] where other.intersects(box) { return false }
        }
        return true
    }

    /// Takes and returns the index of the first candidate that fits, or nil.
    mutating func place(_ candidates: [ScreenBox]) -> Int? {
        for (index, candidate) in candidates.enumerated() where fits(candidate) {
            reserve(candidate)
            return index
        }
        return nil
    }

    private func keys(_ box: ScreenBox) -> [Int] {
        let x0 = Int((box.minX / cellPx).rounded(.down))
        let x1 = Int((box.maxX / cellPx).rounded(.down))
        let y0 = Int((box.minY / cellPx).rounded(.down))
        let y1 = Int((box.maxY / cellPx).rounded(.down))
        guard x0 <= x1, y0 <= y1 else { return [] }
        var keys: [Int] = []
        for x in x0...x1 {
            for y in y0...y1 { keys.append(x &* 100_003 &+ y) }
        }
        return keys
    }
}
