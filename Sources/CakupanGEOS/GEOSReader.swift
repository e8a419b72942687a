import CGEOS
import CakupanGeometry

/// Turns GEOS geometries back into `Geometry` values. Reads only; owns nothing.
struct GEOSReader {
    let context: GEOSContext
    var h: GEOSContextHandle_t { context.handle }

    func read(_ g: OpaquePointer) throws -> Geometry {
        let type = GEOSGeomTypeId_r(h, g)
        switch type {
        case Int32(GEOS_POINT.rawValue):
            let cs = try coordinates(g)
            guard let c = cs.first else { return .multiPoint([]) }
            return .point(c)
        case Int32(GEOS_LINESTRING.rawValue), Int32(GEOS_LINEARRING.rawValue):
            return .lineString(try coordinates(g))
        case Int32(GEOS_POLYGON.rawValue):
            return .polygon(try polygon(g))
        case Int32(GEOS_MULTIPOINT.rawValue):
            return .multiPoint(try members(g).flatMap { try coordinates($0) })
        case Int32(GEOS_MULTILINESTRING.rawValue):
            return .multiLineString(try members(g).map { try coordinates($0) })
        case Int32(GEOS_MULTIPOLYGON.rawValue):
            return .multiPolygon(try members(g).map { try polygon($0) })
        case Int32(GEOS_GEOMETRYCOLLECTION.rawValue):
            return .collection(try members(g).map { try read($0) })
        default:
            throw context.failure("GEOSGeomTypeId_r")
        }
    }

    /// Sub-geometries; the pointers belong to `g` and must not be destroyed.
    private func members(_ g: OpaquePointer) throws -> [OpaquePointer] {
        let n = GEOSGetNumGeometries_r(h, g)
        guard n >= 0 else { throw context.failure("GEOSGetNumGeometries_r") }
        return try (0..<n).map { i in
            guard let m = GEOSGetGeometryN_r(h, g, i) else { throw context.failure("GEOSGetGeometryN_r") }
            return m
        }
    }

    private func polygon(_ g: OpaquePointer) throws -> Polygon {
        if GEOSisEmpty_r(h, g) == 1 { return Polygon(exterior: []) }
        // Rings returned by GEOSGetExteriorRing_r / GEOSGetInteriorRingN_r belong to the polygon.
        guard let shell = GEOSGetExteriorRing_r(h, g) else { throw context.failure("GEOSGetExteriorRing_r") }
        let n = GEOSGetNumInteriorRings_r(h, g)
        guard n >= 0 else { throw context.failure("GEOSGetNumInteriorRings_r") }
        let holes = try (0..<n).map { i -> [Coordinate] in
            guard let r = GEOSGetInteriorRingN_r(h, g, i) else { throw context.failure("GEOSGetInteriorRingN_r") }
            return try coordinates(r)
        }
        return Polygon(exterior: try coordinates(shell), holes: holes)
    }

    private func coordinates(_ g: OpaquePointer) throws -> [Coordinate] {
        if GEOSisEmpty_r(h, g) == 1 { return [] }
        // The sequence belongs to the geometry.
        guard let seq = GEOSGeom_getCoordSeq_r(h, g) else { throw context.failure("GEOSGeom_getCoordSeq_r") }
        var size: UInt32 = 0
        guard GEOSCoordSeq_getSize_r(h, seq, &size) != 0 else { throw context.failure("GEOSCoordSeq_getSize_r") }
        var flat = [Double](repeating: 0, count: Int(size) * 2)
        // GEOSCoordSeq_copyToBuffer_r returns 0 on exception.
        let ok = flat.withUnsafeMutableBufferPointer { GEOSCoordSeq_copyToBuffer_r(h, seq, $0.baseAddress, 0, 0) }
        guard ok != 0 else { throw context.failure("GEOSCoordSeq_copyToBuffer_r") }
        return (0..<Int(size)).map { Coordinate(x: flat[2 * $0], y: flat[2 * $0 + 1]) }
    }
}
