import CakupanCBC

/// The answer of `setCovering`.
public struct SetCoveringResult: Sendable, Equatable {
    /// The chosen posts (candidate indices), ascending. Together they cover every coverable demand point
    /// of `mustCover`.
    public var selected: [Int]
    /// True when the solver proved that fewer posts cannot cover them.
    public var optimal: Bool
    /// Lower bound on the number of posts needed (CBC's best possible objective, rounded up); equal to
    /// `selected.count` when `optimal`.
    public var bestBound: Int
    /// Wall-clock seconds of the whole call.
    public var seconds: Double
    /// The solver that produced the answer, for example "CBC 2.10.8"; "none" when nothing needs covering.
    public var solver: String
    /// Number of posts the greedy heuristic needs (most newly covered must-cover points first, ties to the
    /// lowest index); CBC starts from it.
    public var greedyCount: Int
    /// Demand indices of `mustCover` that no candidate covers, ascending; no choice of posts covers them.
    public var uncoverable: [Int]
}

/// Set covering: the fewest posts such that every demand point of `mustCover` that some candidate
/// covers is covered by at least one chosen post, exactly.
///
/// Model (CBC): minimise Σ xⱼ subject to Σ_{j covers i} xⱼ ≥ 1 for each coverable i in `mustCover`,
/// xⱼ ∈ {0, 1}. Weights are not used. Repeated indices in `mustCover` count once. The greedy cover is
/// CBC's starting solution. Deterministic as `maximalCovering` (serial CBC); a reached time limit returns
/// the best cover found with `optimal` false.
///
/// - Parameters:
///   - mustCover: demand indices that must be covered (for example the TPS of rawan zones).
///   - timeLimitSeconds: wall-clock limit on CBC's search, in seconds.
public func setCovering(
    _ problem: CoverageProblem, mustCover: [Int], timeLimitSeconds: Double = 60
) throws(RecommendError) -> SetCoveringResult {
    guard timeLimitSeconds.isFinite, timeLimitSeconds > 0 else { throw .invalidTimeLimit(timeLimitSeconds) }
    for (k, i) in mustCover.enumerated() where i < 0 || i >= problem.demandCount {
        throw .mustCoverOutOfRange(position: k, demand: i, demandCount: problem.demandCount)
    }
    let clock = ContinuousClock()
    let start = clock.now
    let demand = Array(Set(mustCover)).sorted()
    let groups = DemandGroups(problem, demand: demand)
    let (useful, groupsOf) = groups.usefulCandidates(candidateCount: problem.candidates)
    let greedy = greedyCover(groupsOf, members: groups.members).map { useful[$0] }

    guard groups.count > 0 else {
        return SetCoveringResult(
            selected: [], optimal: true, bestBound: 0, seconds: seconds(since: start, clock), solver: "none",
            greedyCount: 0, uncoverable: groups.uncoverable)
    }
    var mip = SparseMIP(sense: .minimize)
    for _ in 0..<groups.count { mip.addRow(lower: 1, upper: .infinity) }  // Σ_{j covers i} xⱼ ≥ 1
    for list in groupsOf {
        mip.addColumn(
            lower: 0, upper: 1, objective: 1, isInteger: true, rows: list,
            coefficients: [Double](repeating: 1, count: list.count))
    }
    let columnOf = Dictionary(uniqueKeysWithValues: useful.enumerated().map { ($1, Int32($0)) })
    let solution: CBCSolution
    do {
        let model = try CBCModel(mip)
        try model.setTimeLimit(seconds: timeLimitSeconds)
        let startColumns = greedy.map { columnOf[$0]! }
        try model.setMIPStart(columns: startColumns, values: [Double](repeating: 1, count: startColumns.count))
        solution = try model.solve()
    } catch {
        throw .solver(error)
    }
    var chosen = greedy
    if let values = solution.values {
        let picked = useful.indices.filter { values[$0] > 0.5 }.map { useful[$0] }
        if picked.count <= greedy.count, covers(picked, groupsOf: groupsOf, useful: useful, groupCount: groups.count) {
            chosen = picked
        }
    }
    let optimal = solution.termination == .optimal
    // The bound is a count of posts: round up, allowing for CBC's tolerance.
    let bound = optimal ? chosen.count : min(chosen.count, Int((solution.bestBound - 1e-6).rounded(.up)))
    return SetCoveringResult(
        selected: chosen.sorted(), optimal: optimal, bestBound: max(bound, 0),
        seconds: seconds(since: start, clock), solver: "CBC \(CBCModel.version)", greedyCount: greedy.count,
        uncoverable: groups.uncoverable)
}

/// Greedy set cover over columns `groupsOf` (each the groups a column covers): repeatedly the column
/// covering the most uncovered demand points (`members` per group), ties to the lowest column. Returns
/// column positions.
private func greedyCover(_ groupsOf: [[Int32]], members: [Int]) -> [Int] {
    var covered = [Bool](repeating: false, count: members.count)
    var left = members.count
    var chosen: [Int] = []
    while left > 0 {
        var best = -1
        var bestGain = 0
        for (c, list) in groupsOf.enumerated() {
            let gain = list.reduce(0) { covered[Int($1)] ? $0 : $0 + members[Int($1)] }
            if gain > bestGain {
                bestGain = gain
                best = c
            }
        }
        guard best >= 0 else { break }  // cannot happen: every group has a covering column
        for g in groupsOf[best] where !covered[Int(g)] {
            covered[Int(g)] = true
            left -= 1
        }
        chosen.append(best)
    }
    return chosen
}

/// Whether the candidates `picked` cover every group.
private func covers(_ picked: [Int], groupsOf: [[Int32]], useful: [Int], groupCount: Int) -> Bool {
    let position = Dictionary(uniqueKeysWithValues: useful.enumerated().map { ($1, $0) })
    var covered = [Bool](repeating: false, count: groupCount)
    for j in picked { for g in groupsOf[position[j]!] { covered[Int(g)] = true } }
    return !covered.contains(false)
}
