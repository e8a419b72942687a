import CakupanGeometry
import CakupanPROJ
import Foundation
import Testing

@Suite struct PROJTests {
    let context = PROJContext()

    @Test func utm48SouthDescribesItself() throws {
        let info = try CRSInfo(definition: "EPSG:32748", context: context)
        #expect(info.name == "WGS 84 / UTM zone 48S")
        #expect(info.epsg == 32748)
        #expect(info.isProjected && !info.isGeographic)
    }

    @Test func unknownCRSIsRefused() {
        #expect(throws: PROJError.self) { _ = try CRSInfo(definition: "EPSG:999999", context: context) }
    }

    /// On the central meridian (105°E for zone 48) at the equator, UTM south gives the false origin:
    /// easting 500,000 m, northing 10,000,000 m. Input is lon/lat although EPSG:4326 is lat/lon.
    @Test func centralMeridianAtEquatorIsTheFalseOrigin() throws {
        let t = try CoordinateTransformer(from: "EPSG:4326", to: "EPSG:32748", context: context)
        let c = try t.transform(Coordinate(x: 105, y: 0))
        #expect(abs(c.x - 500_000) < 1e-6)
        #expect(abs(c.y - 10_000_000) < 1e-6)
    }

    /// Scale factor 0.9996 on the central meridian: 1° of latitude near the equator (110,574.4 m on
    /// the ellipsoid between 0° and 1°S) is 0.9996 times that in UTM northing.
    @Test func centralScaleFactor() throws {
        let t = try CoordinateTransformer(from: "EPSG:4326", to: "EPSG:32748", context: context)
        let a = try t.transform(Coordinate(x: 105, y: 0))
        let b = try t.transform(Coordinate(x: 105, y: -1))
        let geodesic = Geodesic().inverse(Coordinate(x: 105, y: 0), Coordinate(x: 105, y: -1)).distance
        #expect(abs(geodesic - 110_574.389) < 0.01)
        #expect(abs((a.y - b.y) - 0.9996 * geodesic) < 0.01)
    }

    @Test func roundTrip() throws {
        let f = try CoordinateTransformer(from: "EPSG:4326", to: "EPSG:32751", context: context)
        let i = try CoordinateTransformer(from: "EPSG:32751", to: "EPSG:4326", context: context)
        let p = Coordinate(x: 123.6, y: -10.2)
        let back = try i.transform(f.transform(p))
        #expect(abs(back.x - p.x) < 1e-9 && abs(back.y - p.y) < 1e-9)
    }

    /// One degree of longitude on the equator is 2πa/360 = 111,319.4908 m.
    @Test func geodesicAlongTheEquator() {
        let d = Geodesic().inverse(Coordinate(x: 105, y: 0), Coordinate(x: 106, y: 0)).distance
        #expect(abs(d - 111_319.490_8) < 1e-3)
    }

    @Test func ellipsoidalAreaOfASmallSquareMatchesGeodesicSides() {
        let p = Polygon(exterior: [
            Coordinate(x: 105, y: 0), Coordinate(x: 105.01, y: 0), Coordinate(x: 105.01, y: 0.01), Coordinate(x: 105, y: 0.01),
        ])
        let g = Geodesic()
        let w = g.inverse(Coordinate(x: 105, y: 0), Coordinate(x: 105.01, y: 0)).distance
        let h = g.inverse(Coordinate(x: 105, y: 0), Coordinate(x: 105, y: 0.01)).distance
        #expect(abs(g.area(of: p) - w * h) / (w * h) < 1e-5)
    }
}

@Suite struct ScaleFactorTests {
    let context = PROJContext()

    /// UTM: k0 = 0.9996 on the central meridian; at 3° east of it on the equator
    /// k ≈ k0·(1 + x²/(2R²)) with x ≈ 333.9 km, R ≈ 6,371 km: about 1.00097.
    @Test func utmScaleFactor() throws {
        let k = try ScaleFactor(definition: "EPSG:32748", context: context)
        #expect(abs(try k.at(Coordinate(x: 105, y: -3)) - 0.9996) < 1e-7)
        let edge = try k.at(Coordinate(x: 108, y: 0))
        #expect(abs(edge - 1.00097) < 2e-5)
        // Numerically: projected length of a short east-west geodesic over its true length.
        let t = try CoordinateTransformer(from: "EPSG:4326", to: "EPSG:32748", context: context)
        let a = Coordinate(x: 107.99, y: 0)
        let b = Coordinate(x: 108.01, y: 0)
        let pa = try t.transform(a)
        let pb = try t.transform(b)
        let planar = ((pa.x - pb.x) * (pa.x - pb.x) + (pa.y - pb.y) * (pa.y - pb.y)).squareRoot()
        #expect(abs(planar / Geodesic().inverse(a, b).distance - edge) < 1e-6)
    }
}
