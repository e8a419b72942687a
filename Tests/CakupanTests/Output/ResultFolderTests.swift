import Cakupan
import CakupanBriefing
import CakupanSchema
import Foundation
import Testing

/// A result folder describes exactly one run: files of an earlier run that this run does not write
/// go, an officer's own files stay, and manifest.json lists every file with its size and SHA-256.
@Suite struct ResultFolderTests {
    static let demo = CorpusCase.root.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("geodata/demo/operation.yaml").path

    @Test func rerunWithoutBriefingLeavesNoBriefing() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("cakupan-rerun-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let first = try CLITests.run(["analyze", Self.demo, "--out", out.path, "--briefing", "--format", "kml", "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        try Data("catatan\n".utf8).write(to: out.appendingPathComponent("catatan.txt"))
        for f in ["briefing.html", "briefing.svg", "cakupan.kml", "visits.csv"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(f).path), "first run wrote \(f)")
        }
        // The second run: the same operation without tracks, briefing or KML.
        let c = try #require(CorpusCase.all.first { $0.name == "baseline" })
        let second = try CLITests.run(["analyze", "operation.yaml", "--out", out.path, "--quiet"], in: c.folder)
        #expect(second.status == 0, "\(second.stderr)")
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        #expect(
            names == [
                "areas.geojson", "sites.geojson", "zones.geojson", "coverage.geojson", "gaps.geojson", "hotspots.geojson",
                "summary.json", "manifest.json", "catatan.txt",
            ])
        // The manifest lists this run's files, each with the size and SHA-256 of the bytes on disk.
        let manifest = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json"))) as? [String: Any])
        let files = try #require(manifest["files"] as? [[String: Any]])
        #expect(Set(files.compactMap { $0["name"] as? String }) == names.subtracting(["manifest.json", "catatan.txt"]))
        for f in files {
            let data = try Data(contentsOf: out.appendingPathComponent(f["name"] as! String))
            #expect(f["bytes"] as? Int == data.count)
            #expect(f["sha256"] as? String == sha256sum(out.appendingPathComponent(f["name"] as! String)), "\(f["name"]!)")
        }
    }

    /// Two runs into the same folder at once: the second waits for the first; the folder then holds
    /// exactly one run's files, and its manifest matches them.
    @Test func concurrentRunsDoNotMix() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("cakupan-concurrent-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let c = try #require(CorpusCase.all.first { $0.name == "baseline" })
        let group = DispatchGroup()
        let results = LockedRuns()
        for args in [["--briefing"], ["--format", "kml"]] {
            DispatchQueue.global().async(group: group) {
                let r = try? CLITests.run(["analyze", "operation.yaml", "--out", out.path, "--quiet"] + args, in: c.folder)
                results.add(r?.status ?? -1)
            }
        }
        group.wait()
        #expect(results.all == [0, 0])
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        let hasBriefing = names.contains("briefing.html")
        let hasKML = names.contains("cakupan.kml")
        #expect(hasBriefing != hasKML, "one run's extra files, not both: \(names)")
        let manifest = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json"))) as? [String: Any])
        let listed = Set((manifest["files"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String })
        #expect(listed == names.subtracting(["manifest.json"]))
    }

    /// SHA-256 known answers (FIPS 180-2 appendix B) and the same digest as the system's sha256sum.
    @Test func sha256() throws {
        #expect(sha("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(sha("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            sha("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            sha(String(repeating: "a", count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    private func sha(_ text: String) -> String { SHA256.hex(Array(text.utf8)) }

    private func sha256sum(_ url: URL) -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        p.arguments = [url.path]
        let pipe = Pipe()
        p.standardOutput = pipe
        try? p.run()
        p.waitUntilExit()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: " ").first.map(String.init)
            ?? ""
    }
}

final class LockedRuns: @unchecked Sendable {
    private let lock = NSLock()
    private var statuses: [Int32] = []
    func add(_ s: Int32) {
        lock.lock()
        statuses.append(s)
        lock.unlock()
    }
    var all: [Int32] {
        lock.lock()
        defer { lock.unlock() }
        return statuses
    }
}

/// The thread count is a service of the run: one thread or two give the same bytes.
@Suite struct ThreadCountTests {
    @Test func oneOrTwoThreadsSameFiles() throws {
        var config = try OperationConfig.load(path: ResultFolderTests.demo)
        config.temporal.trackInputs = []
        let one = try Pipeline.run(RunRequest(config: config), services: RunServices(threads: 1))
        let two = try Pipeline.run(RunRequest(config: config), services: RunServices(threads: 2))
        #expect(one.files.map(\.name) == two.files.map(\.name))
        for (a, b) in zip(one.files, two.files) { #expect(a.data == b.data, "\(a.name) differs between 1 and 2 threads") }
    }
}

/// The whole road in Swift: analyze → write the folder → load it as the briefing reads it → render.
@Suite struct EndToEndBriefingTests {
    @Test func analyzeLoadRender() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("cakupan-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let config = try OperationConfig.load(path: ResultFolderTests.demo)
        let outcome = try Pipeline.run(RunRequest(config: config, briefing: .id), writingTo: out)
        let folder = try ResultFolder.load(from: out)
        // What the briefing reads is what the analysis wrote.
        #expect(folder.sites.count == outcome.result.sites.count)
        #expect(folder.sites.filter(\.covered).count == outcome.result.totals.sitesCovered)
        #expect(folder.areas.map(\.id) == outcome.result.areas.map(\.area.id))
        #expect(folder.hotspots.count == outcome.result.hotspots.count)
        let (html, _) = try Briefing.render(folder, options: BriefingOptions(language: .id))
        let written = try String(contentsOf: out.appendingPathComponent("briefing.html"), encoding: .utf8)
        #expect(html == written, "rendering the folder again gives the briefing the run wrote")
        let first = try #require(outcome.result.areas.first?.area.name)
        #expect(html.contains(first))
    }
}
