import CGEOS
import CakupanGeometry

/// Owns one `GEOSGeometry*` made in a `GEOSContext`, destroyed in `deinit`.
///
/// Convert a `Geometry` value once with `init(_:in:)`, reuse the object for every operation, and turn
/// results back into values with `value()`.
public final class GEOSGeometry {
    public let context: GEOSContext
    let pointer: OpaquePointer

    init(context: GEOSContext, owning pointer: OpaquePointer) {
        self.context = context
        self.pointer = pointer
    }

    deinit {
        GEOSGeom_destroy_r(context.handle, pointer)
    }

    /// Builds the GEOS geometry of a value. Rings are closed when they are not; a ring with fewer than
    /// 4 coordinates once closed, or a non-finite coordinate, throws `GEOSError.invalidGeometry`.
    public convenience init(_ geometry: Geometry, in context: GEOSContext) throws {
        let pointer = try GEOSBuilder(context: context).make(geometry)
        self.init(context: context, owning: pointer)
    }

    /// A deep copy in the same context.
    public func clone() throws -> GEOSGeometry {
        try context.own(GEOSGeom_clone_r(context.handle, pointer), "GEOSGeom_clone_r")
    }

    /// The geometry as a plain value.
    public func value() throws -> Geometry {
        try GEOSReader(context: context).read(pointer)
    }

    /// True for an empty geometry.
    public var isEmpty: Bool {
        get throws { try context.predicate(GEOSisEmpty_r(context.handle, pointer), "GEOSisEmpty_r") }
    }

    /// The GEOS type name ("Point", "Polygon", …).
    public var typeName: String {
        guard let s = GEOSGeomType_r(context.handle, pointer) else { return "?" }
        defer { GEOSFree_r(context.handle, s) }
        return String(cString: s)
    }

    /// `GEOSGetNumCoordinates_r`: the number of coordinates of every part and ring (-1 on exception).
    public func coordinateCount() throws -> Int {
        let n = GEOSGetNumCoordinates_r(context.handle, pointer)
        guard n >= 0 else { throw context.failure("GEOSGetNumCoordinates_r") }
        return Int(n)
    }

    /// True for a Polygon or MultiPolygon (`GEOSGeomTypeId_r`, -1 on exception).
    public var isPolygonal: Bool {
        get throws {
            let t = GEOSGeomTypeId_r(context.handle, pointer)
            guard t >= 0 else { throw context.failure("GEOSGeomTypeId_r") }
            return t == Int32(GEOS_POLYGON.rawValue) || t == Int32(GEOS_MULTIPOLYGON.rawValue)
        }
    }

    /// Number of parts of a collection (1 for a single geometry).
    public var partCount: Int { Int(GEOSGetNumGeometries_r(context.handle, pointer)) }

    /// Copies of the parts of a multi-geometry or collection (itself, copied, for a single geometry).
    public func parts() throws -> [GEOSGeometry] {
        let n = GEOSGetNumGeometries_r(context.handle, pointer)
        guard n >= 0 else { throw context.failure("GEOSGetNumGeometries_r") }
        return try (0..<n).map { i in
            // GEOSGetGeometryN_r returns a pointer owned by the parent: clone it before wrapping.
            guard let part = GEOSGetGeometryN_r(context.handle, pointer, i) else {
                throw context.failure("GEOSGetGeometryN_r")
            }
            return try context.own(GEOSGeom_clone_r(context.handle, part), "GEOSGeom_clone_r")
        }
    }

    /// The bounding box; nil when empty.
    public func envelope() throws -> Envelope? {
        if try isEmpty { return nil }
        let h = context.handle
        // GEOSGeom_get{X,Y}{Min,Max}_r return 0 on exception.
        return Envelope(
            minX: try context.measure("GEOSGeom_getXMin_r") { GEOSGeom_getXMin_r(h, pointer, $0) },
            minY: try context.measure("GEOSGeom_getYMin_r") { GEOSGeom_getYMin_r(h, pointer, $0) },
            maxX: try context.measure("GEOSGeom_getXMax_r") { GEOSGeom_getXMax_r(h, pointer, $0) },
            maxY: try context.measure("GEOSGeom_getYMax_r") { GEOSGeom_getYMax_r(h, pointer, $0) })
    }

    /// The kind of collection `collection(_:of:in:)` builds.
    public enum CollectionKind: Sendable {
        case multiPolygon, multiLineString, multiPoint, geometryCollection
        var geosType: GEOSGeomTypes {
            switch self {
            case .multiPolygon: GEOS_MULTIPOLYGON
            case .multiLineString: GEOS_MULTILINESTRING
            case .multiPoint: GEOS_MULTIPOINT
            case .geometryCollection: GEOS_GEOMETRYCOLLECTION
            }
        }
    }

    /// A collection holding copies of `geometries` (for unary union of many, or a multipolygon of some
    /// parts of a valid multipolygon). The members must suit `kind` (polygons for a multipolygon).
    public static func collection(
        _ geometries: [GEOSGeometry], of kind: CollectionKind = .geometryCollection, in context: GEOSContext
    ) throws -> GEOSGeometry {
        let h = context.handle
        var clones: [OpaquePointer?] = []
        clones.reserveCapacity(geometries.count)
        for g in geometries {
            guard let c = GEOSGeom_clone_r(h, g.pointer) else {
                for p in clones { GEOSGeom_destroy_r(h, p) }
                throw context.failure("GEOSGeom_clone_r")
            }
            clones.append(c)
        }
        // GEOSGeom_createCollection_r takes ownership of the clones (not of the array); NULL on exception.
        let made = clones.withUnsafeMutableBufferPointer {
            GEOSGeom_createCollection_r(h, Int32(kind.geosType.rawValue), $0.baseAddress, UInt32($0.count))
        }
        return try context.own(made, "GEOSGeom_createCollection_r")
    }
}

extension GEOSGeometry {
    /// `GEOSGeom_createRectangle_r` (GEOS ≥ 3.11): an axis-aligned rectangle polygon, the cheapest
    /// query shape for an STRtree.
    public static func rectangle(_ e: Envelope, in context: GEOSContext) throws -> GEOSGeometry {
        try context.own(GEOSGeom_createRectangle_r(context.handle, e.minX, e.minY, e.maxX, e.maxY), "GEOSGeom_createRectangle_r")
    }
}
