import CGEOS

/// Measures and predicates. Measures return 0 on exception in C; predicates return 2.
extension GEOSGeometry {
    /// `GEOSArea_r`: planar area, in the square of the coordinate unit (m² in a projected CRS).
    public func area() throws -> Double {
        try context.measure("GEOSArea_r") { GEOSArea_r(context.handle, pointer, $0) }
    }

    /// `GEOSLength_r`: planar length in the coordinate unit.
    public func length() throws -> Double {
        try context.measure("GEOSLength_r") { GEOSLength_r(context.handle, pointer, $0) }
    }

    /// `GEOSDistance_r`: shortest planar distance to `other`, in the coordinate unit.
    public func distance(to other: GEOSGeometry) throws -> Double {
        try context.measure("GEOSDistance_r") { GEOSDistance_r(context.handle, pointer, other.pointer, $0) }
    }

    /// `GEOSIntersects_r`.
    public func intersects(_ other: GEOSGeometry) throws -> Bool {
        try context.predicate(GEOSIntersects_r(context.handle, pointer, other.pointer), "GEOSIntersects_r")
    }

    /// `GEOSContains_r`.
    public func contains(_ other: GEOSGeometry) throws -> Bool {
        try context.predicate(GEOSContains_r(context.handle, pointer, other.pointer), "GEOSContains_r")
    }

    /// `GEOSisValid_r`.
    public func isValid() throws -> Bool {
        try context.predicate(GEOSisValid_r(context.handle, pointer), "GEOSisValid_r")
    }

    /// `GEOSisValidReason_r`: GEOS's explanation ("Self-intersection[104.1 -3.5]", "Valid Geometry").
    public func validityReason() throws -> String {
        guard let s = GEOSisValidReason_r(context.handle, pointer) else { throw context.failure("GEOSisValidReason_r") }
        defer { GEOSFree_r(context.handle, s) }  // the string is ours to free
        return String(cString: s)
    }
}
