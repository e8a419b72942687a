import CakupanGDAL
import Foundation

/// Why GDAL could not open an input, in words that say how to fix it: a truncated or invalid JSON
/// file (with the line and column), a shapefile without its .shx, an empty file, an archive.
enum OpenFailure {
    static let formats = "Cakupan reads GeoJSON, Shapefile, GeoPackage, KML, GPX, FlatGeobuf and CSV"

    static func message(_ error: GDALError, path: String, displayPath: String) -> String {
        guard case .cannotOpen(_, let gdalMessage) = error else { return "\(error)" }
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension.lowercased()
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            return "a folder GDAL cannot read as one dataset (a folder of shapefiles is read as its .shp files); give the input file itself"
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? -1
        if size == 0 {
            return "the file is empty (0 bytes); export it again"
        }
        if ext == "shp" && gdalMessage.lowercased().contains(".shx") {
            let stem = url.deletingPathExtension().lastPathComponent
            return
                "the \(stem).shx file that belongs with \(stem).shp is missing; a shapefile is several files: copy \(stem).shp together with its .shx, .dbf and .prj (and .cpg) files"
        }
        if ["zip", "rar", "7z"].contains(ext) {
            return "this is a .\(ext) archive; unpack it and give the .shp, .geojson or .gpkg file inside"
        }
        if looksLikeJSON(path: path, extension: ext) {
            switch JSONSyntaxCheck.check(path: path) {
            case .truncated(let line, let column):
                return
                    "the JSON text ends before it is complete (at line \(line), column \(column)): the file is truncated; export or download it again"
            case .invalid(let line, let column, let problem):
                return "not valid JSON at line \(line), column \(column): \(problem)"
            case .empty:
                return "the file has no JSON text (only spaces); export it again"
            case .valid:
                return
                    "valid JSON, but not GeoJSON that GDAL can read (\(gdalMessage)); GeoJSON is {\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"geometry\": …, \"properties\": {…}}, …]}"
            case nil:
                break
            }
        }
        let detail = gdalMessage.isEmpty ? "" : " (\(gdalMessage))"
        return "not a readable vector file\(detail); \(formats)"
    }

    /// A .json/.geojson name, or text whose first non-blank character is '{' or '['.
    private static func looksLikeJSON(path: String, extension ext: String) -> Bool {
        if ["json", "geojson"].contains(ext) { return true }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 512)) ?? Data()
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return false }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }
}
