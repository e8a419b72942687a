import CakupanSchema

/// The hotspots as actions: one row per kecamatan and cause (`HotspotGroups`, the rule the stdout
/// report uses), with the group's hotspots by rank (the numbers on the map) and the recommended
/// posts that reach them, or else the patrol change that resolves them. Replaces a long ranked list:
/// the page lists only the most urgent hotspots one by one.
struct ActionTable {
    let folder: ResultFolder
    let strings: BriefingStrings
    let numbers: NumberText
    let areaTerm: String
    /// Ranks numbered on the map: shown as the map's purple badges; other ranks as plain text.
    let mappedRanks: Set<Int>

    /// Rows shown, most urgent group first; the rest are counted in a note.
    static let groupLimit = 40
    /// Hotspots named per row before "+ n more".
    static let membersPerRow = 6

    /// The groups of the folder's hotspots.
    static func groups(_ folder: ResultFolder) -> [HotspotGroup<HotspotRecord>] {
        var covered: [String: Bool] = [:]
        for site in folder.sites where covered[site.id] == nil { covered[site.id] = site.covered }
        let posts = (folder.posts ?? []).map { PostReach(rank: $0.rank, sites: $0.sites, zones: $0.zones) }
        return HotspotGroups.make(
            folder.hotspots, area: \.area, cause: { HotspotCause(kind: $0.kind, siteCovered: covered[$0.ref]) }, ref: \.ref,
            posts: posts)
    }

    func html() -> String {
        let groups = Self.groups(folder)
        guard !groups.isEmpty else { return "" }
        var areaNames: [String: String] = [:]
        for area in folder.areas where areaNames[area.id] == nil { areaNames[area.id] = area.name }
        var out = "<h3>\(XMLText.escape(strings.actionsTitle))</h3>\n"
        out += "<p class=\"note\">\(XMLText.escape(strings.actionsNote))</p>\n"
        out += "<table class=\"actions\">\n<thead><tr><th>\(XMLText.escape(areaTerm))</th><th>\(XMLText.escape(strings.cause))</th>"
        out += "<th>\(XMLText.escape(strings.hotspotsByRank))</th><th>\(XMLText.escape(strings.action))</th></tr></thead>\n<tbody>\n"
        for group in groups.prefix(Self.groupLimit) {
            let area = group.areaID.map { areaNames[$0] ?? $0 } ?? strings.outsideAreas
            out += "<tr><td>\(XMLText.escape(area))</td>"
            out += "<td>\(XMLText.escape(strings.cause(group.cause))) (\(numbers.integer(group.members.count)))</td><td>"
            out += group.members.prefix(Self.membersPerRow).map { hotspot in
                let rank = mappedRanks.contains(hotspot.rank) ? "<span class=\"rank\">\(hotspot.rank)</span>" : "#\(hotspot.rank)"
                return rank + " " + XMLText.escape(hotspot.name ?? hotspot.ref)
            }.joined(separator: ", ")
            if group.members.count > Self.membersPerRow {
                out += " (+\(numbers.integer(group.members.count - Self.membersPerRow)) \(XMLText.escape(strings.more)))"
            }
            out += "</td><td>"
            if group.posts.isEmpty {
                out += XMLText.escape(strings.patrolChange(group.cause))
            } else {
                out += group.posts.map { "<span class=\"post\">P\($0)</span>" }.joined(separator: " ")
            }
            out += "</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if groups.count > Self.groupLimit {
            out += "<p class=\"note\">… \(numbers.integer(groups.count - Self.groupLimit)) \(XMLText.escape(strings.moreGroups)).</p>\n"
        }
        return out
    }
}
