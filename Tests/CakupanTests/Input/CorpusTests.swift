import Cakupan
import Foundation
import Testing

/// One case of the corpus of bad and awkward inputs: a folder of Tests/Corpus holding input files
/// and `expected.json`. See docs/robustness.md for the table of cases.
struct CorpusCase: Sendable, CustomTestStringConvertible {
    /// expected.json.
    struct Expected: Decodable, Sendable {
        /// What the case is about (one line).
        var about: String
        /// Arguments after `cakupan analyze`, relative to the case folder (the run's working directory).
        /// `--out` is added (a temporary folder holding earlier results) unless given.
        var args: [String]
        /// 0 success, 2 bad usage or input, 1 internal failure.
        var exit: Int32
        /// Text the error message (exit ≠ 0) or the warnings (exit 0) must contain.
        var stderr: [String]
        /// Exactly summary.json's `warning_counts` (exit 0).
        var warning_counts: [String: Int]?
        /// Feature counts in summary.json's `inputs` (exit 0).
        var inputs: Inputs?
        /// Names in areas.geojson / sites.geojson, in order (text encodings).
        var area_names: [String]?
        var site_names: [String]?
        /// The arguments only make sense to the command line parser.
        var cli_only: Bool?
    }

    struct Inputs: Decodable, Sendable, Equatable {
        var areas: Int?
        var sites: Int?
        var rawan: Int?
        var patrols: [Int]?
    }

    let name: String
    let folder: URL
    let expected: Expected

    var testDescription: String { name }

    /// Tests/Corpus, found from this source file (the test bundle's resources hold only Fixtures).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus")

    static let all: [CorpusCase] = {
        let fm = FileManager.default
        let names = ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
        return names.compactMap { name in
            let folder = root.appendingPathComponent(name)
            let file = folder.appendingPathComponent("expected.json")
            guard let data = fm.contents(atPath: file.path) else { return nil }
            do {
                return CorpusCase(name: name, folder: folder, expected: try JSONDecoder().decode(Expected.self, from: data))
            } catch {
                fatalError("\(file.path): \(error)")
            }
        }
    }()

    /// A fresh output folder that already holds an earlier run's results, to show that a failed run
    /// leaves them untouched and a good run keeps files it does not write.
    func outputFolder() throws -> (parent: URL, out: URL) {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("cakupan-corpus-\(name)-\(UUID().uuidString)")
        let out = parent.appendingPathComponent("result")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        for (file, text) in Self.earlierResults {
            try Data(text.utf8).write(to: out.appendingPathComponent(file))
        }
        return (parent, out)
    }

    static let earlierResults = [
        "summary.json": "{\"earlier\": true}\n",
        "areas.geojson": "{\"type\":\"FeatureCollection\",\"features\":[]}\n",
        "catatan.txt": "notes an officer keeps beside the results\n",
    ]

    /// Checks that `out` still holds exactly the earlier results and that nothing was left beside it.
    static func expectUntouched(_ parent: URL, _ out: URL, _ comment: Comment, sourceLocation: SourceLocation = #_sourceLocation) {
        let fm = FileManager.default
        let files = Set((try? fm.contentsOfDirectory(atPath: out.path)) ?? [])
        #expect(files == Set(earlierResults.keys), comment, sourceLocation: sourceLocation)
        for (file, text) in earlierResults {
            let now = fm.contents(atPath: out.appendingPathComponent(file).path).map { String(decoding: $0, as: UTF8.self) }
            #expect(now == text, "\(comment): \(file) changed", sourceLocation: sourceLocation)
        }
        let beside = ((try? fm.contentsOfDirectory(atPath: parent.path)) ?? []).filter { $0 != "result" }
        #expect(beside.isEmpty, "\(comment): left behind \(beside)", sourceLocation: sourceLocation)
    }

    /// The result folder's summary.json and the names of two layers, for accepted cases.
    static func checkResults(_ c: CorpusCase, out: URL, warnings: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let e = c.expected
        let summaryData = try #require(FileManager.default.contents(atPath: out.appendingPathComponent("summary.json").path))
        let summary = try #require(try JSONSerialization.jsonObject(with: summaryData) as? [String: Any])
        let counts = (summary["warning_counts"] as? [String: Int]) ?? [:]
        #expect(counts == (e.warning_counts ?? [:]), "\(c.name): warning_counts", sourceLocation: sourceLocation)
        let summaryWarnings = (summary["warnings"] as? [String]) ?? []
        #expect(summaryWarnings.count == warnings.count, "\(c.name): every warning is in summary.json", sourceLocation: sourceLocation)
        for text in e.stderr {
            #expect(
                warnings.contains { $0.contains(text) }, "\(c.name): no warning contains \"\(text)\": \(warnings)",
                sourceLocation: sourceLocation)
        }
        if let expectedInputs = e.inputs {
            let inputs = summary["inputs"] as? [String: Any] ?? [:]
            func count(_ role: String) -> Int? { (inputs[role] as? [String: Any])?["features"] as? Int }
            let patrols = (inputs["patrols"] as? [[String: Any]])?.compactMap { $0["features"] as? Int }
            let actual = Inputs(
                areas: count("areas"), sites: count("sites"), rawan: count("rawan"),
                patrols: patrols?.isEmpty == true ? nil : patrols)
            #expect(actual == expectedInputs, "\(c.name): input feature counts", sourceLocation: sourceLocation)
        }
        if let names = e.area_names {
            #expect(
                try layerNames(out.appendingPathComponent("areas.geojson")) == names, "\(c.name): area names",
                sourceLocation: sourceLocation)
        }
        if let names = e.site_names {
            #expect(
                try layerNames(out.appendingPathComponent("sites.geojson")) == names, "\(c.name): site names",
                sourceLocation: sourceLocation)
        }
        // Files the run does not write are kept; the earlier summary is replaced.
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("catatan.txt").path), "\(c.name): other files kept")
    }

    private static func layerNames(_ url: URL) throws -> [String] {
        let data = try #require(FileManager.default.contents(atPath: url.path))
        let collection = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let features = collection["features"] as? [[String: Any]] ?? []
        return features.compactMap { ($0["properties"] as? [String: Any])?["name"] as? String }
    }
}

@Suite struct CorpusTests {
    @Test func corpusIsThere() {
        #expect(CorpusCase.all.count >= 40, "Tests/Corpus not found or incomplete at \(CorpusCase.root.path)")
    }

    /// Each case through the library's one pipeline, as the CLI runs it: `Pipeline.run(_:writingTo:)`.
    @Test(arguments: CorpusCase.all.filter { $0.expected.cli_only != true })
    func library(_ c: CorpusCase) throws {
        let (parent, defaultOut) = try c.outputFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        var warnings = Warnings()
        var out = defaultOut
        do {
            let (config, outPath) = try Self.configuration(c)
            if let outPath { out = URL(fileURLWithPath: outPath) }
            let outcome = try Pipeline.run(RunRequest(config: config), writingTo: out)
            warnings = outcome.warnings
        } catch let error as CakupanError {
            let message = "\(error)"
            #expect(c.expected.exit == (error.isUserError ? 2 : 1), "\(c.name): \(message)")
            for text in c.expected.stderr {
                #expect(message.contains(text), "\(c.name): the message does not contain \"\(text)\": \(message)")
            }
            #expect(!message.contains("\n"), "\(c.name): one line: \(message)")
            CorpusCase.expectUntouched(parent, defaultOut, "\(c.name)")
            return
        }
        #expect(c.expected.exit == 0, "\(c.name): accepted, but exit \(c.expected.exit) was expected; warnings: \(warnings.messages)")
        guard c.expected.exit == 0 else { return }
        try CorpusCase.checkResults(c, out: out, warnings: warnings.messages)
    }

    /// The case's arguments as the CLI would combine them: an operation file, then flags over it.
    /// Paths are resolved from the case folder. Returns the configuration and an explicit --out.
    static func configuration(_ c: CorpusCase) throws -> (OperationConfig, String?) {
        func path(_ p: String) -> String { p.hasPrefix("/") ? p : c.folder.appendingPathComponent(p).path }
        func number(_ text: String) throws -> Double {
            guard let d = Double(text) else { throw CakupanError.usage("\(c.name): '\(text)' is not a number; mark the case cli_only") }
            return d
        }
        var flags = OperationConfig()
        var fields: [InputRole: [RoleField: String]] = [:]
        var yaml: String?
        var out: String?
        var args = c.expected.args[...]
        while let arg = args.popFirst() {
            guard arg.hasPrefix("--") else {
                yaml = path(arg)
                continue
            }
            let parts = arg.split(separator: "=", maxSplits: 1).map(String.init)
            let flag = parts[0]
            let value = parts.count == 2 ? parts[1] : (args.popFirst() ?? "")
            switch flag {
            case "--areas", "--sites", "--rawan", "--patrols", "--tracks":
                let role = InputRole(rawValue: String(flag.dropFirst(2)))!
                flags.setInputs(role, flags.inputs(role) + [InputSpec(parsing: value, resolve: path)])
            case "--area-fields", "--site-fields", "--rawan-fields", "--patrol-fields", "--track-fields":
                let role = InputRole.allCases.first { $0.fieldsFlag == flag }!
                fields[role] = try InputSpec.fields(parsing: value) { CakupanError.usage("\(flag) \($0)") }
            case "--time-format": flags.timeFormat = value
            case "--radius": flags.radius = try number(value)
            case "--rawan-radius": flags.rawanRadius = try number(value)
            case "--min-zone-coverage": flags.minZoneCoverage = try number(value)
            case "--crs": flags.crs = value
            case "--area-name": flags.areaName = value
            case "--name": flags.name = value
            case "--out": out = path(value)
            default: Issue.record("\(c.name): the library runner does not know \(flag); mark the case cli_only")
            }
        }
        var base = try yaml.map { try OperationConfig.load(path: $0) } ?? OperationConfig()
        for (role, mapping) in fields {
            if flags.inputs(role).isEmpty { base.mapFields(mapping, for: role) } else { flags.mapFields(mapping, for: role) }
        }
        return (base.overridden(by: flags), out)
    }
}
