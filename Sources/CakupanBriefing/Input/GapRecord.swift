import CakupanSchema

/// The uncovered part of one rawan zone (gaps.geojson): zone − coverage.
public struct GapRecord: Sendable, Hashable {
    /// Id of the zone this is the gap of.
    public var zone: String
    public var level: Level
    public var geometry: MapGeometry
    /// The zone's name, if it has one.
    public var name: String? = nil
    /// Uncovered area in m², when gaps.geojson has it.
    public var gapM2: Double? = nil

    static func read(_ feature: GeoJSONFeature, _ properties: PropertyReader) throws -> GapRecord {
        GapRecord(
            zone: try properties.id(ResultKeys.zone),
            level: try properties.choice(ResultKeys.level, Level.self),
            geometry: feature.geometry,
            name: try properties.optionalString(ResultKeys.name),
            gapM2: try properties.optionalDouble(ResultKeys.gapM2))
    }
}
