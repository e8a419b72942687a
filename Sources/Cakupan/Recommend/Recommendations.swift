import CakupanGeometry

/// One point of demand for new posts: a site not covered by the patrols, a site left unattended too
/// long (with GPS tracks), or one representative point inside a rawan zone's gap.
public struct DemandPoint: Sendable {
    public enum Cause: String, Sendable {
        /// A site no patrol covers.
        case uncovered
        /// A site the patrols cover but no unit attended for longer than its limit (GPS tracks).
        case stale
        /// A rawan zone covered less than `--min-zone-coverage`: a point inside its gap.
        case zoneGap = "zone_gap"
    }
    public enum Ref: Sendable, Equatable {
        /// Index into `AnalysisResult.sites`.
        case site(Int)
        /// Index into `AnalysisResult.zones`.
        case zone(Int)
    }
    public var ref: Ref
    public var cause: Cause
    /// The site's priority or the zone's level.
    public var level: Level
    /// lon/lat.
    public var point: Coordinate
    /// `RecommendConfig.weight(level)`.
    public var weight: Double
    /// The id of the area (kecamatan) it lies in.
    public var areaID: String?
    /// The projected CRS its distances are measured in (the analysis CRS, or its area's UTM zone).
    var epsg: Int
}

/// One recommended post, in the order of what it adds (rank 1 first).
public struct RecommendedPost: Sendable {
    public var rank: Int
    /// The candidate's id (from `--candidates`), or the id of the site or zone it stands at.
    public var id: String
    /// Where it stands: the candidate's name, or the site's or zone's name.
    public var placeName: String?
    /// lon/lat.
    public var point: Coordinate
    /// Weight first covered by this post.
    public var gain: Double
    /// Demand indices first covered by this post, ascending.
    public var newlyCovered: [Int]
    /// Ids of the sites and the zones it newly covers, in demand order.
    public var siteIDs: [String]
    public var zoneIDs: [String]
    public var areaID: String?
    /// Distance to the nearest patrol, metres (true metres in per-zone mode); nil without patrols.
    public var nearestPatrolMetres: Double?
    public var reason: String
    public var reasonEnglish: String
}

/// Coverage figures before and after the recommended posts.
public struct CoverageChange: Sendable {
    public var sitesCovered: Int
    public var highCovered: Int
    /// Stale sites within reach of a post (a post is continuous presence); 0 before.
    public var staleAttended: Int
    /// Σ over rawan zones of the covered area, m² (each zone counted whole, so overlapping zones
    /// count in each).
    public var zoneCoveredM2: Double
}

/// The answer to `--recommend`: the posts, the solver's report, and coverage before and after.
public struct Recommendations: Sendable {
    public enum Mode: String, Sendable { case posts, cover }
    public var mode: Mode
    /// The N of `--recommend N`; nil in cover mode.
    public var postsRequested: Int?
    /// Metres.
    public var postRadius: Double
    /// Weight of tinggi, sedang, rendah.
    public var weights: [Level: Double]
    /// "file" (`--candidates`) or "demand" (every demand point is a candidate).
    public var candidateSource: String
    public var candidateCount: Int
    public var demand: [DemandPoint]
    public var posts: [RecommendedPost]
    /// Weight covered by the posts.
    public var objective: Double
    /// Posts mode: no choice of N posts covers more weight than this. Cover mode: at least this many
    /// posts are needed.
    public var bound: Double
    public var optimal: Bool
    public var gapPercent: Double
    /// "CBC", "greedy" (the greedy start already covered all coverable weight) or "none".
    public var solver: String
    public var solverVersion: String?
    public var greedyObjective: Double?
    /// Total weight some candidate reaches.
    public var coverableWeight: Double
    /// Total weight of the demand.
    public var demandWeight: Double
    /// Demand indices no candidate reaches (cover mode: only the uncovered tinggi sites).
    public var uncoverable: [Int]
    /// Solver time limit, seconds.
    public var timeLimit: Double
    /// Wall-clock seconds of building the cover sets and solving. Varies between runs: printed on
    /// stdout, never written to a result file (the files of a run are byte-identical).
    public var seconds: Double
    /// Pairs (candidate, demand) within reach: the model's size.
    public var coverPairs: Int
    public var before: CoverageChange
    public var after: CoverageChange
    /// The instance for the independent peer (benchmarks/peers/mclp_peer.py), single CRS only.
    public var instance: RecommendInstance?
}

/// The instance as metric coordinates, for `benchmarks/peers/mclp_peer.py` (which builds its own cover
/// sets with dx² + dy² ≤ R²: the same test Cakupan makes in one CRS).
public struct RecommendInstance: Sendable {
    public var radius: Double
    public var posts: Int
    public var demandX: [Double], demandY: [Double], weights: [Double]
    public var candidateX: [Double], candidateY: [Double]
    public var objective: Double
    public var selected: [Int]
    public var nonzeros: Int

    /// The instance and Cakupan's answer in one JSON document (`mclp_peer.py FILE --cakupan FILE`).
    public func json() -> String {
        func list(_ v: [Double]) -> JSONValue { .array(v.map { .double($0) }) }
        return JSONWriter.pretty(
            .object(
                JSONObject([
                    ("radius_m", .num(radius, 6)), ("posts", .int(posts)),
                    ("demand", .object(JSONObject([("x", list(demandX)), ("y", list(demandY)), ("weight", list(weights))]))),
                    ("candidates", .object(JSONObject([("x", list(candidateX)), ("y", list(candidateY))]))),
                    ("objective", .num(objective, 6)), ("selected", .array(selected.map(JSONValue.int))), ("nonzeros", .int(nonzeros)),
                ])))
    }
}
