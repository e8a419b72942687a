import CakupanSchema

/// The per-area table: coverage share (with a bar), sites covered/total, priority-tinggi sites
/// covered/total, rawan coverage share and hotspots; lowest coverage first, totals at the foot.
struct AreaTable {
    let folder: ResultFolder
    let strings: BriefingStrings
    let numbers: NumberText
    let areaTerm: String

    func html() -> String {
        let rows = folder.areas.sorted {
            ($0.coverageShare, $0.name, $0.id) < ($1.coverageShare, $1.name, $1.id)
        }
        var out = "<h2>\(XMLText.escape(strings.areaTableTitle + " " + areaTerm.lowercased()))</h2>\n"
        out += "<p class=\"note\">\(XMLText.escape(strings.areaTableNote))</p>\n"
        out += "<table class=\"areas\">\n<thead><tr><th>\(XMLText.escape(areaTerm))</th>"
        for heading in [
            strings.coveragePercent, strings.sitesCoveredOfTotal, strings.highCoveredOfTotal, strings.rawanCoveragePercent,
            strings.hotspotCount,
        ] {
            out += "<th class=\"num\">\(XMLText.escape(heading))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for area in rows {
            out += "<tr><td>\(XMLText.escape(area.name))</td>"
            out += "<td class=\"num\">\(shareCell(area.coverageShare))</td>"
            out += "<td class=\"num\">\(ratio(area.sitesCovered, area.sitesTotal))</td>"
            out += "<td class=\"num\">\(ratio(area.highCovered, area.highTotal))</td>"
            out += "<td class=\"num\">\(area.rawanCoveredShare.map(numbers.percent) ?? strings.notAvailable)</td>"
            out += "<td class=\"num\">\(numbers.integer(area.hotspots))</td></tr>\n"
        }
        let totals = folder.summary.totals
        out += "</tbody>\n<tfoot><tr><td>\(XMLText.escape(strings.total))</td>"
        out += "<td class=\"num\">\(shareCell(totals.coverageShare))</td>"
        out += "<td class=\"num\">\(ratio(totals.sitesCovered, totals.sitesTotal))</td>"
        out += "<td class=\"num\">\(ratio(totals.highCovered, totals.highTotal))</td>"
        out += "<td class=\"num\">\(totals.rawanCoveredShare.map(numbers.percent) ?? strings.notAvailable)</td>"
        out += "<td class=\"num\">\(numbers.integer(totals.hotspots))</td></tr></tfoot>\n</table>\n"
        return out
    }

    /// `62,3%` with a small bar in the ramp colour of its class.
    private func shareCell(_ share: Double) -> String {
        let width = NumberText(.en).fixed(min(max(share, 0), 1) * 100, digits: 1)
        let colour = Palette.coverageRamp[max(Palette.rampClass(share), 2)]
        return "<span class=\"bar\"><i style=\"width:\(width)%;background:\(colour)\"></i></span>\(numbers.percent(share))"
    }

    /// `12 / 30`, or the dash for 0 / 0.
    private func ratio(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? strings.notAvailable : "\(numbers.integer(part)) / \(numbers.integer(whole))"
    }
}
