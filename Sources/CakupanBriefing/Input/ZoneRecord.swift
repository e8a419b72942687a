import CakupanSchema

/// One rawan (vulnerable) zone of zones.geojson; point zones arrive as their circle.
public struct ZoneRecord: Sendable, Hashable {
    public var id: String
    public var name: String?
    public var level: Level
    public var geometry: MapGeometry
    /// Covered share of the zone, 0…1, when zones.geojson has it.
    public var coveredShare: Double? = nil
    /// Id of the area holding the zone, if any.
    public var area: String? = nil
    /// The zone's hotspot rank, if it is one.
    public var hotspotRank: Int? = nil

    static func read(_ feature: GeoJSONFeature, _ properties: PropertyReader) throws -> ZoneRecord {
        ZoneRecord(
            id: try properties.id(ResultKeys.id),
            name: try properties.optionalString(ResultKeys.name),
            level: try properties.choice(ResultKeys.level, Level.self),
            geometry: feature.geometry,
            coveredShare: try properties.optionalDouble(ResultKeys.coveredShare),
            area: try properties.optionalID(ResultKeys.area),
            hotspotRank: try properties.optionalInt(ResultKeys.hotspotRank))
    }
}
