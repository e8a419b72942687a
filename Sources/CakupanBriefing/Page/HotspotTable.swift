import CakupanSchema

/// The short ranked hotspot list: the most urgent `limit` hotspots (rank, name, level, area, reason
/// in the briefing's language, distance to the nearest patrol; zones show the dash), then the
/// hotspots as actions (`ActionTable`). The full list stays in hotspots.geojson.
struct HotspotTable {
    let folder: ResultFolder
    let strings: BriefingStrings
    let numbers: NumberText
    let areaTerm: String
    let language: BriefingLanguage
    let limit: Int
    /// How many hotspots the map numbers (the action groups show their ranks as the map's badges).
    let mapLimit: Int

    func html() -> String {
        var out = "<h2>\(XMLText.escape(strings.hotspotTableTitle))</h2>\n"
        guard !folder.hotspots.isEmpty else {
            return out + "<p>\(XMLText.escape(strings.noHotspots))</p>\n"
        }
        let shown = Array(folder.hotspots.prefix(limit))
        if shown.count < folder.hotspots.count {
            out +=
                "<p class=\"note\">\(numbers.integer(shown.count)) \(XMLText.escape(strings.of)) \(numbers.integer(folder.hotspots.count)) \(XMLText.escape(strings.hotspotsShown)); \(XMLText.escape(strings.fullListInFile)).</p>\n"
        }
        let actions = ActionTable(
            folder: folder, strings: strings, numbers: numbers, areaTerm: areaTerm,
            mappedRanks: Set(folder.hotspots.prefix(mapLimit).map(\.rank))
        ).html()
        guard !shown.isEmpty else { return out + actions }
        var areaNames: [String: String] = [:]
        for area in folder.areas where areaNames[area.id] == nil { areaNames[area.id] = area.name }
        out += "<table class=\"hotspots\">\n<thead><tr><th class=\"num\">\(XMLText.escape(strings.rank))</th>"
        out += "<th>\(XMLText.escape(strings.name))</th><th>\(XMLText.escape(strings.priority))</th>"
        out += "<th>\(XMLText.escape(areaTerm))</th><th>\(XMLText.escape(strings.reason))</th>"
        out += "<th class=\"num\">\(XMLText.escape(strings.distanceToPatrol))</th></tr></thead>\n<tbody>\n"
        for hotspot in shown {
            let area = hotspot.area.map { areaNames[$0] ?? $0 } ?? strings.notAvailable
            let reason = language == .id ? hotspot.reason : hotspot.reasonEnglish
            let distance = hotspot.kind == .site ? hotspot.distanceM.map(numbers.distance) : nil
            out += "<tr><td class=\"num\"><span class=\"rank\">\(hotspot.rank)</span></td>"
            out += "<td>\(XMLText.escape(hotspot.name ?? hotspot.ref))</td>"
            out +=
                "<td><span class=\"level\" style=\"background:\(Palette.level(hotspot.level))\"></span>\(XMLText.escape(strings.level(hotspot.level)))</td>"
            out += "<td>\(XMLText.escape(area))</td><td>\(XMLText.escape(reason))</td>"
            out += "<td class=\"num\">\(distance ?? strings.notAvailable)</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        return out + actions
    }
}
