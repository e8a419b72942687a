import Cakupan
import CakupanBriefing
import Foundation

/// Renders the briefing from result files before they are moved into place, so a failed briefing
/// leaves no half-written result folder.
enum BriefingStep {
    static func language(_ raw: String) throws -> BriefingLanguage {
        guard let l = BriefingLanguage(rawValue: raw.lowercased()) else {
            throw CakupanError.usage("--lang '\(raw)' is not known; use id (Bahasa Indonesia) or en (English)")
        }
        return l
    }

    static func files(from results: [(name: String, data: Data)], language: BriefingLanguage) throws -> [(name: String, data: Data)] {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cakupan-brief-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        for f in results where f.name.hasSuffix(".geojson") || f.name.hasSuffix(".json") {
            try f.data.write(to: scratch.appendingPathComponent(f.name))
        }
        return try render(folder: scratch, language: language)
    }

    static func render(folder: URL, language: BriefingLanguage) throws -> [(name: String, data: Data)] {
        do {
            let loaded = try ResultFolder.load(from: folder)
            let (html, svg) = try Briefing.render(loaded, options: BriefingOptions(language: language))
            return [("briefing.html", Data(html.utf8)), ("briefing.svg", Data(svg.utf8))]
        } catch let error as CakupanError {
            throw error
        } catch {
            throw CakupanError.input(InputLocation(file: folder.path), "cannot make the briefing: \(error)")
        }
    }
}

/// `cakupan brief DIR`: the briefing of an existing result folder, written into that folder.
struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Write briefing.html and briefing.svg for an existing result folder.")

    @Argument(help: "A result folder written by `cakupan analyze`.")
    var folder: String

    @Option(help: "Briefing language: id (Bahasa Indonesia, default) or en.")
    var lang: String = "id"

    func run() throws {
        let url = URL(fileURLWithPath: folder)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue else {
            throw CakupanError.input(InputLocation(file: folder), "not a result folder (no such directory)")
        }
        let files = try BriefingStep.render(folder: url, language: try BriefingStep.language(lang))
        try AtomicFolder.write(files, to: url)
        print("Briefing written to \(url.appendingPathComponent("briefing.html").path)")
    }
}

import ArgumentParser
