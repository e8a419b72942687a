import CakupanTestSupport
import Testing

@testable import CakupanRecommend

/// CBC against enumeration of every subset, on seeded random instances with 12 candidates.
@Suite struct BruteForceTests {
    /// Best weight any ≤ `posts` candidates cover, by trying all subsets (bit masks) of that size or less.
    func bruteForceBest(_ p: CoverageProblem, posts: Int) -> Double {
        var best = 0.0
        for mask in 0..<(1 << p.candidates) where mask.nonzeroBitCount <= posts {
            let chosen = (0..<p.candidates).filter { mask & (1 << $0) != 0 }
            best = max(best, coveredWeight(chosen, in: p))
        }
        return best
    }

    @Test(arguments: 0..<12)
    func maximalCoveringMatchesEnumeration(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(1000 + seed))
        let p = randomProblem(demand: 40, candidates: 12, coverShare: 0.15, rng: &rng)
        for posts in 1...4 {
            let r = try maximalCovering(p, posts: posts)
            let best = bruteForceBest(p, posts: posts)
            #expect(abs(r.objective - best) < 1e-9, "seed \(seed), posts \(posts): CBC \(r.objective), enumeration \(best)")
            #expect(r.optimal)
            #expect(r.selected.count <= posts)
            #expect(abs(coveredWeight(r.selected, in: p) - r.objective) < 1e-9)
            #expect(r.objective >= r.greedyObjective)
            #expect(abs(r.ranking.map(\.gain).reduce(0, +) - r.objective) < 1e-9)
        }
    }

    @Test(arguments: 0..<8)
    func setCoveringMatchesEnumeration(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(2000 + seed))
        let p = randomProblem(demand: 30, candidates: 12, coverShare: 0.2, rng: &rng)
        let mustCover = Array(stride(from: 0, to: 30, by: 2))
        let r = try setCovering(p, mustCover: mustCover)
        let coverable = Set(mustCover).subtracting(r.uncoverable)
        var fewest = Int.max
        for mask in 0..<(1 << p.candidates) where mask.nonzeroBitCount < fewest {
            var covered = Set<Int>()
            for j in 0..<p.candidates where mask & (1 << j) != 0 { covered.formUnion(p.covers[j].map(Int.init)) }
            if coverable.isSubset(of: covered) { fewest = mask.nonzeroBitCount }
        }
        #expect(r.selected.count == fewest, "seed \(seed)")
        #expect(r.optimal && r.bestBound == fewest)
        let covered = Set(r.selected.flatMap { p.covers[$0].map(Int.init) })
        #expect(coverable.isSubset(of: covered))
        #expect(r.uncoverable.allSatisfy { i in p.covers.allSatisfy { !$0.contains(Int32(i)) } })
    }
}
