import CakupanRecommend
import Testing

@Suite struct SetCoveringTests {
    /// The two-rows instance of MaximalCoveringTests: greedy needs 4 posts (2, 3, 4, 5), the rows need 2.
    @Test func knownMinimumBeatsGreedy() throws {
        let r = try setCovering(MaximalCoveringTests.rows, mustCover: Array(0..<30))
        #expect(r.selected == [0, 1] && r.optimal && r.bestBound == 2)
        #expect(r.greedyCount == 4)
        #expect(r.uncoverable.isEmpty)
    }

    /// Only what must be covered counts: sites 0..7 of the first row are all inside candidate 2's reach,
    /// so one post is enough. Repeated indices count once.
    @Test func onlyTheMustCoverSetCounts() throws {
        let r = try setCovering(MaximalCoveringTests.rows, mustCover: [0, 3, 7, 3, 15, 22])
        #expect(r.selected == [2] && r.optimal)
    }

    @Test func uncoverableMustCoverIsListed() throws {
        let p = try CoverageProblem(weights: [1, 1, 1, 1], candidates: 3, covers: [[0], [0, 1], [3]])
        let r = try setCovering(p, mustCover: [0, 1, 2, 3])
        #expect(r.uncoverable == [2])
        #expect(r.selected == [1, 2] && r.optimal)
    }

    @Test func nothingToCover() throws {
        let p = try CoverageProblem(weights: [1, 1], candidates: 1, covers: [[]])
        let r = try setCovering(p, mustCover: [0, 1])
        #expect(r.selected.isEmpty && r.uncoverable == [0, 1] && r.optimal)
        #expect(throws: RecommendError.mustCoverOutOfRange(position: 0, demand: 5, demandCount: 2)) {
            try setCovering(p, mustCover: [5])
        }
    }
}
