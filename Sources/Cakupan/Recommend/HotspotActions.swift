/// The hotspots as actions: grouped by kecamatan and cause (uncovered site, stale site, zone gap), each
/// group with the recommended posts that resolve it, or else the patrol change that would. The full
/// ranked list stays in hotspots.geojson. The grouping rule lives in CakupanSchema (`HotspotGroups`),
/// shared with the briefing.
public struct HotspotAction: Sendable {
    public typealias Cause = HotspotCause
    public var areaID: String?
    public var areaName: String?
    public var cause: Cause
    /// The group's hotspots, best rank first.
    public var hotspots: [Hotspot]
    /// Ranks of the recommended posts that reach at least one of them.
    public var posts: [Int]
    /// The best rank in the group: groups are listed by it.
    public var firstRank: Int { hotspots.first?.rank ?? .max }

    /// Groups in order of their most urgent hotspot.
    public static func groups(_ r: AnalysisResult) -> [HotspotAction] {
        let sites = Dictionary(r.sites.map { ($0.site.id, $0) }, uniquingKeysWith: { a, _ in a })
        let names = Dictionary(r.areas.map { ($0.area.id, $0.area.name ?? $0.area.id) }, uniquingKeysWith: { a, _ in a })
        let posts = (r.recommendations?.posts ?? []).map { PostReach(rank: $0.rank, sites: $0.siteIDs, zones: $0.zoneIDs) }
        return HotspotGroups.make(
            r.hotspots, area: \.areaID, cause: { HotspotCause(kind: $0.kind, siteCovered: sites[$0.ref]?.covered) }, ref: \.ref,
            posts: posts
        ).map { g in
            HotspotAction(areaID: g.areaID, areaName: g.areaID.flatMap { names[$0] }, cause: g.cause, hotspots: g.members, posts: g.posts)
        }
    }
}
