import CakupanGDAL
import CakupanGeometry
import CakupanSchema
import Foundation
import Testing

@testable import Cakupan

/// Hand-made runs for the store tests: `sites` as (id, covered, stale), `zones` as (id, attended share).
func historyRun(
    _ operation: String, day: String, sites: [(String, Bool, Bool)] = [("S1", true, false), ("S2", false, true)],
    zones: [(String, Double)] = [("R1", 0.5)], window: String = "06:00"
) -> HistoryRun {
    let from = "\(day)T\(window):00+07:00"
    let to = "\(day)T22:00:00+07:00"
    return HistoryRun(
        runID: String(SHA256.hex(Array("\(operation)\n\(from)\n\(to)".utf8)).prefix(16)), operation: operation, day: day,
        windowFrom: from, windowTo: to, timezone: "Asia/Jakarta", parameters: "{}",
        inputs: [.init(role: "sites", file: "sites.csv", sha256: nil)], toolVersion: Summary.version, createdAt: to,
        totals: .init(
            sitesTotal: sites.count, sitesCovered: sites.filter { $0.1 }.count, highTotal: 0, highCovered: 0,
            areaCoverageShare: 0.25, rawanCoveredShare: nil, staleSites: sites.filter { $0.2 }.count),
        sites: sites.enumerated().map { i, s in
            .init(
                id: s.0, name: "Site \(s.0)", category: "kpu", priority: "tinggi", areaID: "A1", covered: s.1,
                distanceM: s.1 ? 10 : 900, visits: s.2 ? 0 : 2, dwellS: 60, maxUnattendedS: s.2 ? 50_000 : 600, stale: s.2,
                point: Coordinate(x: 104.2 + Double(i) * 0.01, y: -3.6))
        },
        areas: [
            .init(
                id: "A1", name: "Kecamatan A", coverageShare: 0.25, rawanCoveredShare: 0.5, sitesTotal: sites.count,
                sitesCovered: sites.filter { $0.1 }.count, highTotal: 0, highCovered: 0, patrolHours: 3, patrolKm: 40)
        ],
        zones: zones.map { .init(id: $0.0, name: "Zone \($0.0)", level: "tinggi", areaID: "A1", coveredShare: 0.5, attendedShare: $0.1) })
}

/// A fresh folder for one test.
func historyScratch(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("cakupan-history-\(name)-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// SELECT COUNT(*) … in the store.
func historyCount(_ target: String, _ sql: String) throws -> Int {
    let store = try VectorStore(opening: target, readOnly: true)
    return try #require(try store.execute(sql).first?.first?.text.flatMap { Int($0) })
}

@Suite struct SHA256Tests {
    /// FIPS 180-2, appendix B.
    @Test func fipsVectors() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    /// Fed in pieces that straddle block boundaries, the digest is the same.
    @Test func pieces() {
        let bytes = (0..<1000).map { UInt8($0 % 251) }
        var h = SHA256()
        for chunk in stride(from: 0, to: bytes.count, by: 37) { h.update(bytes[chunk..<min(chunk + 37, bytes.count)]) }
        var whole = SHA256()
        whole.update(bytes)
        #expect(h.finalize() == whole.finalize())
    }

    @Test func file() throws {
        let dir = try historyScratch("sha")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("abc.txt").path
        try Data("abc".utf8).write(to: URL(fileURLWithPath: path))
        #expect(SHA256.hex(fileAt: path) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(fileAt: dir.path) == nil)
    }
}

@Suite struct HistoryStoreTests {
    @Test func appendRerunAndMissingDays() throws {
        let dir = try historyScratch("gpkg")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("sub/history.gpkg").path
        let store = try HistoryStore.open(target: path)
        try store.append(historyRun("Op", day: "2024-11-21"))
        try store.append(historyRun("Op", day: "2024-11-23"))
        try store.append(historyRun("Op", day: "2024-11-23", sites: [("S1", true, false), ("S2", true, false), ("S3", true, false)]))
        #expect(try historyCount(path, "SELECT COUNT(*) FROM runs") == 2)
        #expect(try historyCount(path, "SELECT COUNT(*) FROM run_sites") == 5, "the rerun of 11-23 replaced its 2 rows by 3")
        #expect(try historyCount(path, "SELECT COUNT(*) FROM run_sites WHERE stale = 1") == 1)

        let t = try HistoryStore.open(target: path).trends(days: 2)
        let o = try #require(t.operations.first)
        #expect(o.days == ["2024-11-21", "2024-11-22", "2024-11-23"])
        #expect(o.totals[1] == nil, "a day without a run is missing, not zero")
        #expect(o.totals[2]?.sitesCovered == 3)
        #expect(o.missingDays == 1)
        #expect(o.areas.map(\.id) == ["A1"])
        // S2 was bad on 21 and fine on 23; the missing 22 breaks any streak anyway.
        #expect(o.neglectedSites.isEmpty)
        let csv = String(decoding: HistoryTrendOutput.csv(t), as: UTF8.self)
        #expect(csv.contains("Op,2024-11-22,missing,,total"))
        let json = String(decoding: HistoryTrendOutput.json(t, store: path), as: UTF8.self)
        #expect(json.contains("\"status\": \"missing\""))
    }

    /// A later window of the same day is a second run; the day counts the one ending last.
    @Test func twoWindowsOneDay() throws {
        let dir = try historyScratch("windows")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("h.gpkg").path
        let store = try HistoryStore.open(target: path)
        try store.append(historyRun("Op", day: "2024-11-21", window: "06:00"))
        try store.append(historyRun("Op", day: "2024-11-21", sites: [("S1", true, false)], window: "12:00"))
        #expect(try historyCount(path, "SELECT COUNT(*) FROM runs") == 2)
        let o = try #require(try store.trends().operations.first)
        #expect(o.days == ["2024-11-21"])
        #expect(o.totals[0]?.windowFrom == "2024-11-21T12:00:00+07:00")
    }

    @Test func streaksAndFallingZones() throws {
        let dir = try historyScratch("streaks")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("h.gpkg").path
        let store = try HistoryStore.open(target: path)
        let shares = [0.9, 0.9, 0.8, 0.6, 0.4]
        for (i, day) in ["2024-11-21", "2024-11-22", "2024-11-23", "2024-11-24", "2024-11-25"].enumerated() {
            // S2 stale from the 23rd (3 days, still), S3 uncovered on 21-22 only (2 days).
            try store.append(
                historyRun(
                    "Op", day: day, sites: [("S1", true, false), ("S2", true, i >= 2), ("S3", i >= 2, false)],
                    zones: [("R1", shares[i]), ("R2", 0.5), ("R3", [0.5, 0.6, 0.4, 0.45, 0.3][i])]))
        }
        let o = try #require(try store.trends(days: 3).operations.first)
        #expect(o.neglectedSites.map(\.id) == ["S2"])
        let s2 = try #require(o.neglectedSites.first)
        #expect(s2.from == "2024-11-23" && s2.to == "2024-11-25" && s2.length == 3 && s2.ongoing && s2.staleDays == 3)
        #expect(o.fallingZones.map(\.id) == ["R1"], "R2 is flat, R3 rose on the 24th")
        #expect(abs((o.fallingZones.first?.change ?? 0) - -0.4) < 1e-9)
        let two = try #require(try store.trends(days: 2).operations.first)
        #expect(Set(two.neglectedSites.map(\.id)) == ["S2", "S3"])
    }

    /// Two threads, each with its own GDAL dataset, append at once into a store neither has created:
    /// every run arrives once.
    @Test func concurrentWritersLoseNothing() throws {
        let dir = try historyScratch("concurrent")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("h.gpkg").path
        try concurrentAppends(target: path, operation: "Op")
        #expect(try historyCount(path, "SELECT COUNT(*) FROM runs") == 12)
        #expect(try historyCount(path, "SELECT COUNT(*) FROM run_sites") == 24)
        #expect(try historyCount(path, "SELECT COUNT(*) FROM cakupan_meta WHERE key = 'schema_version'") == 1)
    }

    /// A failure halfway through the append (the zone rows cannot be written) leaves the store as it was.
    @Test func failedAppendAddsNothing() throws {
        let dir = try historyScratch("failed")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("h.gpkg").path
        let store = try HistoryStore.open(target: path)
        try store.append(historyRun("Op", day: "2024-11-21"))
        do {
            let raw = try VectorStore(opening: path)
            try raw.execute("ALTER TABLE run_zones RENAME COLUMN attended_share TO attended_old")
        }
        #expect(throws: CakupanError.self) { try store.append(historyRun("Op", day: "2024-11-22")) }
        #expect(try historyCount(path, "SELECT COUNT(*) FROM runs") == 1)
        #expect(try historyCount(path, "SELECT COUNT(*) FROM run_sites") == 2)
        #expect(try historyCount(path, "SELECT COUNT(*) FROM run_areas") == 1)
    }

    @Test func refusesWhatIsNotAStore() throws {
        let dir = try historyScratch("bad")
        defer { try? FileManager.default.removeItem(at: dir) }
        func message(_ target: String) -> String? {
            do {
                _ = try HistoryStore.open(target: target)
                return nil
            } catch let e as CakupanError {
                #expect(e.isUserError)
                return "\(e)"
            } catch { return "\(error)" }
        }
        let text = dir.appendingPathComponent("notes.gpkg").path
        try Data("hello\n".utf8).write(to: URL(fileURLWithPath: text))
        #expect(message(text)?.contains("is not a GeoPackage") == true)

        let ordinary = dir.appendingPathComponent("layers.gpkg").path
        do {
            let w = try VectorWriter(path: ordinary, driver: "GPKG")
            try w.writeLayer(
                name: "sites", fields: [("id", .string)],
                features: [.init(geometry: .point(Coordinate(x: 104, y: -3)), values: [.string("S1")])])
        }
        #expect(message(ordinary)?.contains("not a Cakupan history store") == true)

        let newer = dir.appendingPathComponent("newer.gpkg").path
        try HistoryStore.open(target: newer).append(historyRun("Op", day: "2024-11-21"))
        try VectorStore(opening: newer).execute("UPDATE cakupan_meta SET value = '9' WHERE key = 'schema_version'")
        let refusal = try #require(message(newer))
        #expect(refusal.contains("schema version 9") && refusal.contains("version \(HistorySchema.version)"))
        #expect(throws: CakupanError.self) { try HistoryStore.open(target: newer).trends() }

        #expect(message(dir.path)?.contains("is a folder") == true)
        #expect(message(dir.appendingPathComponent("h.sqlite").path)?.contains(".gpkg") == true)
        let unreachable = try #require(message("PG:dbname=nothing host=127.0.0.1 port=1 password=secret connect_timeout=2"))
        #expect(unreachable.contains("cannot connect to the database"))
        #expect(!unreachable.contains("secret"))
    }
}

/// `threads` threads, each appending `perThread` days with its own store value (its own datasets).
func concurrentAppends(target: String, operation: String, threads: Int = 2, perThread: Int = 6) throws {
    final class Failures: @unchecked Sendable {
        let lock = NSLock()
        var messages: [String] = []
    }
    let failures = Failures()
    DispatchQueue.concurrentPerform(iterations: threads) { t in
        do {
            let store = try HistoryStore.open(target: target)
            for k in 0..<perThread {
                try store.append(historyRun(operation, day: CalendarDays.text(20_000 + t * perThread + k)))
            }
        } catch {
            failures.lock.withLock { failures.messages.append("\(error)") }
        }
    }
    #expect(failures.messages.isEmpty, "\(failures.messages)")
}
