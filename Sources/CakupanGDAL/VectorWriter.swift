import CGDAL
import CakupanGeometry

/// The type of an attribute field written with `VectorWriter`.
public enum FieldKind: Sendable {
    case string, integer, real, bool
}

/// Owns a `GDALDatasetH` created for writing (`GDALCreate` … `GDALClose`): GeoPackage for QGIS,
/// KML (LIBKML driver, with OGR style strings turned into KML styles) for Google Earth / My Maps.
/// Geometries are lon/lat WGS 84. Belongs to one thread or task.
public final class VectorWriter {
    public let path: String
    private let handle: GDALDatasetH
    private let srs: OGRSpatialReferenceH

    /// Creates `path` with the GDAL driver `driver` ("GPKG", "LIBKML", "GeoJSON", "FlatGeobuf").
    public init(path: String, driver: String, options: [String] = []) throws {
        self.path = path
        _ = GDALRuntime.registered
        guard let d = GDALGetDriverByName(driver) else { throw GDALError.missingDriver(driver) }
        let (created, messages) = GDALRuntime.collectingMessages {
            withCStringList(options) { opts in
                opts.withMemoryRebound(to: UnsafeMutablePointer<CChar>?.self, capacity: options.count + 1) {
                    GDALCreate(d, path, 0, 0, 0, GDT_Unknown, UnsafeMutablePointer(mutating: $0))
                }
            }
        }
        guard let created else {
            throw GDALError.library(path: path, operation: "creating a \(driver) file", message: messages.last ?? "")
        }
        handle = created
        // WGS 84 with x = longitude (traditional GIS order), as the geometries are.
        srs = OSRNewSpatialReference(nil)
        OSRImportFromEPSG(srs, 4326)
        OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER)
    }

    deinit {
        GDALClose(handle)
        OSRRelease(srs)
    }

    /// One feature to write: geometry (lon/lat), values parallel to the layer's fields, an optional
    /// OGR style string ("PEN(c:#FF0000,w:2px);BRUSH(fc:#FF000080)").
    public struct Feature {
        public var geometry: Geometry?
        public var values: [FieldValue]
        public var style: String?

        public init(geometry: Geometry?, values: [FieldValue], style: String? = nil) {
            self.geometry = geometry
            self.values = values
            self.style = style
        }
    }

    /// Writes a whole layer in one transaction.
    public func writeLayer(name: String, fields: [(name: String, kind: FieldKind)], features: [Feature]) throws {
        let (result, messages) = GDALRuntime.collectingMessages { () -> String? in
            guard let layer = GDALDatasetCreateLayer(handle, name, srs, wkbUnknown, nil) else { return "cannot create layer \(name)" }
            for f in fields {
                let defn = OGR_Fld_Create(f.name, Self.ogrType(f.kind))
                if f.kind == .bool { OGR_Fld_SetSubType(defn, OFSTBoolean) }
                let err = OGR_L_CreateField(layer, defn, 1)
                OGR_Fld_Destroy(defn)
                if err != OGRERR_NONE { return "cannot create field \(f.name)" }
            }
            // Drivers may add fields of their own (KML adds Name and Description): set values by name.
            let defn = OGR_L_GetLayerDefn(layer)
            let indices = fields.map { OGR_FD_GetFieldIndex(defn, $0.name) }
            _ = GDALDatasetStartTransaction(handle, 0)
            for feature in features {
                // OGR_F_Create makes a feature we own; OGR_F_SetGeometryDirectly takes the geometry.
                guard let f = OGR_F_Create(defn) else { return "cannot make a feature of \(name)" }
                defer { OGR_F_Destroy(f) }
                Self.set(feature.values, indices: indices, on: f)
                if let g = feature.geometry, let ogr = OGRGeometryBuilder.make(g) {
                    OGR_F_SetGeometryDirectly(f, ogr)
                }
                if let style = feature.style { OGR_F_SetStyleString(f, style) }
                if OGR_L_CreateFeature(layer, f) != OGRERR_NONE { return "cannot write a feature of \(name)" }
            }
            _ = GDALDatasetCommitTransaction(handle)
            return nil
        }
        if let result {
            throw GDALError.library(
                path: path, operation: "writing layer \(name)", message: messages.last.map { "\(result): \($0)" } ?? result)
        }
    }

    /// Sets `values` on the fields at `indices` (parallel; a negative index is skipped).
    static func set(_ values: [FieldValue], indices: [Int32], on f: OGRFeatureH) {
        for (k, v) in values.enumerated() {
            let i = indices[k]
            guard i >= 0 else { continue }
            switch v {
            case .null: OGR_F_SetFieldNull(f, i)
            case .integer(let n): OGR_F_SetFieldInteger64(f, i, n)
            case .real(let d): OGR_F_SetFieldDouble(f, i, d)
            case .string(let s): OGR_F_SetFieldString(f, i, s)
            case .bool(let b): OGR_F_SetFieldInteger(f, i, b ? 1 : 0)
            }
        }
    }

    static func ogrType(_ kind: FieldKind) -> OGRFieldType {
        switch kind {
        case .string: OFTString
        case .integer: OFTInteger64
        case .real: OFTReal
        case .bool: OFTInteger
        }
    }
}

/// Builds OGR geometries from values. Every handle returned is owned by the caller.
enum OGRGeometryBuilder {
    static func make(_ g: Geometry) -> OGRGeometryH? {
        func points(_ type: OGRwkbGeometryType, _ cs: [Coordinate]) -> OGRGeometryH? {
            guard let h = OGR_G_CreateGeometry(type) else { return nil }
            for c in cs { OGR_G_AddPoint_2D(h, c.x, c.y) }
            return h
        }
        func polygon(_ p: Polygon) -> OGRGeometryH? {
            guard let h = OGR_G_CreateGeometry(wkbPolygon) else { return nil }
            for ring in p.rings {
                // OGR_G_AddGeometryDirectly takes ownership of the ring.
                if let r = points(wkbLinearRing, ring) { OGR_G_AddGeometryDirectly(h, r) }
            }
            return h
        }
        func collection(_ type: OGRwkbGeometryType, _ parts: [OGRGeometryH?]) -> OGRGeometryH? {
            guard let h = OGR_G_CreateGeometry(type) else { return nil }
            for p in parts { if let p { OGR_G_AddGeometryDirectly(h, p) } }
            return h
        }
        switch g {
        case .point(let c): return points(wkbPoint, [c])
        case .lineString(let cs): return points(wkbLineString, cs)
        case .polygon(let p): return polygon(p)
        case .multiPoint(let cs): return collection(wkbMultiPoint, cs.map { points(wkbPoint, [$0]) })
        case .multiLineString(let ls): return collection(wkbMultiLineString, ls.map { points(wkbLineString, $0) })
        case .multiPolygon(let ps): return collection(wkbMultiPolygon, ps.map(polygon))
        case .collection(let gs): return collection(wkbGeometryCollection, gs.map(make))
        }
    }
}
