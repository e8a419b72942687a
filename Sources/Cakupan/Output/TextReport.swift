/// The readable report printed on stdout after a run, in the officer's language (Bahasa Indonesia by
/// default, English with `--lang en`), like the briefing.
public struct TextReport: Sendable {
    public enum Language: Sendable { case id, en }
    public let language: Language

    public init(language: Language = .id) { self.language = language }

    /// The words of the report, one table per language.
    private var words: [String: String] {
        switch language {
        case .id: [
            "perArea": "CRS per wilayah, zona UTM pusat tiap wilayah", "radius": "radius patroli", "patrols": "patroli",
            "Area": "Wilayah", "Coverage": "Cakupan", "Sites covered": "Lokasi terjangkau", "High priority": "Prioritas tinggi",
            "Rawan covered": "Rawan terjangkau", "Hotspots": "Titik rawan", "TOTAL": "TOTAL",
            "outside": "lokasi di luar semua wilayah; hanya dihitung di TOTAL", "none": "Tidak ada titik rawan.",
            "list": "Titik rawan (paling mendesak dulu):", "more": "lainnya di hotspots.geojson",
            "written": "Hasil ditulis ke",
        ]
        case .en: [
            "perArea": "CRS per area, UTM zone of each area's centre", "radius": "patrol radius", "patrols": "patrols",
            "Area": "Area", "Coverage": "Coverage", "Sites covered": "Sites covered", "High priority": "High priority",
            "Rawan covered": "Rawan covered", "Hotspots": "Hotspots", "TOTAL": "TOTAL",
            "outside": "sites lie outside every area; they count in TOTAL only", "none": "No hotspots.",
            "list": "Hotspots (most urgent first):", "more": "more in hotspots.geojson",
            "written": "Results written to",
        ]
        }
    }

    public func render(_ r: AnalysisResult, operation: String?, outputFolder: String?) -> String {
        let w = words
        func t(_ key: String) -> String { w[key] ?? key }
        var lines: [String] = []
        if let operation { lines.append(operation) }
        let crs = r.perZone
            ? t("perArea") + " (" + r.zonesUsed.map { "EPSG:\($0.epsg)" }.joined(separator: ", ") + ")"
            : "CRS \(r.crs.name) (EPSG:\(r.crs.epsg))"
        lines.append("\(crs), \(t("radius")) \(number(r.parameters.radius, 1)) m, \(r.totals.patrols) \(t("patrols"))")
        lines.append("")
        let header = ["Area", "Coverage", "Sites covered", "High priority", "Rawan covered", "Hotspots"].map(t)
        var rows: [[String]] = r.areas.map { a in
            [a.area.name ?? a.area.id, pct(a.coverageShare), "\(a.sitesCovered)/\(a.sitesTotal)",
             "\(a.highCovered)/\(a.highTotal)", a.rawanCoveredShare.map(pct) ?? "-", String(a.hotspots)]
        }
        let totals = r.totals
        let unassigned = totals.sitesTotal - r.areas.map(\.sitesTotal).reduce(0, +)
        rows.append([t("TOTAL"), pct(totals.areaM2 > 0 ? totals.coveredM2 / totals.areaM2 : 0), "\(totals.sitesCovered)/\(totals.sitesTotal)",
                     "\(totals.highCovered)/\(totals.highTotal)", totals.rawanM2 > 0 ? pct(totals.rawanCoveredM2 / totals.rawanM2) : "-",
                     String(totals.hotspots)])
        lines += Self.table(header, rows)
        if unassigned > 0 { lines.append("(\(unassigned) \(t("outside")))") }
        lines.append("")
        if r.hotspots.isEmpty {
            lines.append(t("none"))
        } else {
            lines.append(t("list"))
            for h in r.hotspots.prefix(10) {
                lines.append("  \(h.rank). [\(h.kind.rawValue) \(h.ref)] \(h.name ?? "") — \(language == .id ? h.reason : h.reasonEnglish)")
            }
            if r.hotspots.count > 10 { lines.append("  … \(r.hotspots.count - 10) \(t("more"))") }
        }
        var text = lines.joined(separator: "\n") + "\n" + TemporalOutput.text(r, language: language)
        if let outputFolder { text += "\n\(t("written")) \(outputFolder)\n" }
        return text
    }

    /// A number with a decimal comma in Bahasa Indonesia, a point in English.
    func number(_ v: Double, _ decimals: Int) -> String {
        let s = JSONWriter.formatNumber(v, decimals: decimals)
        return language == .id ? s.replacingOccurrences(of: ".", with: ",") : s
    }

    func pct(_ share: Double) -> String { number(share * 100, 1) + " %" }

    static func table(_ header: [String], _ rows: [[String]]) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { c, s in
                let pad = String(repeating: " ", count: widths[c] - s.count)
                return c == 0 ? s + pad : pad + s
            }.joined(separator: "  ")
        }
        return [line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + rows.map(line)
    }
}
