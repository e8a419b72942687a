import CakupanGeometry

/// A kecamatan or desa polygon, in lon/lat.
public struct Area: Sendable {
    public var id: String
    public var name: String?
    public var geometry: Geometry
    public var source: InputFeature
}

/// A strategic point (KPU office, TPS, warehouse…), in lon/lat.
public struct Site: Sendable {
    public var id: String
    public var name: String?
    public var category: SiteCategory
    public var priority: Level
    public var point: Coordinate
    public var source: InputFeature
}

/// A rawan (conflict-prone) zone: a polygon, or a point with a radius, in lon/lat.
public struct RawanZone: Sendable {
    public enum Shape: Sendable {
        case polygon(Geometry)
        /// A circle of `radius` metres around a lon/lat point.
        case circle(Coordinate, radius: Double)
    }
    public var id: String
    public var name: String?
    public var level: Level
    public var shape: Shape
    public var source: InputFeature
}

/// A patrol route or GPS track, in lon/lat, with its coverage radius.
public struct Patrol: Sendable {
    public var id: String
    public var geometry: Geometry
    /// Coverage radius in metres (the feature's radius_m, else the run's `--radius`).
    public var radius: Double
    public var source: InputFeature
}

/// A place where a new post could stand (a Polsek, a pos polisi, a junction, a school), in lon/lat.
public struct Candidate: Sendable {
    public var id: String
    public var name: String?
    public var point: Coordinate
    public var source: InputFeature
}

/// A role value whose id two files of one role may both use (then prefixed by `Pipeline.loadInputs`).
protocol IdentifiedRoleValue {
    var id: String { get set }
}

extension Area: IdentifiedRoleValue {}
extension Site: IdentifiedRoleValue {}
extension RawanZone: IdentifiedRoleValue {}
extension Candidate: IdentifiedRoleValue {}
