import CakupanRecommend
import Testing

@Suite struct MarginalGainTests {
    /// Weights 1, 2, 4, 8. Candidate 0 covers {0, 1} (3), 1 covers {1, 2} (6), 2 covers {3} (8),
    /// 3 covers {0} (1). Order: 2 (8), then 1 (6), then 0 (only site 0 is new: 1) tied with 3 (1): the lower
    /// index 0 goes first and 3 adds nothing.
    @Test func ordersByMarginalGain() throws {
        let p = try CoverageProblem(weights: [1, 2, 4, 8], candidates: 4, covers: [[0, 1], [1, 2], [3], [0]])
        let ranked = try rankByMarginalGain([3, 0, 1, 2], in: p)
        #expect(
            ranked == [
                RankedPost(candidate: 2, gain: 8, newlyCovered: [3]),
                RankedPost(candidate: 1, gain: 6, newlyCovered: [1, 2]),
                RankedPost(candidate: 0, gain: 1, newlyCovered: [0]),
                RankedPost(candidate: 3, gain: 0, newlyCovered: []),
            ])
        #expect(try rankByMarginalGain([2, 2], in: p).count == 1)
        #expect(throws: RecommendError.candidateOutOfRange(position: 1, candidate: 9, candidates: 4)) {
            try rankByMarginalGain([0, 9], in: p)
        }
    }
}
