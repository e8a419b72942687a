/// A polygon as rings of coordinates. Each ring is closed (first == last) once it went through GEOS;
/// readers may hand over unclosed rings, which the GEOS conversion closes.
public struct Polygon: Hashable, Sendable {
    public var exterior: [Coordinate]
    public var holes: [[Coordinate]]

    public init(exterior: [Coordinate], holes: [[Coordinate]] = []) {
        self.exterior = exterior
        self.holes = holes
    }

    /// All rings, exterior first.
    public var rings: [[Coordinate]] { [exterior] + holes }
}

/// Ring arithmetic used when writing RFC 7946 output.
public enum Ring {
    /// Twice the signed area of a ring by the shoelace formula, positive when counter-clockwise
    /// (in a y-up plane such as lon/lat). Units: the square of the coordinate unit.
    public static func signedDoubleArea(_ ring: [Coordinate]) -> Double {
        guard ring.count >= 3 else { return 0 }
        var sum = 0.0
        let x0 = ring[0].x
        let y0 = ring[0].y  // shift for numeric stability
        for i in 0..<(ring.count - 1) {
            let a = ring[i]
            let b = ring[i + 1]
            sum += (a.x - x0) * (b.y - y0) - (b.x - x0) * (a.y - y0)
        }
        if ring.first != ring.last, let a = ring.last {
            let b = ring[0]
            sum += (a.x - x0) * (b.y - y0) - (b.x - x0) * (a.y - y0)
        }
        return sum
    }

    /// The ring oriented counter-clockwise (`ccw == true`) or clockwise.
    public static func oriented(_ ring: [Coordinate], counterClockwise ccw: Bool) -> [Coordinate] {
        let isCCW = signedDoubleArea(ring) > 0
        return isCCW == ccw ? ring : ring.reversed()
    }
}
