import Cakupan
import CakupanGeometry
import CakupanPROJ
import Foundation
import Testing

/// Per-zone analysis across Indonesia (UTM zones 46–54): the same synthetic kecamatan, sites and
/// routes placed at zone centres and zone edges must give true metres: distances within 0.1 % of the
/// geodesic distance on the WGS 84 ellipsoid, areas within 0.1 % of the ellipsoidal area (PROJ's
/// geodesic routines give the truth).
@Suite struct NationwideTests {
    let geodesic = Geodesic()

    /// Where to place the test kit: (longitude, latitude). Zone centres 99°, 105°, 123°, 141°; the
    /// eastern edges of zones 46, 50 and 53 (95.99°, 119.99°, 137.99°) and the western edges of 48 and
    /// 51 (102°, 120°); south, equatorial and north latitudes.
    static let places: [(Double, Double)] = [
        (95.99, 4.5), (99.0, 2.0), (102.0, -3.0), (105.0, -6.0), (119.99, -8.5), (120.0, -8.6), (123.0, -10.2),
        (137.99, -4.0), (140.9, -2.6),
    ]

    struct Kit {
        var area: Polygon
        var route: [Coordinate]
        /// Sites and their true distance to the route, metres.
        var sites: [(Coordinate, Double)]
    }

    /// A 4 km × 4 km kecamatan (geodesic sides) with a 3 km east-west route through its middle and
    /// sites north of the route's midpoint at known geodesic distances.
    func kit(_ lon: Double, _ lat: Double) -> Kit {
        let c = Coordinate(x: lon, y: lat)
        let n = geodesic.direct(from: c, azimuth: 0, distance: 2000)
        let s = geodesic.direct(from: c, azimuth: 180, distance: 2000)
        func corner(_ from: Coordinate, _ az: Double) -> Coordinate { geodesic.direct(from: from, azimuth: az, distance: 2000) }
        let area = Polygon(exterior: [corner(s, 270), corner(s, 90), corner(n, 90), corner(n, 270)])
        let route = [geodesic.direct(from: c, azimuth: 270, distance: 1500), geodesic.direct(from: c, azimuth: 90, distance: 1500)]
        let sites = [400.0, 499.7, 800.0, 1700.0].map { (geodesic.direct(from: c, azimuth: 0, distance: $0), $0) }
        return Kit(area: area, route: route, sites: sites)
    }

    func geojson(_ features: [(String, String)]) -> String {
        "{\"type\":\"FeatureCollection\",\"features\":["
            + features.map { "{\"type\":\"Feature\",\"properties\":{\($0.0)},\"geometry\":\($0.1)}" }.joined(separator: ",") + "]}"
    }

    func coords(_ cs: [Coordinate]) -> String { "[" + cs.map { "[\($0.x),\($0.y)]" }.joined(separator: ",") + "]" }

    func run(_ kits: [Kit], extraRoutes: [[Coordinate]] = [], extraAreas: [Polygon] = []) throws -> AnalysisResult {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cakupan-nation-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) throws -> String {
            let url = dir.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        let areas = (kits.map(\.area) + extraAreas).enumerated().map { i, p in
            ("\"kode\":\"A\(i)\"", "{\"type\":\"Polygon\",\"coordinates\":[\(coords(p.exterior + [p.exterior[0]]))]}")
        }
        let routes = (kits.map(\.route) + extraRoutes).enumerated().map { i, r in
            ("\"name\":\"R\(i)\"", "{\"type\":\"LineString\",\"coordinates\":\(coords(r))}")
        }
        var sites: [(String, String)] = []
        for (k, kit) in kits.enumerated() {
            for (j, s) in kit.sites.enumerated() {
                sites.append(("\"id\":\"S\(k)-\(j)\"", "{\"type\":\"Point\",\"coordinates\":[\(s.0.x),\(s.0.y)]}"))
            }
        }
        var c = OperationConfig()
        c.areas = try write("areas.geojson", geojson(areas))
        c.patrols = [try write("routes.geojson", geojson(routes))]
        if !sites.isEmpty { c.sites = try write("sites.geojson", geojson(sites)) }
        var w = Warnings()
        let inputs = try Pipeline.loadInputs(c, parameters: try c.parameters(), warnings: &w)
        return try CoverageAnalysis().run(inputs, parameters: try c.parameters(), warnings: &w)
    }

    @Test func trueMetresAtZoneCentresAndEdges() throws {
        let kits = Self.places.map { kit($0.0, $0.1) }
        let r = try run(kits)
        let perZone = r.perZone
        let zones = r.zonesUsed.map(\.epsg)
        #expect(perZone)
        #expect(zones == [32646, 32647, 32748, 32750, 32751, 32753, 32754])
        for (k, kit) in kits.enumerated() {
            let a = r.areas[k]
            #expect(
                a.epsg
                    == UTM.epsg(
                        for: kit.area.exterior.reduce(Coordinate(x: 0, y: 0)) { Coordinate(x: $0.x + $1.x / 4, y: $0.y + $1.y / 4) }))
            let truth = geodesic.area(of: kit.area)
            #expect(abs(a.areaM2 - truth) / truth < 0.001, "area at \(Self.places[k]): \(a.areaM2) vs \(truth)")
            // The route's buffer inside the square: 3 km × 1 km plus the two half circles, all inside.
            let covered = 3000 * 1000 + polygon32(500)
            #expect(abs(a.coveredM2 - covered) / covered < 0.001, "covered at \(Self.places[k]): \(a.coveredM2)")
            for (j, (_, d)) in kit.sites.enumerated() {
                let s = r.sites[k * kit.sites.count + j]
                #expect(abs(s.distance! - d) / d < 0.001, "distance at \(Self.places[k]): \(s.distance!) vs \(d)")
                // The true radius: 499.7 m is covered even at a zone edge, where the plane stretches
                // distances by ~0.1 % and an uncorrected 499.7 m would measure 500.2 m.
                #expect(s.covered == (d < 500), "site \(d) m at \(Self.places[k])")
            }
        }
    }

    /// A route running across the boundary of zones 47 and 48 (102°E) covers the kecamatan on both
    /// sides with its true radius, each measured in its own zone.
    @Test func routeCrossingAZoneBoundary() throws {
        let west = kit(101.975, -3.0)
        let east = kit(102.025, -3.0)
        // One route through both squares, 10 km long, from 101.955°E to 102.045°E.
        let route = [Coordinate(x: 101.95, y: -3.0), Coordinate(x: 102.05, y: -3.0)]
        let far = kit(115.0, -7.0)  // a third area far east, so the inputs span more than one zone
        let r = try run([far], extraRoutes: [route], extraAreas: [west.area, east.area])
        let perZone = r.perZone
        #expect(perZone)
        let (w, e) = (r.areas[1], r.areas[2])
        #expect(w.epsg == 32747 && e.epsg == 32748)
        // The route crosses each 4 km square from side to side: covered = width × 2r.
        for (a, k) in [(w, west), (e, east)] {
            let width = geodesic.inverse(k.area.exterior[0], k.area.exterior[1]).distance
            let expected = width * 1000
            #expect(abs(a.coveredM2 - expected) / expected < 0.001, "\(a.area.id): \(a.coveredM2) vs \(expected)")
        }
    }

    /// `covered` is decided in true metres at the site. A 440 km route along 3°S from 104°E to
    /// 107.99°E (zone 48): its buffer is drawn with k at the middle of the route (≈ 0.9997), while at
    /// a site near the zone's eastern edge k ≈ 1.0010. A site 499.9 true metres from the route is
    /// 500.4 m away in the plane, beyond the buffer's planar radius 499.9 m, yet covered; its gap to the
    /// radius (the hotspot score) is its own distance minus 500.
    @Test func coveredIsDecidedInTrueMetresAtTheSite() throws {
        let routeLine = stride(from: 104.0, through: 107.99, by: 0.01).map { Coordinate(x: $0, y: -3.0) } + [Coordinate(x: 107.99, y: -3.0)]
        let c = Coordinate(x: 107.985, y: -3.0)
        let square = kit(c.x, c.y).area
        let sites = [499.9, 500.4].map { (geodesic.direct(from: c, azimuth: 0, distance: $0), $0) }
        let edge = Kit(area: square, route: routeLine, sites: sites)
        let r = try run([edge, kit(115.0, -7.0)])
        #expect(r.perZone)
        #expect(r.areas[0].epsg == 32748)
        for (j, (_, d)) in sites.enumerated() {
            let s = r.sites[j]
            let distance = try #require(s.distance)
            let shortfall = try #require(s.shortfall)
            #expect(abs(distance - d) < 0.05, "distance \(distance) vs \(d)")
            #expect(s.covered == (d < 500), "site \(d) m: covered \(s.covered)")
            #expect(abs(shortfall - (distance - 500)) < 1e-9, "gap \(shortfall) vs distance − radius \(distance - 500)")
        }
    }

    /// A route 222 m east of the edge of zones 48 and 49 (108°E), with areas in zones 46, 48 and 49:
    /// its buffer reaches 278 m into zone 48's strip, and that part counts too (the route belongs to
    /// zone 48's group as well, not only to the group whose strip its line touches).
    @Test func bufferReachingIntoTheNextStripCounts() throws {
        let route = [Coordinate(x: 108.002, y: -3.02), Coordinate(x: 108.002, y: -2.98)]
        let r = try run([kit(95.5, 3.0), kit(104.5, -3.0), kit(110.5, -3.0)], extraRoutes: [route])
        #expect(r.perZone)
        let length = geodesic.inverse(route[0], route[1]).distance
        // The three kits' routes (3 km each, buffers inside their squares) and the edge route's buffer.
        let expected = 3 * (3000 * 1000 + polygon32(500)) + length * 1000 + polygon32(500)
        #expect(abs(r.totals.coverageM2 - expected) / expected < 0.002, "coverage \(r.totals.coverageM2) vs \(expected)")
    }
}
