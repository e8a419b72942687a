import CakupanSchema

/// One strategic site of sites.geojson.
public struct SiteRecord: Sendable, Hashable {
    public var id: String
    public var name: String?
    public var category: SiteCategory
    public var priority: Level
    public var location: LonLat
    /// Whether the site lies within its radius of a patrol.
    public var covered: Bool
    /// Distance to the nearest patrol in metres; nil when there are no patrols.
    public var distanceM: Double?
    /// Id of the area holding the site, if any.
    public var area: String?
    /// From the temporal analysis: whether the site went unattended too long; nil without it.
    public var stale: Bool?

    static func read(_ feature: GeoJSONFeature, _ properties: PropertyReader) throws -> SiteRecord {
        guard case .point(let location) = feature.geometry else {
            throw properties.failure("geometry must be a Point")
        }
        return SiteRecord(
            id: try properties.id(ResultKeys.id),
            name: try properties.optionalString(ResultKeys.name),
            category: try properties.choice(ResultKeys.category, SiteCategory.self),
            priority: try properties.choice(ResultKeys.priority, Level.self),
            location: location,
            covered: try properties.bool(ResultKeys.covered),
            distanceM: try properties.optionalDouble(ResultKeys.distanceM),
            area: try properties.optionalID(ResultKeys.area),
            stale: try properties.optionalBool(ResultKeys.stale))
    }
}
