import CakupanSchema

/// summary.json `recommendations` (`cakupan analyze --recommend`): how the posts were chosen and the
/// coverage before and after them.
public struct RecommendationSummary: Sendable, Hashable {
    /// `posts` (`--recommend N`) or `cover` (the fewest posts reaching every uncovered tinggi site).
    public var mode: String
    /// The N asked for; nil in cover mode.
    public var postsRequested: Int?
    /// How far a post reaches, metres.
    public var postRadiusM: Double?
    /// Demand weight per level (`--weight`); empty when summary.json does not say.
    public var weights: [Level: Double]
    /// Weight covered by the posts, and the solver's bound on it (posts mode) or on the number of
    /// posts (cover mode).
    public var objective: Double
    public var bound: Double?
    public var optimal: Bool
    /// How far from the bound the answer may be, percent (0 when optimal).
    public var gapPercent: Double?
    public var solver: String?
    public var solverVersion: String?
    /// Total demand weight, and the part some candidate reaches.
    public var demandWeight: Double?
    public var coverableWeight: Double?
    /// Ids of demand no candidate reaches.
    public var uncoverable: [String]
    public var before: Coverage
    public var after: Coverage

    /// summary.json `recommendations.before` / `.after`.
    public struct Coverage: Sendable, Hashable {
        public var sitesCovered: Int
        public var highCovered: Int
        /// Stale sites within reach of a post (0 before).
        public var staleSitesWithPost: Int
        /// Σ over rawan zones of the covered area, m².
        public var zoneCoveredM2: Double?

        static func read(_ object: PropertyReader) throws -> Coverage {
            Coverage(
                sitesCovered: try object.int("sites_covered"),
                highCovered: try object.int("high_covered"),
                staleSitesWithPost: try object.optionalInt("stale_sites_with_post") ?? 0,
                zoneCoveredM2: try object.optionalDouble("zone_covered_m2"))
        }
    }

    private static func weights(_ object: PropertyReader?) throws -> [Level: Double] {
        var out: [Level: Double] = [:]
        for level in Level.allCases { out[level] = try object?.optionalDouble(level.rawValue) }
        return out
    }

    static func read(_ top: PropertyReader) throws -> RecommendationSummary {
        let demand = try top.optionalObject("demand")
        return RecommendationSummary(
            mode: try top.string("mode"),
            postsRequested: try top.optionalInt("posts_requested"),
            postRadiusM: try top.optionalDouble("post_radius_m"),
            weights: try weights(try top.optionalObject("weights")),
            objective: try top.double("objective"),
            bound: try top.optionalDouble("bound"),
            optimal: try top.bool("optimal"),
            gapPercent: try top.optionalDouble("gap_percent"),
            solver: try top.optionalString("solver"),
            solverVersion: try top.optionalString("solver_version"),
            demandWeight: try demand?.optionalDouble("weight"),
            coverableWeight: try demand?.optionalDouble("coverable_weight"),
            uncoverable: try top.optionalStrings("uncoverable") ?? [],
            before: try Coverage.read(try top.object("before")),
            after: try Coverage.read(try top.object("after")))
    }
}
