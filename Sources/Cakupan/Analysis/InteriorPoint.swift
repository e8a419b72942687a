import CakupanGEOS
import CakupanGeometry

/// A point inside a polygonal lon/lat geometry (GEOS point-on-surface, repairing an invalid polygon
/// first): a polygon site's position, a rawan zone's representative point.
enum InteriorPoint {
    /// - Parameter context: the caller's GEOS context when it computes many points (one per task).
    static func of(_ g: Geometry, in context: GEOSContext = GEOSContext()) throws -> Coordinate {
        var geos = try GEOSGeometry(g, in: context)
        if try !geos.isValid() { geos = try geos.makeValid() }
        guard case .point(let c) = try geos.pointOnSurface().value() else {
            throw GEOSError.invalidGeometry("the polygon has no interior (it is empty)")
        }
        return c
    }

    /// The same for an input feature: a failure is an input error at `location`.
    static func of(_ g: Geometry, location: InputLocation) throws -> Coordinate {
        do { return try of(g) } catch {
            throw CakupanError.input(location, "polygon site has no interior point: \(error)")
        }
    }
}
