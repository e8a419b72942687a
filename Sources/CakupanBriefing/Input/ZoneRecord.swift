/// One rawan (vulnerable) zone of zones.geojson; point zones arrive as their circle.
public struct ZoneRecord: Sendable, Hashable {
    public var id: String
    public var name: String?
    public var level: ResultLevel
    public var geometry: MapGeometry

    static func read(_ feature: GeoJSONFeature, _ properties: PropertyReader) throws -> ZoneRecord {
        ZoneRecord(
            id: try properties.id("id"),
            name: try properties.optionalString("name"),
            level: try properties.choice("level", ResultLevel.self),
            geometry: feature.geometry)
    }
}
