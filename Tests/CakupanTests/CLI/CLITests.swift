import Foundation
import Testing

/// The built `cakupan` binary: exit codes, stderr text, help. Runs the corpus through it too.
@Suite struct CLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `cakupan` executable beside the test bundle. Under `swift test` on Linux,
    /// CommandLine.arguments[0] is <build dir>/<config>/CakupanPackageTests.xctest (an executable);
    /// on macOS it is inside the .xctest bundle. CAKUPAN_BIN overrides.
    static let binary: Result<URL, BinaryNotFound> = {
        let fm = FileManager.default
        if let explicit = ProcessInfo.processInfo.environment["CAKUPAN_BIN"] {
            return fm.isExecutableFile(atPath: explicit)
                ? .success(URL(fileURLWithPath: explicit)) : .failure(BinaryNotFound(looked: [explicit]))
        }
        var looked: [String] = []
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = dir.appendingPathComponent("cakupan")
            looked.append(candidate.path)
            if fm.isExecutableFile(atPath: candidate.path) { return .success(candidate) }
            dir = dir.deletingLastPathComponent()
        }
        return .failure(BinaryNotFound(looked: looked))
    }()

    struct BinaryNotFound: Error, CustomStringConvertible {
        var looked: [String]
        var description: String {
            "the cakupan binary was not found next to the test bundle (looked at \(looked.joined(separator: ", "))); "
                + "build it with `swift build --product cakupan` using the same --scratch-path, or set CAKUPAN_BIN"
        }
    }

    static func run(_ args: [String], in directory: URL? = nil, environment extra: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = try binary.get()
        process.arguments = args
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        environment["CAKUPAN_PROGRESS"] = nil
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a chatty run cannot fill a pipe and block.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// No crash report, backtrace or Swift runtime error in the output.
    static func expectNoCrash(_ r: Run, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for marker in ["Fatal error", "Stack dump", "Backtrace", "Segmentation fault", "💣", "Crash", "0x0000"] {
            #expect(!r.stderr.contains(marker), "\(name): stderr shows a crash (\(marker)): \(r.stderr)", sourceLocation: sourceLocation)
        }
        #expect(r.status == 0 || r.status == 1 || r.status == 2, "\(name): exit \(r.status)", sourceLocation: sourceLocation)
    }

    @Test func binaryIsFound() throws {
        _ = try Self.binary.get()
    }

    /// Every corpus case through the binary, run from the case folder as a user would.
    @Test(arguments: CorpusCase.all)
    func corpus(_ c: CorpusCase) throws {
        let (parent, out) = try c.outputFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        var args = ["analyze"] + c.expected.args
        if !c.expected.args.contains(where: { $0 == "--out" || $0.hasPrefix("--out=") }) { args += ["--out", out.path] }
        let r = try Self.run(args + ["--quiet"], in: c.folder)
        Self.expectNoCrash(r, c.name)
        #expect(r.status == c.expected.exit, "\(c.name): exit \(r.status), expected \(c.expected.exit); stderr: \(r.stderr)")
        #expect(r.stdout.isEmpty, "\(c.name): --quiet prints nothing on stdout: \(r.stdout)")
        let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        let warnings = lines.compactMap { $0.hasPrefix("cakupan: warning: ") ? String($0.dropFirst(18)) : nil }
        if c.expected.exit != 0 {
            let errors = lines.filter { $0.lowercased().contains("error:") }
            #expect(errors.count == 1, "\(c.name): one error message: \(r.stderr)")
            for text in c.expected.stderr {
                #expect(r.stderr.contains(text), "\(c.name): stderr does not contain \"\(text)\": \(r.stderr)")
            }
            CorpusCase.expectUntouched(parent, out, "\(c.name)")
        } else {
            #expect(lines.count == warnings.count, "\(c.name): stderr holds only warnings: \(r.stderr)")
            try CorpusCase.checkResults(c, out: out, warnings: warnings)
        }
    }

    @Test func analyzeHelpNamesEveryRoleAndDefault() throws {
        let r = try Self.run(["analyze", "--help"])
        #expect(r.status == 0)
        for text in [
            "--areas", "--sites", "--rawan", "--patrols", "areas    Polygons", "sites    Points", "rawan    Polygons",
            "patrols  Lines", "default 500", "default 300", "default 0.8", "default auto", "cakupan-out",
            "EPSG:4326", "radius_m",
        ] {
            #expect(r.stdout.contains(text), "analyze --help lacks \"\(text)\"")
        }
    }

    @Test func goodRunExitsZeroAndReports() throws {
        let c = try #require(CorpusCase.all.first { $0.name == "baseline" })
        let (parent, out) = try c.outputFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let r = try Self.run(["analyze", "operation.yaml", "--out", out.path, "--lang", "en"], in: c.folder)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        #expect(r.stdout.contains("Results written to \(out.path)"))
        #expect(r.stdout.contains("Ilir Barat"))
        // The officer's language by default, like the briefing.
        let id = try Self.run(["analyze", "operation.yaml", "--out", out.path], in: c.folder)
        #expect(id.stdout.contains("Hasil ditulis ke \(out.path)"))
        #expect(id.stdout.contains("Wilayah") && id.stdout.contains("Cakupan") && id.stdout.contains("radius patroli 500 m"))
    }

    @Test(arguments: [
        (["analyze", "--sites", "sites.geojson", "--bogus"], "--bogus"),
        (["analyze", "--sites", "sites.geojson", "--radius", "abc"], "abc"),
        (["analyze", "--sites", "sites.geojson", "--crs", "nonsense"], "nonsense"),
        (["analyze", "--sites", "sites.geojson", "--min-zone-coverage", "80"], "--min-zone-coverage"),
        (["analyse"], "analyse"),
        (["analyze"], "nothing to analyze"),
    ])
    func badUsageExitsTwoWithOneError(args: [String], mentions: String) throws {
        let folder = CorpusCase.root.appendingPathComponent("baseline")
        let r = try Self.run(args, in: folder)
        Self.expectNoCrash(r, args.joined(separator: " "))
        #expect(r.status == 2, "\(args): exit \(r.status); \(r.stderr)")
        let errors = r.stderr.split(separator: "\n").filter { $0.lowercased().contains("error:") }
        #expect(errors.count == 1, "\(args): \(r.stderr)")
        #expect(r.stderr.contains(mentions), "\(args): \(r.stderr)")
        #expect(r.stdout.isEmpty)
    }
}
