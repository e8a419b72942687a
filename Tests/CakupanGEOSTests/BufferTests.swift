import CakupanGEOS
import CakupanGeometry
import Foundation
import Testing

/// Hand-worked areas of GEOS buffers: a round buffer with 8 segments per quarter circle is made of
/// 32-gon arcs, so a point's buffer is a regular 32-gon of area 16·r²·sin(π/16).
@Suite struct BufferTests {
    let context = GEOSContext()
    let r = 500.0
    var polygon32: Double { 16 * r * r * sin(Double.pi / 16) }

    @Test func pointBufferIsA32gon() throws {
        let p = try GEOSGeometry(.point(Coordinate(x: 1000, y: 2000)), in: context)
        let area = try p.buffer(r).area()
        #expect(abs(area - polygon32) < 1e-6)
        #expect(polygon32 < Double.pi * r * r)
    }

    @Test func straightRouteBufferIsRectanglePlusCaps() throws {
        let line = try GEOSGeometry(.lineString([Coordinate(x: 0, y: 0), Coordinate(x: 10_000, y: 0)]), in: context)
        let area = try line.buffer(r).area()
        #expect(abs(area - (10_000 * 1000 + polygon32)) < 1e-5)
    }

    @Test func unaryUnionOfOverlappingSquares() throws {
        func square(_ x: Double, _ y: Double, _ s: Double) -> Geometry {
            .polygon(
                Polygon(exterior: [
                    Coordinate(x: x, y: y), Coordinate(x: x + s, y: y), Coordinate(x: x + s, y: y + s), Coordinate(x: x, y: y + s),
                ]))
        }
        let parts = try [square(0, 0, 10), square(5, 5, 10), square(100, 100, 1)].map { try GEOSGeometry($0, in: context) }
        let union = try GEOSGeometry.collection(parts, in: context).unaryUnion()
        // 100 + 100 − 25 overlap + 1
        #expect(abs(try union.area() - 176) < 1e-9)
        #expect(union.partCount == 2)
    }
}
