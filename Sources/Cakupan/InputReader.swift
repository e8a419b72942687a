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
///
/// Belongs to one task (it owns a PROJ context).
public final class InputReader {
    private let proj = PROJContext()

    public init() {}

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
            throw CakupanError.input(fileLocation, Self.openMessage(error))
        }
        for w in dataset.warnings { warnings.add("\(displayPath): \(w)", kind: "gdal_warnings") }
        let layers = selectLayers(dataset, preference: preference)
        var out: [InputFeature] = []
        for layer in layers {
            out += try read(layer: layer, dataset: dataset, displayPath: displayPath, multiLayer: dataset.layerCount > 1, warnings: &warnings)
        }
        return out
    }

    private static func openMessage(_ error: GDALError) -> String {
        if case .cannotOpen(_, let message) = error {
            let detail = message.isEmpty ? "" : " (\(message))"
            return "not a readable vector file\(detail); Cakupan reads GeoJSON, Shapefile, GeoPackage, KML, GPX, FlatGeobuf and CSV"
        }
        return "\(error)"
    }

    private func selectLayers(_ dataset: VectorDataset, preference: LayerPreference) -> [VectorLayer] {
        let all = dataset.layers
        guard dataset.driverName == "GPX" else { return all }
        let wanted: Set<String> = preference == .lines ? ["routes", "tracks"] : ["waypoints"]
        return all.filter { wanted.contains($0.info.name) }
    }

    private func read(layer: VectorLayer, dataset: VectorDataset, displayPath: String, multiLayer: Bool, warnings: inout Warnings) throws -> [InputFeature] {
        let info = layer.info
        let isCSV = dataset.driverName == "CSV"
        let layerName = multiLayer ? info.name : nil
        let base = InputLocation(file: displayPath, layer: layerName)
        let csvColumns = isCSV ? try CSVColumns(fieldNames: info.fieldNames, location: base) : nil

        // CRS: transform declared CRSs to lon/lat; a file with none is taken as EPSG:4326.
        var transformer: CoordinateTransformer? = nil
        var assumedWGS84 = false
        if let wkt = info.crsWKT {
            let crs: CRSInfo
            do { crs = try CRSInfo(definition: wkt, context: proj) } catch {
                throw CakupanError.input(base, "the file's coordinate reference system is not understood: \(error)")
            }
            if crs.epsg != 4326 {
                do { transformer = try CoordinateTransformer(from: wkt, to: "EPSG:4326", context: proj) } catch {
                    throw CakupanError.input(base, "cannot transform from \(crs.name) to WGS 84: \(error)")
                }
            }
        } else {
            assumedWGS84 = true
            if csvColumns?.hasLonLat != true {
                warnings.add("\(base): no coordinate reference system declared; taken as EPSG:4326 (WGS 84 longitude/latitude)", kind: "assumed_crs")
            }
        }

        var features: [InputFeature] = []
        let gdalWarnings = try layer.forEachFeature { f in
            var location = base
            location.feature = f.index + 1
            location.isCSVRow = isCSV
            let properties = zip(info.fieldNames, f.values).map { (name: $0, value: $1) }
            var geometry = f.geometry
            if let problem = f.geometryProblem {
                throw CakupanError.input(location, "geometry cannot be read: \(problem)")
            }
            if let csvColumns {
                geometry = try csvColumns.geometry(values: f.values, gdalGeometry: geometry, location: location)
            }
            if var g = geometry {
                if let bad = g.allCoordinates.first(where: { !$0.isFinite }) {
                    throw CakupanError.input(location, "coordinate (\(bad.x), \(bad.y)) is not a finite number (NaN or infinite)")
                }
                if let transformer {
                    do { g = try transformer.transform(g) } catch {
                        throw CakupanError.input(location, "coordinates cannot be transformed to WGS 84: \(error)")
                    }
                } else if assumedWGS84 {
                    try Self.checkLonLat(g, location: location, csvColumns: csvColumns)
                }
                geometry = g.isEmpty ? nil : g
            }
            features.append(InputFeature(location: location, properties: properties, geometry: geometry))
        }
        for w in gdalWarnings { warnings.add("\(base): \(w)", kind: "gdal_warnings") }
        return features
    }

    /// Refuses lon/lat values that cannot be longitude/latitude, saying what they look like instead.
    static func checkLonLat(_ g: Geometry, location: InputLocation, csvColumns: CSVColumns?) throws {
        guard let bad = g.allCoordinates.first(where: { abs($0.x) > 180 || abs($0.y) > 90 }) else { return }
        let columns = csvColumns.map { " (columns '\($0.lonName ?? "?")' and '\($0.latName ?? "?")')" } ?? ""
        if abs(bad.x) <= 90 && abs(bad.y) <= 180 {
            throw CakupanError.input(location, "latitude \(bad.y) is beyond ±90°: longitude and latitude look swapped\(columns); put longitude (bujur, e.g. 104.7) in x/lon and latitude (lintang, e.g. -3.0) in y/lat")
        }
        throw CakupanError.input(location, "coordinate (\(bad.x), \(bad.y)) is not longitude/latitude: it looks like projected metres, but the file declares no CRS; add the .prj file (or declare the CRS) so Cakupan can transform it")
    }
}
