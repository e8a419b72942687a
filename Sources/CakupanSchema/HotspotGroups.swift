/// The hotspots as actions (the stdout report's and the briefing's one rule): grouped by kecamatan
/// and cause, in order of each group's most urgent hotspot, each group with the recommended posts
/// that reach at least one of its hotspots. A group without a post is resolved by a patrol change
/// (`HotspotCause` names which).
public enum HotspotCause: String, Sendable, CaseIterable, Hashable {
    /// A site no patrol covers: add or move a patrol route there.
    case uncovered
    /// A site the patrols cover but left unattended too long (GPS tracks): add visits in the empty
    /// hours.
    case stale
    /// A rawan zone covered less than the minimum: route a patrol through the zone.
    case zoneGap = "zone_gap"

    /// A zone hotspot is a zone gap; a site hotspot is `uncovered` when its site is known not to be
    /// covered, else `stale` (a covered site is a hotspot only when it went unattended too long).
    public init(kind: HotspotKind, siteCovered: Bool?) {
        self = kind == .zone ? .zoneGap : (siteCovered == false ? .uncovered : .stale)
    }
}

/// One group of hotspots: one kecamatan (or none), one cause.
public struct HotspotGroup<Member> {
    /// The area's id; nil for hotspots outside every area.
    public var areaID: String?
    public var cause: HotspotCause
    /// The group's hotspots in the order given (most urgent first).
    public var members: [Member]
    /// Ranks of the recommended posts that newly cover at least one member, ascending as given.
    public var posts: [Int]
}

extension HotspotGroup: Sendable where Member: Sendable {}

/// What a recommended post newly covers (recommendations.geojson `rank` and `covers`).
public struct PostReach: Sendable, Hashable {
    public var rank: Int
    public var sites: [String]
    public var zones: [String]

    public init(rank: Int, sites: [String], zones: [String]) {
        self.rank = rank
        self.sites = sites
        self.zones = zones
    }
}

public enum HotspotGroups {
    /// Groups `hotspots` (ranked, most urgent first) by area and cause; groups are listed by their
    /// first member. A post belongs to a zone-gap group when it covers one of the group's zones, to a
    /// site group when it covers one of its sites.
    public static func make<Member>(
        _ hotspots: [Member], area: (Member) -> String?, cause: (Member) -> HotspotCause, ref: (Member) -> String,
        posts: [PostReach]
    ) -> [HotspotGroup<Member>] {
        var order: [String] = []
        var byKey: [String: HotspotGroup<Member>] = [:]
        for hotspot in hotspots {
            let areaID = area(hotspot)
            let kind = cause(hotspot)
            // The separator cannot occur in an id read from JSON text without escapes.
            let key = (areaID.map { "a" + $0 } ?? "-") + "\u{1}" + kind.rawValue
            if byKey[key] == nil {
                order.append(key)
                byKey[key] = HotspotGroup(areaID: areaID, cause: kind, members: [], posts: [])
            }
            byKey[key]!.members.append(hotspot)
        }
        return order.map { key in
            var group = byKey[key]!
            let refs = Set(group.members.map(ref))
            group.posts = posts.filter { post in
                (group.cause == .zoneGap ? post.zones : post.sites).contains(where: refs.contains)
            }.map(\.rank)
            return group
        }
    }
}
