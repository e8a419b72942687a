import CGEOS
import CakupanGeometry

/// Turns `Geometry` values into GEOS geometries. Every pointer returned is owned by the caller.
struct GEOSBuilder {
    let context: GEOSContext
    var h: GEOSContextHandle_t { context.handle }

    func make(_ geometry: Geometry) throws -> OpaquePointer {
        switch geometry {
        case .point(let c):
            try check(c)
            return try unwrap(GEOSGeom_createPointFromXY_r(h, c.x, c.y), "GEOSGeom_createPointFromXY_r")
        case .lineString(let cs):
            if cs.isEmpty { return try unwrap(GEOSGeom_createEmptyLineString_r(h), "GEOSGeom_createEmptyLineString_r") }
            guard cs.count >= 2 else { throw GEOSError.invalidGeometry("a line needs at least 2 coordinates, has \(cs.count)") }
            // GEOSGeom_createLineString_r takes ownership of the sequence.
            return try unwrap(GEOSGeom_createLineString_r(h, try sequence(cs)), "GEOSGeom_createLineString_r")
        case .polygon(let p):
            return try polygon(p)
        case .multiPoint(let cs):
            return try collection(GEOS_MULTIPOINT, cs.map { Geometry.point($0) })
        case .multiLineString(let ls):
            return try collection(GEOS_MULTILINESTRING, ls.map { Geometry.lineString($0) })
        case .multiPolygon(let ps):
            return try collection(GEOS_MULTIPOLYGON, ps.map { Geometry.polygon($0) })
        case .collection(let gs):
            return try collection(GEOS_GEOMETRYCOLLECTION, gs)
        }
    }

    private func check(_ c: Coordinate) throws {
        guard c.isFinite else { throw GEOSError.invalidGeometry("coordinate (\(c.x), \(c.y)) is not a finite number") }
    }

    private func unwrap(_ p: OpaquePointer?, _ function: String) throws -> OpaquePointer {
        guard let p else { throw context.failure(function) }
        return p
    }

    /// A new coordinate sequence (owned by the caller until handed to a geometry constructor).
    private func sequence(_ cs: [Coordinate]) throws -> OpaquePointer {
        var flat = [Double]()
        flat.reserveCapacity(cs.count * 2)
        for c in cs {
            try check(c)
            flat.append(c.x)
            flat.append(c.y)
        }
        let seq = flat.withUnsafeBufferPointer {
            GEOSCoordSeq_copyFromBuffer_r(h, $0.baseAddress, UInt32(cs.count), 0, 0)
        }
        return try unwrap(seq, "GEOSCoordSeq_copyFromBuffer_r")
    }

    private func ring(_ cs: [Coordinate]) throws -> OpaquePointer {
        var closed = cs
        if let first = cs.first, first != cs.last { closed.append(first) }
        guard closed.count >= 4 else {
            throw GEOSError.invalidGeometry("a polygon ring needs at least 4 coordinates once closed, has \(closed.count)")
        }
        // GEOSGeom_createLinearRing_r takes ownership of the sequence.
        return try unwrap(GEOSGeom_createLinearRing_r(h, try sequence(closed)), "GEOSGeom_createLinearRing_r")
    }

    private func polygon(_ p: Polygon) throws -> OpaquePointer {
        if p.exterior.isEmpty { return try unwrap(GEOSGeom_createEmptyPolygon_r(h), "GEOSGeom_createEmptyPolygon_r") }
        let shell = try ring(p.exterior)
        var holes: [OpaquePointer?] = []
        do {
            for hole in p.holes { holes.append(try ring(hole)) }
        } catch {
            GEOSGeom_destroy_r(h, shell)
            for r in holes { GEOSGeom_destroy_r(h, r) }
            throw error
        }
        // GEOSGeom_createPolygon_r takes ownership of shell and holes (not of the array).
        let made = holes.withUnsafeMutableBufferPointer {
            GEOSGeom_createPolygon_r(h, shell, $0.baseAddress, UInt32($0.count))
        }
        return try unwrap(made, "GEOSGeom_createPolygon_r")
    }

    private func collection(_ type: GEOSGeomTypes, _ members: [Geometry]) throws -> OpaquePointer {
        var parts: [OpaquePointer?] = []
        do {
            for m in members { parts.append(try make(m)) }
        } catch {
            for p in parts { GEOSGeom_destroy_r(h, p) }
            throw error
        }
        // GEOSGeom_createCollection_r takes ownership of the parts; NULL on exception.
        let made = parts.withUnsafeMutableBufferPointer {
            GEOSGeom_createCollection_r(h, Int32(type.rawValue), $0.baseAddress, UInt32($0.count))
        }
        return try unwrap(made, "GEOSGeom_createCollection_r")
    }
}
