import CGDAL
import CakupanGeometry

/// Owns a `GDALDatasetH` opened for reading and writing tables (`GDALOpenEx` with `GDAL_OF_UPDATE`, or
/// `GDALCreate` for a new file; `GDALClose` in `deinit`): a GeoPackage file or a PostgreSQL/PostGIS
/// database (`PG:dbname=… host=… port=…`). Adds what a store needs on top of `VectorWriter`: SQL
/// statements (`GDALDatasetExecuteSQL`), transactions, layers found by name, features appended to an
/// existing layer and read back. Belongs to one thread or task.
public final class VectorStore {
    /// The path or connection string, as given.
    public let target: String
    let handle: GDALDatasetH
    private let srs: OGRSpatialReferenceH

    /// Opens an existing dataset for update (`readOnly: false`) or reading.
    public init(opening target: String, readOnly: Bool = false, allowedDrivers: [String]? = nil) throws {
        self.target = target
        let flags = GDAL_OF_VECTOR | (readOnly ? GDAL_OF_READONLY : GDAL_OF_UPDATE) | GDAL_OF_VERBOSE_ERROR
        let (opened, messages) = GDALRuntime.collectingMessages { () -> GDALDatasetH? in
            withCStringList(allowedDrivers ?? []) { drivers in
                GDALOpenEx(target, UInt32(flags), allowedDrivers == nil ? nil : drivers, nil, nil)
            }
        }
        guard let opened else {
            throw GDALError.cannotOpen(path: target, message: messages.last.map { $0.replacingPrefix("error: ", with: "") } ?? "")
        }
        handle = opened
        srs = Self.wgs84()
    }

    /// Creates a new dataset with the GDAL driver `driver` ("GPKG").
    public init(creating target: String, driver: String) throws {
        self.target = target
        _ = GDALRuntime.registered
        guard let d = GDALGetDriverByName(driver) else { throw GDALError.missingDriver(driver) }
        // GDALCreate returns a dataset we own (closed in deinit), or NULL.
        let (created, messages) = GDALRuntime.collectingMessages {
            GDALCreate(d, target, 0, 0, 0, GDT_Unknown, nil)
        }
        guard let created else {
            throw GDALError.library(path: target, operation: "creating a \(driver) file", message: messages.last ?? "")
        }
        handle = created
        srs = Self.wgs84()
    }

    deinit {
        GDALClose(handle)
        OSRRelease(srs)
    }

    /// WGS 84 with x = longitude (traditional GIS order). Owned by the store; released in deinit.
    private static func wgs84() -> OGRSpatialReferenceH {
        let srs = OSRNewSpatialReference(nil)!
        OSRImportFromEPSG(srs, 4326)
        OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER)
        return srs
    }

    /// The short name of the driver ("GPKG", "PostgreSQL", …).
    public var driverName: String {
        guard let d = GDALGetDatasetDriver(handle), let n = GDALGetDriverShortName(d) else { return "?" }
        return String(cString: n)
    }

    /// The layer named `name`; nil when there is none. (The PostgreSQL driver also finds tables it did
    /// not list when opening.)
    func layer(named name: String) -> OGRLayerH? {
        // GDALDatasetGetLayerByName returns a layer owned by the dataset, or NULL.
        GDALRuntime.collectingMessages { GDALDatasetGetLayerByName(handle, name) }.0
    }

    public func hasLayer(_ name: String) -> Bool { layer(named: name) != nil }

    // MARK: Transactions

    /// `GDALDatasetStartTransaction` (non-forced: the GPKG and PostgreSQL drivers have real ones);
    /// returns OGRERR_NONE on success.
    public func begin() throws {
        try check("starting a transaction") { GDALDatasetStartTransaction(handle, 0) }
    }

    /// `GDALDatasetCommitTransaction`; returns OGRERR_NONE on success.
    public func commit() throws {
        try check("committing the transaction") { GDALDatasetCommitTransaction(handle) }
    }

    /// `GDALDatasetRollbackTransaction`. Errors are ignored: rollback runs on the way out of a failure.
    public func rollback() {
        _ = GDALRuntime.collectingMessages { GDALDatasetRollbackTransaction(handle) }
    }

    private func check(_ operation: String, _ body: () -> OGRErr) throws {
        let (err, messages) = GDALRuntime.collectingMessages(body)
        if err != OGRERR_NONE {
            throw GDALError.library(path: target, operation: operation, message: messages.last ?? "OGR error \(err)")
        }
    }

    // MARK: SQL

    /// Runs an SQL statement in the dataset's own dialect (SQLite for GPKG, PostgreSQL for PG) and
    /// returns the rows of its result (empty for statements without one). Text, integer and real
    /// columns come back as `FieldValue`s.
    @discardableResult
    public func execute(_ sql: String) throws -> [[FieldValue]] {
        let (rows, messages) = GDALRuntime.collectingMessages { () -> [[FieldValue]] in
            // GDALDatasetExecuteSQL returns a result layer we must give back with
            // GDALDatasetReleaseResultSet, or NULL (no result set, or an error).
            guard let result = GDALDatasetExecuteSQL(handle, sql, nil, nil) else { return [] }
            defer { GDALDatasetReleaseResultSet(handle, result) }
            return Self.rows(of: result).rows
        }
        if let error = messages.first(where: { $0.hasPrefix("error: ") }) {
            throw GDALError.library(path: target, operation: "SQL \(sql.prefix(60))", message: String(error.dropFirst(7)))
        }
        return rows
    }

    // MARK: Layers

    /// Geometry of a new layer's features.
    public enum LayerGeometry: Sendable { case none, point }

    /// Creates a layer (table) with these fields.
    public func createLayer(_ name: String, geometry: LayerGeometry, fields: [(name: String, kind: FieldKind)]) throws {
        let (failure, messages) = GDALRuntime.collectingMessages { () -> String? in
            let type = geometry == .point ? wkbPoint : wkbNone
            // The layer belongs to the dataset.
            let created = withCStringList(["SPATIAL_INDEX=NO"]) { opts in
                opts.withMemoryRebound(to: UnsafeMutablePointer<CChar>?.self, capacity: 2) {
                    GDALDatasetCreateLayer(handle, name, geometry == .point ? srs : nil, type, UnsafeMutablePointer(mutating: $0))
                }
            }
            guard let layer = created else { return "cannot create layer \(name)" }
            for f in fields {
                let defn = OGR_Fld_Create(f.name, VectorWriter.ogrType(f.kind))
                if f.kind == .bool { OGR_Fld_SetSubType(defn, OFSTBoolean) }
                let err = OGR_L_CreateField(layer, defn, 1)
                OGR_Fld_Destroy(defn)
                if err != OGRERR_NONE { return "cannot create field \(f.name) of \(name)" }
            }
            return nil
        }
        if let failure {
            throw GDALError.library(
                path: target, operation: "creating table \(name)", message: messages.last.map { "\(failure): \($0)" } ?? failure)
        }
    }

    /// Appends features to the layer `name`. Values are set by field name (`names`, parallel to each
    /// feature's values); the geometry, when given, is lon/lat.
    public func insert(into name: String, names: [String], features: [VectorWriter.Feature]) throws {
        let (failure, messages) = GDALRuntime.collectingMessages { () -> String? in
            guard let layer = layer(named: name) else { return "no table \(name)" }
            let defn = OGR_L_GetLayerDefn(layer)
            let indices = names.map { OGR_FD_GetFieldIndex(defn, $0) }
            if let missing = indices.firstIndex(where: { $0 < 0 }) { return "table \(name) has no column \(names[missing])" }
            for feature in features {
                // OGR_F_Create makes a feature we own; OGR_F_SetGeometryDirectly takes the geometry.
                guard let f = OGR_F_Create(defn) else { return "cannot make a row of \(name)" }
                defer { OGR_F_Destroy(f) }
                VectorWriter.set(feature.values, indices: indices, on: f)
                if let g = feature.geometry, let ogr = OGRGeometryBuilder.make(g) {
                    OGR_F_SetGeometryDirectly(f, ogr)
                }
                if OGR_L_CreateFeature(layer, f) != OGRERR_NONE { return "cannot add a row to \(name)" }
            }
            return nil
        }
        if let failure {
            throw GDALError.library(
                path: target, operation: "writing table \(name)", message: messages.last.map { "\(failure): \($0)" } ?? failure)
        }
    }

    /// Every row of the layer `name`: its field names and values (attribute filter `filter` in OGR SQL
    /// when given). Geometry is not read.
    public func read(_ name: String, filter: String? = nil) throws -> (fields: [String], rows: [[FieldValue]]) {
        let (result, messages) = GDALRuntime.collectingMessages { () -> (fields: [String], rows: [[FieldValue]])? in
            guard let layer = layer(named: name) else { return nil }
            if OGR_L_SetAttributeFilter(layer, filter) != OGRERR_NONE { return nil }
            defer { OGR_L_SetAttributeFilter(layer, nil) }
            return Self.rows(of: layer)
        }
        if let error = messages.first(where: { $0.hasPrefix("error: ") }) {
            throw GDALError.library(path: target, operation: "reading table \(name)", message: String(error.dropFirst(7)))
        }
        guard let result else { throw GDALError.library(path: target, operation: "reading table \(name)", message: "no such table") }
        return result
    }

    /// Reads a layer (a table or an SQL result set) from the start.
    private static func rows(of layer: OGRLayerH) -> (fields: [String], rows: [[FieldValue]]) {
        let defn = OGR_L_GetLayerDefn(layer)
        let count = OGR_FD_GetFieldCount(defn)
        let fields = (0..<count).map { String(cString: OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, $0))) }
        let kinds = (0..<count).map { OGR_Fld_GetType(OGR_FD_GetFieldDefn(defn, $0)) }
        var rows: [[FieldValue]] = []
        OGR_L_ResetReading(layer)
        // OGR_L_GetNextFeature returns a feature we own.
        while let f = OGR_L_GetNextFeature(layer) {
            defer { OGR_F_Destroy(f) }
            rows.append(
                (0..<count).map { i -> FieldValue in
                    guard OGR_F_IsFieldSetAndNotNull(f, i) != 0 else { return .null }
                    switch kinds[Int(i)] {
                    case OFTInteger, OFTInteger64: return .integer(OGR_F_GetFieldAsInteger64(f, i))
                    case OFTReal: return .real(OGR_F_GetFieldAsDouble(f, i))
                    default: return .string(TextDecoding.decode(OGR_F_GetFieldAsString(f, i)).text)
                    }
                })
        }
        return (fields, rows)
    }
}
