import Foundation
import Testing

/// The command line as an officer meets it: help that fits a terminal, bad options refused at once.
@Suite struct HelpTests {
    /// `COLUMNS=80 cakupan analyze --help`: no line over 80 characters, the option groups in order,
    /// and the defaults shown from their one declaration.
    @Test func analyzeHelpFitsEightyColumns() throws {
        let r = try CLITests.run(["analyze", "--help"], environment: ["COLUMNS": "80"])
        #expect(r.status == 0)
        let long = r.stdout.split(separator: "\n").filter { $0.count > 80 }
        #expect(long.isEmpty, "lines over 80 columns: \(long)")
        var at = r.stdout.startIndex
        for group in ["INPUTS:", "COVERAGE:", "GPS TRACKS:", "OUTPUT:", "BRIEFING:"] {
            let found = try #require(r.stdout.range(of: group, range: at..<r.stdout.endIndex), "\(group) missing or out of order")
            at = found.upperBound
        }
        for text in ["(default 500 m)", "(default 300 m)", "(default 0.8)", "(default 150 km/h)", "(default ./cakupan-out)"] {
            #expect(r.stdout.contains(text), "help lacks \(text)")
        }
    }

    /// The help text as a snapshot (Tests/Snapshots/analyze-help.txt): a change to an option's words,
    /// group or default shows in review. CAKUPAN_RECORD_SNAPSHOTS=1 writes the file anew.
    @Test func analyzeHelpSnapshot() throws {
        let r = try CLITests.run(["analyze", "--help"], environment: ["COLUMNS": "80"])
        let file = CorpusCase.root.deletingLastPathComponent().appendingPathComponent("Snapshots/analyze-help.txt")
        if ProcessInfo.processInfo.environment["CAKUPAN_RECORD_SNAPSHOTS"] == "1" {
            try Data(r.stdout.utf8).write(to: file)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(
            r.stdout == expected,
            "analyze --help differs from Tests/Snapshots/analyze-help.txt; if the change is meant, record it with CAKUPAN_RECORD_SNAPSHOTS=1"
        )
    }

    /// A bad --lang (or --format, radius) is refused before any input is read: the sites file here
    /// does not even exist, so an answer about the option shows it was never looked at.
    @Test(arguments: [
        (["--lang", "xx"], "--lang"), (["--format", "pdf"], "--format"), (["--radius", "0"], "--radius"),
        (["--min-zone-coverage", "1.5"], "--min-zone-coverage"), (["--site-fields", "nama"], "--site-fields"),
    ])
    func badOptionRefusedBeforeReading(extra: [String], flag: String) throws {
        let r = try CLITests.run(["analyze", "--sites", "/nonexistent/sites.csv"] + extra)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains(flag), "\(r.stderr)")
        #expect(!r.stderr.contains("file not found"), "the option is refused before the file is looked at: \(r.stderr)")
    }

    /// The usage hint names the command that was used.
    @Test func briefErrorsPointAtBriefHelp() throws {
        let r = try CLITests.run(["brief", "--lang", "xx", "/tmp"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("cakupan brief --help"), "\(r.stderr)")
        #expect(!r.stderr.contains("cakupan analyze --help"))
    }
}
