import CPROJ
import CakupanGeometry
import Foundation

/// The point scale factor of a projected CRS (`proj_factors`): how many projected metres one true
/// metre on the ellipsoid becomes at a place. For UTM it is 0.9996 on the central meridian and about
/// 1.001 at the zone's edge near the equator. A conformal projection scales areas by its square.
public final class ScaleFactor {
    private let crs: PROJObject

    /// - Parameter definition: a projected CRS, e.g. "EPSG:32748".
    public init(definition: String, context: PROJContext) throws {
        guard let pj = proj_create(context.handle, definition) else {
            throw PROJError.unknownCRS(definition: definition, message: context.lastError())
        }
        crs = PROJObject(context: context, owning: pj)
    }

    /// The scale factor at a lon/lat point (degrees). For a projected CRS, `proj_factors` takes the
    /// geographic position as λ, φ in radians (PROJ ≥ 8.2); a failure is signalled by all-zero factors.
    public func at(_ lonLat: Coordinate) throws -> Double {
        let coord = proj_coord(lonLat.x * .pi / 180, lonLat.y * .pi / 180, 0, 0)
        let f = proj_factors(crs.pointer, coord)
        guard f.meridional_scale > 0, f.meridional_scale.isFinite else {
            throw PROJError.transformFailed(x: lonLat.x, y: lonLat.y, message: "no scale factor here")
        }
        // Conformal (transverse Mercator): meridional and parallel scales agree; take their mean.
        return (f.meridional_scale + f.parallel_scale) / 2
    }
}
