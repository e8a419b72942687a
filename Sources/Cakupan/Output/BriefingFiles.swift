import CakupanBriefing
import Foundation

/// briefing.html and briefing.svg, rendered from the result files before they are moved into place,
/// so a failed briefing leaves no half-written result folder.
public enum BriefingFiles {
    /// Renders the briefing of result files made in memory (the GeoJSON layers and summary.json),
    /// read where they are: nothing goes to disk first.
    static func make(from results: [(name: String, data: Data)], language: BriefingLanguage) throws -> [(name: String, data: Data)] {
        let files = Dictionary(results.map { ($0.name, $0.data) }, uniquingKeysWith: { first, _ in first })
        return try render(.memory(files), named: "the run's results", language: language).map { ($0.name, $0.data) }
    }

    /// Renders the briefing of a result folder on disk (`cakupan brief`).
    public static func render(folder: URL, language: BriefingLanguage) throws -> [ResultFile] {
        try render(.directory(folder), named: folder.path, language: language)
    }

    private static func render(_ files: ResultFiles, named name: String, language: BriefingLanguage) throws -> [ResultFile] {
        do {
            let loaded = try ResultFolder.load(files)
            let (html, svg) = try Briefing.render(loaded, options: BriefingOptions(language: language))
            return [ResultFile(name: "briefing.html", data: Data(html.utf8)), ResultFile(name: "briefing.svg", data: Data(svg.utf8))]
        } catch let error as CakupanError {
            throw error
        } catch {
            throw CakupanError.input(InputLocation(file: name), "cannot make the briefing: \(error)")
        }
    }
}
