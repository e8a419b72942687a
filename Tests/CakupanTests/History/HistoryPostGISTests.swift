import CakupanGDAL
import Foundation
import Testing

@testable import Cakupan

/// The history store in a real PostgreSQL + PostGIS server, started by `scripts/postgis.sh start` (or
/// by `make test`): its GDAL connection string comes from CAKUPAN_TEST_PG, else from
/// .build/postgis/connection. Without a server these tests are skipped, saying so.
enum TestPostGIS {
    static let connection: String? = {
        if let env = ProcessInfo.processInfo.environment["CAKUPAN_TEST_PG"], !env.isEmpty { return env }
        let file = TemporalDemoTests.repository.appendingPathComponent(".build/postgis/connection")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        let line = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return line.isEmpty ? nil : line
    }()

    static var available: Bool { connection != nil }
    static let skipReason: Comment =
        "no PostgreSQL/PostGIS test server: run scripts/postgis.sh start (or make test), or set CAKUPAN_TEST_PG"

    /// A fresh, empty schema in the test database, as a connection string whose tables live there.
    static func freshSchema(_ name: String) throws -> String {
        let base = try #require(connection)
        let schema = "t_\(name)_\(UUID().uuidString.prefix(8).lowercased())"
        try VectorStore(opening: base).execute("CREATE SCHEMA \(schema)")
        return "\(base) active_schema=\(schema)"
    }
}

@Suite(.enabled(if: TestPostGIS.available, TestPostGIS.skipReason))
struct HistoryPostGISTests {
    @Test func appendRerunAndTrends() throws {
        let target = try TestPostGIS.freshSchema("append")
        let store = try HistoryStore.open(target: target)
        try store.append(historyRun("Polres A", day: "2024-11-21"))
        try store.append(historyRun("Polres A", day: "2024-11-23"))
        try store.append(historyRun("Polres B", day: "2024-11-23"))
        try store.append(historyRun("Polres A", day: "2024-11-23", sites: [("S1", true, false), ("S2", true, false), ("S3", true, false)]))
        #expect(try historyCount(target, "SELECT COUNT(*) FROM runs") == 3)
        #expect(try historyCount(target, "SELECT COUNT(*) FROM run_sites") == 7, "rerun of A on the 23rd replaced its rows")
        #expect(try historyCount(target, "SELECT COUNT(*) FROM run_sites WHERE ST_SRID(wkb_geometry) = 4326") == 7)
        let t = try store.trends(days: 3)
        #expect(t.operations.map(\.operation) == ["Polres A", "Polres B"])
        #expect(t.operations[0].days == ["2024-11-21", "2024-11-22", "2024-11-23"])
        #expect(t.operations[0].totals[1] == nil)
        #expect(try store.trends(operation: "Polres B").operations.map(\.operation) == ["Polres B"])
    }

    /// Two threads, each with its own connection, append at once into a schema without tables yet.
    @Test func concurrentWritersLoseNothing() throws {
        let target = try TestPostGIS.freshSchema("concurrent")
        try concurrentAppends(target: target, operation: "Op")
        #expect(try historyCount(target, "SELECT COUNT(*) FROM runs") == 12)
        #expect(try historyCount(target, "SELECT COUNT(*) FROM run_sites") == 24)
        #expect(try historyCount(target, "SELECT COUNT(*) FROM cakupan_meta WHERE key = 'schema_version'") == 1)
    }

    /// The same window written by two writers at once is kept once.
    @Test func concurrentRerunsKeepOneCopy() throws {
        let target = try TestPostGIS.freshSchema("rerun")
        try HistoryStore.open(target: target).append(historyRun("Op", day: "2024-11-21"))
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            try? HistoryStore.open(target: target).append(historyRun("Op", day: "2024-11-21"))
        }
        #expect(try historyCount(target, "SELECT COUNT(*) FROM runs") == 1)
        #expect(try historyCount(target, "SELECT COUNT(*) FROM run_sites") == 2)
    }

    @Test func refusesNewerSchemaAndForeignRunsTable() throws {
        let newer = try TestPostGIS.freshSchema("newer")
        try HistoryStore.open(target: newer).append(historyRun("Op", day: "2024-11-21"))
        try VectorStore(opening: newer).execute("UPDATE cakupan_meta SET value = '2' WHERE key = 'schema_version'")
        #expect { try HistoryStore.open(target: newer) } throws: { "\($0)".contains("schema version 2 is newer") }

        let foreign = try TestPostGIS.freshSchema("foreign")
        try VectorStore(opening: foreign).execute("CREATE TABLE runs (id integer)")
        #expect { try HistoryStore.open(target: foreign) } throws: { "\($0)".contains("not a Cakupan history store") }
    }

    /// The command line with a PG: store: analyze the demo twice (the rerun replaces), then the trend.
    @Test func commandLine() throws {
        let target = try TestPostGIS.freshSchema("cli")
        let dir = try historyScratch("pg-cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        for _ in 0..<2 {
            let r = try CLITests.run([
                "analyze", TemporalDemoTests.demo, "--out", dir.appendingPathComponent("out").path, "--history", target, "--quiet",
            ])
            #expect(r.status == 0, "\(r.stderr)")
        }
        #expect(try historyCount(target, "SELECT COUNT(*) FROM run_sites") == 150)
        let h = try CLITests.run(["history", target, "--out", dir.appendingPathComponent("trend").path])
        #expect(h.status == 0, "\(h.stderr)")
        #expect(h.stdout.contains("2024-11-27"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("trend/trend.json").path))
    }
}
