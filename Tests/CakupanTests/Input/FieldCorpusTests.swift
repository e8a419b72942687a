import Foundation
import Testing

/// One case of Tests/FieldCorpus: files as they come from the field (spreadsheets, My Maps exports,
/// zipped shapefiles, fleet-tracker GPS exports, hand-typed coordinates) with `expected.json`
/// (Tests/FieldCorpus/README.md). Each runs through the built binary as an officer would.
struct FieldCase: Sendable, CustomTestStringConvertible {
    struct Expected: Decodable, Sendable {
        var about: String
        var args: [String]
        var exit: Int32
        var stderr: [String]?
        var inputs: CorpusCase.Inputs?
        var site_names: [String]?
        var area_names: [String]?
        var site_coordinates: [[Double]]?
        var tracks: Tracks?
    }

    struct Tracks: Decodable, Sendable {
        var units: [String]?
        var fixes: Int?
        var skipped_fixes: Int?
    }

    let name: String
    let folder: URL
    let expected: Expected
    var testDescription: String { name }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("FieldCorpus")

    static let all: [FieldCase] = {
        let fm = FileManager.default
        return ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).sorted().compactMap { name in
            let folder = root.appendingPathComponent(name)
            guard let data = fm.contents(atPath: folder.appendingPathComponent("expected.json").path) else { return nil }
            do {
                return FieldCase(name: name, folder: folder, expected: try JSONDecoder().decode(Expected.self, from: data))
            } catch {
                fatalError("\(folder.path)/expected.json: \(error)")
            }
        }
    }()
}

@Suite struct FieldCorpusTests {
    @Test func corpusIsThere() {
        #expect(FieldCase.all.count >= 35, "Tests/FieldCorpus not found or incomplete at \(FieldCase.root.path)")
    }

    @Test(arguments: FieldCase.all)
    func fieldFile(_ c: FieldCase) throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("cakupan-field-\(c.name)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try CLITests.run(["analyze"] + c.expected.args + ["--out", out.path, "--quiet"], in: c.folder)
        CLITests.expectNoCrash(r, c.name)
        #expect(r.status == c.expected.exit, "\(c.name): exit \(r.status), expected \(c.expected.exit); stderr: \(r.stderr)")
        for text in c.expected.stderr ?? [] {
            #expect(r.stderr.contains(text), "\(c.name): stderr does not contain \"\(text)\": \(r.stderr)")
        }
        guard c.expected.exit == 0, r.status == 0 else {
            if c.expected.exit != 0 {
                let errors = r.stderr.split(separator: "\n").filter { $0.hasPrefix("cakupan: error:") }
                #expect(errors.count == 1, "\(c.name): one error message: \(r.stderr)")
                #expect(!FileManager.default.fileExists(atPath: out.path), "\(c.name): a refused run writes no folder")
            }
            return
        }
        let summary = try json(out.appendingPathComponent("summary.json"))
        if let e = c.expected.inputs {
            let inputs = summary["inputs"] as? [String: Any] ?? [:]
            func count(_ role: String) -> Int? { (inputs[role] as? [String: Any])?["features"] as? Int }
            let patrols = (inputs["patrols"] as? [[String: Any]])?.compactMap { $0["features"] as? Int }
            if let v = e.areas { #expect(count("areas") == v, "\(c.name): areas") }
            if let v = e.sites { #expect(count("sites") == v, "\(c.name): sites") }
            if let v = e.rawan { #expect(count("rawan") == v, "\(c.name): rawan") }
            if let v = e.patrols { #expect(patrols == v, "\(c.name): patrols per file") }
        }
        let sites = try features(out.appendingPathComponent("sites.geojson"))
        if let names = c.expected.site_names {
            #expect(sites.map { ($0["properties"] as? [String: Any])?["name"] as? String ?? "" } == names, "\(c.name): site names")
        }
        if let names = c.expected.area_names {
            let areas = try features(out.appendingPathComponent("areas.geojson"))
            #expect(areas.map { ($0["properties"] as? [String: Any])?["name"] as? String ?? "" } == names, "\(c.name): area names")
        }
        for (i, want) in (c.expected.site_coordinates ?? []).enumerated() {
            guard i < sites.count, let geometry = sites[i]["geometry"] as? [String: Any], let xy = geometry["coordinates"] as? [Double]
            else {
                Issue.record("\(c.name): site \(i + 1) has no point")
                continue
            }
            #expect(abs(xy[0] - want[0]) < 1.5e-6 && abs(xy[1] - want[1]) < 1.5e-6, "\(c.name): site \(i + 1) at \(xy), expected \(want)")
        }
        if let t = c.expected.tracks {
            let temporal = try #require(summary["temporal"] as? [String: Any], "\(c.name): no temporal section")
            if let units = t.units {
                #expect(Set(temporal["unit_names"] as? [String] ?? []) == Set(units), "\(c.name): units \(temporal["unit_names"] ?? [])")
            }
            if let fixes = t.fixes { #expect(temporal["fixes"] as? Int == fixes, "\(c.name): fixes \(temporal["fixes"] ?? "")") }
            if let skipped = t.skipped_fixes {
                #expect(temporal["skipped_fixes"] as? Int == skipped, "\(c.name): skipped fixes \(temporal["skipped_fixes"] ?? "")")
            }
        }
    }

    private func json(_ url: URL) throws -> [String: Any] {
        let data = try #require(FileManager.default.contents(atPath: url.path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func features(_ url: URL) throws -> [[String: Any]] {
        try json(url)["features"] as? [[String: Any]] ?? []
    }
}
