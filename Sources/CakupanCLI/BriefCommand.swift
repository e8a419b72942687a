import ArgumentParser
import Cakupan
import CakupanBriefing
import Foundation

/// `cakupan brief DIR`: the briefing of an existing result folder, written into that folder.
struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Write briefing.html and briefing.svg for an existing result folder.")

    @Argument(help: "A result folder written by `cakupan analyze`.")
    var folder: String

    @Option(help: ArgumentHelp("Language of the briefing: id (default) or en.", valueName: "id|en"), transform: Parse.language)
    var lang: BriefingLanguage = .id

    func run() throws {
        let url = URL(fileURLWithPath: folder)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue else {
            throw CakupanError.input(InputLocation(file: folder), "not a result folder (no such directory)")
        }
        let files = try BriefingFiles.render(folder: url, language: lang)
        try ResultFolderWriter.write(files, to: url, addingToRun: true)
        print("Briefing written to \(url.appendingPathComponent("briefing.html").path)")
    }
}
