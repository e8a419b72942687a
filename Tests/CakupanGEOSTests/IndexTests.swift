import CakupanGEOS
import CakupanGeometry
import Testing

@Suite struct IndexTests {
    let context = GEOSContext()

    func line(_ y: Double) throws -> GEOSGeometry {
        try GEOSGeometry(.lineString([Coordinate(x: 0, y: y), Coordinate(x: 1000, y: y)]), in: context)
    }

    @Test func nearestFindsTheClosestLine() throws {
        let tree = try GEOSSTRtree([line(0), line(100), line(1000)], in: context)
        let p = try GEOSGeometry(.point(Coordinate(x: 500, y: 70)), in: context)
        #expect(try tree.nearest(to: p) == 1)
        let far = try GEOSGeometry(.point(Coordinate(x: 500, y: 900)), in: context)
        #expect(try tree.nearest(to: far) == 2)
    }

    @Test func queryReturnsEnvelopeHitsAscending() throws {
        let tree = try GEOSSTRtree([line(0), line(100), line(1000)], in: context)
        let box = try GEOSGeometry(.point(Coordinate(x: 10, y: 50)), in: context).buffer(60)
        #expect(tree.query(box) == [0, 1])
    }

    @Test func emptyTreeHasNoNearest() throws {
        let tree = try GEOSSTRtree([], in: context)
        #expect(try tree.nearest(to: line(0)) == nil)
    }

    @Test func preparedCoversIncludesBoundary() throws {
        let square = try GEOSGeometry(
            .polygon(
                Polygon(exterior: [Coordinate(x: 0, y: 0), Coordinate(x: 10, y: 0), Coordinate(x: 10, y: 10), Coordinate(x: 0, y: 10)])),
            in: context)
        let prepared = try GEOSPreparedGeometry(square)
        #expect(try prepared.covers(GEOSGeometry(.point(Coordinate(x: 10, y: 5)), in: context)))
        #expect(try !prepared.contains(GEOSGeometry(.point(Coordinate(x: 10, y: 5)), in: context)))
        #expect(try !prepared.covers(GEOSGeometry(.point(Coordinate(x: 11, y: 5)), in: context)))
    }
}
