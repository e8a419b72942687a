/// One post in a marginal-gain ranking.
public struct RankedPost: Sendable, Equatable {
    /// Candidate index.
    public var candidate: Int
    /// Weight this post covers that no post ranked before it covers (a sum of `CoverageProblem.weights`).
    public var gain: Double
    /// Demand indices first covered by this post, ascending.
    public var newlyCovered: [Int]

    public init(candidate: Int, gain: Double, newlyCovered: [Int]) {
        self.candidate = candidate
        self.gain = gain
        self.newlyCovered = newlyCovered
    }
}

/// Orders chosen posts by what each adds: the first covers the most weight, the next the most weight
/// not covered by the first, and so on. Ties go to the lowest candidate index, so the order is
/// deterministic. Posts that add nothing come last with `gain` 0, ascending by index; a candidate listed
/// twice is ranked once. The gains add up to the weight the whole selection covers.
public func rankByMarginalGain(_ selected: [Int], in problem: CoverageProblem) throws(RecommendError) -> [RankedPost] {
    for (k, j) in selected.enumerated() where j < 0 || j >= problem.candidates {
        throw .candidateOutOfRange(position: k, candidate: j, candidates: problem.candidates)
    }
    let pool = Array(Set(selected)).sorted()
    return greedyOrder(problem, pool: pool, limit: pool.count, stopWhenNothingGained: false)
}

/// Greedy selection from `pool` (ascending): up to `limit` times, the candidate with the largest gain in
/// uncovered weight, ties to the lowest index. With `stopWhenNothingGained` it stops when no candidate
/// adds weight (the greedy heuristic); without, it ranks the whole pool.
func greedyOrder(_ problem: CoverageProblem, pool: [Int], limit: Int, stopWhenNothingGained: Bool) -> [RankedPost] {
    var covered = [Bool](repeating: false, count: problem.demandCount)
    var remaining = pool
    var order: [RankedPost] = []
    let weights = problem.weights
    while order.count < limit, !remaining.isEmpty {
        var bestPosition = 0
        var bestGain = -1.0
        for (position, j) in remaining.enumerated() {
            var gain = 0.0
            for d in problem.covers[j] where !covered[Int(d)] { gain += weights[Int(d)] }
            if gain > bestGain {
                bestGain = gain
                bestPosition = position
            }
        }
        if bestGain <= 0, stopWhenNothingGained { break }
        let j = remaining.remove(at: bestPosition)
        var newly: [Int] = []
        for d in problem.covers[j] where !covered[Int(d)] {
            covered[Int(d)] = true
            newly.append(Int(d))
        }
        order.append(RankedPost(candidate: j, gain: bestGain, newlyCovered: newly))
    }
    return order
}

/// The total weight of the demand covered by at least one of `selected` (each point counted once).
func coveredWeight(_ selected: [Int], in problem: CoverageProblem) -> Double {
    var covered = [Bool](repeating: false, count: problem.demandCount)
    for j in selected { for d in problem.covers[j] { covered[Int(d)] = true } }
    var total = 0.0
    for (i, w) in problem.weights.enumerated() where covered[i] { total += w }
    return total
}
