import CakupanSchema

/// summary.json `temporal`: when the analysis had timed GPS fixes, the time window, the number of
/// attended sites per hour and the sites left unattended too long. Times are ISO 8601 strings with
/// their UTC offset, kept as written (`2024-11-27T06:00:00+07:00`).
public struct TemporalSummary: Sendable, Hashable {
    /// Start and end of the analysed window.
    public var from: String
    public var to: String
    public var hourly: [Hour]
    public var staleSites: [StaleSite]

    /// One hour of the window.
    public struct Hour: Sendable, Hashable {
        /// Start of the hour.
        public var hour: String
        /// Number of sites a patrol attended during the hour.
        public var attendedSites: Int
    }

    /// A site left unattended longer than allowed.
    public struct StaleSite: Sendable, Hashable {
        public var id: String
        public var name: String?
        public var category: SiteCategory
        public var priority: Level
        /// Longest time without a patrol, in seconds.
        public var maxUnattendedS: Double
        /// Time of the last visit; nil when never visited.
        public var lastVisit: String?
    }

    static func read(_ temporal: PropertyReader) throws -> TemporalSummary {
        let window = try temporal.object("window")
        return TemporalSummary(
            from: try window.string("from"),
            to: try window.string("to"),
            hourly: try (temporal.optionalObjects("hourly") ?? []).map { hour in
                Hour(hour: try hour.string("hour"), attendedSites: try hour.int("attended_sites"))
            },
            staleSites: try (temporal.optionalObjects("stale_sites") ?? []).map { site in
                StaleSite(
                    id: try site.id("id"),
                    name: try site.optionalString("name"),
                    category: try site.choice("category", SiteCategory.self),
                    priority: try site.choice("priority", Level.self),
                    maxUnattendedS: try site.double("max_unattended_s"),
                    lastVisit: try site.optionalString("last_visit"))
            })
    }
}
