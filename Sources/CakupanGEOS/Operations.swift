import CGEOS

/// Constructive operations and set operations. Each returns a new owned geometry in the same context;
/// the wrapped GEOS functions return NULL on exception, which is thrown as `GEOSError.library`.
extension GEOSGeometry {
    private var h: GEOSContextHandle_t { context.handle }

    /// `GEOSBuffer_r`: buffer by `distance` (in the geometry's unit, metres in a projected CRS) with round
    /// caps and joins and `quadrantSegments` segments per quarter circle (8 is GEOS's default).
    public func buffer(_ distance: Double, quadrantSegments: Int = 8) throws -> GEOSGeometry {
        try context.own(GEOSBuffer_r(h, pointer, distance, Int32(quadrantSegments)), "GEOSBuffer_r")
    }

    /// `GEOSIntersection_r`.
    public func intersection(_ other: GEOSGeometry) throws -> GEOSGeometry {
        try context.own(GEOSIntersection_r(h, pointer, other.pointer), "GEOSIntersection_r")
    }

    /// `GEOSDifference_r`.
    public func difference(_ other: GEOSGeometry) throws -> GEOSGeometry {
        try context.own(GEOSDifference_r(h, pointer, other.pointer), "GEOSDifference_r")
    }

    /// `GEOSUnion_r`.
    public func union(_ other: GEOSGeometry) throws -> GEOSGeometry {
        try context.own(GEOSUnion_r(h, pointer, other.pointer), "GEOSUnion_r")
    }

    /// `GEOSUnaryUnion_r`: the union of all parts at once (cascaded), the scalable way to union many
    /// polygons (pairwise union of thousands of buffers is orders of magnitude slower).
    public func unaryUnion() throws -> GEOSGeometry {
        try context.own(GEOSUnaryUnion_r(h, pointer), "GEOSUnaryUnion_r")
    }

    /// `GEOSMakeValid_r`: repairs an invalid geometry (self-intersections, bow-ties) keeping all its area.
    public func makeValid() throws -> GEOSGeometry {
        try context.own(GEOSMakeValid_r(h, pointer), "GEOSMakeValid_r")
    }

    /// `GEOSPointOnSurface_r`: a point guaranteed to lie in the geometry's interior.
    public func pointOnSurface() throws -> GEOSGeometry {
        try context.own(GEOSPointOnSurface_r(h, pointer), "GEOSPointOnSurface_r")
    }

    /// `GEOSGetCentroid_r`.
    public func centroid() throws -> GEOSGeometry {
        try context.own(GEOSGetCentroid_r(h, pointer), "GEOSGetCentroid_r")
    }

    /// `GEOSTopologyPreserveSimplify_r` with `tolerance` in the geometry's unit.
    public func simplified(tolerance: Double) throws -> GEOSGeometry {
        try context.own(GEOSTopologyPreserveSimplify_r(h, pointer, tolerance), "GEOSTopologyPreserveSimplify_r")
    }

    /// `GEOSGeom_setPrecision_r`: snaps coordinates to a grid of `gridSize`, keeping the result valid.
    public func snapped(toGrid gridSize: Double) throws -> GEOSGeometry {
        try context.own(GEOSGeom_setPrecision_r(h, pointer, gridSize, 0), "GEOSGeom_setPrecision_r")
    }
}
