import CPROJ
import CakupanGeometry

/// A transformation between two CRSs (`proj_create_crs_to_crs` normalised with
/// `proj_normalize_for_visualization`), so geographic coordinates are always x = longitude,
/// y = latitude whatever the CRS's official axis order (EPSG:4326 is officially lat/lon).
///
/// Create one per task and reuse it: creating a transformation is expensive, applying it is cheap.
public final class CoordinateTransformer {
    private let operation: PROJObject
    public let source: String
    public let target: String

    public init(from source: String, to target: String, context: PROJContext) throws {
        self.source = source
        self.target = target
        guard let raw = proj_create_crs_to_crs(context.handle, source, target, nil) else {
            throw PROJError.noTransformation(from: source, to: target, message: context.lastError())
        }
        let rawObject = PROJObject(context: context, owning: raw)
        guard let normalized = proj_normalize_for_visualization(context.handle, rawObject.pointer) else {
            throw PROJError.noTransformation(from: source, to: target, message: context.lastError())
        }
        operation = PROJObject(context: context, owning: normalized)
    }

    /// Transforms coordinates in place with `proj_trans_generic`. Throws on the first coordinate that
    /// comes back non-finite (PROJ marks failures with HUGE_VAL).
    public func transform(_ coordinates: inout [Coordinate]) throws {
        guard !coordinates.isEmpty else { return }
        let n = coordinates.count
        let stride = MemoryLayout<Coordinate>.stride
        precondition(stride == 2 * MemoryLayout<Double>.stride, "Coordinate must be two packed Doubles")
        let originals = coordinates
        coordinates.withUnsafeMutableBytes { raw in
            let base = raw.baseAddress!
            let xs = base.assumingMemoryBound(to: Double.self)
            let ys = (base + MemoryLayout<Double>.stride).assumingMemoryBound(to: Double.self)
            _ = proj_trans_generic(operation.pointer, PJ_FWD, xs, stride, n, ys, stride, n, nil, 0, 0, nil, 0, 0)
        }
        if let bad = coordinates.firstIndex(where: { !$0.isFinite }) {
            let code = proj_errno(operation.pointer)
            let message =
                code != 0 ? proj_errno_string(code).map { String(cString: $0) } ?? "error \(code)" : "outside the projection's domain"
            proj_errno_reset(operation.pointer)
            throw PROJError.transformFailed(x: originals[bad].x, y: originals[bad].y, message: message)
        }
    }

    /// One coordinate.
    public func transform(_ c: Coordinate) throws -> Coordinate {
        var cs = [c]
        try transform(&cs)
        return cs[0]
    }

    /// Every coordinate of a geometry, transformed in one batch per ring or line.
    public func transform(_ geometry: Geometry) throws -> Geometry {
        func batch(_ cs: [Coordinate]) throws -> [Coordinate] {
            var copy = cs
            try transform(&copy)
            return copy
        }
        func poly(_ p: Polygon) throws -> Polygon {
            Polygon(exterior: try batch(p.exterior), holes: try p.holes.map(batch))
        }
        switch geometry {
        case .point(let c): return .point(try transform(c))
        case .lineString(let cs): return .lineString(try batch(cs))
        case .multiPoint(let cs): return .multiPoint(try batch(cs))
        case .polygon(let p): return .polygon(try poly(p))
        case .multiLineString(let ls): return .multiLineString(try ls.map(batch))
        case .multiPolygon(let ps): return .multiPolygon(try ps.map(poly))
        case .collection(let gs): return .collection(try gs.map { try transform($0) })
        }
    }
}
