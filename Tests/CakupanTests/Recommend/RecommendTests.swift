import Cakupan
import CakupanGeometry
import CakupanPROJ
import Foundation
import Testing

/// Post recommendations through the whole pipeline (GDAL reading, PROJ, GEOS, CBC), on instances
/// worked by hand in UTM metres.
@Suite struct RecommendTests {
    /// Writes candidate points (drawn in the scene's metres) as a GeoJSON file.
    func candidates(_ s: Scene, _ points: [(String, Double, Double)]) throws -> String {
        let body = try points.map { id, x, y in
            let ll = try s.lonLat(Coordinate(x: x, y: y))
            return
                "{\"type\":\"Feature\",\"properties\":{\"id\":\"\(id)\",\"nama\":\"Pos \(id)\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(ll.x),\(ll.y)]}}"
        }
        let url = s.directory.appendingPathComponent("candidates.geojson")
        try ("{\"type\":\"FeatureCollection\",\"features\":[" + body.joined(separator: ",") + "]}").write(
            to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func run(_ s: Scene, _ mode: RecommendMode, candidates file: String?, configure: (inout OperationConfig) -> Void = { _ in }) throws
        -> RunOutcome
    {
        var c = try s.config()
        c.recommend.mode = mode
        if let file { c.candidateInputs = [InputSpec(path: file)] }
        configure(&c)
        return try Pipeline.run(RunRequest(config: c))
    }

    /// Three sites and a patrol 20 km away (none covered). Radius 500 m. Candidate P at (400, 0)
    /// reaches A (tinggi, 3) at 400 m and B (sedang, 2) at 400 m; Q at (5000, 300) reaches C
    /// (rendah, 1) at 300 m. By hand: N = 1 → P, weight 5; N = 2 → P then Q, weight 6.
    func threeSites() throws -> (Scene, String) {
        let s = try Scene()
        s.patrols = [("\"name\":\"FAR\"", Scene.line((-5000, 20_000), (10_000, 20_000)))]
        s.sites = [
            ("\"id\":\"A\",\"prioritas\":\"tinggi\",\"kategori\":\"kpu\"", Coordinate(x: 0, y: 0)),
            ("\"id\":\"B\",\"prioritas\":\"sedang\",\"kategori\":\"tps\"", Coordinate(x: 800, y: 0)),
            ("\"id\":\"C\",\"prioritas\":\"rendah\",\"kategori\":\"tps\"", Coordinate(x: 5000, y: 0)),
        ]
        return (s, try candidates(s, [("P", 400, 0), ("Q", 5000, 300)]))
    }

    @Test func threeSitesTwoCandidatesKnownAnswer() throws {
        let (s, file) = try threeSites()
        let one = try #require(try run(s, .posts(1), candidates: file).result.recommendations)
        #expect(one.posts.map(\.id) == ["P"])
        #expect(one.objective == 5 && one.optimal && one.bound == 5)
        #expect(one.posts[0].siteIDs == ["A", "B"])
        #expect(abs(one.posts[0].nearestPatrolMetres! - 20_000) < 1e-3)
        #expect(one.posts[0].reason.hasPrefix("Pos 1 di dekat Pos P: menjangkau 1 lokasi prioritas tinggi"))
        #expect(one.posts[0].reason.hasSuffix("kini 20 km dari patroli terdekat"))
        #expect(one.before.sitesCovered == 0 && one.after.sitesCovered == 2 && one.after.highCovered == 1)
        let two = try #require(try run(s, .posts(2), candidates: file).result.recommendations)
        #expect(two.posts.map(\.id) == ["P", "Q"])
        #expect(two.posts.map(\.gain) == [5, 1])
        #expect(two.objective == 6 && two.after.sitesCovered == 3)
    }

    /// N larger than needed: 5 posts allowed, 2 cover everything; only those 2 are placed.
    @Test func moreThanNeeded() throws {
        let (s, file) = try threeSites()
        let rec = try #require(try run(s, .posts(5), candidates: file).result.recommendations)
        #expect(rec.posts.map(\.id) == ["P", "Q"])
        #expect(rec.objective == 6 && rec.optimal && rec.uncoverable.isEmpty)
    }

    /// Two candidates covering the same sites: the first in input order, on every run.
    @Test func tiesGoToTheFirstCandidate() throws {
        let (s, _) = try threeSites()
        let file = try candidates(s, [("Q2", 5000, 300), ("P1", 400, 0), ("P2", 400, 10)])
        for _ in 0..<3 {
            let rec = try #require(try run(s, .posts(1), candidates: file).result.recommendations)
            #expect(rec.posts.map(\.id) == ["P1"])
            #expect(rec.objective == 5)
        }
    }

    /// Candidates all farther than the radius: no post, everything listed as unreachable, a warning.
    @Test func noCandidateWithinReach() throws {
        let (s, _) = try threeSites()
        let file = try candidates(s, [("X", 0, 3000)])
        let outcome = try run(s, .posts(2), candidates: file)
        let rec = try #require(outcome.result.recommendations)
        #expect(rec.posts.isEmpty && rec.objective == 0)
        #expect(rec.uncoverable == [0, 1, 2])
        #expect(outcome.warnings.messages.contains { $0.contains("no post can reach") })
    }

    /// Without --candidates every demand point is a candidate; `--post-radius` changes the reach:
    /// with 1 km the post at B (800 m from A) reaches A and B.
    @Test func demandPointsAsCandidatesAndPostRadius() throws {
        let (s, _) = try threeSites()
        let rec = try #require(try run(s, .posts(1), candidates: nil) { $0.recommend.postRadius = 1000 }.result.recommendations)
        #expect(rec.candidateSource == "demand")
        #expect(rec.objective == 5)
        #expect(rec.posts[0].siteIDs.sorted() == ["A", "B"])
        let w = try #require(try run(s, .posts(1), candidates: nil) { $0.recommend.weights[.rendah] = 10 }.result.recommendations)
        #expect(w.posts[0].siteIDs == ["C"] && w.objective == 10)
    }

    /// Cover mode: the fewest posts reaching every uncovered tinggi site; one no candidate reaches
    /// is listed as such.
    @Test func coverEveryTinggiSite() throws {
        let s = try Scene()
        s.patrols = [("\"name\":\"FAR\"", Scene.line((-5000, 20_000), (30_000, 20_000)))]
        s.sites = [
            ("\"id\":\"A\",\"prioritas\":\"tinggi\"", Coordinate(x: 0, y: 0)),
            ("\"id\":\"B\",\"prioritas\":\"tinggi\"", Coordinate(x: 600, y: 0)),
            ("\"id\":\"D\",\"prioritas\":\"tinggi\"", Coordinate(x: 10_000, y: 0)),
            ("\"id\":\"E\",\"prioritas\":\"tinggi\"", Coordinate(x: 25_000, y: 0)),
            ("\"id\":\"F\",\"prioritas\":\"rendah\"", Coordinate(x: 12_000, y: 0)),
        ]
        let file = try candidates(s, [("P", 0, 100), ("Q", 300, 0), ("R", 10_000, 100), ("S", 600, 100)])
        let rec = try #require(try run(s, .cover, candidates: file).result.recommendations)
        #expect(rec.posts.map(\.id).sorted() == ["Q", "R"])
        #expect(rec.optimal && rec.bound == 2)
        #expect(rec.uncoverable.map { rec.demand[$0] }.map(\.ref) == [.site(3)])
    }

    /// Per-zone mode measures true metres, as a site's `covered`: near the edge of UTM zones 47/48
    /// (102°E, k ≈ 1.00097) a candidate 499.8 true metres from a site reaches it and one 500.3 m
    /// away does not (in the plane of zone 48 the first would be 500.29 m: out of reach).
    @Test func perZoneTrueMetres() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cakupan-rec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let g = Geodesic()
        let a = Coordinate(x: 102.0001, y: -3.0)
        let b = Coordinate(x: 130.0, y: -3.0)
        let near = g.direct(from: a, azimuth: 0, distance: 499.8)
        let far = g.direct(from: b, azimuth: 90, distance: 500.3)
        func point(_ id: String, _ c: Coordinate, _ extra: String = "") -> String {
            "{\"type\":\"Feature\",\"properties\":{\"id\":\"\(id)\"\(extra)},\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(c.x),\(c.y)]}}"
        }
        func collection(_ name: String, _ f: [String]) throws -> String {
            let url = dir.appendingPathComponent(name)
            try ("{\"type\":\"FeatureCollection\",\"features\":[" + f.joined(separator: ",") + "]}").write(
                to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        var c = OperationConfig()
        c.sites = try collection("sites.geojson", [point("A", a, ",\"prioritas\":\"tinggi\""), point("B", b, ",\"prioritas\":\"tinggi\"")])
        c.candidateInputs = [InputSpec(path: try collection("cand.geojson", [point("near", near), point("far", far)]))]
        c.recommend.mode = .posts(2)
        let outcome = try Pipeline.run(RunRequest(config: c))
        #expect(outcome.result.perZone)
        let rec = try #require(outcome.result.recommendations)
        #expect(rec.posts.map(\.id) == ["near"])
        #expect(rec.uncoverable.count == 1)
    }

    /// The same run gives the same bytes (the solver's seconds are not written), and a run without
    /// --recommend writes no recommendations.
    @Test func deterministicFilesAndNothingWithoutRecommend() throws {
        let (s, file) = try threeSites()
        let first = try run(s, .posts(2), candidates: file).files
        let second = try run(s, .posts(2), candidates: file).files
        #expect(first.map(\.name) == second.map(\.name))
        #expect(zip(first, second).allSatisfy { $0.data == $1.data })
        #expect(first.contains { $0.name == "recommendations.geojson" })
        var c = try s.config()
        c.candidateInputs = [InputSpec(path: file)]
        let plain = try Pipeline.run(RunRequest(config: c))
        #expect(!plain.files.contains { $0.name == "recommendations.geojson" })
        let summary = String(decoding: plain.files.first { $0.name == "summary.json" }!.data, as: UTF8.self)
        #expect(!summary.contains("\"recommendations\""))
        #expect(plain.warnings.messages.contains { $0.contains("no effect without --recommend") })
    }

    /// Bad values are refused with the reason before any file is read.
    @Test func badValuesRefused() throws {
        func fails(_ body: () throws -> Void) -> Bool { (try? body()) == nil }
        #expect(fails { _ = try RecommendConfig.fromFlags(recommend: "0", postRadius: nil, weights: [], solveTime: nil) })
        #expect(fails { _ = try RecommendConfig.fromFlags(recommend: "2.5", postRadius: nil, weights: [], solveTime: nil) })
        #expect(fails { _ = try RecommendConfig.fromFlags(recommend: "5", postRadius: "0", weights: [], solveTime: nil) })
        #expect(fails { _ = try RecommendConfig.fromFlags(recommend: "5", postRadius: nil, weights: ["tinggi=0"], solveTime: nil) })
        #expect(fails { _ = try RecommendConfig.fromFlags(recommend: "5", postRadius: nil, weights: [], solveTime: "0") })
        let ok = try RecommendConfig.fromFlags(recommend: "cover", postRadius: "1,5 km", weights: ["high=5"], solveTime: "2m")
        #expect(ok.mode == .cover && ok.postRadius == 1500 && ok.weight(.tinggi) == 5 && ok.weight(.sedang) == 2 && ok.solveTime == 120)
    }

    /// A candidates file of lines is refused, naming the feature.
    @Test func candidatesMustBePoints() throws {
        let (s, _) = try threeSites()
        let url = s.directory.appendingPathComponent("lines.geojson")
        let a = try s.lonLat(Coordinate(x: 0, y: 0))
        let b = try s.lonLat(Coordinate(x: 100, y: 0))
        try
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[\(a.x),\(a.y)],[\(b.x),\(b.y)]]}}]}"
            .write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: CakupanError.self) { _ = try run(s, .posts(1), candidates: url.path) }
    }
}

/// Demand beyond uncovered sites, through `Pipeline.run`: a rawan zone's gap (one point inside it)
/// and, with GPS tracks, a site the patrols cover but leave unattended too long.
@Suite struct RecommendDemandTests {
    /// Zone Z1 (tinggi, 0…1000 × 0…1000) lies 1 km and more from the only patrol, a route along
    /// y = 100 from x = 2500 to 3700 (r = 500), which covers zone Z2 (3000…3200 × 0…200) whole.
    /// Z1's gap is all of it; its point inside (GEOS point-on-surface: the middle of the scan line
    /// through the middle of the box) is (500, 500), weight 3. Candidate P at (500, 500) reaches it,
    /// Q at (500, 1100) is 600 m away. By hand: one post, P, gain 3, covering zone Z1; zone area
    /// covered before = Z2's 40,000 m², after = that plus P's circle (a 32-gon of r = 500 inside the
    /// square, touching its sides) = 40,000 + 780,361 m²; P is √(2000² + 400²) = 2,039.6 m from the
    /// route's end (2500, 100).
    @Test func zoneGapDemandPoint() throws {
        let s = try Scene()
        s.areas = [("\"kode\":\"K\",\"nama\":\"Kecamatan Satu\"", .polygon(Polygon(exterior: Scene.rect(-3000, -3000, 8000, 8000))))]
        s.zones = [
            ("\"id\":\"Z1\",\"nama\":\"Simpang Lima\",\"tingkat\":\"tinggi\"", .polygon(Polygon(exterior: Scene.rect(0, 0, 1000, 1000)))),
            ("\"id\":\"Z2\",\"nama\":\"Pasar\",\"tingkat\":\"sedang\"", .polygon(Polygon(exterior: Scene.rect(3000, 0, 3200, 200)))),
        ]
        s.sites = [("\"id\":\"S1\",\"prioritas\":\"tinggi\",\"kategori\":\"kpu\"", Coordinate(x: 3100, y: 100))]
        s.patrols = [("\"name\":\"R\"", Scene.line((2500, 100), (3700, 100)))]
        let file = try RecommendTests().candidates(s, [("P", 500, 500), ("Q", 500, 1100)])
        let outcome = try RecommendTests().run(s, .posts(2), candidates: file)
        let rec = try #require(outcome.result.recommendations)
        #expect(rec.demand.count == 1)
        let demand = try #require(rec.demand.first)
        #expect(demand.cause == .zoneGap && demand.ref == .zone(0) && demand.level == .tinggi && demand.weight == 3)
        let inside = try s.lonLat(Coordinate(x: 500, y: 500))
        #expect(abs(demand.point.x - inside.x) < 1e-6 && abs(demand.point.y - inside.y) < 1e-6)
        #expect(demand.areaID == "K")
        #expect(rec.posts.map(\.id) == ["P"])
        let post = rec.posts[0]
        #expect(post.gain == 3 && post.zoneIDs == ["Z1"] && post.siteIDs.isEmpty && post.areaID == "K")
        #expect(abs(post.nearestPatrolMetres! - (2000.0 * 2000 + 400 * 400).squareRoot()) < 0.01)
        #expect(post.reason == "Pos 1 di dekat Pos P: menjangkau celah 1 zona rawan (Simpang Lima); kini 2 km dari patroli terdekat")
        #expect(rec.objective == 3 && rec.optimal)
        #expect(abs(rec.before.zoneCoveredM2 - 40_000) < 0.01)
        #expect(abs(rec.after.zoneCoveredM2 - (40_000 + polygon32(500))) < 1)
        #expect(rec.before.sitesCovered == 1 && rec.after.sitesCovered == 1)
        // The zone's hotspot is resolved by post 1.
        let groups = HotspotAction.groups(outcome.result)
        #expect(groups.map(\.cause) == [.zoneGap])
        #expect(groups[0].areaID == "K" && groups[0].posts == [1])
        // summary.json counts the demand by cause.
        let summary = try JSONSerialization.jsonObject(with: outcome.files.first { $0.name == "summary.json" }!.data) as! [String: Any]
        let demandCounts = (summary["recommendations"] as! [String: Any])["demand"] as! [String: Any]
        #expect(demandCounts["zone_gap"] as? Int == 1 && demandCounts["uncovered"] as? Int == 0 && demandCounts["stale"] as? Int == 0)
    }

    /// GPS tracks: a route along y = 0 from x = −1000 to 6000 covers S1 (kpu, tinggi, at 0, 0) and
    /// S2 (tps, sedang, at 5000, 0); U (kpu, tinggi, at 0, 3000) is 3 km from it. One unit stays at
    /// (10, 0) for the hour 08:00–09:00 (a fix a minute): S1 is attended throughout, S2 and U never
    /// (3,600 s > the 1,800 s limit). Demand: S2 as stale (the patrols cover it), U as uncovered (it
    /// is uncovered first). Candidates = the demand points, r = 500. By hand: post 1 at U (gain 3),
    /// post 2 at S2 (gain 2, 0 m from the route); sites covered 2 → 3, tinggi 1 → 2, stale sites
    /// under a post 0 → 1.
    @Test func staleSiteIsDemandWithTracks() throws {
        let s = try TrackScene()
        s.scene.sites = [
            ("\"id\":\"S1\",\"prioritas\":\"tinggi\",\"kategori\":\"kpu\"", Coordinate(x: 0, y: 0)),
            ("\"id\":\"S2\",\"prioritas\":\"sedang\",\"kategori\":\"tps\"", Coordinate(x: 5000, y: 0)),
            ("\"id\":\"U\",\"prioritas\":\"tinggi\",\"kategori\":\"kpu\"", Coordinate(x: 0, y: 3000)),
        ]
        s.scene.patrols = [("\"name\":\"R\"", Scene.line((-1000, 0), (6000, 0)))]
        let path = try s.gpx("track.gpx", [("P1", stride(from: 0.0, through: 3600, by: 60).map { ($0, 10.0, 0.0) })])
        var c = try s.scene.config()
        c.temporal.tracks = [path]
        c.temporal.maxUnattended = 1800
        c.recommend.mode = .posts(2)
        let outcome = try Pipeline.run(RunRequest(config: c))
        let r = outcome.result
        #expect(r.sites.map(\.covered) == [true, true, false])
        #expect(r.sites.map { $0.temporal?.row.stale } == [false, true, true])
        let rec = try #require(r.recommendations)
        #expect(rec.demand.map(\.cause) == [.stale, .uncovered])
        #expect(rec.demand.map(\.ref) == [.site(1), .site(2)])
        #expect(rec.posts.map(\.id) == ["U", "S2"])
        #expect(rec.posts.map(\.gain) == [3, 2])
        #expect(rec.posts[1].siteIDs == ["S2"])
        #expect(abs(rec.posts[0].nearestPatrolMetres! - 3000) < 20)
        #expect(rec.posts[1].nearestPatrolMetres! < 0.01)
        #expect(
            rec.posts[1].reason
                == "Pos 2 di dekat S2: menjangkau 1 lokasi yang terlalu lama tak didatangi patroli; kini 0 m dari patroli terdekat")
        #expect(rec.posts[1].reasonEnglish == "Post 2 near S2: reaches 1 site left unattended too long; now 0 m from the nearest patrol")
        #expect(rec.objective == 5 && rec.optimal)
        #expect(rec.before.sitesCovered == 2 && rec.after.sitesCovered == 3)
        #expect(rec.before.highCovered == 1 && rec.after.highCovered == 2)
        #expect(rec.before.staleAttended == 0 && rec.after.staleAttended == 1)
        // The hotspots as actions: U's group by post 1, S2's (stale) by post 2.
        let groups = HotspotAction.groups(r)
        #expect(Set(groups.map(\.cause)) == [.uncovered, .stale])
        for g in groups { #expect(g.posts == (g.cause == .uncovered ? [1] : [2])) }
    }
}
