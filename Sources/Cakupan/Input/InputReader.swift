import CakupanGDAL
import CakupanGeometry
import CakupanPROJ
import Foundation

/// What a role wants from a multi-layer file (GPX has waypoints, routes, tracks and their points).
public enum LayerPreference: Sendable {
    case points, lines, polygons
}

/// Reads any vector file GDAL can open into `InputFeature`s in lon/lat, transforming declared CRSs
/// with PROJ, detecting CSV coordinate columns, and refusing coordinates that cannot be right.
/// Streams: GDAL hands over one feature at a time, and only the values are kept.
///
/// Belongs to one task (it owns a PROJ context).
public final class InputReader {
    private let proj = PROJContext()

    public init() {}

    /// When to print reading progress on stderr (process-wide; set by the front end before reading).
    public static var progressMode: ProgressMode {
        get { ReadProgress.mode }
        set { ReadProgress.mode = newValue }
    }

    static let lonNames = ["lon", "lng", "long", "longitude", "bujur", "x"]
    static let latNames = ["lat", "latitude", "lintang", "y"]
    static let wktNames = ["wkt", "geometry", "geom", "the_geom"]

    /// Reads every feature of the layers of `path` that suit `preference`.
    /// - Parameter displayPath: how the file is named in messages (the path as the user gave it).
    public func read(path: String, displayPath: String, preference: LayerPreference, warnings: inout Warnings) throws -> [InputFeature] {
        let fileLocation = InputLocation(file: displayPath)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CakupanError.input(fileLocation, "file not found")
        }
        if !FileManager.default.isReadableFile(atPath: path) {
            throw CakupanError.input(fileLocation, "file cannot be read (permission denied)")
        }
        let dataset: VectorDataset
        do {
            dataset = try VectorDataset(path: path)
        } catch let error as GDALError {
            throw CakupanError.input(fileLocation, OpenFailure.message(error, path: path, displayPath: displayPath))
        }
        for w in dataset.warnings where !Self.isReportedPerFeature(w) && !w.hasPrefix("error: ") {
            warnings.add("\(displayPath): \(w)", kind: "gdal_warnings")
        }
        let layers = selectLayers(dataset, preference: preference)
        let fileSize = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        var out: [InputFeature] = []
        for layer in layers {
            out += try read(layer: layer, dataset: dataset, displayPath: displayPath, multiLayer: dataset.layerCount > 1,
                            fileSize: layers.count == 1 ? fileSize : 0, warnings: &warnings)
        }
        // Errors GDAL reported while opening without failing; when they mattered, reading failed above.
        for w in dataset.warnings where w.hasPrefix("error: ") {
            warnings.add("\(displayPath): GDAL, while opening: \(w.dropFirst(7))", kind: "gdal_warnings")
        }
        return out
    }

    /// GDAL messages that the reader reports itself, per feature (GDAL's messages name no feature).
    private static func isReportedPerFeature(_ message: String) -> Bool {
        message.hasPrefix("Non closed ring detected")
    }

    private func selectLayers(_ dataset: VectorDataset, preference: LayerPreference) -> [VectorLayer] {
        let all = dataset.layers
        guard dataset.driverName == "GPX" else { return all }
        let wanted: Set<String> = preference == .lines ? ["routes", "tracks"] : ["waypoints"]
        return all.filter { wanted.contains($0.info.name) }
    }

    private func read(layer: VectorLayer, dataset: VectorDataset, displayPath: String, multiLayer: Bool, fileSize: Int, warnings: inout Warnings) throws -> [InputFeature] {
        let info = layer.info
        let driver = dataset.driverName
        let isCSV = driver == "CSV"
        let layerName = multiLayer ? info.name : nil
        let base = InputLocation(file: displayPath, layer: layerName)
        let csvColumns = isCSV ? try CSVColumns(fieldNames: info.fieldNames, location: base) : nil

        // CRS: transform declared CRSs to lon/lat; a file with none is taken as EPSG:4326.
        var transformer: CoordinateTransformer? = nil
        var declared: CRSInfo? = nil
        if let wkt = info.crsWKT {
            let crs: CRSInfo
            do { crs = try CRSInfo(definition: wkt, context: proj) } catch {
                throw CakupanError.input(base, "the file's coordinate reference system is not understood: \(error)")
            }
            declared = crs
            if crs.epsg != 4326 {
                do { transformer = try CoordinateTransformer(from: wkt, to: "EPSG:4326", context: proj) } catch {
                    throw CakupanError.input(base, "cannot transform from \(crs.name) to WGS 84: \(error)")
                }
            }
        } else if csvColumns?.hasLonLat != true {
            warnings.add("\(base): no coordinate reference system declared; taken as EPSG:4326 (WGS 84 longitude/latitude)", kind: "assumed_crs")
        }
        var check = CoordinateCheck(declared: declared, context: CoordinateCheck.Context(
            file: displayPath, layer: info.name, driver: driver, csvColumns: csvColumns))

        let progress = ReadProgress(name: displayPath, expected: info.featureCount >= 0 ? info.featureCount : nil, fileSize: fileSize)
        var recodedValues = 0
        var firstRecoded: InputLocation? = info.recodedFieldNames ? base : nil
        var features: [InputFeature] = []
        let gdalWarnings: [String]
        do {
            gdalWarnings = try layer.forEachFeature { f in
                var location = base
                location.feature = f.index + 1
                location.isCSVRow = isCSV
                progress.tick(bytes: f.values.reduce(1) { $0 + ($1.text?.utf8.count ?? 0) + 1 })
                if try check.isScanningOnly(f) { return }
                if !f.recodedFields.isEmpty {
                    recodedValues += f.recodedFields.count
                    if firstRecoded == nil { firstRecoded = location.with(field: info.fieldNames[f.recodedFields[0]]) }
                }
                var geometry = f.geometry
                if let error = f.readErrors.first {
                    // Whole-file parsers report while reading ahead: their errors name no feature.
                    let wholeFile = ["GeoJSON", "KML", "LIBKML", "GPX"].contains(driver)
                    throw CakupanError.input(wholeFile ? base : location, "cannot be read: \(error)\(wholeFile ? " (GDAL does not say which feature)" : "")")
                }
                if let problem = f.geometryProblem {
                    throw CakupanError.input(location, "geometry cannot be read: \(problem)")
                }
                var wasEmpty = false
                if let csvColumns {
                    geometry = try csvColumns.geometry(values: f.values, gdalGeometry: geometry, location: location)
                }
                if var g = geometry {
                    if try RingRepair.closeRings(&g, location: location) {
                        warnings.add("\(location): polygon ring is not closed (its last position is not its first); closed it", kind: "closed_rings")
                    }
                    if try check.inspect(g, location: location) { return }
                    if let transformer {
                        do { g = try transformer.transform(g) } catch {
                            throw CakupanError.input(location, "coordinates cannot be transformed to WGS 84: \(error)")
                        }
                    }
                    wasEmpty = g.isEmpty
                    geometry = wasEmpty ? nil : g
                }
                var feature = InputFeature(location: location, fieldNames: info.fieldNames, values: f.values, geometry: geometry)
                feature.geometryWasEmpty = wasEmpty
                features.append(feature)
            }
        } catch is CoordinateCheck.ScanDone {
            gdalWarnings = []
        } catch GDALError.library(_, let operation, let message) {
            throw CakupanError.input(base, "\(operation) failed: \(message)")
        }
        progress.finish()
        if let error = check.error { throw error }
        for w in gdalWarnings where !Self.isReportedPerFeature(w) {
            warnings.add("\(base): \(w)", kind: "gdal_warnings")
        }
        if let firstRecoded {
            let what = recodedValues > 0 ? "\(recodedValues) text value\(recodedValues == 1 ? " is" : "s are") not UTF-8 (the first: \(firstRecoded))" : "field names are not UTF-8"
            let fix = driver == "ESRI Shapefile"
                ? "add a .cpg file beside the .shp naming the code page (for example 1252, or UTF-8), or set SHAPE_ENCODING"
                : isCSV ? "save it from Excel as \"CSV UTF-8\"" : "save it as UTF-8"
            warnings.add("\(base): \(what); read as Windows-1252. If names look wrong, \(fix)", kind: "recoded_text")
        }
        return features
    }
}
