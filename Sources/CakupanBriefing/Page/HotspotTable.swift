import CakupanSchema
/// The ranked hotspot list: rank, name, level, area, reason (in the briefing's language) and the
/// distance to the nearest patrol (sites; zones show the dash).
struct HotspotTable {
    let folder: ResultFolder
    let strings: BriefingStrings
    let numbers: NumberText
    let areaTerm: String
    let language: BriefingLanguage
    let limit: Int

    func html() -> String {
        var out = "<h2>\(XMLText.escape(strings.hotspotTableTitle))</h2>\n"
        guard !folder.hotspots.isEmpty else {
            return out + "<p>\(XMLText.escape(strings.noHotspots))</p>\n"
        }
        let shown = Array(folder.hotspots.prefix(limit))
        if shown.count < folder.hotspots.count {
            out += "<p class=\"note\">\(numbers.integer(shown.count)) \(XMLText.escape(strings.of)) \(numbers.integer(folder.hotspots.count)) \(XMLText.escape(strings.hotspotsShown)).</p>\n"
        }
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
            out += "<td><span class=\"level\" style=\"background:\(Palette.level(hotspot.level))\"></span>\(XMLText.escape(strings.level(hotspot.level)))</td>"
            out += "<td>\(XMLText.escape(area))</td><td>\(XMLText.escape(reason))</td>"
            out += "<td class=\"num\">\(distance ?? strings.notAvailable)</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        return out
    }
}
