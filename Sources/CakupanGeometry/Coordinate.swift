/// A planar or geographic coordinate: `x` is longitude (degrees) or easting (metres),
/// `y` is latitude (degrees) or northing (metres), depending on the CRS of the geometry that holds it.
public struct Coordinate: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// True when both ordinates are finite numbers (not NaN, not infinite).
    public var isFinite: Bool { x.isFinite && y.isFinite }
}
