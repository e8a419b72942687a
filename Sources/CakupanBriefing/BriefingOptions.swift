/// The language of the briefing's labels (all strings of one language live in `BriefingStrings`).
public enum BriefingLanguage: String, Sendable, CaseIterable, Hashable {
    /// Bahasa Indonesia (the default).
    case id
    /// English.
    case en
}

/// How to render a briefing.
public struct BriefingOptions: Sendable, Hashable {
    /// Label language; Bahasa Indonesia unless `en` is asked for.
    public var language: BriefingLanguage
    /// Title in place of summary.json `operation`.
    public var title: String?
    /// Date/time window text shown when summary.json has no `temporal.window`
    /// (e.g. "27 November 2024, 06.00–18.00 WIB").
    public var window: String?
    /// What the areas are called in headings and tables ("Kecamatan" or "Desa"); the language's
    /// word for kecamatan when nil.
    public var areaTerm: String?
    /// How many hotspots are numbered on the map and listed (the most urgent first); at least 0.
    public var hotspotLimit: Int
    /// How many of those the page lists one by one (at most `hotspotLimit`); the rest appear in the
    /// page's action groups by kecamatan and cause, and all in hotspots.geojson. At least 0.
    public var hotspotListLimit: Int

    public init(
        language: BriefingLanguage = .id, title: String? = nil, window: String? = nil,
        areaTerm: String? = nil, hotspotLimit: Int = 30, hotspotListLimit: Int = 10
    ) {
        self.language = language
        self.title = title
        self.window = window
        self.areaTerm = areaTerm
        self.hotspotLimit = hotspotLimit
        self.hotspotListLimit = hotspotListLimit
    }
}
