import CGDAL
import CakupanGeometry

/// Owns a `GDALDatasetH` opened for reading vectors (`GDALOpenEx` … `GDALClose`).
/// Belongs to one thread or task.
public final class VectorDataset {
    public let path: String
    let handle: GDALDatasetH
    /// Warnings GDAL emitted while opening.
    public private(set) var warnings: [String]

    /// Opens `path` with every vector driver, with optional driver open options ("KEY=VALUE").
    public init(path: String, openOptions: [String] = [], allowedDrivers: [String]? = nil) throws {
        self.path = path
        let (opened, messages) = GDALRuntime.collectingMessages { () -> GDALDatasetH? in
            withCStringList(openOptions) { options in
                withCStringList(allowedDrivers ?? []) { drivers in
                    GDALOpenEx(
                        path, UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR),
                        allowedDrivers == nil ? nil : drivers, options, nil)
                }
            }
        }
        guard let opened else {
            throw GDALError.cannotOpen(path: path, message: messages.last.map { $0.replacingPrefix("error: ", with: "") } ?? "")
        }
        handle = opened
        warnings = messages
    }

    deinit {
        GDALClose(handle)
    }

    /// The short name of the driver that opened the file ("GeoJSON", "ESRI Shapefile", "CSV", "GPX", …).
    public var driverName: String {
        guard let d = GDALGetDatasetDriver(handle), let n = GDALGetDriverShortName(d) else { return "?" }
        return String(cString: n)
    }

    public var layerCount: Int { Int(GDALDatasetGetLayerCount(handle)) }

    /// Layer `i` (0-based). The layer handle belongs to the dataset.
    public func layer(_ i: Int) -> VectorLayer? {
        guard let l = GDALDatasetGetLayer(handle, Int32(i)) else { return nil }
        return VectorLayer(dataset: self, handle: l)
    }

    public var layers: [VectorLayer] { (0..<layerCount).compactMap(layer) }
}

extension String {
    func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}

/// Calls `body` with a NULL-terminated `char**` of `strings` (valid only during the call).
func withCStringList<T>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> T) -> T {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer { for p in pointers { free(p) } }
    return pointers.withUnsafeBufferPointer { buffer in
        buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) { body($0) }
    }
}
