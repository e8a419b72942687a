import CakupanGeometry

/// The projected CRS an analysis measured in.
public struct ProjectedCRS: Sendable, Equatable {
    public var epsg: Int
    public var name: String
}

/// A ranked hotspot: an under-covered rawan zone, an uncovered high-priority site, or (with tracks) a
/// tinggi or sedang site left unattended too long.
public struct Hotspot: Sendable {
    public typealias Kind = HotspotKind
    public var rank: Int
    public var kind: Kind
    public var ref: String
    public var name: String?
    public var level: Level
    public var areaID: String?
    /// level × 1,000,000 + gap metres, or unattended hours × 1,000 for a stale site (capped at
    /// 999,999): higher is more urgent (`HotspotRanking`).
    public var score: Double
    public var reason: String
    public var reasonEnglish: String
    public var distance: Double?
    public var gapM2: Double?
    public var coveredShare: Double?
    public var category: SiteCategory?
    /// The site point or the zone's gap, lon/lat.
    public var geometry: Geometry
    /// For a site left unattended too long: the longest stretch without a unit, seconds.
    public var unattendedSeconds: Double? = nil
}

/// Sums over all areas and inputs.
public struct Totals: Sendable {
    public var areas = 0
    public var areaM2 = 0.0
    public var coveredM2 = 0.0
    public var coverageM2 = 0.0
    public var patrols = 0
    public var sitesTotal = 0
    public var sitesCovered = 0
    public var highTotal = 0
    public var highCovered = 0
    public var zones = 0
    public var rawanM2 = 0.0
    public var rawanCoveredM2 = 0.0
    public var hotspots = 0
}

/// Everything an analysis produced, ready to be written.
public struct AnalysisResult: Sendable {
    public var crs: ProjectedCRS
    public var parameters: AnalysisParameters
    public var areas: [AreaResult]
    public var sites: [SiteResult]
    public var zones: [ZoneResult]
    /// Union of all patrol buffers, lon/lat; nil without patrols.
    public var coverage: Geometry?
    public var totals: Totals
    public var hotspots: [Hotspot]
    /// True when each area was analyzed in the UTM zone of its own centre (inputs spanning zones).
    public var perZone = false
    /// The projected CRSs used, ascending by EPSG code (one unless `perZone`).
    public var zonesUsed: [ProjectedCRS] = []
    /// Visits, attendance and track figures from GPS fixes; nil without tracks.
    public var temporal: TemporalReport? = nil
    /// New posts recommended (`--recommend`, Recommend/); nil without it.
    public var recommendations: Recommendations? = nil
}
