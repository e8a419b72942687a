import CPROJ
import CakupanGeometry

/// Geodesic computations on the WGS 84 ellipsoid with PROJ's `geodesic.h` (Karney's algorithms),
/// accurate to nanometres: the truth that planar results are checked against.
public struct Geodesic: Sendable {
    private let a = 6_378_137.0
    private let f = 1 / 298.257_223_563

    public init() {}

    private func geod() -> geod_geodesic {
        var g = geod_geodesic()
        geod_init(&g, a, f)
        return g
    }

    /// Distance in metres between two lon/lat points (degrees), with the forward azimuths in degrees.
    public func inverse(_ p1: Coordinate, _ p2: Coordinate) -> (distance: Double, azimuth1: Double, azimuth2: Double) {
        var g = geod()
        var s12 = 0.0
        var azi1 = 0.0
        var azi2 = 0.0
        geod_inverse(&g, p1.y, p1.x, p2.y, p2.x, &s12, &azi1, &azi2)
        return (s12, azi1, azi2)
    }

    /// The point reached from `start` (lon/lat degrees) after `distance` metres along `azimuth` degrees.
    public func direct(from start: Coordinate, azimuth: Double, distance: Double) -> Coordinate {
        var g = geod()
        var lat2 = 0.0
        var lon2 = 0.0
        var azi2 = 0.0
        geod_direct(&g, start.y, start.x, azimuth, distance, &lat2, &lon2, &azi2)
        return Coordinate(x: lon2, y: lat2)
    }

    /// Ellipsoidal area in m² of a polygon given in lon/lat degrees (holes subtracted), any winding.
    public func area(of polygon: Polygon) -> Double {
        func ringArea(_ ring: [Coordinate]) -> Double {
            var cs = ring
            if cs.count > 1, cs.first == cs.last { cs.removeLast() }
            guard cs.count >= 3 else { return 0 }
            var g = geod()
            var lats = cs.map(\.y)
            var lons = cs.map(\.x)
            var area = 0.0
            var perimeter = 0.0
            geod_polygonarea(&g, &lats, &lons, Int32(cs.count), &area, &perimeter)
            return abs(area)
        }
        return ringArea(polygon.exterior) - polygon.holes.map(ringArea).reduce(0, +)
    }
}
