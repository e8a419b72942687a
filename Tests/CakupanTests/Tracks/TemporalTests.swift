import Cakupan
import CakupanGeometry
import Foundation
import Testing

/// A scene with GPS tracks: fixes drawn in metres of the scene (UTM 48S around its origin), written
/// as GPX or CSV in lon/lat, analysed end to end (GDAL or the CSV reader, PROJ, the engine, GEOS).
/// Times are seconds after 2024-11-27T01:00:00Z (08:00 WIB).
final class TrackScene {
    let scene: Scene
    /// 2024-11-27T01:00:00Z.
    static let t0 = 1_732_669_200.0

    init() throws {
        scene = try Scene()
    }

    /// Writes a GPX file: one track per (name, fixes (seconds after t0, x, y)).
    func gpx(_ name: String, _ tracks: [(String, [(Double, Double, Double)])]) throws -> String {
        var s =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n"
        for (track, fixes) in tracks {
            s += "<trk><name>\(track)</name><trkseg>\n"
            for (t, x, y) in fixes {
                let ll = try scene.lonLat(Coordinate(x: x, y: y))
                s +=
                    "<trkpt lat=\"\(String(format: "%.10f", ll.y))\" lon=\"\(String(format: "%.10f", ll.x))\"><time>\(Self.utc(t))</time></trkpt>\n"
            }
            s += "</trkseg></trk>\n"
        }
        s += "</gpx>\n"
        return try write(name, s)
    }

    /// Writes a fixes CSV `unit,time,lon,lat`; `time` is the text given.
    func csv(_ name: String, _ rows: [(String, String, Double, Double)]) throws -> String {
        var s = "unit,time,lon,lat\n"
        for (unit, time, x, y) in rows {
            let ll = try scene.lonLat(Coordinate(x: x, y: y))
            s += "\(unit),\(time),\(String(format: "%.10f", ll.x)),\(String(format: "%.10f", ll.y))\n"
        }
        return try write(name, s)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = scene.directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// `2024-11-27T01:00:00Z` plus `t` seconds (whole seconds).
    static func utc(_ t: Double) -> String {
        ISOTime.iso(t0 + t, offset: 0).replacingOccurrences(of: "+00:00", with: "Z")
    }

    /// Runs the analysis with tracks and the temporal settings of `configure`.
    func analyze(_ configure: (inout TemporalConfig) throws -> Void) throws -> (AnalysisResult, [String: Data], Warnings) {
        var c = try scene.config()
        try configure(&c.temporal)
        let parameters = try c.parameters()
        var warnings = Warnings()
        let (result, inputs) = try Pipeline.analyze(c, parameters: parameters, warnings: &warnings)
        var files: [String: Data] = [:]
        for f in Pipeline.files(result, inputs: inputs, operation: nil, warnings: warnings) { files[f.name] = f.data }
        return (result, files, warnings)
    }
}

/// A feature's properties from a GeoJSON layer of a result, by `id`.
func properties(_ files: [String: Data], _ layer: String, id: String) throws -> [String: Any] {
    let json = try JSONSerialization.jsonObject(with: try #require(files[layer])) as! [String: Any]
    let features = json["features"] as! [[String: Any]]
    let feature = try #require(features.first { ($0["properties"] as! [String: Any])["id"] as? String == id })
    return feature["properties"] as! [String: Any]
}

func summary(_ files: [String: Data]) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: try #require(files["summary.json"])) as! [String: Any]
}

/// Seconds as written in the outputs.
func seconds(_ v: Any?) -> Double { (v as? NSNumber)?.doubleValue ?? .nan }

@Suite struct TemporalTests {
    /// A unit drives along y = 400 at 10 m/s from x = −1000 (t = 0) to x = 1100 (t = 210 s), a GPX
    /// fix every 30 s. The site at (0, 0) with radius 500: the chord |x| ≤ √(500² − 400²) = 300,
    /// entered at x = −300 (t = 70 s, between the fixes at 60 and 90 s), left at x = 300 (t = 130 s).
    @Test func chordCrossingFromGPX() throws {
        let s = try TrackScene()
        s.scene.sites = [("\"id\":\"S1\",\"kategori\":\"kpu\",\"prioritas\":\"tinggi\"", Coordinate(x: 0, y: 0))]
        let fixes = stride(from: 0.0, through: 210, by: 30).map { t in (t, -1000 + 10 * t, 400.0) }
        let path = try s.gpx("track.gpx", [("P1", fixes)])
        let (r, files, _) = try s.analyze { $0.tracks = [path] }
        let v = try #require(r.sites[0].temporal).row
        #expect(v.visits == 1)
        #expect(v.units == 1)
        #expect(abs(v.dwellSeconds - 60) < 0.01)
        #expect(abs(try #require(v.firstVisit) - (TrackScene.t0 + 70)) < 0.01)
        #expect(abs(try #require(v.lastVisit) - (TrackScene.t0 + 130)) < 0.01)
        // Window [0, 210]: unattended 70 s before, 80 s after.
        #expect(abs(v.maxUnattendedSeconds - 80) < 0.01)
        #expect(!v.stale)
        let p = try properties(files, "sites.geojson", id: "S1")
        #expect(p["visits"] as? Int == 1)
        #expect(p["first_visit"] as? String == "2024-11-27T08:01:10+07:00")
        #expect(p["last_visit"] as? String == "2024-11-27T08:02:10+07:00")
        #expect(abs(seconds(p["dwell_s"]) - 60) < 0.01)
        #expect(abs(seconds(p["max_unattended_s"]) - 80) < 0.01)
        #expect(p["stale"] as? Bool == false)
        let t = try #require(try summary(files)["temporal"] as? [String: Any])
        #expect((t["window"] as? [String: Any])?["from"] as? String == "2024-11-27T08:00:00+07:00")
        #expect((t["window"] as? [String: Any])?["to"] as? String == "2024-11-27T08:03:30+07:00")
        #expect(t["timezone"] as? String == "Asia/Jakarta")
        #expect(t["fixes"] as? Int == 8 && t["kept_fixes"] as? Int == 8 && t["dropped_jumps"] as? Int == 0 && t["units"] as? Int == 1)
        // The track is a patrol too: the site 400 m from it is covered by its 500 m buffer.
        #expect(r.sites[0].covered)
        #expect(r.sites[0].nearestPatrol == "P1")
        #expect(abs((r.sites[0].distance ?? 0) - 400) < 0.01)
    }

    /// The same drive with the fixes from 90 to 120 s missing: with --max-fix-gap 60s the 90 s
    /// between the fixes at 60 s (x = −400) and 150 s (x = 500) is a gap, so no presence is assumed
    /// across it; with the default 5 min the straight line through the site counts (70…130 s).
    @Test func gapSplitsTheTrack() throws {
        let s = try TrackScene()
        s.scene.sites = [("\"id\":\"S1\"", Coordinate(x: 0, y: 0))]
        let fixes = [0.0, 30, 60, 150, 180, 210].map { t in (t, -1000 + 10 * t, 400.0) }
        let path = try s.gpx("track.gpx", [("P1", fixes)])
        let (split, inputs) = try Self.analyzeWithInputs(s) {
            $0.tracks = [path]
            $0.maxFixGap = 60
        }
        #expect(split.sites[0].temporal?.row.visits == 0)
        #expect(split.temporal?.gaps == [TrackGap(unit: "P1", from: TrackScene.t0 + 60, to: TrackScene.t0 + 150)])
        let files = Dictionary(
            uniqueKeysWithValues: Pipeline.files(split, inputs: inputs, operation: nil, warnings: Warnings()).map { ($0.name, $0.data) })
        let gaps = try #require(try summary(files)["temporal"] as? [String: Any])["gaps"] as? [[String: Any]]
        #expect(gaps?.first?["unit"] as? String == "P1")
        #expect(gaps?.first?["from"] as? String == "2024-11-27T08:01:00+07:00")
        #expect(gaps?.first?["to"] as? String == "2024-11-27T08:02:30+07:00")
        #expect(seconds(gaps?.first?["duration_s"]) == 90)
        // The patrol drawn from the track has two parts, one each side of the gap.
        #expect(try #require(inputs.patrols.first { $0.id == "P1" }).geometry.lines.count == 2)

        let (joined, joinedInputs) = try Self.analyzeWithInputs(s) { $0.tracks = [path] }
        #expect(try #require(joinedInputs.patrols.first { $0.id == "P1" }).geometry.lines.count == 1)
        let v = try #require(joined.sites[0].temporal).row
        #expect(v.visits == 1)
        #expect(abs(v.dwellSeconds - 60) < 0.01)
        #expect(joined.temporal?.gaps == [])
    }

    static func analyzeWithInputs(_ s: TrackScene, _ configure: (inout TemporalConfig) -> Void) throws -> (AnalysisResult, AnalysisInputs) {
        var c = try s.scene.config()
        configure(&c.temporal)
        var warnings = Warnings()
        return try Pipeline.analyze(c, parameters: try c.parameters(), warnings: &warnings)
    }

    /// A unit parked at the site (0, 0) from 0 to 60 s, drives 700 m north by 90 s, waits there until
    /// 120 s and comes back by 150 s, then stays until 180 s. It leaves the 500 m circle at
    /// 60 + 30 × 500/700 = 81.429 s and enters again at 120 + 30 × 200/700 = 128.571 s: a break of
    /// 47.143 s. With the default merge gap (2 min) that is one visit of 180 s (a merged visit
    /// includes its short breaks); with --merge-gap 30s two visits, 81.429 s and 51.429 s.
    @Test func visitsMergeAcrossShortBreaks() throws {
        let s = try TrackScene()
        s.scene.sites = [("\"id\":\"S1\"", Coordinate(x: 0, y: 0))]
        let fixes: [(Double, Double, Double)] = [(0, 0, 0), (30, 0, 0), (60, 0, 0), (90, 0, 700), (120, 0, 700), (150, 0, 0), (180, 0, 0)]
        let path = try s.gpx("track.gpx", [("P1", fixes)])
        let (merged, mergedFiles, _) = try s.analyze { $0.tracks = [path] }
        let m = try #require(merged.sites[0].temporal).row
        #expect(m.visits == 1)
        #expect(abs(m.dwellSeconds - 180) < 0.01)
        #expect(abs(m.maxUnattendedSeconds - 330.0 / 7) < 0.01)
        let mergedCSV = String(decoding: try #require(mergedFiles["visits.csv"]), as: UTF8.self)
        #expect(mergedCSV == "site,unit,start,end,dwell_s\nS1,P1,2024-11-27T08:00:00+07:00,2024-11-27T08:03:00+07:00,180\n")

        let (split, files, _) = try s.analyze {
            $0.tracks = [path]
            $0.mergeGap = 30
        }
        let v = try #require(split.sites[0].temporal).row
        #expect(v.visits == 2)
        #expect(v.units == 1)
        #expect(abs(v.dwellSeconds - (570.0 / 7 + 360.0 / 7)) < 0.01)
        #expect(abs(v.longestDwellSeconds - 570.0 / 7) < 0.01)
        let csv = String(decoding: try #require(files["visits.csv"]), as: UTF8.self)
        #expect(
            csv == """
                site,unit,start,end,dwell_s
                S1,P1,2024-11-27T08:00:00+07:00,2024-11-27T08:01:21.429+07:00,81.429
                S1,P1,2024-11-27T08:02:08.571+07:00,2024-11-27T08:03:00+07:00,51.429

                """)
    }

    /// With --from 07:50 and --to 09:00 (local, WIB) the window is 70 min; the unit of
    /// `chordCrossingFromGPX` is at the site from 08:01:10 to 08:02:10, so the site's longest
    /// unattended stretch is the 57 min 50 s after it (3,470 s, under a 1 h limit: not stale); a site
    /// nobody visits is unattended for the whole 4,200 s window (stale).
    @Test func unattendedCountsTheWindowEdges() throws {
        let s = try TrackScene()
        s.scene.sites = [
            ("\"id\":\"S1\",\"kategori\":\"kpu\"", Coordinate(x: 0, y: 0)),
            ("\"id\":\"S2\",\"kategori\":\"tps\"", Coordinate(x: 0, y: 5000)),
        ]
        let fixes = stride(from: 0.0, through: 210, by: 30).map { t in (t, -1000 + 10 * t, 400.0) }
        let path = try s.gpx("track.gpx", [("P1", fixes)])
        let (r, files, _) = try s.analyze {
            $0.tracks = [path]
            $0.from = "2024-11-27 07:50"
            $0.to = "2024-11-27T09:00:00+07:00"
            $0.maxUnattended = 3600
        }
        let s1 = try #require(r.sites[0].temporal).row
        #expect(abs(s1.maxUnattendedSeconds - 3470) < 0.01)
        #expect(!s1.stale)
        let s2 = try #require(r.sites[1].temporal).row
        #expect(s2.maxUnattendedSeconds == 4200)
        #expect(s2.stale)
        #expect(s2.firstVisit == nil && s2.lastVisit == nil)
        let t = try #require(try summary(files)["temporal"] as? [String: Any])
        #expect((t["window"] as? [String: Any])?["from"] as? String == "2024-11-27T07:50:00+07:00")
        let stale = try #require(t["stale_sites"] as? [[String: Any]])
        #expect(stale.map { $0["id"] as? String } == ["S2"])
        #expect(seconds(stale[0]["max_unattended_s"]) == 4200)
        #expect(stale[0]["last_visit"] is NSNull)
        #expect(stale[0]["priority"] as? String == "sedang" && stale[0]["category"] as? String == "tps")
        // Hours of the window: 07:00 (from 07:50) to 08:00 (until 09:00 exactly).
        let hours = try #require(t["hourly"] as? [[String: Any]])
        #expect(hours.map { $0["hour"] as? String } == ["2024-11-27T07:00:00+07:00", "2024-11-27T08:00:00+07:00"])
        #expect(hours.map { $0["attended_sites"] as? Int } == [0, 1])
    }

    /// --shift 22:00-06:00 in a window from 18:00 to 08:00 the next morning (local WIB): only the
    /// 8 hours of the night count. A unit parked at the site 20:00–21:00 (outside the shift: no
    /// visit) and 23:30–00:30 (across midnight: one visit of 3,600 s). Unattended within the shift:
    /// 22:00–23:30 (5,400 s) and 00:30–06:00 (19,800 s, the longest).
    @Test func shiftAcrossMidnight() throws {
        let s = try TrackScene()
        s.scene.sites = [("\"id\":\"S1\"", Coordinate(x: 0, y: 0))]
        func parked(_ from: Int, _ minutes: Int, day: Int) -> [(String, String, Double, Double)] {
            (0...minutes).map { m in
                let total = from + m
                return ("P1", String(format: "2024-11-%02d %02d:%02d:00", day + total / 1440, total % 1440 / 60, total % 60), 10.0, 0.0)
            }
        }
        let rows = parked(20 * 60, 60, day: 27) + parked(23 * 60 + 30, 60, day: 27)
        let path = try s.csv("fixes.csv", rows)
        let (r, files, _) = try s.analyze {
            $0.tracks = [path]
            $0.shift = "22:00-06:00"
            $0.from = "2024-11-27 18:00"
            $0.to = "2024-11-28 08:00"
        }
        let v = try #require(r.sites[0].temporal).row
        #expect(v.visits == 1)
        #expect(abs(v.dwellSeconds - 3600) < 0.01)
        #expect(abs(v.maxUnattendedSeconds - 19_800) < 0.01)
        #expect(v.stale)
        let p = try properties(files, "sites.geojson", id: "S1")
        #expect(p["first_visit"] as? String == "2024-11-27T23:30:00+07:00")
        #expect(p["last_visit"] as? String == "2024-11-28T00:30:00+07:00")
        let t = try #require(try summary(files)["temporal"] as? [String: Any])
        #expect(seconds(t["window_s"]) == 8 * 3600)
        #expect(t["shift"] as? String == "22:00-06:00")
        let hours = try #require(t["hourly"] as? [[String: Any]])
        #expect(hours.count == 8)
        #expect(hours.first?["hour"] as? String == "2024-11-27T22:00:00+07:00")
        #expect(hours.last?["hour"] as? String == "2024-11-28T05:00:00+07:00")
        #expect(hours.map { $0["attended_sites"] as? Int } == [0, 1, 1, 0, 0, 0, 0, 0])
    }

    /// Local times are read in --timezone and every output time is written in it; a time with its
    /// own offset keeps it.
    @Test(arguments: [("WIB", "+07:00", "Asia/Jakarta", 7), ("WITA", "+08:00", "WITA", 8), ("WIT", "+09:00", "WIT", 9)])
    func timeZones(zone: String, offset: String, name: String, hours: Int) throws {
        let s = try TrackScene()
        s.scene.sites = [("\"id\":\"S1\"", Coordinate(x: 0, y: 0))]
        let local = (0...10).map { m in ("P1", String(format: "2024-11-27 08:%02d:00", m), 0.0, 0.0) }
        let offsetRows = [("P2", "2024-11-27T08:00:00+07:00", 0.0, 0.0), ("P2", "2024-11-27T08:01:00+07:00", 0.0, 0.0)]
        let path = try s.csv("fixes.csv", local + offsetRows)
        let (r, files, _) = try s.analyze {
            $0.tracks = [path]
            $0.timezone = zone == "WIB" ? nil : zone
        }
        let v = try #require(r.sites[0].temporal).row
        // 08:00 local is 01:00 UTC in WIB, 00:00 in WITA, 23:00 the day before in WIT.
        #expect(v.firstVisit == TrackScene.t0 + Double((7 - hours) * 3600))
        let p = try properties(files, "sites.geojson", id: "S1")
        let visits = String(decoding: try #require(files["visits.csv"]), as: UTF8.self)
        #expect(visits.contains("S1,P1,2024-11-27T08:00:00\(offset),2024-11-27T08:10:00\(offset),600"))
        // P2's 08:00+07:00 is 01:00 UTC, written in the run's zone.
        let p2 = ISOTime.iso(TrackScene.t0, offset: hours * 3600)
        #expect(visits.contains("S1,P2,\(p2),"))
        #expect((p["first_visit"] as? String)?.hasSuffix(offset) == true)
        let t = try #require(try summary(files)["temporal"] as? [String: Any])
        #expect(t["timezone"] as? String == name)
    }

    /// A timestamp that cannot be read stops the run with the file, the row and the column.
    @Test func badTimestampNamesFileAndRow() throws {
        let s = try TrackScene()
        s.scene.sites = [("\"id\":\"S1\"", Coordinate(x: 0, y: 0))]
        let path = try s.write(
            "fixes.csv",
            "unit,time,lon,lat\nP1,2024-11-27 08:00:00,104.1,-3.6\nP1,2024-11-27 08:00:30,104.1,-3.6\nP1,2024-13-45 99:00,104.1,-3.6\n")
        #expect {
            _ = try s.analyze { $0.tracks = [path] }
        } throws: { error in
            guard let e = error as? CakupanError, e.isUserError else { return false }
            return "\(e)".contains("fixes.csv, row 3 (line 4), field 'time': cannot read timestamp '2024-13-45 99:00'")
        }
    }

    /// A fix 42 km away between two ordinary ones is a GPS jump: dropped and counted, and the track
    /// goes straight from the fix before it to the fix after it.
    @Test func jumpsAreDroppedAndCounted() throws {
        let s = try TrackScene()
        s.scene.sites = [("\"id\":\"S1\"", Coordinate(x: 0, y: 0))]
        var fixes = stride(from: 0.0, through: 300, by: 30).map { t in (t, -1000 + 10 * t, 0.0) }
        fixes[5] = (150, 30_000, 30_000)
        let path = try s.gpx("track.gpx", [("P1", fixes)])
        let (r, files, _) = try s.analyze { $0.tracks = [path] }
        let t = try #require(r.temporal)
        #expect(t.result.droppedJumps == 1)
        #expect(t.result.keptFixes == 10)
        #expect(t.jumps.count == 1 && t.jumps[0].unit == "P1" && t.jumps[0].time == TrackScene.t0 + 150)
        // The segment from 120 s to 180 s replaces the jump: the unit passes the site at 100 s.
        let v = try #require(r.sites[0].temporal).row
        #expect(abs(try #require(v.firstVisit) - (TrackScene.t0 + 50)) < 0.01)
        #expect(abs(try #require(v.lastVisit) - (TrackScene.t0 + 150)) < 0.01)
        let jumps = try #require(try summary(files)["temporal"] as? [String: Any])["jumps"] as? [[String: Any]]
        #expect(jumps?.first?["time"] as? String == "2024-11-27T08:02:30+07:00")
    }

    /// A bad first fix: the two fixes after it agree with each other, so the first is the jump (not
    /// the second, which the speed rule rejects first).
    @Test func badFirstFixIsTheJump() throws {
        let s = try TrackScene()
        s.scene.sites = [("\"id\":\"S1\"", Coordinate(x: 0, y: 0))]
        var fixes = stride(from: 0.0, through: 300, by: 30).map { t in (t, -1000 + 10 * t, 0.0) }
        fixes[0] = (0, 40_000, 0)
        let path = try s.gpx("track.gpx", [("P2", fixes)])
        let (r, _, _) = try s.analyze { $0.tracks = [path] }
        let t = try #require(r.temporal)
        #expect(t.result.droppedJumps == 1 && t.result.keptFixes == 10)
        #expect(t.jumps.map(\.time) == [TrackScene.t0])
        let v = try #require(r.sites[0].temporal).row
        #expect(abs(try #require(v.firstVisit) - (TrackScene.t0 + 50)) < 0.01)
        // The window starts at the first kept fix (30 s).
        #expect(t.result.window?.lowerBound == TrackScene.t0 + 30)
    }

    /// Point layers with a time field through GDAL: unit from `unit`, else the file's name.
    @Test func geoJSONPointsWithTimes() throws {
        let s = try TrackScene()
        s.scene.sites = [("\"id\":\"S1\"", Coordinate(x: 0, y: 0))]
        func features(_ unit: String?) throws -> String {
            try (0...4).map { i -> String in
                let ll = try s.scene.lonLat(Coordinate(x: Double(i) * 100, y: 0))
                let u = unit.map { "\"unit\":\"\($0)\"," } ?? ""
                return
                    "{\"type\":\"Feature\",\"properties\":{\(u)\"waktu\":\"2024-11-27T08:0\(i):00+07:00\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(ll.x),\(ll.y)]}}"
            }.joined(separator: ",\n")
        }
        let named = try s.write("named.geojson", "{\"type\":\"FeatureCollection\",\"features\":[\n\(try features("BRIMOB-1"))\n]}\n")
        let unnamed = try s.write("kendaraan7.geojson", "{\"type\":\"FeatureCollection\",\"features\":[\n\(try features(nil))\n]}\n")
        let (r, files, warnings) = try s.analyze { $0.tracks = [named, unnamed] }
        #expect(r.temporal?.result.units == 2)
        let v = try #require(r.sites[0].temporal).row
        #expect(v.visits == 2 && v.units == 2)
        #expect(abs(v.dwellSeconds - 480) < 0.01)
        #expect(warnings.messages.contains { $0.contains("kendaraan7.geojson") && $0.contains("unit 'kendaraan7'") })
        let csv = String(decoding: try #require(files["visits.csv"]), as: UTF8.self)
        #expect(csv.contains("S1,BRIMOB-1,2024-11-27T08:00:00+07:00,2024-11-27T08:04:00+07:00,240"))
        #expect(csv.contains("S1,kendaraan7,"))
    }

    /// Patrol hours and km inside an area; attended share of a rawan zone (grown by the visit radius).
    @Test func areaEffortAndZoneAttendance() throws {
        let s = try TrackScene()
        s.scene.areas = [
            ("\"kode\":\"A\",\"nama\":\"Kiri\"", .polygon(Polygon(exterior: Scene.rect(-5000, -5000, 0, 5000)))),
            ("\"kode\":\"B\",\"nama\":\"Kanan\"", .polygon(Polygon(exterior: Scene.rect(0, -5000, 5000, 5000)))),
        ]
        s.scene.sites = [("\"id\":\"S1\"", Coordinate(x: 4000, y: 4000))]
        // A 200 m square zone around (2000, 0); grown by 100 m it spans x 1800…2200.
        s.scene.zones = [("\"id\":\"Z1\"", .polygon(Polygon(exterior: Scene.rect(1900, -100, 2100, 100))))]
        // 3 km east along y = 0 from x = −1000 at 10 m/s: 1 km (100 s) in A, 2 km (200 s) in B.
        let fixes = stride(from: 0.0, through: 300, by: 30).map { t in (t, -1000 + 10 * t, 0.0) }
        let path = try s.gpx("track.gpx", [("P1", fixes)])
        let (r, files, _) = try s.analyze {
            $0.tracks = [path]
            $0.visitRadius = 100
        }
        #expect(abs((r.areas[0].patrolMetres ?? 0) - 1000) < 0.01)
        #expect(abs((r.areas[1].patrolMetres ?? 0) - 2000) < 0.01)
        #expect(abs((r.areas[0].patrolSeconds ?? 0) - 100) < 0.01)
        let b = try properties(files, "areas.geojson", id: "B")
        #expect(abs(seconds(b["patrol_km"]) - 2) < 1e-6)
        #expect(abs(seconds(b["patrol_hours"]) - 200.0 / 3600) < 1e-3)
        // Inside the grown zone from x = 1800 (t = 280 s) to the end of the window (300 s): 20 of 300 s.
        #expect(abs((r.zones[0].attendedShare ?? 0) - 20.0 / 300) < 1e-6)
        let z = try properties(files, "zones.geojson", id: "Z1")
        #expect(abs(seconds(z["attended_share"]) - 20.0 / 300) < 1e-6)
    }

    /// A stale tinggi KPU becomes a hotspot scored 3,000,000 + unattended hours × 1,000; a stale
    /// rendah site does not.
    @Test func staleSitesAreHotspots() throws {
        let s = try TrackScene()
        s.scene.sites = [
            ("\"id\":\"K1\",\"nama\":\"KPU Kota\",\"kategori\":\"kpu\",\"prioritas\":\"tinggi\"", Coordinate(x: 0, y: 0)),
            ("\"id\":\"R1\",\"kategori\":\"tps\",\"prioritas\":\"rendah\"", Coordinate(x: 0, y: 300)),
        ]
        // A fix every 5 min: parked 250 m from both for 3 h, 3 km away until 8.25 h, back until 9.2 h.
        let fixes: [(Double, Double, Double)] = stride(from: 0.0, through: 9.2 * 3600, by: 300).map { t in
            (t, t <= 3 * 3600 || t >= 29_700 ? 200 : 3200, 150)
        }
        let path = try s.gpx("track.gpx", [("P1", fixes)])
        let (r, files, _) = try s.analyze {
            $0.tracks = [path]
            $0.visitRadius = 300
        }
        let k = try #require(r.sites[0].temporal).row
        #expect(k.stale)
        let h = try #require(r.hotspots.first { $0.ref == "K1" })
        #expect(h.kind == .site && h.level == .tinggi)
        let hoursAway = k.maxUnattendedSeconds / 3600
        #expect(abs(h.score - (3_000_000 + hoursAway * 1000)) < 0.01)
        #expect(h.reason.hasPrefix("KPU tidak dikunjungi selama "))
        #expect(h.reason.contains(" jam (prioritas tinggi, batas 2 jam)"))
        #expect(h.reasonEnglish.hasPrefix("KPU unattended for "))
        #expect(r.hotspots.allSatisfy { $0.ref != "R1" })
        #expect(r.totals.hotspots == r.hotspots.count)
        let json = try JSONSerialization.jsonObject(with: try #require(files["hotspots.geojson"])) as! [String: Any]
        let props = (json["features"] as! [[String: Any]]).map { $0["properties"] as! [String: Any] }
        #expect(abs(seconds(props.first { $0["ref"] as? String == "K1" }?["unattended_s"]) - k.maxUnattendedSeconds) < 0.01)
    }

    /// Per-category radius and limit: a gudang with 100 m radius is not visited by a unit 200 m away
    /// that visits the KPU next to it; a 1 h limit for kpu makes the KPU stale.
    @Test func perCategoryRadiusAndLimit() throws {
        let s = try TrackScene()
        s.scene.sites = [
            ("\"id\":\"G\",\"kategori\":\"gudang\"", Coordinate(x: 0, y: 0)),
            ("\"id\":\"K\",\"kategori\":\"kpu\"", Coordinate(x: 0, y: 10)),
        ]
        let fixes: [(Double, Double, Double)] = stride(from: 0.0, through: 7200, by: 120).map { ($0, $0 < 1800 ? 200 : 3000, 0) }
        let path = try s.gpx("track.gpx", [("P1", fixes)])
        let (r, files, _) = try s.analyze {
            $0.tracks = [path]
            $0.radiusFor = ["gudang": 100]
            $0.maxUnattendedFor = ["kpu": 3600]
        }
        #expect(r.sites[0].temporal?.row.visits == 0)
        #expect(r.sites[0].temporal?.visitRadius == 100)
        #expect(r.sites[1].temporal?.row.visits == 1)
        #expect(r.sites[1].temporal?.limitSeconds == 3600)
        #expect(r.sites[1].temporal?.row.stale == true)
        let g = try properties(files, "sites.geojson", id: "G")
        #expect(seconds(g["visit_radius_m"]) == 100 && seconds(g["unattended_limit_s"]) == 7200)
    }

    /// Temporal analysis needs one CRS: inputs spanning UTM zones are refused.
    @Test func perZoneInputsAreRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cakupan-pz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func square(_ lon: Double) -> String {
            "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[\(lon),-3],[\(lon + 0.1),-3],[\(lon + 0.1),-2.9],[\(lon),-2.9],[\(lon),-3]]]}}"
        }
        let areas = dir.appendingPathComponent("areas.geojson")
        try "{\"type\":\"FeatureCollection\",\"features\":[\(square(96)),\(square(112))]}".write(
            to: areas, atomically: true, encoding: .utf8)
        let fixes = dir.appendingPathComponent("fixes.csv")
        try "unit,time,lon,lat\nA,2024-11-27 08:00,96.05,-2.95\n".write(to: fixes, atomically: true, encoding: .utf8)
        var c = OperationConfig()
        c.areas = areas.path
        c.temporal.tracks = [fixes.path]
        var warnings = Warnings()
        #expect {
            _ = try Pipeline.analyze(c, parameters: try c.parameters(), warnings: &warnings)
        } throws: { error in
            "\(error)".contains("temporal analysis (--tracks) needs one projected CRS") && "\(error)".contains("--crs EPSG:")
        }
    }

    /// Without tracks nothing temporal is written.
    @Test func noTracksNoTemporalOutput() throws {
        let s = try TrackScene()
        s.scene.sites = [("\"id\":\"S1\"", Coordinate(x: 0, y: 0))]
        let (r, files, warnings) = try s.analyze { $0.visitRadius = 300 }
        #expect(r.temporal == nil)
        #expect(files["visits.csv"] == nil)
        #expect(try summary(files)["temporal"] == nil)
        #expect(try properties(files, "sites.geojson", id: "S1")["visits"] == nil)
        #expect(warnings.messages.contains { $0.contains("have no effect without --tracks") })
    }
}
