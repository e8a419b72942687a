/// The uncovered part of one rawan zone (gaps.geojson): zone − coverage.
public struct GapRecord: Sendable, Hashable {
    /// Id of the zone this is the gap of.
    public var zone: String
    public var level: ResultLevel
    public var geometry: MapGeometry

    static func read(_ feature: GeoJSONFeature, _ properties: PropertyReader) throws -> GapRecord {
        GapRecord(
            zone: try properties.id("zone"),
            level: try properties.choice("level", ResultLevel.self),
            geometry: feature.geometry)
    }
}
