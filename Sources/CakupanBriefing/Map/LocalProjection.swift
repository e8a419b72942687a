import Foundation

/// A local equirectangular projection centred on the data: x = (lon − lon0)·cos(lat0),
/// y = lat − lat0 (north up), both scaled to metres with the WGS 84 ellipsoid's radii of curvature
/// at the centre latitude (N(φ0) east–west, M(φ0) north–south), so that the scale at the centre is
/// exact in both directions.
///
/// Accuracy: north–south distances are right to < 0.01 % across a province (M varies that little
/// over a few degrees); the east–west scale at latitude φ differs from the centre's by
/// cos φ / cos φ0 − 1 ≈ −tan φ0 · Δφ, which at Indonesian latitudes (|φ0| ≤ 11°) is < 0.2 % within
/// ±0.5° of the centre (a kabupaten) and < 0.7 % within ±2° (a province). A scale bar measured at
/// the centre latitude is therefore accurate to well under 1 % at kabupaten and province scale.
/// The map is for display only; all measurements come from the analysis's projected CRS.
struct LocalProjection: Sendable {
    /// Centre of the projection, degrees.
    let centre: LonLat
    /// Metres per degree of longitude at the centre latitude: N(φ0)·cos φ0·π/180.
    let metresPerDegreeLon: Double
    /// Metres per degree of latitude at the centre latitude: M(φ0)·π/180.
    let metresPerDegreeLat: Double

    /// WGS 84 semi-major axis in metres and first eccentricity squared.
    private static let semiMajorAxisM = 6_378_137.0
    private static let eccentricitySquared = 0.006_694_379_990_14

    init(centre: LonLat) {
        self.centre = centre
        let phi = centre.lat * .pi / 180
        let w = 1 - Self.eccentricitySquared * sin(phi) * sin(phi)
        let primeVerticalM = Self.semiMajorAxisM / w.squareRoot()
        let meridianM = Self.semiMajorAxisM * (1 - Self.eccentricitySquared) / (w * w.squareRoot())
        metresPerDegreeLon = max(primeVerticalM * cos(phi) * .pi / 180, 1)
        metresPerDegreeLat = meridianM * .pi / 180
    }

    /// Metres east and north of the centre.
    func project(_ point: LonLat) -> (east: Double, north: Double) {
        ((point.lon - centre.lon) * metresPerDegreeLon, (point.lat - centre.lat) * metresPerDegreeLat)
    }

    /// The position `east`/`north` metres from the centre.
    func unproject(east: Double, north: Double) -> LonLat {
        LonLat(lon: centre.lon + east / metresPerDegreeLon, lat: centre.lat + north / metresPerDegreeLat)
    }
}
