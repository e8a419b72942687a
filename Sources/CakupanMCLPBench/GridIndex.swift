/// Cover sets through a uniform grid of square cells one radius wide: a candidate's demand can only lie
/// in its own cell or the 8 around it. Coordinates in metres; covered means dx² + dy² ≤ radius² (the
/// peer uses the same test, so the boundary cases agree).
func coverSets(demandX: [Double], demandY: [Double], candidateX: [Double], candidateY: [Double], radius: Double) -> [[Int32]] {
    guard !demandX.isEmpty, radius > 0 else { return [[Int32]](repeating: [], count: candidateX.count) }
    let minX = demandX.min()!
    let minY = demandY.min()!
    let columns = Int(((demandX.max()! - minX) / radius).rounded(.down)) + 1
    let rows = Int(((demandY.max()! - minY) / radius).rounded(.down)) + 1
    func cell(_ x: Double, _ y: Double) -> (Int, Int) {
        (Int(((x - minX) / radius).rounded(.down)), Int(((y - minY) / radius).rounded(.down)))
    }
    // Bucket demand indices by cell (counting sort), ascending within each cell.
    var start = [Int](repeating: 0, count: columns * rows + 1)
    var cellOf = [Int](repeating: 0, count: demandX.count)
    for i in demandX.indices {
        let (c, r) = cell(demandX[i], demandY[i])
        cellOf[i] = r * columns + c
        start[cellOf[i] + 1] += 1
    }
    for k in 0..<(columns * rows) { start[k + 1] += start[k] }
    var fill = start
    var members = [Int32](repeating: 0, count: demandX.count)
    for i in demandX.indices {
        members[fill[cellOf[i]]] = Int32(i)
        fill[cellOf[i]] += 1
    }

    let r2 = radius * radius
    return candidateX.indices.map { j in
        let x = candidateX[j]
        let y = candidateY[j]
        let (c, r) = cell(x, y)
        var hits: [Int32] = []
        // A candidate outside the demand's bounding box may have no cells around it: empty strides.
        for rr in stride(from: max(r - 1, 0), through: min(r + 1, rows - 1), by: 1) {
            for cc in stride(from: max(c - 1, 0), through: min(c + 1, columns - 1), by: 1) {
                let k = rr * columns + cc
                for i in members[start[k]..<start[k + 1]] {
                    let ddx = demandX[Int(i)] - x
                    let ddy = demandY[Int(i)] - y
                    if ddx * ddx + ddy * ddy <= r2 { hits.append(i) }
                }
            }
        }
        return hits.sorted()
    }
}
