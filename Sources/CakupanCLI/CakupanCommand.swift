import ArgumentParser
import Cakupan
import Foundation

/// The `cakupan` command: a thin front end over the Cakupan library.
struct CakupanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cakupan",
        abstract: "Patrol coverage analysis for election security operations (Operasi Mantap Praja).",
        discussion: """
            Cakupan reads kecamatan/desa boundaries, strategic sites, rawan zones,
            patrol routes and GPS tracks (any file GDAL reads: GeoJSON, Shapefile,
            GeoPackage, KML/KMZ, GPX, CSV, XLSX/ODS, zip archives), measures in
            metres in a projected CRS, and writes coverage layers, gaps and ranked
            hotspots.

            Exit status: 0 success; 2 bad usage or bad input (the message names
            the file, the layer, the feature or row, and the field); 1 internal
            failure.
            """,
        version: Summary.version,
        subcommands: [AnalyzeCommand.self, BriefCommand.self, InspectCommand.self, HistoryCommand.self])
}

/// Entry point with Cakupan's exit codes: 2 for usage and input errors, 1 for internal failures.
@main
enum Main {
    static func main() {
        do {
            var command = try CakupanCommand.parseAsRoot()
            try command.run()
        } catch let error as CakupanError {
            FileHandle.standardError.write(Data("cakupan: error: \(error)\n".utf8))
            exit(error.isUserError ? 2 : 1)
        } catch {
            let code = CakupanCommand.exitCode(for: error)
            // --help, --version and explicit exit codes: ArgumentParser's own handling.
            if code == .success || error is ExitCode { CakupanCommand.exit(withError: error) }
            if code == .validationFailure {
                // Bad usage: one line like Cakupan's own errors, then the help of the command used; exit 2.
                let used = CommandLine.arguments.dropFirst().first { !$0.hasPrefix("-") }
                let sub = ["analyze", "brief", "inspect"].contains(used ?? "") ? " \(used!)" : ""
                FileHandle.standardError.write(
                    Data("cakupan: error: \(CakupanCommand.message(for: error))\n  See 'cakupan\(sub) --help'.\n".utf8))
                exit(2)
            }
            // Anything else escaped the library's errors: an internal failure.
            FileHandle.standardError.write(Data("cakupan: internal error: \(error)\n".utf8))
            exit(1)
        }
    }
}
