import Foundation
import Testing

@testable import Cakupan

/// The temporal keys of operation.yaml and their command-line twins.
@Suite struct TemporalConfigTests {
    @Test(arguments: [
        ("300", 300.0), ("300s", 300), ("5m", 300), ("5 menit", 300), ("2h", 7200), ("90m", 5400),
        ("1h30m", 5400), ("1.5h", 5400), ("2 jam", 7200), ("0", 0),
    ])
    func durations(text: String, seconds: Double) {
        #expect(TemporalDuration.seconds(text) == seconds)
    }

    @Test(arguments: ["", "5x", "h", "m5", "-"])
    func badDurations(text: String) {
        #expect(TemporalDuration.seconds(text) == nil)
    }

    func load(_ yaml: String) throws -> OperationConfig {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cakupan-yaml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("operation.yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return try OperationConfig.load(path: path)
    }

    @Test func yamlKeys() throws {
        let c = try load(
            """
            sites: sites.csv
            tracks:
              - a.csv
              - /abs/b.gpx
            timezone: WITA
            from: 2024-11-27 06:00
            to: 2024-11-27T22:00:00+08:00
            max_fix_gap: 5m
            max_speed: 120
            merge_gap: 90s
            visit_radius: 400
            radius_for: {gudang: 300, kpu: 250}
            max_unattended: 90m
            max_unattended_for: ["kpu=1h"]
            shift: 22:00-06:00
            """)
        let t = c.temporal
        #expect(t.tracks.count == 2 && t.tracks[0].hasSuffix("/a.csv") && t.tracks[1] == "/abs/b.gpx")
        #expect(t.timezone == "WITA")
        // Kept as text (not a YAML timestamp read as UTC): read later in the run's time zone.
        #expect(t.from == "2024-11-27 06:00")
        #expect(t.maxFixGap == 300 && t.maxSpeed == 120 && t.mergeGap == 90 && t.visitRadius == 400)
        #expect(t.radiusFor == ["gudang": 300, "kpu": 250])
        #expect(t.maxUnattended == 5400 && t.maxUnattendedFor == ["kpu": 3600])
        #expect(t.shift == "22:00-06:00")
        let s = try TemporalSettings(t)
        #expect(s.utcOffset == 8 * 3600)
        #expect(s.from == Double(1_732_665_600 - 2 * 3600))  // 06:00 WITA = 22:00 UTC the day before
        #expect(s.radius(for: .gudang) == 300 && s.radius(for: .tps) == 400)
        #expect(s.limit(for: .kpu) == 3600 && s.limit(for: .tps) == 5400)
        #expect(s.shift?.startSecond == 22 * 3600)
    }

    @Test func singleTrackAndFlagsOverride() throws {
        let c = try load("sites: s.csv\ntracks: fixes.csv\nradius_for: {gudang: 300}\n")
        #expect(c.temporal.tracks.count == 1 && c.temporal.tracks[0].hasSuffix("/fixes.csv"))
        var flags = OperationConfig()
        flags.temporal = try TemporalConfig.fromFlags(
            tracks: ["other.csv"], timezone: nil, from: nil, to: nil, maxFixGap: "60", maxSpeed: nil, mergeGap: nil,
            visitRadius: nil, radiusFor: ["kpu=200"], maxUnattended: nil, maxUnattendedFor: [], shift: nil)
        let merged = c.overridden(by: flags).temporal
        #expect(merged.tracks == ["other.csv"])
        #expect(merged.maxFixGap == 60)
        #expect(merged.radiusFor == ["gudang": 300, "kpu": 200])
    }

    @Test(arguments: [
        ("radius_for: {pasar: 300}", "field 'radius_for'", "'pasar' is not a site category"),
        ("max_fix_gap: lima menit", "field 'max_fix_gap'", "is not a duration"),
        ("max_unattended: 2", "field 'max_unattended'", "would be 2 seconds"),
        ("timezone: Mars", "field 'timezone'", "is not a time zone"),
        ("shift: 22-", "field 'shift'", "is not a daily shift"),
        ("visit_radius: 90000", "field 'visit_radius'", "is it in metres"),
        ("trackz: a.csv", "field 'trackz'", "unknown key"),
    ])
    func badYAMLValuesNameTheKey(line: String, field: String, problem: String) throws {
        #expect {
            _ = try load("sites: s.csv\n\(line)\n")
        } throws: { error in
            "\(error)".contains(field) && "\(error)".contains(problem)
        }
    }

    @Test func isoTimes() {
        #expect(ISOTime.iso(1_732_669_200, offset: 7 * 3600) == "2024-11-27T08:00:00+07:00")
        #expect(
            ISOTime.iso(1_732_669_200.5, offset: 9 * 3600) == "2024-11-27T10:00:00.5+09:00".replacingOccurrences(of: ".5+", with: ".500+"))
        #expect(ISOTime.iso(1_732_669_200 - 0.0004, offset: 0) == "2024-11-27T01:00:00+00:00")
        #expect(ISOTime.iso(0, offset: -3 * 3600 - 1800) == "1969-12-31T20:30:00-03:30")
        #expect(ISOTime.iso(951_782_400, offset: 0) == "2000-02-29T00:00:00+00:00")
    }
}
