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
            id: try properties.id("id"),
            name: try properties.optionalString("name"),
            category: try properties.choice("category", SiteCategory.self),
            priority: try properties.choice("priority", Level.self),
            location: location,
            covered: try properties.bool("covered"),
            distanceM: try properties.optionalDouble("distance_m"),
            area: try properties.optionalID("area"),
            stale: try properties.optionalBool("stale"))
    }
}
