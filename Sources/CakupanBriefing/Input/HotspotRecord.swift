import CakupanSchema

/// One ranked hotspot of hotspots.geojson: a site out of reach or a zone with a gap.
public struct HotspotRecord: Sendable, Hashable {
    /// 1 = most urgent.
    public var rank: Int
    public var kind: HotspotKind
    /// Id of the zone or site.
    public var ref: String
    public var name: String?
    public var level: Level
    /// Id of the area, if any.
    public var area: String?
    /// Why it is a hotspot, in Bahasa Indonesia and in English.
    public var reason: String
    public var reasonEnglish: String
    /// Sites: distance to the nearest patrol in metres (nil for zones, or without patrols).
    public var distanceM: Double?
    /// Zones: uncovered area in m² (nil for sites).
    public var gapM2: Double?
    /// The site's point or the zone's gap.
    public var geometry: MapGeometry

    static func read(_ feature: GeoJSONFeature, _ properties: PropertyReader) throws -> HotspotRecord {
        let reason = try properties.string(ResultKeys.reason)
        return HotspotRecord(
            rank: try properties.int(ResultKeys.rank),
            kind: try properties.choice(ResultKeys.kind, HotspotKind.self),
            ref: try properties.id(ResultKeys.ref),
            name: try properties.optionalString(ResultKeys.name),
            level: try properties.choice(ResultKeys.level, Level.self),
            area: try properties.optionalID(ResultKeys.area),
            reason: reason,
            reasonEnglish: try properties.optionalString(ResultKeys.reasonEn) ?? reason,
            distanceM: try properties.optionalDouble(ResultKeys.distanceM),
            gapM2: try properties.optionalDouble(ResultKeys.gapM2),
            geometry: feature.geometry)
    }
}
