/// The recommendations in the result files: recommendations.geojson (one point per post) and
/// summary.json's `recommendations`. No wall-clock time here: the files of a run stay byte-identical
/// (the solver's seconds are printed on stdout by `TextReport`).
extension ResultLayers {
    /// The properties of a post.
    public static func postFields(_ p: RecommendedPost) -> [(String, JSONValue)] {
        [
            ("rank", .int(p.rank)), ("id", .string(p.id)), ("name", .str(p.placeName)), ("gain", .num(p.gain, 6)),
            (
                "covers",
                .object(
                    JSONObject([
                        ("sites", .array(p.siteIDs.map(JSONValue.string))),
                        ("zones", .array(p.zoneIDs.map(JSONValue.string))),
                    ]))
            ),
            ("sites_covered", .int(p.siteIDs.count)), ("zones_covered", .int(p.zoneIDs.count)),
            ("area", .str(p.areaID)), ("nearest_patrol_m", metres(p.nearestPatrolMetres)),
            ("reason", .string(p.reason)), ("reason_en", .string(p.reasonEnglish)),
        ]
    }

    public static func recommendations(_ rec: Recommendations, _ r: AnalysisResult) -> [Feature] {
        rec.posts.map { (.point($0.point), JSONObject(postFields($0))) }
    }

    /// summary.json's `recommendations`.
    static func recommendationSummary(_ rec: Recommendations, _ r: AnalysisResult) -> JSONValue {
        func coverage(_ c: CoverageChange) -> JSONValue {
            .object(
                JSONObject([
                    ("sites_covered", .int(c.sitesCovered)), ("high_covered", .int(c.highCovered)),
                    ("stale_sites_with_post", .int(c.staleAttended)), ("zone_covered_m2", m2(c.zoneCoveredM2)),
                ]))
        }
        let causes = ["uncovered", "stale", "zone_gap"].map { cause in
            (cause, JSONValue.int(rec.demand.filter { $0.cause.rawValue == cause }.count))
        }
        return .object(
            JSONObject([
                ("mode", .string(rec.mode.rawValue)), ("posts_requested", rec.postsRequested.map(JSONValue.int) ?? .null),
                ("post_radius_m", metres(rec.postRadius)),
                ("weights", .object(JSONObject([Level.tinggi, .sedang, .rendah].map { ($0.name, .num(rec.weights[$0], 6)) }))),
                ("candidates", .object(JSONObject([("source", .string(rec.candidateSource)), ("count", .int(rec.candidateCount))]))),
                (
                    "demand",
                    .object(
                        JSONObject(
                            [
                                ("points", .int(rec.demand.count)), ("weight", .num(rec.demandWeight, 6)),
                                ("coverable_weight", .num(rec.coverableWeight, 6)),
                            ] + causes))
                ),
                ("cover_pairs", .int(rec.coverPairs)),
                ("posts", .int(rec.posts.count)), ("objective", .num(rec.objective, 6)), ("bound", .num(rec.bound, 6)),
                ("optimal", .bool(rec.optimal)), ("gap_percent", .num(rec.gapPercent, 4)),
                ("greedy_objective", .num(rec.greedyObjective, 6)),
                ("solver", .string(rec.solver)), ("solver_version", .str(rec.solverVersion)),
                ("time_limit_s", .num(rec.timeLimit, 3)),
                ("uncoverable", .array(rec.uncoverable.map { .string(Recommender.demandID(rec.demand[$0], r)) })),
                ("before", coverage(rec.before)), ("after", coverage(rec.after)),
                ("list", .array(rec.posts.map { .object(JSONObject(postFields($0))) })),
            ]))
    }
}
