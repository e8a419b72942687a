/// What the briefing reads of summary.json (docs/outputs.md).
public struct ResultSummary: Sendable, Hashable {
    /// Version of the analyzer that wrote the folder.
    public var version: String?
    /// The operation's name, if the analysis was given one.
    public var operation: String?
    /// EPSG code and name of the projected CRS the analysis measured in.
    public var crsEPSG: Int?
    public var crsName: String?
    /// Default patrol radius in metres.
    public var radiusM: Double?
    public var totals: Totals
    /// Number of entries in summary.json `areas` (checked against areas.geojson).
    public var areaCount: Int
    public var warnings: [String]
    /// The GPS-track part, present when the analysis had timed patrol fixes.
    public var temporal: TemporalSummary?
    /// The recommended posts' part, present when the analysis ran with `--recommend`.
    public var recommendations: RecommendationSummary? = nil

    /// summary.json `totals`.
    public struct Totals: Sendable, Hashable {
        public var areas: Int
        /// Covered share of all areas together, 0…1.
        public var coverageShare: Double
        public var patrols: Int
        public var sitesTotal: Int
        public var sitesCovered: Int
        public var highTotal: Int
        public var highCovered: Int
        public var zones: Int
        /// Covered share of all rawan zones, 0…1; nil without zones.
        public var rawanCoveredShare: Double?
        public var hotspots: Int
    }

    static func read(_ top: PropertyReader) throws -> ResultSummary {
        let crs = try top.optionalObject("crs")
        let parameters = try top.optionalObject("parameters")
        let totals = try top.object("totals")
        let areas = try top.objects("areas")
        return ResultSummary(
            version: try top.optionalString("version"),
            operation: try top.optionalString("operation"),
            crsEPSG: try crs?.optionalInt("epsg"),
            crsName: try crs?.optionalString("name"),
            radiusM: try parameters?.optionalDouble("radius_m"),
            totals: Totals(
                areas: try totals.int("areas"),
                coverageShare: try totals.double("coverage_share"),
                patrols: try totals.int("patrols"),
                sitesTotal: try totals.int("sites_total"),
                sitesCovered: try totals.int("sites_covered"),
                highTotal: try totals.int("high_total"),
                highCovered: try totals.int("high_covered"),
                zones: try totals.int("zones"),
                rawanCoveredShare: try totals.optionalDouble("rawan_covered_share"),
                hotspots: try totals.int("hotspots")),
            areaCount: areas.count,
            warnings: try top.optionalStrings("warnings") ?? [],
            temporal: try top.optionalObject("temporal").map(TemporalSummary.read),
            recommendations: try top.optionalObject("recommendations").map(RecommendationSummary.read))
    }
}
