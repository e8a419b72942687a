/// The hotspots as actions: grouped by kecamatan and cause (uncovered site, stale site, zone gap), each
/// group with the recommended posts that resolve it, or else the patrol change that would. The full
/// ranked list stays in hotspots.geojson.
public struct HotspotAction: Sendable {
    public enum Cause: String, Sendable { case uncovered, stale, zoneGap = "zone_gap" }
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
        var order: [String] = []
        var byKey: [String: HotspotAction] = [:]
        for h in r.hotspots {
            let cause: Cause = h.kind == .zone ? .zoneGap : (sites[h.ref]?.covered == false ? .uncovered : .stale)
            let key = "\(h.areaID ?? "")\u{1}\(cause.rawValue)"
            if byKey[key] == nil {
                order.append(key)
                byKey[key] = HotspotAction(areaID: h.areaID, areaName: h.areaID.flatMap { names[$0] }, cause: cause, hotspots: [], posts: [])
            }
            byKey[key]!.hotspots.append(h)
        }
        let posts = r.recommendations?.posts ?? []
        return order.map { key in
            var g = byKey[key]!
            let refs = Set(g.hotspots.map(\.ref))
            g.posts = posts.filter { p in
                g.cause == .zoneGap ? p.zoneIDs.contains(where: refs.contains) : p.siteIDs.contains(where: refs.contains)
            }.map(\.rank)
            return g
        }
    }
}
