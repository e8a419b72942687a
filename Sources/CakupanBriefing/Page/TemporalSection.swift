import CakupanSchema

/// The page shown when summary.json has a `temporal` part: the hourly chart and the sites left
/// without a patrol too long, longest first.
struct TemporalSection {
    let temporal: TemporalSummary
    let strings: BriefingStrings
    let numbers: NumberText
    let time: TimeText

    func html() -> String {
        var out = "<h2>\(XMLText.escape(strings.temporalTitle))</h2>\n"
        out +=
            "<p class=\"note\">\(XMLText.escape(strings.window)): \(XMLText.escape(time.window(from: temporal.from, to: temporal.to)))</p>\n"
        out += "<h3>\(XMLText.escape(strings.timelineTitle))</h3>\n"
        out +=
            "<figure class=\"chart\">" + TimelineChart(hours: temporal.hourly, strings: strings, numbers: numbers, time: time).svg()
            + "</figure>\n"
        out += "<h3>\(XMLText.escape(strings.staleTitle))</h3>\n"
        guard !temporal.staleSites.isEmpty else {
            return out + "<p>\(XMLText.escape(strings.noStaleSites))</p>\n"
        }
        let sites = temporal.staleSites.sorted { ($1.maxUnattendedS, $0.id) < ($0.maxUnattendedS, $1.id) }
        out += "<table class=\"stale\">\n<thead><tr><th>\(XMLText.escape(strings.name))</th><th>\(XMLText.escape(strings.category))</th>"
        out += "<th>\(XMLText.escape(strings.priority))</th><th class=\"num\">\(XMLText.escape(strings.longestUnattended))</th>"
        out += "<th>\(XMLText.escape(strings.lastVisit))</th></tr></thead>\n<tbody>\n"
        for site in sites {
            out += "<tr><td>\(XMLText.escape(site.name ?? site.id))</td><td>\(XMLText.escape(strings.category(site.category)))</td>"
            out +=
                "<td><span class=\"level\" style=\"background:\(Palette.level(site.priority))\"></span>\(XMLText.escape(strings.level(site.priority)))</td>"
            out += "<td class=\"num\">\(XMLText.escape(time.duration(site.maxUnattendedS, strings)))</td>"
            out += "<td>\(XMLText.escape(site.lastVisit.map(time.moment) ?? strings.neverVisited))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        return out
    }
}
