import CakupanSchema

/// The page of recommended posts (recommendations.geojson and summary.json `recommendations`): the
/// coverage before and after the posts, how good the answer is, and one row per post by rank
/// (near what, weight added, what it newly covers, distance to the nearest patrol, the reason in the
/// page's language). Shown only when the folder has recommendations.geojson.
struct RecommendationSection {
    let folder: ResultFolder
    let posts: [PostRecord]
    let strings: BriefingStrings
    let numbers: NumberText
    let areaTerm: String
    let language: BriefingLanguage

    /// How many names of covered sites and zones a row lists before "+ n more".
    static let namesPerRow = 4

    func html() -> String {
        var out = "<h2>\(XMLText.escape(strings.recommendedPosts))</h2>\n"
        if let summary = folder.summary.recommendations {
            out += beforeAfter(summary)
        }
        guard !posts.isEmpty else {
            return out + "<p>\(XMLText.escape(strings.noPosts))</p>\n"
        }
        var note = strings.postRankedNote
        if let weights = folder.summary.recommendations?.weights, !weights.isEmpty {
            let list = Level.allCases.compactMap { level in weights[level].map { "\(strings.level(level)) \(numbers.weight($0))" } }
            note += " \(strings.weights): " + list.joined(separator: ", ") + "."
        }
        out += "<p class=\"note\">\(XMLText.escape(note))</p>\n"
        var areaNames: [String: String] = [:]
        for area in folder.areas where areaNames[area.id] == nil { areaNames[area.id] = area.name }
        out += "<table class=\"posts\">\n<thead><tr><th class=\"num\">\(XMLText.escape(strings.postWord))</th>"
        out += "<th>\(XMLText.escape(strings.near))</th><th>\(XMLText.escape(areaTerm))</th>"
        out += "<th class=\"num\">\(XMLText.escape(strings.gain))</th><th>\(XMLText.escape(strings.covers))</th>"
        out +=
            "<th class=\"num\">\(XMLText.escape(strings.distanceToPatrol))</th><th>\(XMLText.escape(strings.reason))</th></tr></thead>\n<tbody>\n"
        for post in posts {
            let area = post.area.map { areaNames[$0] ?? $0 } ?? strings.notAvailable
            out += "<tr data-rank=\"\(post.rank)\"><td class=\"num\"><span class=\"post\">P\(post.rank)</span></td>"
            out += "<td>\(XMLText.escape(post.name ?? post.id))</td><td>\(XMLText.escape(area))</td>"
            out += "<td class=\"num\">\(numbers.weight(post.gain))</td><td>\(XMLText.escape(covers(post)))</td>"
            out += "<td class=\"num\">\(post.nearestPatrolM.map(numbers.distance) ?? strings.notAvailable)</td>"
            out += "<td>\(XMLText.escape(language == .id ? post.reason : post.reasonEnglish))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        return out
    }

    /// The sites and zones a post newly covers, by name: `Kantor KPU, TPS 3, … (+2 lainnya); zona:
    /// Simpang Tiga`.
    func covers(_ post: PostRecord) -> String {
        var siteNames: [String: String] = [:]
        var zoneNames: [String: String] = [:]
        for site in folder.sites where siteNames[site.id] == nil { siteNames[site.id] = site.name ?? site.id }
        for zone in folder.zones where zoneNames[zone.id] == nil { zoneNames[zone.id] = zone.name ?? zone.id }
        func list(_ ids: [String], _ names: [String: String]) -> String {
            let shown = ids.prefix(Self.namesPerRow).map { names[$0] ?? $0 }.joined(separator: ", ")
            return shown + (ids.count > Self.namesPerRow ? " (+\(numbers.integer(ids.count - Self.namesPerRow)) \(strings.more))" : "")
        }
        var parts: [String] = []
        if !post.sites.isEmpty { parts.append(list(post.sites, siteNames)) }
        if !post.zones.isEmpty { parts.append("\(strings.zonesWord): " + list(post.zones, zoneNames)) }
        return parts.isEmpty ? strings.notAvailable : parts.joined(separator: "; ")
    }

    /// The before/after table and the line on the solver's answer.
    private func beforeAfter(_ summary: RecommendationSummary) -> String {
        var out = "<h3>\(XMLText.escape(strings.coverageBeforeAfter))</h3>\n"
        out += "<table class=\"before-after\">\n<thead><tr><th></th><th class=\"num\">\(XMLText.escape(strings.before))</th>"
        out +=
            "<th class=\"num\">\(XMLText.escape(strings.after))</th><th class=\"num\">\(XMLText.escape(strings.change))</th></tr></thead>\n<tbody>\n"
        let totals = folder.summary.totals
        func row(_ label: String, _ before: String, _ after: String, _ change: String) {
            out +=
                "<tr><td>\(XMLText.escape(label))</td><td class=\"num\">\(before)</td><td class=\"num\">\(after)</td><td class=\"num\">\(change)</td></tr>\n"
        }
        func plus(_ value: Int) -> String { (value > 0 ? "+" : "") + numbers.integer(value) }
        let b = summary.before
        let a = summary.after
        row(
            strings.sitesCovered, "\(numbers.integer(b.sitesCovered)) / \(numbers.integer(totals.sitesTotal))",
            "\(numbers.integer(a.sitesCovered)) / \(numbers.integer(totals.sitesTotal))", plus(a.sitesCovered - b.sitesCovered))
        row(
            strings.highCovered, "\(numbers.integer(b.highCovered)) / \(numbers.integer(totals.highTotal))",
            "\(numbers.integer(a.highCovered)) / \(numbers.integer(totals.highTotal))", plus(a.highCovered - b.highCovered))
        if folder.summary.temporal != nil || a.staleSitesWithPost > 0 {
            row(
                strings.staleWithPost, numbers.integer(b.staleSitesWithPost), numbers.integer(a.staleSitesWithPost),
                plus(a.staleSitesWithPost - b.staleSitesWithPost))
        }
        if totals.zones > 0, let before = b.zoneCoveredM2, let after = a.zoneCoveredM2 {
            row(
                strings.zoneAreaCovered, numbers.area(before), numbers.area(after),
                (after > before ? "+" : "") + numbers.area(after - before))
        }
        out += "</tbody>\n</table>\n"
        var quality = summary.optimal ? strings.optimalProven : strings.withinGap(numbers.fixed(summary.gapPercent ?? 0, digits: 1) + " %")
        if let solver = summary.solver { quality += "; " + solver + (summary.solverVersion.map { " " + $0 } ?? "") }
        var line = summary.mode == "cover" ? strings.coverGoal(numbers.integer(posts.count)) + " " : ""
        line += "\(strings.weightCovered): \(numbers.weight(summary.objective))"
        if let total = summary.demandWeight { line += " \(strings.of) \(numbers.weight(total))" }
        line += " (\(quality))."
        if !summary.uncoverable.isEmpty {
            line += " \(numbers.integer(summary.uncoverable.count)) \(strings.unreachable)."
        }
        out += "<p class=\"note\">\(XMLText.escape(line))</p>\n"
        return out
    }
}
