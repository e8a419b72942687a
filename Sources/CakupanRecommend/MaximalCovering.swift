import CakupanCBC

/// The answer of `maximalCovering`.
public struct MaximalCoveringResult: Sendable, Equatable {
    /// The chosen posts (candidate indices) in marginal-gain order, as `ranking`: only posts that add
    /// weight are kept, so there can be fewer than the posts allowed when fewer already cover all
    /// coverable weight.
    public var selected: [Int]
    /// `selected` with each post's gain and newly covered demand (see `rankByMarginalGain`).
    public var ranking: [RankedPost]
    /// Weight covered by `selected` (each demand point counted once), in the unit of the weights.
    public var objective: Double
    /// Upper bound on the weight any choice of that many posts can cover (CBC's best possible objective,
    /// never below `objective`). Equal to `objective` when `optimal`.
    public var bestBound: Double
    /// True when the solver proved that no choice of that many posts covers more weight.
    public var optimal: Bool
    /// `100 · (bestBound − objective) / bestBound`, in percent: at most how much of the best possible
    /// weight this answer may be missing. 0 when optimal or when nothing can be covered.
    public var gapPercent: Double
    /// Wall-clock seconds of the whole call: grouping, greedy start, model build and solve.
    public var seconds: Double
    /// The solver that produced the answer, for example "CBC 2.10.8"; "greedy" when the greedy start
    /// already covers all coverable weight (then it is optimal and CBC is not run).
    public var solver: String
    /// Weight covered by the greedy heuristic (largest marginal weight first, ties to the lowest index)
    /// with the same number of posts; CBC starts from it, so `objective ≥ greedyObjective`.
    public var greedyObjective: Double
    /// Demand indices no candidate covers, ascending; left out of the model.
    public var uncoverable: [Int]
    /// Total weight of the demand some candidate covers: no choice of posts covers more.
    public var coverableWeight: Double
}

/// Maximal covering location problem (Church & ReVelle 1974): choose at most `posts` candidates so that
/// the weight of the demand covered by at least one chosen post is as large as possible, exactly.
///
/// Model (CBC): maximise Σ wᵢ·yᵢ subject to yᵢ ≤ Σ_{j covers i} xⱼ for each demand point i,
/// Σ xⱼ ≤ posts, xⱼ ∈ {0, 1}, 0 ≤ yᵢ ≤ 1. yᵢ may stay continuous: for integer x the best y is 0 or 1.
/// Demand no candidate covers is left out and listed in `uncoverable`; demand points covered by the same
/// candidates are merged; candidates covering nothing are left out. The greedy choice is given to CBC as
/// its starting solution (MIP start).
///
/// Deterministic: CBC runs its serial search (threads 0), so the same problem gives the same posts on
/// every run of the same build, including the choice between equally good answers. Only a time limit
/// that is reached makes the answer depend on machine speed (then `optimal` is false).
///
/// - Parameters:
///   - posts: the most posts to place (≥ 0).
///   - timeLimitSeconds: wall-clock limit on CBC's search, in seconds; when reached, the best answer
///     found so far is returned with `optimal` false and its `bestBound`. CBC checks the limit as its search
///     goes; a very large model may run past it (see docs/benchmarks.md, "Recommendations (MCLP)").
public func maximalCovering(
    _ problem: CoverageProblem, posts: Int, timeLimitSeconds: Double = 60
) throws(RecommendError) -> MaximalCoveringResult {
    guard posts >= 0 else { throw .invalidPostCount(posts) }
    guard timeLimitSeconds.isFinite, timeLimitSeconds > 0 else { throw .invalidTimeLimit(timeLimitSeconds) }
    let clock = ContinuousClock()
    let start = clock.now
    let groups = DemandGroups(problem, demand: Array(0..<problem.demandCount))
    let coverable = groups.weight.reduce(0, +)
    let (useful, groupsOf) = groups.usefulCandidates(candidateCount: problem.candidates)
    let greedy = greedyOrder(problem, pool: useful, limit: posts, stopWhenNothingGained: true)
    let greedyChoice = greedy.map(\.candidate)
    let greedyObjective = coveredWeight(greedyChoice, in: problem)

    var chosen = greedyChoice
    var bound = greedyObjective
    var optimal = true
    var solver = "greedy"
    // The greedy answer is optimal when it covers everything coverable (or nothing can be covered).
    if greedyObjective < coverable {
        var mip = SparseMIP(sense: .maximize)
        for _ in 0..<groups.count { mip.addRow(lower: -.infinity, upper: 0) }  // yᵢ − Σ xⱼ ≤ 0
        let cardinality = mip.addRow(lower: -.infinity, upper: Double(posts))  // Σ xⱼ ≤ posts
        for list in groupsOf {
            mip.addColumn(
                lower: 0, upper: 1, objective: 0, isInteger: true,
                rows: list + [cardinality], coefficients: [Double](repeating: -1, count: list.count) + [1])
        }
        for (g, w) in groups.weight.enumerated() {
            mip.addColumn(lower: 0, upper: 1, objective: w, isInteger: false, rows: [Int32(g)], coefficients: [1])
        }
        let columnOf = Dictionary(uniqueKeysWithValues: useful.enumerated().map { ($1, Int32($0)) })
        let solution: CBCSolution
        do {
            let model = try CBCModel(mip)
            try model.setTimeLimit(seconds: timeLimitSeconds)
            let startColumns = greedyChoice.map { columnOf[$0]! }
            try model.setMIPStart(columns: startColumns, values: [Double](repeating: 1, count: startColumns.count))
            solution = try model.solve()
        } catch {
            throw .solver(error)
        }
        solver = "CBC \(CBCModel.version)"
        if let values = solution.values {
            let picked = useful.indices.filter { values[$0] > 0.5 }.map { useful[$0] }
            // Keep CBC's answer unless it is worse than the start (possible only when stopped early).
            if coveredWeight(picked, in: problem) >= greedyObjective { chosen = picked }
        }
        optimal = solution.termination == .optimal
        bound = solution.bestBound
    }
    let ranking = try rankByMarginalGain(chosen, in: problem).filter { $0.gain > 0 }
    let selected = ranking.map(\.candidate)
    let objective = coveredWeight(selected, in: problem)
    if optimal { bound = objective } else { bound = min(max(bound, objective), coverable) }
    return MaximalCoveringResult(
        selected: selected, ranking: ranking, objective: objective, bestBound: bound, optimal: optimal,
        gapPercent: bound > 0 ? 100 * (bound - objective) / bound : 0,
        seconds: seconds(since: start, clock), solver: solver, greedyObjective: greedyObjective,
        uncoverable: groups.uncoverable, coverableWeight: coverable)
}

func seconds(since start: ContinuousClock.Instant, _ clock: ContinuousClock) -> Double {
    let d = clock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}
