/// The readable report printed on stdout after a run, in the officer's language (Bahasa Indonesia by
/// default, English with `--lang en`), like the briefing.
public struct TextReport: Sendable {
    public enum Language: Sendable { case id, en }
    public let language: Language

    public init(language: Language = .id) { self.language = language }

    /// The words of the report, one table per language.
    private var words: [String: String] {
        switch language {
        case .id:
            [
                "perArea": "CRS per wilayah, zona UTM pusat tiap wilayah", "radius": "radius patroli", "patrols": "patroli",
                "Area": "Wilayah", "Coverage": "Cakupan", "Sites covered": "Lokasi terjangkau", "High priority": "Prioritas tinggi",
                "Rawan covered": "Rawan terjangkau", "Hotspots": "Titik rawan", "TOTAL": "TOTAL",
                "outside": "lokasi di luar semua wilayah; hanya dihitung di TOTAL", "none": "Tidak ada titik rawan.",
                "list": "Titik rawan (paling mendesak dulu):", "more": "lainnya di hotspots.geojson",
                "written": "Hasil ditulis ke",
                "actions": "Tindakan per kecamatan (titik rawan dikelompokkan menurut sebab):",
                "uncovered": "lokasi prioritas tinggi tak terjangkau patroli", "stale": "lokasi terlalu lama tak didatangi",
                "zone_gap": "zona rawan kurang terjangkau", "post": "pos", "addRoute": "tambah atau geser rute patroli ke sana",
                "addVisits": "tambah kunjungan patroli (sambang) di jam kosong", "widenRoute": "perluas rute patroli melewati zona",
                "noArea": "(di luar kecamatan)", "top": "Titik rawan teratas:", "groupsMore": "kelompok lainnya",
                "recTitle": "Pos baru yang disarankan", "recNone": "Tidak ada pos yang disarankan: tidak ada kebutuhan yang terjangkau.",
                "optimal": "optimal (terbukti)", "within": "dalam", "ofBest": "dari yang terbaik", "weight": "bobot terjangkau",
                "sitesCov": "lokasi terjangkau", "highCov": "prioritas tinggi terjangkau", "zoneCov": "zona rawan terjangkau",
                "before": "sebelum", "after": "sesudah", "unreachable": "tak terjangkau calon pos mana pun", "seconds": "detik",
                "staleCov": "lokasi jarang didatangi kini dijaga pos",
            ]
        case .en:
            [
                "perArea": "CRS per area, UTM zone of each area's centre", "radius": "patrol radius", "patrols": "patrols",
                "Area": "Area", "Coverage": "Coverage", "Sites covered": "Sites covered", "High priority": "High priority",
                "Rawan covered": "Rawan covered", "Hotspots": "Hotspots", "TOTAL": "TOTAL",
                "outside": "sites lie outside every area; they count in TOTAL only", "none": "No hotspots.",
                "list": "Hotspots (most urgent first):", "more": "more in hotspots.geojson",
                "written": "Results written to",
                "actions": "Actions per kecamatan (hotspots grouped by cause):",
                "uncovered": "high-priority sites no patrol covers", "stale": "sites left unattended too long",
                "zone_gap": "under-covered rawan zones", "post": "post", "addRoute": "add or move a patrol route there",
                "addVisits": "add patrol visits in the empty hours", "widenRoute": "route a patrol through the zone",
                "noArea": "(outside every kecamatan)", "top": "Top hotspots:", "groupsMore": "more groups",
                "recTitle": "Recommended new posts", "recNone": "No posts recommended: no reachable demand.",
                "optimal": "optimal (proven)", "within": "within", "ofBest": "of the best", "weight": "weight covered",
                "sitesCov": "sites covered", "highCov": "high priority covered", "zoneCov": "rawan zone area covered",
                "before": "before", "after": "after", "unreachable": "no candidate post reaches", "seconds": "s",
                "staleCov": "stale sites now under a post",
            ]
        }
    }

    public func render(_ r: AnalysisResult, operation: String?, outputFolder: String?) -> String {
        let w = words
        func t(_ key: String) -> String { w[key] ?? key }
        var lines: [String] = []
        if let operation { lines.append(operation) }
        let crs =
            r.perZone
            ? t("perArea") + " (" + r.zonesUsed.map { "EPSG:\($0.epsg)" }.joined(separator: ", ") + ")"
            : "CRS \(r.crs.name) (EPSG:\(r.crs.epsg))"
        lines.append("\(crs), \(t("radius")) \(number(r.parameters.radius, 1)) m, \(r.totals.patrols) \(t("patrols"))")
        lines.append("")
        let header = ["Area", "Coverage", "Sites covered", "High priority", "Rawan covered", "Hotspots"].map(t)
        var rows: [[String]] = r.areas.map { a in
            [
                a.area.name ?? a.area.id, pct(a.coverageShare), "\(a.sitesCovered)/\(a.sitesTotal)",
                "\(a.highCovered)/\(a.highTotal)", a.rawanCoveredShare.map(pct) ?? "-", String(a.hotspots),
            ]
        }
        let totals = r.totals
        let unassigned = totals.sitesTotal - r.areas.map(\.sitesTotal).reduce(0, +)
        rows.append([
            t("TOTAL"), pct(totals.areaM2 > 0 ? totals.coveredM2 / totals.areaM2 : 0), "\(totals.sitesCovered)/\(totals.sitesTotal)",
            "\(totals.highCovered)/\(totals.highTotal)", totals.rawanM2 > 0 ? pct(totals.rawanCoveredM2 / totals.rawanM2) : "-",
            String(totals.hotspots),
        ])
        lines += Self.table(header, rows)
        if unassigned > 0 { lines.append("(\(unassigned) \(t("outside")))") }
        lines.append("")
        if r.hotspots.isEmpty {
            lines.append(t("none"))
        } else {
            // A short ranked list, then the hotspots as actions by kecamatan and cause; the full list
            // stays in hotspots.geojson.
            lines.append(t("top"))
            for h in r.hotspots.prefix(Self.topHotspots) {
                lines.append("  \(h.rank). [\(h.kind.rawValue) \(h.ref)] \(h.name ?? "") — \(language == .id ? h.reason : h.reasonEnglish)")
            }
            if r.hotspots.count > Self.topHotspots { lines.append("  … \(r.hotspots.count - Self.topHotspots) \(t("more"))") }
            lines.append("")
            lines.append(t("actions"))
            let groups = HotspotAction.groups(r)
            for g in groups.prefix(Self.actionGroups) {
                let refs = g.hotspots.prefix(4).map { $0.name ?? $0.ref }.joined(separator: ", ") + (g.hotspots.count > 4 ? ", …" : "")
                let action =
                    !g.posts.isEmpty
                    ? g.posts.map { "\(t("post").capitalized) \($0)" }.joined(separator: ", ")
                    : t(g.cause == .uncovered ? "addRoute" : g.cause == .stale ? "addVisits" : "widenRoute")
                lines.append("  - \(g.areaName ?? t("noArea")): \(g.hotspots.count) \(t(g.cause.rawValue)) (\(refs)) → \(action)")
            }
            if groups.count > Self.actionGroups { lines.append("  … \(groups.count - Self.actionGroups) \(t("groupsMore"))") }
        }
        if let rec = r.recommendations { lines += recommendationLines(rec, r) }
        var text = lines.joined(separator: "\n") + "\n" + TemporalOutput.text(r, language: language)
        if let outputFolder { text += "\n\(t("written")) \(outputFolder)\n" }
        return text
    }

    /// Hotspots listed one by one, and action groups listed, on stdout.
    static let topHotspots = 5
    static let actionGroups = 8

    /// The posts, the solver's report and coverage before and after. The seconds are shown here only
    /// (they vary from run to run; the result files stay byte-identical).
    func recommendationLines(_ rec: Recommendations, _ r: AnalysisResult) -> [String] {
        let w = words
        func t(_ key: String) -> String { w[key] ?? key }
        var lines = [
            "",
            "\(t("recTitle")) (\(rec.mode == .cover ? "cover" : "N = \(rec.postsRequested ?? 0)"), radius \(number(rec.postRadius, 0)) m):",
        ]
        if rec.posts.isEmpty { lines.append("  " + t("recNone")) }
        for p in rec.posts { lines.append("  \(language == .id ? p.reason : p.reasonEnglish)") }
        let quality = rec.optimal ? t("optimal") : "\(t("within")) \(number(rec.gapPercent, 2)) % \(t("ofBest"))"
        let solver = rec.solver + (rec.solverVersion.map { " " + $0 } ?? "")
        lines.append(
            "  \(t("weight")) \(number(rec.objective, 2)) / \(number(rec.demandWeight, 2)): \(quality); \(solver), \(number(rec.seconds, 2)) \(t("seconds"))"
        )
        lines.append(
            "  \(t("sitesCov")) \(rec.before.sitesCovered) → \(rec.after.sitesCovered); \(t("highCov")) \(rec.before.highCovered) → \(rec.after.highCovered); "
                + "\(t("staleCov")) \(rec.after.staleAttended); \(t("zoneCov")) \(number(rec.before.zoneCoveredM2 / 1e6, 3)) → \(number(rec.after.zoneCoveredM2 / 1e6, 3)) km²"
        )
        if !rec.uncoverable.isEmpty {
            let ids = rec.uncoverable.prefix(10).map { Recommender.demandID(rec.demand[$0], r) }.joined(separator: ", ")
            lines.append("  \(rec.uncoverable.count) \(t("unreachable")): \(ids)\(rec.uncoverable.count > 10 ? ", …" : "")")
        }
        return lines
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
