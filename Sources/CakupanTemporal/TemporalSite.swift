/// A place that patrols should visit: a KPU office, a ballot warehouse, a rawan polling station.
public struct TemporalSite: Hashable, Sendable {
    /// The site's id, repeated in every result row.
    public var id: String
    /// Easting of the site in metres (projected CRS, the same as the fixes').
    public var x: Double
    /// Northing of the site in metres.
    public var y: Double
    /// A unit closer than this many metres is "at" the site.
    public var radius: Double
    /// Seconds the site may be left without any unit before it is flagged stale (default 2 hours).
    public var maxUnattended: Double

    public init(id: String, x: Double, y: Double, radius: Double, maxUnattended: Double = 7200) {
        self.id = id
        self.x = x
        self.y = y
        self.radius = radius
        self.maxUnattended = maxUnattended
    }
}
