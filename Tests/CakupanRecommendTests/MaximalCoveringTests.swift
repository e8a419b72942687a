import CakupanRecommend
import CakupanTestSupport
import Testing

/// Maximal covering on instances worked by hand.
@Suite struct MaximalCoveringTests {
    /// Three sites (weights 1, 2, 4), two candidates: 0 covers sites 0 and 1 (weight 3), 1 covers sites 1
    /// and 2 (weight 6).
    let threeSites = try! CoverageProblem(weights: [1, 2, 4], candidates: 2, covers: [[0, 1], [1, 2]])

    @Test func onePostTakesTheHeavierPair() throws {
        let r = try maximalCovering(threeSites, posts: 1)
        #expect(r.selected == [1])
        #expect(r.objective == 6 && r.bestBound == 6 && r.optimal && r.gapPercent == 0)
        #expect(r.ranking == [RankedPost(candidate: 1, gain: 6, newlyCovered: [1, 2])])
        #expect(r.uncoverable.isEmpty && r.coverableWeight == 7)
    }

    @Test func twoPostsCoverEverything() throws {
        let r = try maximalCovering(threeSites, posts: 2)
        #expect(r.selected == [1, 0])  // marginal-gain order: 6, then 1
        #expect(r.objective == 7 && r.optimal)
        #expect(r.ranking.map(\.gain) == [6, 1])
    }

    /// Greedy takes the middle candidate 2 (sites 1, 2: weight 10), then 4 more; the optimum is the two
    /// outer candidates 0 (sites 0, 1: 9) and 1 (sites 2, 3: 9), 18. Their gains tie at 9: the lower index
    /// ranks first.
    @Test func beatsGreedyAndBreaksTiesByIndex() throws {
        let p = try CoverageProblem(weights: [4, 5, 5, 4], candidates: 3, covers: [[0, 1], [2, 3], [1, 2]])
        let r = try maximalCovering(p, posts: 2)
        #expect(r.greedyObjective == 14)
        #expect(r.objective == 18 && r.optimal && r.bestBound == 18)
        #expect(r.selected == [0, 1])
        #expect(r.solver.hasPrefix("CBC "))
    }

    /// Two rows of 15 points (weight 1). Candidates 0 and 1 are the rows; 2..5 take 8+8, 4+4, 2+2, 1+1 of
    /// the columns across both rows, so greedy takes 2, 3, 4 (28 with three posts) while rows 0 and 1
    /// cover all 30 with two. With three posts allowed, the answer keeps only the two that add weight.
    static let rows: CoverageProblem = {
        let a = Array(Int32(0)..<15)
        let b = Array(Int32(15)..<30)
        func cols(_ r: Range<Int32>) -> [Int32] { Array(r) + r.map { $0 + 15 } }
        return try! CoverageProblem(
            weights: [Double](repeating: 1, count: 30), candidates: 6,
            covers: [a, b, cols(0..<8), cols(8..<12), cols(12..<14), cols(14..<15)])
    }()

    @Test func morePostsThanNeededKeepsOnlyPostsThatAddWeight() throws {
        let r = try maximalCovering(Self.rows, posts: 3)
        #expect(r.greedyObjective == 28)
        #expect(r.objective == 30 && r.optimal)
        #expect(r.selected == [0, 1])  // two posts: the third would add nothing
        #expect(r.ranking.allSatisfy { $0.gain > 0 })
    }

    @Test func generousPostCountIsSolvedByGreedyAlone() throws {
        let r = try maximalCovering(threeSites, posts: 10)
        #expect(r.objective == 7 && r.optimal && r.selected == [1, 0] && r.solver == "greedy")
    }

    @Test func nothingWithinReach() throws {
        let p = try CoverageProblem(weights: [1, 2, 3], candidates: 2, covers: [[], []])
        let r = try maximalCovering(p, posts: 2)
        #expect(r.selected.isEmpty && r.objective == 0 && r.optimal && r.gapPercent == 0)
        #expect(r.uncoverable == [0, 1, 2] && r.coverableWeight == 0)
    }

    @Test func uncoverableDemandIsListedAndLeftOut() throws {
        let p = try CoverageProblem(weights: [1, 2, 3, 5], candidates: 2, covers: [[1], [3]])
        let r = try maximalCovering(p, posts: 1)
        #expect(r.uncoverable == [0, 2])
        #expect(r.selected == [1] && r.objective == 5 && r.coverableWeight == 7)
    }

    @Test func zeroPosts() throws {
        let r = try maximalCovering(threeSites, posts: 0)
        #expect(r.selected.isEmpty && r.objective == 0)
    }

    /// Identical candidates: CBC may pick either; the answer must be the same on every run.
    @Test func sameInputSameAnswer() throws {
        var rng = SplitMix64(seed: 99)
        let p = randomProblem(demand: 60, candidates: 14, coverShare: 0.2, rng: &rng, duplicateCandidates: true)
        let first = try maximalCovering(p, posts: 3)
        for _ in 0..<4 {
            let again = try maximalCovering(p, posts: 3)
            #expect(again.selected == first.selected && again.objective == first.objective)
        }
    }

    @Test func badInputIsRefusedWithItsPlace() {
        #expect(throws: RecommendError.invalidWeight(demand: 1, weight: 0)) {
            try CoverageProblem(weights: [1, 0], candidates: 0, covers: [])
        }
        #expect(throws: RecommendError.coverNotAscending(candidate: 0, position: 1)) {
            try CoverageProblem(weights: [1, 1], candidates: 1, covers: [[1, 0]])
        }
        #expect(throws: RecommendError.demandOutOfRange(candidate: 1, position: 0, demand: 2, demandCount: 2)) {
            try CoverageProblem(weights: [1, 1], candidates: 2, covers: [[0], [2]])
        }
        #expect(throws: RecommendError.coverCountMismatch(candidates: 3, covers: 2)) {
            try CoverageProblem(weights: [1, 1], candidates: 3, covers: [[0], [1]])
        }
        #expect(throws: RecommendError.invalidPostCount(-1)) { try maximalCovering(threeSites, posts: -1) }
        #expect(throws: RecommendError.invalidTimeLimit(0)) { try maximalCovering(threeSites, posts: 1, timeLimitSeconds: 0) }
    }
}

/// A random instance: each candidate covers each demand point with probability `coverShare`; weights
/// 1, 1.5, 2, 2.5 or 3. With `duplicateCandidates`, the last two candidates copy the first two.
func randomProblem(
    demand: Int, candidates: Int, coverShare: Double, rng: inout SplitMix64, duplicateCandidates: Bool = false
) -> CoverageProblem {
    let weights = (0..<demand).map { _ in 1 + 0.5 * Double(Int.random(in: 0...4, using: &rng)) }
    var covers = (0..<candidates).map { _ in
        (0..<demand).filter { _ in Double.random(in: 0..<1, using: &rng) < coverShare }.map(Int32.init)
    }
    if duplicateCandidates, candidates >= 4 {
        covers[candidates - 1] = covers[0]
        covers[candidates - 2] = covers[1]
    }
    return try! CoverageProblem(weights: weights, candidates: candidates, covers: covers)
}
