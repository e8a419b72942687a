import CakupanGEOS
import CakupanGeometry

/// A point inside a polygonal lon/lat geometry (GEOS point-on-surface), for coercing polygon sites.
enum InteriorPoint {
    static func of(_ g: Geometry, location: InputLocation) throws -> Coordinate {
        let context = GEOSContext()
        do {
            let point = try GEOSGeometry(g, in: context).pointOnSurface().value()
            guard case .point(let c) = point else { throw GEOSError.invalidGeometry("empty polygon") }
            return c
        } catch {
            throw CakupanError.input(location, "polygon site has no interior point: \(error)")
        }
    }
}
