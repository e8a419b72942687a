/// Which demand points each candidate post would cover, with the weight of each point.
///
/// The caller builds `covers` with a spatial index (candidates within the patrol radius, in metres, of a
/// demand point in a projected CRS); nothing here knows about coordinates, and no dense
/// demand × candidate matrix is ever made. Demand and candidates are identified by their position
/// (0-based) in the caller's arrays, and every result reports those positions.
public struct CoverageProblem: Sendable, Equatable {
    /// Weight of each demand point, > 0 and finite (for example registered voters of a TPS, or 1 per
    /// site). Objectives are sums of these weights, in the same unit.
    public let weights: [Double]
    /// Number of candidate posts.
    public let candidates: Int
    /// `covers[j]`: the demand indices candidate `j` covers, strictly ascending (may be empty).
    public let covers: [[Int32]]

    /// Checks every rule and throws the first break, naming the demand or candidate.
    public init(weights: [Double], candidates: Int, covers: [[Int32]]) throws(RecommendError) {
        for (i, w) in weights.enumerated() where !(w.isFinite && w > 0) {
            throw .invalidWeight(demand: i, weight: w)
        }
        guard covers.count == candidates else {
            throw .coverCountMismatch(candidates: candidates, covers: covers.count)
        }
        guard weights.count <= Int(Int32.max) else { throw .tooManyDemandPoints(weights.count) }
        for (j, list) in covers.enumerated() {
            for (k, d) in list.enumerated() {
                guard d >= 0, Int(d) < weights.count else {
                    throw .demandOutOfRange(candidate: j, position: k, demand: Int(d), demandCount: weights.count)
                }
                guard k == 0 || list[k - 1] < d else { throw .coverNotAscending(candidate: j, position: k) }
            }
        }
        self.weights = weights
        self.candidates = candidates
        self.covers = covers
    }

    /// Number of demand points.
    public var demandCount: Int { weights.count }

    /// `result[i]`: the candidates that cover demand `i`, ascending (the transpose of `covers`).
    func coveringCandidates() -> [[Int32]] {
        var result = [[Int32]](repeating: [], count: weights.count)
        for (j, list) in covers.enumerated() {
            for d in list { result[Int(d)].append(Int32(j)) }
        }
        return result
    }
}
