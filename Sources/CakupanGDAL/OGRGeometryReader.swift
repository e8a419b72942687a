import CGDAL
import CakupanGeometry

/// Reads an `OGRGeometryH` (not owned) into a `Geometry` value. Curves are linearised first.
public enum OGRGeometryReader {
    struct Unsupported: Error, CustomStringConvertible {
        let type: String
        var description: String { "unsupported geometry type \(type)" }
    }

    static func read(_ g: OGRGeometryH) throws -> Geometry {
        let type = OGR_G_GetGeometryType(g)
        if OGR_GT_IsNonLinear(type) != 0 {
            // OGR_G_GetLinearGeometry returns a new geometry we own.
            guard let linear = OGR_G_GetLinearGeometry(g, 0, nil) else { throw Unsupported(type: "curve") }
            defer { OGR_G_DestroyGeometry(linear) }
            return try read(linear)
        }
        switch OGR_GT_Flatten(type) {
        case wkbPoint:
            if OGR_G_IsEmpty(g) != 0 { return .multiPoint([]) }
            return .point(Coordinate(x: OGR_G_GetX(g, 0), y: OGR_G_GetY(g, 0)))
        case wkbLineString, wkbLinearRing:
            return .lineString(points(g))
        case wkbPolygon:
            return .polygon(polygon(g))
        case wkbMultiPoint:
            return .multiPoint(try members(g).flatMap { try read($0).points })
        case wkbMultiLineString:
            return .multiLineString(members(g).map(points))
        case wkbMultiPolygon:
            return .multiPolygon(members(g).map(polygon))
        case wkbGeometryCollection:
            return .collection(try members(g).map(read))
        default:
            throw Unsupported(type: String(cString: OGRGeometryTypeToName(type)))
        }
    }

    /// Parses well-known text (a CSV WKT column) into a value; nil with a reason when it is not WKT.
    public static func parseWKT(_ text: String) -> Result<Geometry, Error> {
        _ = GDALRuntime.registered
        var geometry: OGRGeometryH? = nil
        let err: OGRErr = text.withCString { cs in
            var cursor: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(mutating: cs)
            return OGR_G_CreateFromWkt(&cursor, nil, &geometry)
        }
        guard err == OGRERR_NONE, let geometry else {
            return .failure(Unsupported(type: "text that is not well-known text (WKT)"))
        }
        defer { OGR_G_DestroyGeometry(geometry) }  // we own what OGR_G_CreateFromWkt made
        return Result { try read(geometry) }
    }

    /// Sub-geometries; owned by `g`.
    private static func members(_ g: OGRGeometryH) -> [OGRGeometryH] {
        (0..<OGR_G_GetGeometryCount(g)).compactMap { OGR_G_GetGeometryRef(g, $0) }
    }

    private static func polygon(_ g: OGRGeometryH) -> Polygon {
        let rings = members(g).map(points)
        guard let exterior = rings.first else { return Polygon(exterior: []) }
        return Polygon(exterior: exterior, holes: Array(rings.dropFirst()))
    }

    private static func points(_ g: OGRGeometryH) -> [Coordinate] {
        let n = Int(OGR_G_GetPointCount(g))
        guard n > 0 else { return [] }
        var xs = [Double](repeating: 0, count: n)
        var ys = [Double](repeating: 0, count: n)
        xs.withUnsafeMutableBytes { xb in
            ys.withUnsafeMutableBytes { yb in
                _ = OGR_G_GetPoints(
                    g, xb.baseAddress, Int32(MemoryLayout<Double>.stride),
                    yb.baseAddress, Int32(MemoryLayout<Double>.stride), nil, 0)
            }
        }
        return (0..<n).map { Coordinate(x: xs[$0], y: ys[$0]) }
    }
}
