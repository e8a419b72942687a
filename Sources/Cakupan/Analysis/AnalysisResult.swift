import CakupanGeometry

/// The projected CRS an analysis measured in.
public struct ProjectedCRS: Sendable, Equatable {
    public var epsg: Int
    public var name: String
}

/// Coverage figures of one area. Areas in m² in the projected plane.
public struct AreaResult: Sendable {
    public var area: Area
    public var epsg: Int
    public var areaM2: Double
    public var coveredM2: Double
    public var rawanM2: Double
    public var rawanCoveredM2: Double
    public var sitesTotal = 0
    public var sitesCovered = 0
    public var highTotal = 0
    public var highCovered = 0
    public var hotspots = 0
    /// Unit-seconds of GPS track inside the area (temporal analysis); nil without tracks.
    public var patrolSeconds: Double? = nil
    /// Metres of GPS track inside the area, summed over units; nil without tracks.
    public var patrolMetres: Double? = nil

    public var coverageShare: Double { areaM2 > 0 ? coveredM2 / areaM2 : 0 }
    /// nil when the area has no rawan zone.
    public var rawanCoveredShare: Double? { rawanM2 > 0 ? rawanCoveredM2 / rawanM2 : nil }
}

/// A site's relation to the patrols.
public struct SiteResult: Sendable {
    public var site: Site
    /// Shortest distance to any patrol, metres; nil without patrols.
    public var distance: Double?
    /// Some patrol lies within its own radius of the site.
    public var covered: Bool
    public var nearestPatrol: String?
    /// Radius of the nearest patrol, metres.
    public var radius: Double?
    /// How far the site is from being covered: min over patrols of (distance − radius), metres.
    public var shortfall: Double?
    /// Id of the area containing the site.
    public var areaID: String?
    /// Visits and attendance from GPS tracks; nil without tracks.
    public var temporal: SiteVisits? = nil
}

/// A rawan zone's coverage.
public struct ZoneResult: Sendable {
    public var zone: RawanZone
    /// The zone's polygon in lon/lat (point zones as their circle).
    public var geometry: Geometry
    public var areaM2: Double
    public var coveredM2: Double
    public var areaID: String?
    /// zone − coverage in lon/lat; nil when fully covered.
    public var gap: Geometry?
    public var hotspotRank: Int?
    /// Share (0…1) of the time window with a unit inside the zone grown by the visit radius; nil
    /// without tracks.
    public var attendedShare: Double? = nil

    public var coveredShare: Double { areaM2 > 0 ? coveredM2 / areaM2 : 0 }
    public var gapM2: Double { max(0, areaM2 - coveredM2) }
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
