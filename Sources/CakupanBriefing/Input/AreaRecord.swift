import CakupanSchema

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
        let id = try properties.id(ResultKeys.id)
        return AreaRecord(
            id: id,
            name: try properties.optionalString(ResultKeys.name) ?? id,
            geometry: feature.geometry,
            areaM2: try properties.double(ResultKeys.areaM2),
            coveredM2: try properties.double(ResultKeys.coveredM2),
            coverageShare: try properties.double(ResultKeys.coverageShare),
            rawanCoveredShare: try properties.optionalDouble(ResultKeys.rawanCoveredShare),
            sitesTotal: try properties.int(ResultKeys.sitesTotal),
            sitesCovered: try properties.int(ResultKeys.sitesCovered),
            highTotal: try properties.int(ResultKeys.highTotal),
            highCovered: try properties.int(ResultKeys.highCovered),
            hotspots: try properties.int(ResultKeys.hotspots))
    }
}
