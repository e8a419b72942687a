import CPROJ
import CakupanGeometry
import Foundation

/// The point scale factor of a projected CRS (`proj_factors`): how many projected metres one true
/// metre on the ellipsoid becomes at a place. For UTM it is 0.9996 on the central meridian and about
/// 1.001 at the zone's edge near the equator. A conformal projection scales areas by its square.
public final class ScaleFactor {
    /// The map projection as a classic PROJ operation taking λ, φ in radians. For WGS 84 / UTM codes
    /// it is built from "+proj=utm"; calling `proj_factors` on an EPSG CRS object instead rebuilds the
    /// conversion on every call, about a thousand times slower.
    private let projection: PROJObject

    /// - Parameter definition: a projected CRS, e.g. "EPSG:32748".
    public init(definition: String, context: PROJContext) throws {
        var text = definition
        let digits = definition.uppercased().hasPrefix("EPSG:") ? Int(definition.dropFirst(5)) : nil
        if let code = digits, (32601...32660).contains(code) || (32701...32760).contains(code) {
            let zone = code % 100
            text = "+proj=utm +zone=\(zone)\(code >= 32700 ? " +south" : "") +ellps=WGS84 +units=m +no_defs"
        }
        guard let pj = proj_create(context.handle, text) else {
            throw PROJError.unknownCRS(definition: definition, message: context.lastError())
        }
        projection = PROJObject(context: context, owning: pj)
    }

    /// The scale factor at a lon/lat point (degrees). `proj_factors` takes the geographic position as
    /// λ, φ in radians; a failure is signalled by all-zero factors.
    public func at(_ lonLat: Coordinate) throws -> Double {
        let coord = proj_coord(lonLat.x * .pi / 180, lonLat.y * .pi / 180, 0, 0)
        let f = proj_factors(projection.pointer, coord)
        guard f.meridional_scale > 0, f.meridional_scale.isFinite else {
            throw PROJError.transformFailed(x: lonLat.x, y: lonLat.y, message: "no scale factor here")
        }
        // Conformal (transverse Mercator): meridional and parallel scales agree; take their mean.
        return (f.meridional_scale + f.parallel_scale) / 2
    }
}
