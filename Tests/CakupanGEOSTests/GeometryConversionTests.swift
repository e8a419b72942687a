import CakupanGEOS
import CakupanGeometry
import Testing

@Suite struct GeometryConversionTests {
    let context = GEOSContext()
    let outer = [
        Coordinate(x: 0, y: 0), Coordinate(x: 1000, y: 0), Coordinate(x: 1000, y: 1000), Coordinate(x: 0, y: 1000), Coordinate(x: 0, y: 0),
    ]
    let hole = [
        Coordinate(x: 250, y: 250), Coordinate(x: 250, y: 750), Coordinate(x: 750, y: 750), Coordinate(x: 750, y: 250),
        Coordinate(x: 250, y: 250),
    ]

    @Test func polygonWithHoleRoundTripsAndMeasures() throws {
        let value = Geometry.polygon(Polygon(exterior: outer, holes: [hole]))
        let g = try GEOSGeometry(value, in: context)
        #expect(try g.value() == value)
        #expect(try g.area() == 1_000_000 - 250_000)
    }

    @Test func multiPolygonAreaIsTheSumOfParts() throws {
        let moved = outer.map { Coordinate(x: $0.x + 5000, y: $0.y) }
        let g = try GEOSGeometry(.multiPolygon([Polygon(exterior: outer, holes: [hole]), Polygon(exterior: moved)]), in: context)
        #expect(try g.area() == 1_750_000)
        #expect(g.partCount == 2)
    }

    @Test func unclosedRingIsClosed() throws {
        let g = try GEOSGeometry(.polygon(Polygon(exterior: Array(outer.dropLast()))), in: context)
        #expect(try g.area() == 1_000_000)
    }

    @Test func tooShortRingIsRefused() {
        #expect(throws: GEOSError.self) {
            _ = try GEOSGeometry(.polygon(Polygon(exterior: [Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 1)])), in: context)
        }
    }

    @Test func nonFiniteCoordinateIsRefused() {
        #expect(throws: GEOSError.self) {
            _ = try GEOSGeometry(.point(Coordinate(x: .nan, y: 1)), in: context)
        }
    }

    @Test func bowTieIsInvalidAndMakeValidKeepsBothTriangles() throws {
        // A bow-tie: two triangles of 0.5·1000·500 = 250,000 m² each, touching at (500, 500).
        let bowTie = Geometry.polygon(
            Polygon(exterior: [
                Coordinate(x: 0, y: 0), Coordinate(x: 1000, y: 1000), Coordinate(x: 1000, y: 0), Coordinate(x: 0, y: 1000),
                Coordinate(x: 0, y: 0),
            ]))
        let g = try GEOSGeometry(bowTie, in: context)
        #expect(try !g.isValid())
        #expect(try g.validityReason().contains("Self-intersection"))
        let repaired = try g.makeValid()
        #expect(try repaired.isValid())
        #expect(abs(try repaired.area() - 500_000) < 1e-6)
    }

    @Test func pointLineDistance() throws {
        let line = try GEOSGeometry(.lineString([Coordinate(x: 0, y: 0), Coordinate(x: 100, y: 0)]), in: context)
        let p = try GEOSGeometry(.point(Coordinate(x: 103, y: 4)), in: context)
        #expect(try line.distance(to: p) == 5)
    }
}
