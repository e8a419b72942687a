/// One recommended post of recommendations.geojson (`cakupan analyze --recommend`), in rank order.
public struct PostRecord: Sendable, Hashable {
    /// 1 = the post that adds the most (staff it first).
    public var rank: Int
    /// The candidate's id, or the id of the site or zone it stands at.
    public var id: String
    /// Where it stands (the candidate's, site's or zone's name), if named.
    public var name: String?
    /// Weight newly covered (tinggi 3, sedang 2, rendah 1 unless the run set other weights).
    public var gain: Double
    /// Ids of the sites and of the zones it newly covers.
    public var sites: [String]
    public var zones: [String]
    /// Id of the area it stands in, if any.
    public var area: String?
    /// Distance to the nearest patrol in metres; nil without patrols.
    public var nearestPatrolM: Double?
    /// Why it was chosen, in Bahasa Indonesia and in English.
    public var reason: String
    public var reasonEnglish: String
    public var location: LonLat

    public init(
        rank: Int, id: String, name: String? = nil, gain: Double, sites: [String] = [], zones: [String] = [],
        area: String? = nil, nearestPatrolM: Double? = nil, reason: String, reasonEnglish: String, location: LonLat
    ) {
        self.rank = rank
        self.id = id
        self.name = name
        self.gain = gain
        self.sites = sites
        self.zones = zones
        self.area = area
        self.nearestPatrolM = nearestPatrolM
        self.reason = reason
        self.reasonEnglish = reasonEnglish
        self.location = location
    }

    static func read(_ feature: GeoJSONFeature, _ properties: PropertyReader) throws -> PostRecord {
        guard case .point(let location) = feature.geometry else {
            throw properties.failure("geometry must be a Point")
        }
        let covers = try properties.optionalObject("covers")
        let reason = try properties.string("reason")
        return PostRecord(
            rank: try properties.int("rank"),
            id: try properties.id("id"),
            name: try properties.optionalString("name"),
            gain: try properties.double("gain"),
            sites: try covers?.optionalStrings("sites") ?? [],
            zones: try covers?.optionalStrings("zones") ?? [],
            area: try properties.optionalID("area"),
            nearestPatrolM: try properties.optionalDouble("nearest_patrol_m"),
            reason: reason,
            reasonEnglish: try properties.optionalString("reason_en") ?? reason,
            location: location)
    }
}
