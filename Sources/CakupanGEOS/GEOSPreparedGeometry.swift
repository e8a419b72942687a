import CGEOS

/// Owns a `GEOSPreparedGeometry*` (`GEOSPrepare_r` … `GEOSPreparedGeom_destroy_r`) and keeps the
/// geometry it was prepared from alive, since GEOS references it.
/// Prepare a geometry that is queried many times (an area tested against thousands of sites).
public final class GEOSPreparedGeometry {
    public let base: GEOSGeometry
    let pointer: OpaquePointer
    private var h: GEOSContextHandle_t { base.context.handle }

    public init(_ geometry: GEOSGeometry) throws {
        base = geometry
        guard let p = GEOSPrepare_r(geometry.context.handle, geometry.pointer) else {
            throw geometry.context.failure("GEOSPrepare_r")
        }
        pointer = p
    }

    deinit {
        GEOSPreparedGeom_destroy_r(h, pointer)
    }

    /// `GEOSPreparedContains_r`.
    public func contains(_ other: GEOSGeometry) throws -> Bool {
        try base.context.predicate(GEOSPreparedContains_r(h, pointer, other.pointer), "GEOSPreparedContains_r")
    }

    /// `GEOSPreparedIntersects_r`.
    public func intersects(_ other: GEOSGeometry) throws -> Bool {
        try base.context.predicate(GEOSPreparedIntersects_r(h, pointer, other.pointer), "GEOSPreparedIntersects_r")
    }

    /// `GEOSPreparedCovers_r`.
    public func covers(_ other: GEOSGeometry) throws -> Bool {
        try base.context.predicate(GEOSPreparedCovers_r(h, pointer, other.pointer), "GEOSPreparedCovers_r")
    }

    /// `GEOSPreparedDistance_r`: shortest distance in the coordinate unit (0 return on exception).
    public func distance(to other: GEOSGeometry) throws -> Double {
        try base.context.measure("GEOSPreparedDistance_r") { GEOSPreparedDistance_r(h, pointer, other.pointer, $0) }
    }
}
