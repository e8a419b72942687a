import CakupanGeometry

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
