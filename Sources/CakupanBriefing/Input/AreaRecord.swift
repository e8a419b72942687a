/// One area (kecamatan or desa) of areas.geojson with the figures the analysis added.
public struct AreaRecord: Sendable, Hashable {
    public var id: String
    /// The area's name; its id when the file has none.
    public var name: String
    public var geometry: MapGeometry
    /// Area in m², measured in the area's projected CRS.
    public var areaM2: Double
    /// Part of the area inside the patrol coverage, in m².
    public var coveredM2: Double
    /// `coveredM2 / areaM2`, 0…1.
    public var coverageShare: Double
    /// Covered share of the area's rawan zones, 0…1; nil when the area has no rawan zone.
    public var rawanCoveredShare: Double?
    public var sitesTotal: Int
    public var sitesCovered: Int
    /// Sites of priority tinggi, all and covered.
    public var highTotal: Int
    public var highCovered: Int
    /// Number of hotspots in the area.
    public var hotspots: Int

    static func read(_ feature: GeoJSONFeature, _ properties: PropertyReader) throws -> AreaRecord {
        let id = try properties.id("id")
        return AreaRecord(
            id: id,
            name: try properties.optionalString("name") ?? id,
            geometry: feature.geometry,
            areaM2: try properties.double("area_m2"),
            coveredM2: try properties.double("covered_m2"),
            coverageShare: try properties.double("coverage_share"),
            rawanCoveredShare: try properties.optionalDouble("rawan_covered_share"),
            sitesTotal: try properties.int("sites_total"),
            sitesCovered: try properties.int("sites_covered"),
            highTotal: try properties.int("high_total"),
            highCovered: try properties.int("high_covered"),
            hotspots: try properties.int("hotspots"))
    }
}
