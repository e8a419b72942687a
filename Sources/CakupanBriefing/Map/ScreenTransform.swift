/// Places the projected data in the map frame: a uniform scale (px per metre) and an offset, chosen
/// so that the data's extent fits the frame with a margin and is centred in it.
struct ScreenTransform: Sendable {
    let projection: LocalProjection
    /// Pixels per metre on the ground (at the centre latitude, see `LocalProjection`).
    let pixelsPerMetre: Double
    /// Canvas position of the projection's centre.
    let origin: ScreenPoint

    /// Fits the positions into `frame` leaving `marginPx` on each side. With no positions, or all
    /// in one place, shows 2 km around them (or around 0°, 0°).
    init(fitting positions: [LonLat], into frame: ScreenBox, marginPx: Double = 18) {
        var minLon = Double.infinity
        var maxLon = -Double.infinity
        var minLat = Double.infinity
        var maxLat = -Double.infinity
        for p in positions {
            minLon = min(minLon, p.lon)
            maxLon = max(maxLon, p.lon)
            minLat = min(minLat, p.lat)
            maxLat = max(maxLat, p.lat)
        }
        if positions.isEmpty { (minLon, maxLon, minLat, maxLat) = (0, 0, 0, 0) }
        let projection = LocalProjection(centre: LonLat(lon: (minLon + maxLon) / 2, lat: (minLat + maxLat) / 2))
        let widthM = max((maxLon - minLon) * projection.metresPerDegreeLon, 1)
        let heightM = max((maxLat - minLat) * projection.metresPerDegreeLat, 1)
        let usableWidth = max(frame.width - 2 * marginPx, 1)
        let usableHeight = max(frame.height - 2 * marginPx, 1)
        var scale = min(usableWidth / widthM, usableHeight / heightM)
        if widthM <= 1 && heightM <= 1 { scale = min(usableWidth, usableHeight) / 2000 }
        self.projection = projection
        self.pixelsPerMetre = scale
        self.origin = frame.centre
    }

    func point(_ p: LonLat) -> ScreenPoint {
        let (east, north) = projection.project(p)
        return ScreenPoint(x: origin.x + east * pixelsPerMetre, y: origin.y - north * pixelsPerMetre)
    }

    /// The position shown at canvas point (`x`, `y`).
    func lonLat(x: Double, y: Double) -> LonLat {
        projection.unproject(east: (x - origin.x) / pixelsPerMetre, north: (origin.y - y) / pixelsPerMetre)
    }
}
