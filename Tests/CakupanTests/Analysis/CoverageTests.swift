import Cakupan
import CakupanGeometry
import Foundation
import Testing

/// Hand-worked coverage figures: shapes drawn in UTM metres, answers computed on paper.
@Suite struct CoverageTests {
    /// A straight 10 km route with radius 500 m covers a 10,000 × 1,000 m rectangle plus two half
    /// 32-gons: 10,000,000 + 16·500²·sin(π/16) m².
    /// Many routes in one CRS are unioned in a western and an eastern half on two cores, then joined
    /// (`GroupWork.halves`): 250 north–south routes of 2 km, 1.5 km apart (disjoint buffers), and one
    /// east–west route through all of them at y = 1 km, so the union is one piece across the seam.
    /// By hand: the 250 stadiums, plus the east–west band between the first and last route
    /// (its round ends lie inside the first and last stadium), minus the band's overlap with each
    /// stadium (1 km × 1 km inside, 0.5 km × 1 km at the two ends).
    @Test func unionInHalvesKeepsTheArea() throws {
        let s = try Scene()
        let count = 250
        let spacing = 1500.0
        s.patrols = (0..<count).map { i in ("\"name\":\"N\(i)\"", Scene.line((Double(i) * spacing, 0), (Double(i) * spacing, 2000))) }
        let length = Double(count - 1) * spacing
        s.patrols.append(("\"name\":\"EW\"", Scene.line((0, 1000), (length, 1000))))
        s.sites = [("\"id\":\"a\"", Coordinate(x: 750, y: 1000))]
        let (r, _, _) = try s.analyze()
        let stadiums = Double(count) * (2000 * 1000 + polygon32(500))
        let overlaps = Double(count - 2) * 1000 * 1000 + 2 * 500 * 1000
        let expected = stadiums + length * 1000 - overlaps
        #expect(abs(r.totals.coverageM2 - expected) / expected < 1e-9, "\(r.totals.coverageM2) vs \(expected)")
        #expect(r.coverage?.polygons.count == 1)
    }

    @Test func straightRouteCoverageArea() throws {
        let s = try Scene()
        s.patrols = [("\"name\":\"P1\"", Scene.line((0, 0), (10_000, 0)))]
        s.sites = [("\"id\":\"a\"", Coordinate(x: 5000, y: 0))]
        let (r, _, _) = try s.analyze()
        let expected = 10_000_000 + polygon32(500)
        #expect(abs(r.totals.coverageM2 - expected) < 1e-3)
    }

    /// 499 m from the route is covered, 501 m is not; distances are exact to a micrometre.
    @Test func siteCoveredWithinRadiusOnly() throws {
        let s = try Scene()
        s.patrols = [("\"name\":\"P1\"", Scene.line((0, 0), (10_000, 0)))]
        s.sites = [
            ("\"id\":\"near\",\"prioritas\":\"tinggi\"", Coordinate(x: 5000, y: 499)),
            ("\"id\":\"far\",\"prioritas\":\"tinggi\"", Coordinate(x: 5000, y: -501)),
            ("\"id\":\"end\"", Coordinate(x: 10_300, y: 400)),  // beyond the end: distance 500 exactly
        ]
        let (r, _, _) = try s.analyze()
        #expect(r.sites.map(\.covered) == [true, false, true])
        #expect(abs(r.sites[0].distance! - 499) < 1e-6)
        #expect(abs(r.sites[1].distance! - 501) < 1e-6)
        #expect(abs(r.sites[2].distance! - 500) < 1e-6)
        #expect(r.sites.allSatisfy { $0.nearestPatrol == "P1" })
        #expect(r.hotspots.map(\.ref) == ["far"])
        #expect(abs(r.hotspots[0].score - (3_000_000 + 1)) < 1e-6)
    }

    /// A per-patrol radius_m overrides --radius: a site 800 m from a patrol of radius 1000 is covered
    /// even though a nearer patrol (600 m, radius 500) does not cover it.
    @Test func perPatrolRadiusOverride() throws {
        let s = try Scene()
        s.patrols = [
            ("\"name\":\"near\"", Scene.line((0, 600), (1000, 600))),
            ("\"name\":\"wide\",\"radius_m\":1000", Scene.line((0, -800), (1000, -800))),
        ]
        s.sites = [("\"id\":\"x\"", Coordinate(x: 500, y: 0))]
        let (r, _, _) = try s.analyze()
        #expect(r.sites[0].nearestPatrol == "near")
        #expect(r.sites[0].covered)
        #expect(abs(r.sites[0].shortfall! - (-200)) < 1e-6)
    }

    /// A 200 × 200 m zone straddling the buffer's straight edge (y = 500) is half covered.
    @Test func zoneHalfInsideBuffer() throws {
        let s = try Scene()
        s.patrols = [("\"name\":\"P1\"", Scene.line((0, 0), (10_000, 0)))]
        s.zones = [("\"id\":\"Z1\",\"tingkat\":\"tinggi\"", .polygon(Polygon(exterior: Scene.rect(4000, 400, 4200, 600))))]
        let (r, _, _) = try s.analyze()
        #expect(abs(r.zones[0].areaM2 - 40_000) < 1e-4)
        #expect(abs(r.zones[0].coveredShare - 0.5) < 1e-6)
        // Below the default 0.8: a hotspot, scored tinggi + √(20,000 m²).
        #expect(r.hotspots.count == 1)
        #expect(r.hotspots[0].kind == .zone)
        #expect(abs(r.hotspots[0].score - (3_000_000 + 20_000.0.squareRoot())) < 1e-3)
        #expect(abs(r.hotspots[0].gapM2! - 20_000) < 1e-3)
    }

    /// A point zone becomes a 32-gon of its radius_m (else --rawan-radius).
    @Test func pointZonesUseTheirRadius() throws {
        let s = try Scene()
        s.zones = [
            ("\"id\":\"A\",\"radius_m\":200", .point(Coordinate(x: 0, y: 0))),
            ("\"id\":\"B\"", .point(Coordinate(x: 5000, y: 0))),
        ]
        let (r, _, _) = try s.analyze { $0.rawanRadius = 300 }
        #expect(abs(r.zones[0].areaM2 - polygon32(200)) < 1e-3)
        #expect(abs(r.zones[1].areaM2 - polygon32(300)) < 1e-3)
        #expect(r.zones.allSatisfy { $0.coveredM2 == 0 })
    }

    /// An area with a hole and a multipolygon area. Route along y = 1000 (r = 500) covers the strip
    /// 500…1500 of the 2 km square: 2,000,000 m², less the 1,000,000 m² hole = 1,000,000 of 3,000,000.
    @Test func areasWithHolesAndMultipolygons() throws {
        let s = try Scene()
        s.areas = [
            (
                "\"kode\":\"A\",\"nama\":\"Berlubang\"",
                .polygon(Polygon(exterior: Scene.rect(0, 0, 2000, 2000), holes: [Scene.rect(500, 500, 1500, 1500)]))
            ),
            (
                "\"kode\":\"B\",\"nama\":\"Kepulauan\"",
                .multiPolygon([Polygon(exterior: Scene.rect(5000, 0, 6000, 1000)), Polygon(exterior: Scene.rect(7000, 0, 8000, 1000))])
            ),
        ]
        s.patrols = [("\"name\":\"P\"", Scene.line((-1000, 1000), (3000, 1000)))]
        s.sites = [("\"id\":\"in-hole\"", Coordinate(x: 1000, y: 1000)), ("\"id\":\"island\"", Coordinate(x: 7500, y: 500))]
        let (r, _, _) = try s.analyze()
        #expect(abs(r.areas[0].areaM2 - 3_000_000) < 0.01)
        #expect(abs(r.areas[0].coveredM2 - 1_000_000) < 0.01)
        #expect(abs(r.areas[0].coverageShare - 1.0 / 3) < 1e-9)
        #expect(abs(r.areas[1].areaM2 - 2_000_000) < 0.01)
        #expect(r.areas[1].coveredM2 == 0)
        #expect(r.areas.map(\.area.name) == ["Berlubang", "Kepulauan"])
        // The site in the hole belongs to no area; the island site to B.
        #expect(r.sites.map(\.areaID) == [nil, "B"])
        #expect(r.areas[1].sitesTotal == 1)
    }

    /// A route crossing from one square kecamatan into the next: each gets its half of the buffer.
    /// Route y = 500 from x = 200 to 1800, r = 100: per side (1000 − 200)·200 + half a 32-gon.
    @Test func routeCrossingAreaBoundary() throws {
        let s = try Scene()
        s.areas = [
            ("\"kode\":\"L\"", .polygon(Polygon(exterior: Scene.rect(0, 0, 1000, 1000)))),
            ("\"kode\":\"R\"", .polygon(Polygon(exterior: Scene.rect(1000, 0, 2000, 1000)))),
        ]
        s.patrols = [("\"name\":\"P\"", Scene.line((200, 500), (1800, 500)))]
        s.zones = [("\"id\":\"Z\"", .polygon(Polygon(exterior: Scene.rect(900, 450, 1100, 650))))]
        let (r, _, _) = try s.analyze { $0.radius = 100 }
        let each = 800 * 200 + polygon32(100) / 2
        #expect(abs(r.areas[0].coveredM2 - each) < 1e-3)
        #expect(abs(r.areas[1].coveredM2 - each) < 1e-3)
        // The zone 900…1100 × 450…650 is split between L and R; covered where y ≤ 600: 200 × 150.
        #expect(abs(r.areas[0].rawanM2 - 20_000) < 1e-3)
        #expect(abs(r.areas[0].rawanCoveredM2 - 15_000) < 1e-3)
        #expect(abs(r.areas[1].rawanCoveredShare! - 0.75) < 1e-9)
        #expect(r.areas[0].rawanCoveredShare != nil)
    }

    /// Tinggi before sedang before rendah; within a level larger gaps first; zones before sites on ties.
    @Test func hotspotRanking() throws {
        let s = try Scene()
        s.patrols = [("\"name\":\"P\"", Scene.line((0, 0), (100, 0)))]
        s.zones = [
            ("\"id\":\"small-tinggi\",\"tingkat\":\"tinggi\"", .polygon(Polygon(exterior: Scene.rect(5000, 0, 5100, 100)))),
            ("\"id\":\"big-sedang\",\"tingkat\":\"sedang\"", .polygon(Polygon(exterior: Scene.rect(9000, 0, 11000, 2000)))),
            ("\"id\":\"big-tinggi\",\"tingkat\":\"3\"", .polygon(Polygon(exterior: Scene.rect(20000, 0, 20300, 300)))),
            ("\"id\":\"covered\",\"tingkat\":\"tinggi\"", .polygon(Polygon(exterior: Scene.rect(10, -10, 20, 10)))),
        ]
        s.sites = [
            ("\"id\":\"kpu\",\"prioritas\":\"tinggi\",\"kategori\":\"kpu\"", Coordinate(x: 50, y: 700)),  // 200 m short
            ("\"id\":\"tps\",\"prioritas\":\"sedang\"", Coordinate(x: 50, y: 9000)),  // not a hotspot (sedang)
        ]
        let (r, _, _) = try s.analyze()
        #expect(r.hotspots.map(\.ref) == ["big-tinggi", "kpu", "small-tinggi", "big-sedang"])
        #expect(r.hotspots.map(\.rank) == [1, 2, 3, 4])
        #expect(r.zones.map(\.hotspotRank) == [3, 4, 1, nil])
    }
}
