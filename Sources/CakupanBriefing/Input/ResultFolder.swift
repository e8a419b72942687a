import CakupanSchema
import Foundation

/// A Cakupan result folder (docs/outputs.md), read whole: every layer the briefing draws and the
/// summary. Records keep the files' order.
public struct ResultFolder: Sendable, Hashable {
    public var summary: ResultSummary
    public var areas: [AreaRecord]
    public var sites: [SiteRecord]
    public var zones: [ZoneRecord]
    /// The union of all patrol buffers (coverage.geojson; one feature, possibly empty).
    public var coverage: [MapPolygon]
    public var gaps: [GapRecord]
    public var hotspots: [HotspotRecord]
    /// The recommended posts (recommendations.geojson) by rank; nil when the folder has no such file
    /// (the analysis ran without `--recommend`), empty when no post was recommended.
    public var posts: [PostRecord]?

    public init(
        summary: ResultSummary, areas: [AreaRecord], sites: [SiteRecord], zones: [ZoneRecord],
        coverage: [MapPolygon], gaps: [GapRecord], hotspots: [HotspotRecord], posts: [PostRecord]? = nil
    ) {
        self.summary = summary
        self.areas = areas
        self.sites = sites
        self.zones = zones
        self.coverage = coverage
        self.gaps = gaps
        self.hotspots = hotspots
        self.posts = posts
    }

    /// Reads the seven files of the folder, and recommendations.geojson when it is there. Throws `BriefingError` naming the file and what is
    /// wrong: a missing file, invalid JSON, a missing or mistyped key, or summary.json disagreeing
    /// with areas.geojson about the number of areas.
    public static func load(from directory: URL) throws -> ResultFolder {
        try load(.directory(directory))
    }

    /// As `load(from:)`, from files on disk or made in memory.
    public static func load(_ files: ResultFiles) throws -> ResultFolder {
        let summaryValue = try JSONFileReading.read(file: "summary.json", from: files)
        guard case .object(let summaryMembers) = summaryValue else {
            throw BriefingError.invalidFile("summary.json", detail: "must hold a JSON object, found \(summaryValue.kind)")
        }
        let summary = try ResultSummary.read(PropertyReader(file: "summary.json", values: summaryMembers))
        let areas = try GeoJSONFeatureCollection.records(file: "areas.geojson", from: files, AreaRecord.read)
        guard areas.count == summary.areaCount else {
            throw BriefingError.invalidFile(
                "summary.json",
                detail: "'areas' lists \(summary.areaCount) areas but areas.geojson has \(areas.count) features")
        }
        let coverage = try GeoJSONFeatureCollection.records(file: "coverage.geojson", from: files) { feature, _ in
            feature.geometry.polygons
        }
        var hotspots = try GeoJSONFeatureCollection.records(file: "hotspots.geojson", from: files, HotspotRecord.read)
        hotspots.sort { ($0.rank, $0.ref) < ($1.rank, $1.ref) }
        // Optional: only runs with --recommend write it.
        let postsFile = ResultFileNames.recommendations
        var posts: [PostRecord]? = nil
        if try files.exists(postsFile) {
            posts = try GeoJSONFeatureCollection.records(file: postsFile, from: files, PostRecord.read)
                .sorted { ($0.rank, $0.id) < ($1.rank, $1.id) }
        }
        return ResultFolder(
            summary: summary,
            areas: areas,
            sites: try GeoJSONFeatureCollection.records(file: "sites.geojson", from: files, SiteRecord.read),
            zones: try GeoJSONFeatureCollection.records(file: "zones.geojson", from: files, ZoneRecord.read),
            coverage: coverage.flatMap { $0 },
            gaps: try GeoJSONFeatureCollection.records(file: "gaps.geojson", from: files, GapRecord.read),
            hotspots: hotspots,
            posts: posts)
    }
}
