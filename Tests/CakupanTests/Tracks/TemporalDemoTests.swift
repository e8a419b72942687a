import Cakupan
import CakupanGeometry
import Foundation
import Testing

/// The demo's GPS fixes (geodata/demo/gps_fixes.csv, generated with planted events; see
/// geodata/demo/README.md) through the whole run, and the command line around tracks.
@Suite struct TemporalDemoTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
    static let demo = repository.appendingPathComponent("geodata/demo/operation.yaml").path

    /// 2024-11-27 hh:mm:ss WIB as epoch seconds.
    static func wib(_ h: Int, _ m: Int, _ s: Int = 0) -> Double {
        1_732_665_600 + Double(h * 3600 + m * 60 + s) - 7 * 3600
    }

    static func run() throws -> (AnalysisResult, AnalysisInputs) {
        let config = try OperationConfig.load(path: demo)
        #expect(config.temporal.tracks.map { ($0 as NSString).lastPathComponent } == ["gps_fixes.csv"])
        var warnings = Warnings()
        return try Pipeline.analyze(config, parameters: try config.parameters(), warnings: &warnings)
    }

    @Test func plantedEvents() throws {
        let (r, inputs) = try Self.run()
        let t = try #require(r.temporal)
        #expect(t.result.fixes == 11_486)
        #expect(t.result.units == 6)
        #expect(t.result.window == Self.wib(6, 0)...Self.wib(22, 0))

        // GPS jump: LANTAS-3's fix at 16:42:30, 30 km away, dropped and counted; its line stays on its roads.
        #expect(t.result.droppedJumps == 1)
        #expect(t.result.keptFixes == 11_485)
        #expect(t.jumps.count == 1)
        let jump = try #require(t.jumps.first)
        #expect(jump.unit == "LANTAS-3" && jump.time == Self.wib(16, 42, 30))
        #expect(abs(jump.position.x - 104.038018) < 1e-6 && abs(jump.position.y - -3.699766) < 1e-6)
        let lantas = try #require(inputs.patrols.first { $0.id == "LANTAS-3" })
        let nearest = lantas.geometry.allCoordinates.map { hypot($0.x - jump.position.x, $0.y - jump.position.y) }.min() ?? 0
        #expect(nearest > 0.05, "LANTAS-3's patrol line comes within \(nearest)° of the dropped jump")

        // Drop-out: SAMAPTA-2 has no fixes from 13:09:30 to 13:30:00: a gap, and no presence across it.
        #expect(t.gapsTotal == 1)
        #expect(t.gaps == [TrackGap(unit: "SAMAPTA-2", from: Self.wib(13, 9, 30), to: Self.wib(13, 30))])
        let across = t.result.visits.filter { $0.unit == "SAMAPTA-2" && $0.start < Self.wib(13, 30) && $0.end > Self.wib(13, 9, 30) }
        #expect(across.isEmpty, "SAMAPTA-2 visits across its drop-out: \(across)")
        #expect(try #require(inputs.patrols.first { $0.id == "SAMAPTA-2" }).geometry.lines.count >= 2)

        // Never visited: S012, stale, unattended for the whole window.
        let s012 = try #require(r.sites.first { $0.site.id == "S012" }?.temporal).row
        #expect(s012.visits == 0 && s012.firstVisit == nil && s012.lastVisit == nil)
        #expect(s012.maxUnattendedSeconds == 16 * 3600)
        #expect(s012.stale)

        // Visited only in passing: S105, one short visit by SAMAPTA-5 around 17:43.
        let s105 = try #require(r.sites.first { $0.site.id == "S105" }?.temporal).row
        #expect(s105.visits == 1 && s105.units == 1)
        #expect(s105.dwellSeconds > 30 && s105.dwellSeconds < 180)
        let pass = try #require(t.result.visits.first { $0.siteID == "S105" })
        #expect(pass.unit == "SAMAPTA-5")
        #expect(pass.start > Self.wib(17, 42) && pass.end < Self.wib(17, 45))

        // The sites with no fix within 500 m are exactly the sites never visited.
        let unvisited = Set(r.sites.filter { $0.temporal?.row.visits == 0 }.map(\.site.id))
        #expect(
            unvisited == [
                "S004", "S010", "S011", "S012", "S033", "S040", "S044", "S049", "S055", "S057", "S063", "S069",
                "S076", "S077", "S080", "S085", "S107", "S124", "S141", "S142", "S143", "S144", "S145", "S146",
                "S147", "S148", "S149", "S150",
            ])

        // Stale tinggi sites are hotspots; S012 (also uncovered) is one hotspot with both reasons.
        let h = try #require(r.hotspots.first { $0.ref == "S012" })
        #expect(h.reason.contains("tidak tercakup") && h.reason.contains("tidak dikunjungi selama 16 jam"))
        #expect(r.hotspots.filter { $0.ref == "S012" }.count == 1)
    }

    /// A fixes file in reverse time order (as some exports write it): every fix is far later than the
    /// reorder window, so the tracks are read again holding every fix; the results must be those of
    /// the sorted file (before, each late fix opened runs overlapping the unit's others in time and
    /// its hours were counted twice), with a warning that says what happened.
    @Test func fixesInReverseOrderGiveTheSortedResults() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cakupan-reversed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let demoFolder = (Self.demo as NSString).deletingLastPathComponent
        let lines = try String(contentsOfFile: demoFolder + "/gps_fixes.csv", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: true)
        let reversed = ([lines[0]] + lines.dropFirst().reversed()).joined(separator: "\n") + "\n"
        let fixes = dir.appendingPathComponent("fixes_reversed.csv").path
        try reversed.write(toFile: fixes, atomically: true, encoding: .utf8)

        let (sorted, _) = try Self.run()
        var config = try OperationConfig.load(path: Self.demo)
        config.temporal.tracks = [fixes]
        var warnings = Warnings()
        let (r, _) = try Pipeline.analyze(config, parameters: try config.parameters(), warnings: &warnings)
        let late = warnings.messages.filter { $0.contains("out of time order") }
        #expect(late.count == 1 && late[0].contains("read a second time"), "\(warnings.messages)")

        let a = try #require(sorted.temporal)
        let b = try #require(r.temporal)
        #expect(b.result.lateFixes == 0)
        #expect(a.result.keptFixes == b.result.keptFixes && a.result.droppedJumps == b.result.droppedJumps)
        #expect(a.result.visits.count == b.result.visits.count)
        for (x, y) in zip(sorted.areas, r.areas) {
            #expect(abs((x.patrolSeconds ?? 0) - (y.patrolSeconds ?? 0)) < 1e-6, "\(x.area.id)")
            #expect(abs((x.patrolMetres ?? 0) - (y.patrolMetres ?? 0)) < 1e-6, "\(x.area.id)")
        }
        for (x, y) in zip(sorted.zones, r.zones) { #expect(x.attendedShare == y.attendedShare) }
        for (x, y) in zip(sorted.sites, r.sites) {
            #expect(
                x.temporal?.row.visits == y.temporal?.row.visits
                    && x.temporal?.row.maxUnattendedSeconds == y.temporal?.row.maxUnattendedSeconds)
        }
        // The unit-hours inside the kecamatan cannot exceed the hours the units were tracked.
        let hours = r.areas.reduce(0) { $0 + ($1.patrolSeconds ?? 0) } / 3600
        #expect(hours > 40 && hours <= 6 * 16)
    }

    @Test func commandLineShowsTheEvents() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("cakupan-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try CLITests.run(["analyze", Self.demo, "--out", out.path, "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stdout.contains(
                "GPS tracks: 11486 fixes of 6 units, 11485 kept, 1 dropped as jumps; window 2024-11-27T06:00:00+07:00 – 2024-11-27T22:00:00+07:00"
            ))
        #expect(r.stdout.contains("gap: SAMAPTA-2 has no fixes 2024-11-27T13:09:30+07:00 – 2024-11-27T13:30:00+07:00"))
        #expect(r.stdout.contains("jump dropped: LANTAS-3 at 2024-11-27T16:42:30+07:00"))
        let visits = try String(contentsOf: out.appendingPathComponent("visits.csv"), encoding: .utf8)
        #expect(visits.hasPrefix("site,unit,start,end,dwell_s\nS001,"))
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as! [String: Any]
        let temporal = try #require(summary["temporal"] as? [String: Any])
        for key in ["window", "timezone", "fixes", "kept_fixes", "dropped_jumps", "units", "hourly", "stale_sites"] {
            #expect(temporal[key] != nil, "summary.json temporal lacks \(key)")
        }
        #expect((temporal["hourly"] as? [Any])?.count == 16)
    }

    @Test func badTimestampExitsTwo() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cakupan-badtime-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "id,lon,lat\nS1,104.1,-3.6\n".write(to: dir.appendingPathComponent("sites.csv"), atomically: true, encoding: .utf8)
        try "unit,time,lon,lat\nP1,2024-11-27 08:00,104.1,-3.6\nP1,27 Nov 2024 08:01,104.1,-3.6\n"
            .write(to: dir.appendingPathComponent("fixes.csv"), atomically: true, encoding: .utf8)
        let r = try CLITests.run(["analyze", "--sites", "sites.csv", "--tracks", "fixes.csv", "--out", "out"], in: dir)
        CLITests.expectNoCrash(r, "bad timestamp")
        #expect(r.status == 2)
        #expect(
            r.stderr.contains("cakupan: error: fixes.csv, row 2 (line 3), field 'time': cannot read timestamp '27 Nov 2024 08:01'")
                && r.stderr.contains("--time-format"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    @Test(arguments: [
        (["--max-fix-gap", "5x"], "--max-fix-gap '5x' is not a duration"),
        (["--max-unattended", "2"], "would be 2 seconds"),
        (["--timezone", "Mars"], "--timezone 'Mars' is not a time zone"),
        (["--radius-for", "gudang"], "--radius-for 'gudang' should be category=value"),
        (["--radius-for", "pasar=300"], "'pasar' is not a site category"),
        (["--shift", "25:00-06:00"], "--shift '25:00-06:00' is not a daily shift"),
        (["--from", "kemarin"], "'kemarin' is not a time"),
        (["--from", "2024-11-28 06:00", "--to", "2024-11-27 06:00"], "is before --from"),
    ])
    func badTemporalOptionsExitTwo(args: [String], mentions: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cakupan-opt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "id,lon,lat\nS1,104.1,-3.6\n".write(to: dir.appendingPathComponent("sites.csv"), atomically: true, encoding: .utf8)
        try "unit,time,lon,lat\nP1,2024-11-27 08:00,104.1,-3.6\n".write(
            to: dir.appendingPathComponent("fixes.csv"), atomically: true, encoding: .utf8)
        let r = try CLITests.run(["analyze", "--sites", "sites.csv", "--tracks", "fixes.csv", "--out", "out"] + args, in: dir)
        CLITests.expectNoCrash(r, args.joined(separator: " "))
        #expect(r.status == 2, "\(args): \(r.stderr)")
        #expect(r.stderr.contains(mentions), "\(args): \(r.stderr)")
    }

    @Test func helpNamesTheTemporalOptions() throws {
        let r = try CLITests.run(["analyze", "--help"])
        for text in [
            "--tracks", "--timezone", "--from", "--to", "--max-fix-gap", "--max-speed", "--merge-gap", "--visit-radius",
            "--radius-for", "--max-unattended", "--max-unattended-for", "--shift", "visits.csv",
        ] {
            #expect(r.stdout.contains(text), "analyze --help lacks \(text)")
        }
    }
}
