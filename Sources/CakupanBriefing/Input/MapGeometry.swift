/// A position in WGS 84 degrees (RFC 7946 §3.1.1: longitude first).
public struct LonLat: Sendable, Hashable {
    /// Longitude in degrees east.
    public var lon: Double
    /// Latitude in degrees north.
    public var lat: Double

    public init(lon: Double, lat: Double) {
        self.lon = lon
        self.lat = lat
    }
}

/// A polygon as GeoJSON writes it (RFC 7946 §3.1.6): the exterior ring first, then holes; each ring
/// closed (first position repeated last).
public struct MapPolygon: Sendable, Hashable {
    public var rings: [[LonLat]]

    public init(rings: [[LonLat]]) {
        self.rings = rings
    }
}

/// The geometry of one feature, reduced to what the briefing draws.
public enum MapGeometry: Sendable, Hashable {
    /// A GeoJSON Point.
    case point(LonLat)
    /// A Polygon, MultiPolygon or GeometryCollection of them; empty for an empty geometry.
    case polygons([MapPolygon])
    /// A null geometry (RFC 7946 §3.2 allows it): nothing is drawn.
    case none

    /// The polygons, or none for a point or a null geometry.
    public var polygons: [MapPolygon] {
        if case .polygons(let polygons) = self { return polygons }
        return []
    }

    /// Every position of the geometry, for extents.
    var positions: [LonLat] {
        switch self {
        case .point(let point): [point]
        case .polygons(let polygons): polygons.flatMap { $0.rings.flatMap { $0 } }
        case .none: []
        }
    }
}
