import CakupanGEOS
import CakupanGeometry

/// A (multi)polygon result, such as the patrol coverage, cut into tiles of at most `maxVertices`
/// coordinates and put in an STRtree, so that clipping another polygon touches only the small pieces
/// near it. The coverage of shared roads and GPS tracks is mostly one connected part of hundreds of
/// thousands of vertices: clipping each kecamatan against that part made GEOS clip and index the whole
/// part again for every kecamatan. The tiles are the parts cut in halves (along the longer side of
/// their box, recursively) until small; their interiors are disjoint and their union is the
/// geometry, so areas of intersections add up over the tiles.
final class PolygonIndex {
    let tiles: [GEOSGeometry]
    let tree: GEOSSTRtree
    let context: GEOSContext
    static let maxVertices = 1024

    init(_ geometry: GEOSGeometry) throws {
        context = geometry.context
        var out: [GEOSGeometry] = []
        if !(try geometry.isEmpty) {
            for part in try geometry.parts() { try Self.cut(part, depth: 0, into: &out) }
        }
        tiles = out
        tree = try GEOSSTRtree(out, in: context)
    }

    /// Appends `g` (a polygon) when small, else its halves' polygons, recursively.
    private static func cut(_ g: GEOSGeometry, depth: Int, into out: inout [GEOSGeometry]) throws {
        guard depth < 16, try g.coordinateCount() > maxVertices, let box = try g.envelope() else {
            out.append(g)
            return
        }
        let wide = box.maxX - box.minX >= box.maxY - box.minY
        let mid = wide ? (box.minX + box.maxX) / 2 : (box.minY + box.maxY) / 2
        let halves =
            wide
            ? [
                Envelope(minX: box.minX, minY: box.minY, maxX: mid, maxY: box.maxY),
                Envelope(minX: mid, minY: box.minY, maxX: box.maxX, maxY: box.maxY),
            ]
            : [
                Envelope(minX: box.minX, minY: box.minY, maxX: box.maxX, maxY: mid),
                Envelope(minX: box.minX, minY: mid, maxX: box.maxX, maxY: box.maxY),
            ]
        for half in halves {
            let piece = try g.intersection(try GEOSGeometry.rectangle(half, in: g.context))
            // An intersection may also hold lines and points where the cut only touches: no area.
            for p in try piece.parts() where try p.isPolygonal && !(try p.isEmpty) {
                try cut(p, depth: depth + 1, into: &out)
            }
        }
    }

    /// Area of `g ∩ self` (in the square of the coordinate unit): the sum over the tiles near `g`.
    func intersectionArea(_ g: GEOSGeometry) throws -> Double {
        try tree.query(g).sorted().reduce(0.0) { sum, i in sum + (try g.intersection(tiles[i]).area()) }
    }

    /// `g − self`: `g` less each tile near it in turn.
    func difference(_ g: GEOSGeometry) throws -> GEOSGeometry {
        var rest = g
        for i in tree.query(g).sorted() {
            rest = try rest.difference(tiles[i])
            if try rest.isEmpty { break }
        }
        return rest
    }
}
