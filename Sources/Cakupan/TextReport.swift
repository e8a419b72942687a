/// The readable table printed on stdout after a run.
public enum TextReport {
    public static func render(_ r: AnalysisResult, operation: String?, outputFolder: String?) -> String {
        var lines: [String] = []
        if let operation { lines.append(operation) }
        let crs = r.perZone
            ? "CRS per area, UTM zone of each area's centre (" + r.zonesUsed.map { "EPSG:\($0.epsg)" }.joined(separator: ", ") + ")"
            : "CRS \(r.crs.name) (EPSG:\(r.crs.epsg))"
        lines.append("\(crs), patrol radius \(JSONWriter.formatNumber(r.parameters.radius, decimals: 1)) m, \(r.totals.patrols) patrols")
        lines.append("")
        let header = ["Area", "Coverage", "Sites covered", "High priority", "Rawan covered", "Hotspots"]
        var rows: [[String]] = r.areas.map { a in
            [a.area.name ?? a.area.id, pct(a.coverageShare), "\(a.sitesCovered)/\(a.sitesTotal)",
             "\(a.highCovered)/\(a.highTotal)", a.rawanCoveredShare.map(pct) ?? "-", String(a.hotspots)]
        }
        let t = r.totals
        let unassigned = t.sitesTotal - r.areas.map(\.sitesTotal).reduce(0, +)
        rows.append(["TOTAL", pct(t.areaM2 > 0 ? t.coveredM2 / t.areaM2 : 0), "\(t.sitesCovered)/\(t.sitesTotal)",
                     "\(t.highCovered)/\(t.highTotal)", t.rawanM2 > 0 ? pct(t.rawanCoveredM2 / t.rawanM2) : "-", String(t.hotspots)])
        lines += table(header, rows)
        if unassigned > 0 { lines.append("(\(unassigned) sites lie outside every area; they count in TOTAL only)") }
        lines.append("")
        if r.hotspots.isEmpty {
            lines.append("No hotspots.")
        } else {
            lines.append("Hotspots (most urgent first):")
            for h in r.hotspots.prefix(10) {
                lines.append("  \(h.rank). [\(h.kind.rawValue) \(h.ref)] \(h.name ?? "") — \(h.reasonEnglish)")
            }
            if r.hotspots.count > 10 { lines.append("  … and \(r.hotspots.count - 10) more in hotspots.geojson") }
        }
        if let outputFolder {
            lines.append("")
            lines.append("Results written to \(outputFolder)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func pct(_ share: Double) -> String { JSONWriter.formatNumber(share * 100, decimals: 1) + " %" }

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
