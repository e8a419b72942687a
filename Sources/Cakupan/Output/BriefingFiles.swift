import CakupanBriefing
import Foundation

/// briefing.html and briefing.svg, rendered from the result files before they are moved into place,
/// so a failed briefing leaves no half-written result folder.
public enum BriefingFiles {
    /// Renders the briefing of result files made in memory (the GeoJSON layers and summary.json).
    static func make(from results: [(name: String, data: Data)], language: BriefingLanguage) throws -> [(name: String, data: Data)] {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cakupan-brief-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        for f in results where f.name.hasSuffix(".geojson") || f.name.hasSuffix(".json") {
            try f.data.write(to: scratch.appendingPathComponent(f.name))
        }
        return try render(folder: scratch, language: language).map { ($0.name, $0.data) }
    }

    /// Renders the briefing of a result folder on disk (`cakupan brief`).
    public static func render(folder: URL, language: BriefingLanguage) throws -> [ResultFile] {
        do {
            let loaded = try ResultFolder.load(from: folder)
            let (html, svg) = try Briefing.render(loaded, options: BriefingOptions(language: language))
            return [ResultFile(name: "briefing.html", data: Data(html.utf8)), ResultFile(name: "briefing.svg", data: Data(svg.utf8))]
        } catch let error as CakupanError {
            throw error
        } catch {
            throw CakupanError.input(InputLocation(file: folder.path), "cannot make the briefing: \(error)")
        }
    }
}
