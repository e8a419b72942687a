/// A simple-features geometry as a plain Swift value. GEOS, PROJ and GDAL handles stay inside their
/// wrapper modules; only these values cross module and task boundaries.
public enum Geometry: Hashable, Sendable {
    case point(Coordinate)
    case lineString([Coordinate])
    case polygon(Polygon)
    case multiPoint([Coordinate])
    case multiLineString([[Coordinate]])
    case multiPolygon([Polygon])
    case collection([Geometry])

    /// The OGC name of the geometry type, as users see it in GIS tools.
    public var typeName: String {
        switch self {
        case .point: "Point"
        case .lineString: "LineString"
        case .polygon: "Polygon"
        case .multiPoint: "MultiPoint"
        case .multiLineString: "MultiLineString"
        case .multiPolygon: "MultiPolygon"
        case .collection: "GeometryCollection"
        }
    }

    /// Every coordinate, in order.
    public var allCoordinates: [Coordinate] {
        switch self {
        case .point(let c): [c]
        case .lineString(let cs), .multiPoint(let cs): cs
        case .polygon(let p): p.rings.flatMap { $0 }
        case .multiLineString(let ls): ls.flatMap { $0 }
        case .multiPolygon(let ps): ps.flatMap { $0.rings.flatMap { $0 } }
        case .collection(let gs): gs.flatMap(\.allCoordinates)
        }
    }

    /// True when the geometry has no coordinates.
    public var isEmpty: Bool {
        switch self {
        case .point: false
        case .lineString(let cs), .multiPoint(let cs): cs.isEmpty
        case .polygon(let p): p.exterior.isEmpty
        case .multiLineString(let ls): ls.allSatisfy(\.isEmpty)
        case .multiPolygon(let ps): ps.allSatisfy { $0.exterior.isEmpty }
        case .collection(let gs): gs.allSatisfy(\.isEmpty)
        }
    }

    /// The polygons of a polygonal geometry (polygons inside collections included).
    public var polygons: [Polygon] {
        switch self {
        case .polygon(let p): [p]
        case .multiPolygon(let ps): ps
        case .collection(let gs): gs.flatMap(\.polygons)
        default: []
        }
    }

    /// The lines of a lineal geometry (lines inside collections included).
    public var lines: [[Coordinate]] {
        switch self {
        case .lineString(let cs): [cs]
        case .multiLineString(let ls): ls
        case .collection(let gs): gs.flatMap(\.lines)
        default: []
        }
    }

    /// The points of a puntal geometry (points inside collections included).
    public var points: [Coordinate] {
        switch self {
        case .point(let c): [c]
        case .multiPoint(let cs): cs
        case .collection(let gs): gs.flatMap(\.points)
        default: []
        }
    }

    /// The same geometry with every coordinate passed through `transform`.
    public func mapCoordinates(_ transform: (Coordinate) throws -> Coordinate) rethrows -> Geometry {
        func ring(_ r: [Coordinate]) throws -> [Coordinate] { try r.map(transform) }
        func poly(_ p: Polygon) throws -> Polygon {
            Polygon(exterior: try ring(p.exterior), holes: try p.holes.map(ring))
        }
        switch self {
        case .point(let c): return .point(try transform(c))
        case .lineString(let cs): return .lineString(try ring(cs))
        case .multiPoint(let cs): return .multiPoint(try ring(cs))
        case .polygon(let p): return .polygon(try poly(p))
        case .multiLineString(let ls): return .multiLineString(try ls.map(ring))
        case .multiPolygon(let ps): return .multiPolygon(try ps.map(poly))
        case .collection(let gs): return .collection(try gs.map { try $0.mapCoordinates(transform) })
        }
    }

    /// The bounding box, or nil for an empty geometry.
    public var envelope: Envelope? { Envelope(allCoordinates) }
}
