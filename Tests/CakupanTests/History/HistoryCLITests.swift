import CakupanGDAL
import Foundation
import Testing

@testable import Cakupan

/// `cakupan analyze --history` and `cakupan history` through the built binary.
@Suite struct HistoryCLITests {
    static let weekYAML = HistoryWeekTests.week.appendingPathComponent("operation.yaml").path
    static func fixes(_ day: Int) -> String { HistoryWeekTests.week.appendingPathComponent("fixes-2024-11-\(day).csv").path }

    /// Two processes append at once to one GeoPackage (neither finds it there): both runs arrive.
    @Test func twoProcessesAtOnce() throws {
        let dir = try historyScratch("cli-two")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("history.gpkg").path
        final class Box: @unchecked Sendable {
            var runs: [CLITests.Run?] = [nil, nil]
            let lock = NSLock()
        }
        let box = Box()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let r = try? CLITests.run([
                "analyze", Self.weekYAML, "--tracks", Self.fixes(21 + i), "--out",
                dir.appendingPathComponent("out\(i)").path, "--history", store, "--quiet",
            ])
            box.lock.withLock { box.runs[i] = r }
        }
        for r in box.runs {
            let r = try #require(r)
            #expect(r.status == 0, "\(r.stderr)")
        }
        #expect(try historyCount(store, "SELECT COUNT(*) FROM runs") == 2)
        #expect(try historyCount(store, "SELECT COUNT(*) FROM run_sites") == 300)

        let h = try CLITests.run(["history", store, "--out", dir.appendingPathComponent("trend").path, "--days", "2"])
        #expect(h.status == 0, "\(h.stderr)")
        #expect(h.stdout.contains("2024-11-21") && h.stdout.contains("2024-11-22"))
        let csv = try String(contentsOf: dir.appendingPathComponent("trend/trend.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("operation,day,status,run_id,scope"))
    }

    /// A store that is not one stops the run before the analysis: exit 2, nothing written.
    @Test func badStoreStopsBeforeTheAnalysis() throws {
        let dir = try historyScratch("cli-bad")
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = dir.appendingPathComponent("notes.gpkg")
        try Data("not a database\n".utf8).write(to: text)
        let out = dir.appendingPathComponent("out")
        let r = try CLITests.run(["analyze", Self.weekYAML, "--tracks", Self.fixes(21), "--out", out.path, "--history", text.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("not a GeoPackage"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))

        let h = try CLITests.run(["history", text.path, "--out", dir.appendingPathComponent("t").path])
        #expect(h.status == 2 && h.stderr.contains("not a GeoPackage"))
        let missing = try CLITests.run(["history", dir.appendingPathComponent("none.gpkg").path])
        #expect(missing.status == 2 && missing.stderr.contains("no such history file"))
        let pg = try CLITests.run(["history", "PG:dbname=x host=127.0.0.1 port=1 connect_timeout=2"])
        #expect(pg.status == 2 && pg.stderr.contains("cannot connect to the database"), "\(pg.stderr)")

        // A run without tracks and without --from has no day to be counted under.
        let noDay = try CLITests.run(["analyze", Self.weekYAML, "--out", out.path, "--history", dir.appendingPathComponent("h.gpkg").path])
        #expect(noDay.status == 2 && noDay.stderr.contains("--history needs the run's day"))
    }

    /// When only the append fails, the results are written and the run exits non-zero saying so.
    @Test func failedAppendKeepsTheResults() throws {
        let dir = try historyScratch("cli-append")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("history.gpkg").path
        try HistoryStore.open(target: store).append(historyRun("Other", day: "2024-11-01"))
        try VectorStore(opening: store).execute("ALTER TABLE run_zones RENAME COLUMN attended_share TO attended_old")
        let out = dir.appendingPathComponent("out")
        let r = try CLITests.run(["analyze", Self.weekYAML, "--tracks", Self.fixes(21), "--out", out.path, "--history", store, "--quiet"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("the results were written to \(out.path), but the run was not added to the history"), "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("summary.json").path))
        #expect(try historyCount(store, "SELECT COUNT(*) FROM runs") == 1)
    }

    /// `history:` in operation.yaml, relative to the YAML file.
    @Test func yamlKey() throws {
        let dir = try historyScratch("cli-yaml")
        defer { try? FileManager.default.removeItem(at: dir) }
        let yaml = try String(contentsOfFile: Self.weekYAML, encoding: .utf8)
            .replacingOccurrences(of: "../", with: HistoryWeekTests.week.deletingLastPathComponent().path + "/")
        let path = dir.appendingPathComponent("op.yaml")
        try (yaml + "history: store/h.gpkg\ntracks: \(Self.fixes(23))\n").write(to: path, atomically: true, encoding: .utf8)
        let config = try OperationConfig.load(path: path.path)
        #expect(config.history == dir.appendingPathComponent("store/h.gpkg").path)
        let r = try CLITests.run(["analyze", path.path, "--out", dir.appendingPathComponent("out").path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            try historyCount(dir.appendingPathComponent("store/h.gpkg").path, "SELECT COUNT(*) FROM runs WHERE day = '2024-11-23'") == 1)
    }
}
