import CGDAL
import CakupanGeometry

/// A layer of an open `VectorDataset`. The `OGRLayerH` belongs to the dataset, which this keeps alive.
public final class VectorLayer {
    public let dataset: VectorDataset
    let handle: OGRLayerH

    init(dataset: VectorDataset, handle: OGRLayerH) {
        self.dataset = dataset
        self.handle = handle
    }

    public var info: VectorLayerInfo {
        let defn = OGR_L_GetLayerDefn(handle)
        var recodedNames = false
        let fieldNames = (0..<OGR_FD_GetFieldCount(defn)).map { i in
            let (name, recoded) = TextDecoding.decode(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)))
            recodedNames = recodedNames || recoded
            return name
        }
        var wkt: String? = nil
        if let srs = OGR_L_GetSpatialRef(handle) {
            // OSRExportToWktEx allocates the string; we free it with CPLFree (VSIFree).
            var out: UnsafeMutablePointer<CChar>? = nil
            let ok = withCStringList(["FORMAT=WKT2_2019"]) { OSRExportToWktEx(srs, &out, $0) }
            if ok == OGRERR_NONE, let out { wkt = String(cString: out) }
            VSIFree(out)
        }
        return VectorLayerInfo(
            name: String(cString: OGR_L_GetName(handle)),
            geometryType: String(cString: OGRGeometryTypeToName(OGR_L_GetGeomType(handle))),
            fieldNames: fieldNames,
            recodedFieldNames: recodedNames,
            crsWKT: wkt,
            featureCount: Int(OGR_L_GetFeatureCount(handle, 0)))
    }

    /// Streams the layer's features in order, one at a time, so large files are never held whole.
    /// Returns the warnings GDAL emitted while reading.
    @discardableResult
    public func forEachFeature(_ body: (VectorFeature) throws -> Void) throws -> [String] {
        let defn = OGR_L_GetLayerDefn(handle)
        let fieldCount = OGR_FD_GetFieldCount(defn)
        let kinds = (0..<fieldCount).map { i -> (OGRFieldType, OGRFieldSubType) in
            let f = OGR_FD_GetFieldDefn(defn, i)
            return (OGR_Fld_GetType(f), OGR_Fld_GetSubType(f))
        }
        var index = 0
        var failure: Error? = nil
        var trailing: [String] = []
        let (_, messages) = GDALRuntime.collectingMessages(into: GDALRuntime.MessageBox()) { box in
            OGR_L_ResetReading(handle)
            while true {
                let errorsBefore = box.errors.count
                // OGR_L_GetNextFeature returns a feature we own: destroyed with OGR_F_Destroy.
                guard let f = OGR_L_GetNextFeature(handle) else {
                    trailing = Array(box.errors[errorsBefore...])
                    return
                }
                defer { OGR_F_Destroy(f) }
                var recoded: [Int] = []
                let values = (0..<fieldCount).map { i in Self.value(f, i, kinds[Int(i)], recoded: &recoded) }
                var geometry: Geometry? = nil
                var problem: String? = nil
                if let g = OGR_F_GetGeometryRef(f) {  // owned by the feature
                    do { geometry = try OGRGeometryReader.read(g) } catch { problem = "\(error)" }
                }
                let feature = VectorFeature(
                    index: index, fid: Int64(OGR_F_GetFID(f)), values: values,
                    geometry: geometry, geometryProblem: problem, recodedFields: recoded,
                    readErrors: Array(box.errors[errorsBefore...]))
                index += 1
                do { try body(feature) } catch {
                    failure = error
                    return
                }
            }
        }
        if let failure { throw failure }
        if let error = trailing.first {
            throw GDALError.library(path: dataset.path, operation: "reading layer \(info.name) after feature \(index)", message: error)
        }
        // Errors that came with a feature were handed over with it; the rest are warnings.
        return messages.filter { !$0.hasPrefix("error: ") }
    }

    private static func value(_ f: OGRFeatureH, _ i: Int32, _ kind: (OGRFieldType, OGRFieldSubType), recoded: inout [Int]) -> FieldValue {
        guard OGR_F_IsFieldSetAndNotNull(f, i) != 0 else { return .null }
        switch kind.0 {
        case OFTInteger where kind.1 == OFSTBoolean:
            return .bool(OGR_F_GetFieldAsInteger(f, i) != 0)
        case OFTInteger, OFTInteger64:
            return .integer(OGR_F_GetFieldAsInteger64(f, i))
        case OFTReal:
            return .real(OGR_F_GetFieldAsDouble(f, i))
        default:
            // The string belongs to the feature; decoded as UTF-8, else as Windows-1252 (noted in `recoded`).
            let (text, wasRecoded) = TextDecoding.decode(OGR_F_GetFieldAsString(f, i))
            if wasRecoded { recoded.append(Int(i)) }
            return .string(text)
        }
    }
}
