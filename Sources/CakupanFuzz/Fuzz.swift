import Cakupan
import Foundation

/// Fuzzing the readers: the bytes after the first become a file whose type the first byte picks
/// (.geojson, .csv, .kml, .gpx or an operation .yaml); it goes through InputReader, RoleParser and,
/// when some role came out of it, a small analysis with one patrol. Every failure must be a
/// `CakupanError` (exit 2 or 1 in the CLI); anything else, or a crash, is a finding.
///
/// Built two ways (see fuzz/run.sh):
/// - with `-sanitize=fuzzer` and `-D CAKUPAN_LIBFUZZER`: libFuzzer's driver calls `fuzzOneInput`;
/// - normally: `cakupan-fuzz FILE…` replays inputs (a crash from fuzz/crashes, or the corpus seeds).
enum FuzzHarness {
    static let kinds = ["geojson", "csv", "kml", "gpx", "yaml"]
    nonisolated(unsafe) static var internalErrors: Set<String> = []

    static let directory: URL = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cakupan-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }()

    static func run(_ bytes: UnsafeRawBufferPointer) {
        guard let first = bytes.first else { return }
        let kind = kinds[Int(first) % kinds.count]
        let file = directory.appendingPathComponent("input.\(kind)")
        let body = Data(bytes.dropFirst())
        guard (try? body.write(to: file)) != nil else { fatalError("cannot write \(file.path)") }
        do {
            try exercise(file.path, kind: kind, selector: first)
        } catch let error as CakupanError {
            if !error.isUserError, internalErrors.insert("\(error)").inserted,
                ProcessInfo.processInfo.environment["CAKUPAN_FUZZ_QUIET"] == nil
            {
                FileHandle.standardError.write(Data("cakupan-fuzz: internal error (exit 1 in the CLI): \(error)\n".utf8))
            }
            if !error.isUserError && ProcessInfo.processInfo.environment["CAKUPAN_FUZZ_STRICT"] == "1" {
                fatalError("internal error on fuzz input: \(error)")
            }
            _ = "\(error)"  // the message must be printable
        } catch {
            fatalError("an error that is not a CakupanError escaped: \(type(of: error)): \(error)")
        }
    }

    /// Reads the file in the role the selector picks (the pipeline's reading stage), then, when the
    /// data is small, runs the whole pipeline over it with a companion file near the data.
    static func exercise(_ path: String, kind: String, selector: UInt8) throws {
        var warnings = Warnings()
        var config = OperationConfig()
        if kind == "yaml" {
            config = try OperationConfig.load(path: path)
            _ = try config.parameters()
            return
        }
        // Bits 3…4 of the first byte pick the role the file is read as.
        let role: InputRole = [.areas, .sites, .rawan, .patrols][Int((selector >> 3) & 3)]
        var probe = OperationConfig()
        probe.setInputs(role, [InputSpec(path: path)])
        if role == .patrols { probe.sites = nil }
        let inputs: AnalysisInputs
        do {
            inputs = try Pipeline.loadInputs(probe, parameters: try probe.parameters(), warnings: &warnings)
        } catch let error as CakupanError where role == .patrols && "\(error)".contains("nothing to analyze") {
            inputs = try patrolsOnly(path, &warnings)
        }
        // Keep the analysis small: a fuzz input may carry thousands of vertices.
        let vertices =
            inputs.areas.reduce(0) { $0 + $1.geometry.allCoordinates.count }
            + inputs.zones.count * 64 + inputs.sites.count + inputs.patrols.reduce(0) { $0 + $1.geometry.allCoordinates.count }
        guard vertices > 0, vertices < 5_000 else { return }
        // A companion file gives the analysis a patrol (or, for a patrol file, a site) near the data.
        let anchor =
            inputs.sites.first?.point ?? inputs.areas.first?.geometry.allCoordinates.first
            ?? inputs.patrols.first?.geometry.allCoordinates.first
            ?? inputs.zones.first.map(\.source).flatMap { $0.geometry?.allCoordinates.first }
        guard let c = anchor else { return }
        let companion = directory.appendingPathComponent("companion.geojson")
        config.setInputs(role, [InputSpec(path: path)])
        if role == .patrols {
            try! Data(
                #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"S"},"geometry":{"type":"Point","coordinates":[\#(c.x),\#(c.y)]}}]}"#
                    .utf8
            ).write(to: companion)
            config.sites = companion.path
        } else {
            try! Data(
                #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"P"},"geometry":{"type":"LineString","coordinates":[[\#(c.x),\#(c.y)],[\#(c.x + 0.01),\#(c.y + 0.01)]]}}]}"#
                    .utf8
            ).write(to: companion)
            config.patrols = [companion.path]
        }
        _ = try Pipeline.run(RunRequest(config: config))
    }

    /// A patrol file alone: the pipeline needs something to analyze, so it is read with the roles'
    /// parser directly to find its first position.
    private static func patrolsOnly(_ path: String, _ warnings: inout Warnings) throws -> AnalysisInputs {
        let roles = RoleParser(defaultRadius: Defaults.radius, rawanRadius: Defaults.rawanRadius)
        var inputs = AnalysisInputs()
        inputs.patrols = try roles.patrols(
            InputReader().read(path: path, displayPath: path, preference: .lines, warnings: &warnings), fileStem: "fuzz",
            warnings: &warnings)
        return inputs
    }
}

/// libFuzzer's callback.
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzHarness.run(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size))
    return 0
}

#if CAKUPAN_LIBFUZZER
    /// The callback under the name libFuzzer's objects refer to.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        fuzzOneInput(data, size)
    }

    /// libFuzzer's driver (compiler-rt, linked by -sanitize=fuzzer). SwiftPM links an executable's entry
    /// point as `main`, so libFuzzer's own main is not used: this @main hands the command line to it.
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<Int32>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    ) -> Int32
#endif

@main
enum FuzzMain {
    static func main() {
        #if CAKUPAN_LIBFUZZER
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
        #else
            replay(Array(CommandLine.arguments.dropFirst()))
        #endif
    }

    /// Runs saved inputs through the harness (a crash from fuzz/crashes, the seeds, the corpus).
    static func replay(_ paths: [String]) {
        guard !paths.isEmpty else {
            FileHandle.standardError.write(Data("usage: cakupan-fuzz FILE…   (replays fuzz inputs; fuzz/run.sh SECONDS fuzzes)\n".utf8))
            exit(2)
        }
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cakupan-fuzz: cannot read \(path)\n".utf8))
                exit(2)
            }
            data.withUnsafeBytes { FuzzHarness.run($0) }
            print("ok \(path)")
        }
    }
}
