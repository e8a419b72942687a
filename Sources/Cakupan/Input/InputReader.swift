import CakupanGDAL
import CakupanGeometry
import CakupanPROJ
import Foundation

/// What a role wants from a multi-layer file (GPX has waypoints, routes, tracks and their points).
public enum LayerPreference: Int, Sendable, Hashable {
    case lines, points, polygons

    /// The kind of a geometry: a point, a line or a polygon (single or multi). A collection (a My Maps
    /// MultiGeometry) is of `preferring` when it holds a part of that kind, else of its first part's.
    init?(kindOf g: Geometry, preferring: LayerPreference? = nil) {
        switch g {
        case .point, .multiPoint: self = .points
        case .lineString, .multiLineString: self = .lines
        case .polygon, .multiPolygon: self = .polygons
        case .collection(let parts):
            let kinds = parts.compactMap { LayerPreference(kindOf: $0, preferring: preferring) }
            guard let kind = kinds.first(where: { $0 == preferring }) ?? kinds.first else { return nil }
            self = kind
        }
    }
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

    /// Reads every feature of the layers of `path` that suit `preference` (one file named by path).
    /// - Parameter displayPath: how the file is named in messages (the path as the user gave it).
    public func read(path: String, displayPath: String, preference: LayerPreference, warnings: inout Warnings) throws -> [InputFeature] {
        try read(InputSpec(path: path), displayPath: displayPath, preference: preference, fieldsFlag: "--fields", warnings: &warnings)
    }

    /// Spreadsheets are read with every row as text and no header (the drivers read these options
    /// when the rows are read, after opening, so they are set for the process once): `SheetTable`
    /// finds the header below any title block.
    static let sheetsAsText: Void = VirtualFiles.setProcessOptions([
        ("OGR_XLSX_HEADERS", "DISABLE"), ("OGR_XLSX_FIELD_TYPES", "STRING"),
        ("OGR_ODS_HEADERS", "DISABLE"), ("OGR_ODS_FIELD_TYPES", "STRING"),
    ])

    /// Degrees around 0,0 taken as a blank position (nothing Cakupan analyses lies within 1° of it).
    static let nullIsland = 1.0

    /// The drivers whose layers are tables of rows (coordinates in columns, a header row to find).
    static let spreadsheetDrivers: Set<String> = ["XLSX", "ODS", "XLS"]
    /// The drivers whose layers are tables read through `CSVColumns` (spreadsheets and CSV).
    static let tableDrivers = spreadsheetDrivers.union(["CSV"])
    /// File endings of the datasets looked for inside a .zip or .kmz archive, in order of preference.
    static let archiveMembers = ["shp", "gpkg", "geojson", "json", "kml", "gpx", "fgb", "csv", "xlsx", "ods", "tab", "mif", "sqlite"]

    /// Reads the features of one input file for a role: every layer holding the role's kind of
    /// geometry, or the one layer `spec.layer` names; spreadsheets and archives (.zip at any depth,
    /// .kmz) through GDAL's drivers and virtual file systems.
    /// - Parameters:
    ///   - displayPath: the file as named in messages.
    ///   - fieldsFlag: the flag that maps this role's fields (named in messages that suggest it).
    public func read(
        _ spec: InputSpec, displayPath: String, preference: LayerPreference, fieldsFlag: String,
        warnings: inout Warnings
    ) throws -> [InputFeature] {
        let path = spec.path
        let fileLocation = InputLocation(file: displayPath)
        let opened = try open(spec, displayPath: displayPath, warnings: &warnings)
        defer { withExtendedLifetime(opened) {} }  // a UTF-8 copy is read lazily, until the end
        let datasets = opened.datasets
        var layers = datasets.flatMap { selectLayers($0, preference: preference) }
        let multiLayer = layers.count > 1 || datasets.contains { $0.layerCount > 1 }
        if let wanted = spec.layer {
            let names = datasets.flatMap { $0.layers.map(\.info.name) }
            let match = layers.filter { $0.info.name == wanted }
            let loose = layers.filter {
                $0.info.name.trimmingCharacters(in: .whitespaces).lowercased() == wanted.trimmingCharacters(in: .whitespaces).lowercased()
            }
            guard let chosen = match.first ?? loose.first else {
                throw CakupanError.input(
                    fileLocation,
                    "has no layer '\(wanted)'; its layers are: \(names.map { "'\($0)'" }.joined(separator: ", ")). Name one after '#', for example \(displayPath)#\(names.first ?? "LAYER")"
                )
            }
            layers = [chosen]
        }
        let fileSize = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        var out: [InputFeature] = []
        let choosing = spec.layer == nil && layers.count > 1
        for layer in layers {
            let features = try read(
                layer: layer, dataset: layer.dataset, displayPath: displayPath, multiLayer: multiLayer,
                fileSize: layers.count == 1 ? fileSize : 0, spec: spec, fieldsFlag: fieldsFlag,
                optional: choosing, warnings: &warnings)
            guard choosing else {
                out += features
                continue
            }
            out += keepOwnKind(features, layer: layer.info.name, displayPath: displayPath, preference: preference, warnings: &warnings)
        }
        for dataset in datasets {
            // Errors GDAL reported while opening without failing; when they mattered, reading failed above.
            for w in dataset.warnings where w.hasPrefix("error: ") {
                warnings.add("\(displayPath): GDAL, while opening: \(w.dropFirst(7))", kind: .gdalWarnings)
            }
        }
        return out
    }

    /// The GDAL datasets of one input file: the file itself, a UTF-8 copy of a UTF-16 text file, or the
    /// datasets inside a .zip/.kmz archive. The copy is removed when the value goes.
    final class OpenedSource {
        let datasets: [VectorDataset]
        private let copy: URL?

        init(datasets: [VectorDataset], copy: URL?) {
            self.datasets = datasets
            self.copy = copy
        }

        deinit { if let copy { try? FileManager.default.removeItem(at: copy) } }
    }

    func open(_ spec: InputSpec, displayPath: String, warnings: inout Warnings) throws -> OpenedSource {
        let path = spec.path
        let fileLocation = InputLocation(file: displayPath)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CakupanError.input(fileLocation, "file not found")
        }
        if !FileManager.default.isReadableFile(atPath: path) {
            throw CakupanError.input(fileLocation, "file cannot be read (permission denied)")
        }
        var sources = [path]
        let ext = (path as NSString).pathExtension.lowercased()
        var recodedCopy: URL? = nil
        if ["csv", "txt", "tsv"].contains(ext), let utf8 = try Self.utf16AsUTF8(path, fileLocation) {
            // GDAL's CSV reader takes UTF-8 only: a copy in UTF-8 is read instead.
            let copy = FileManager.default.temporaryDirectory.appendingPathComponent("cakupan-utf8-\(UUID().uuidString).\(ext)")
            try utf8.write(to: copy)
            recodedCopy = copy
            sources = [copy.path]
            warnings.add(
                "\(displayPath): saved as UTF-16 (Excel's \"Unicode text\"); read as UTF-16 and converted to UTF-8", kind: .recodedText)
        }
        if !isDirectory.boolValue, ext == "zip" || ext == "kmz" {
            sources = try archiveSources(path, fileLocation)
        }
        var datasets: [VectorDataset] = []
        for source in sources {
            let dataset: VectorDataset
            do {
                _ = Self.sheetsAsText
                dataset = try VectorDataset(path: source)
            } catch let error as GDALError {
                throw CakupanError.input(fileLocation, OpenFailure.message(error, path: path, displayPath: displayPath))
            }
            for w in dataset.warnings where !Self.isReportedPerFeature(w) && !w.hasPrefix("error: ") {
                warnings.add("\(displayPath): \(w)", kind: .gdalWarnings)
            }
            datasets.append(dataset)
        }
        return OpenedSource(datasets: datasets, copy: recodedCopy)
    }

    /// The text of a file that starts with a UTF-16 byte-order mark, as UTF-8; nil for other files.
    private static func utf16AsUTF8(_ path: String, _ location: InputLocation) throws -> Data? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        let head = handle.readData(ofLength: 2)
        try? handle.close()
        guard head == Data([0xFF, 0xFE]) || head == Data([0xFE, 0xFF]) else { return nil }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf16) else {
            throw CakupanError.input(location, "starts as UTF-16 text but cannot be decoded as UTF-16; save it as \"CSV UTF-8\"")
        }
        return Data(text.utf8)
    }

    /// The datasets inside a .zip or .kmz: the files of known endings at any depth (macOS resource
    /// forks and hidden files left out); for a shapefile its .shp.
    private func archiveSources(_ path: String, _ location: InputLocation) throws -> [String] {
        guard let entries = VirtualFiles.archiveEntries(path) else {
            throw CakupanError.input(
                location, "is not a readable zip archive (re-create it with a zip tool, or unpack it and give the file inside)")
        }
        let visible = entries.filter { e in
            !e.hasPrefix("__MACOSX") && !e.split(separator: "/").contains { $0.hasPrefix(".") } && !e.hasSuffix("/")
        }
        let found = visible.filter { Self.archiveMembers.contains(($0 as NSString).pathExtension.lowercased()) }
            .sorted { a, b in
                let ia = Self.archiveMembers.firstIndex(of: (a as NSString).pathExtension.lowercased())!
                let ib = Self.archiveMembers.firstIndex(of: (b as NSString).pathExtension.lowercased())!
                return (ia, a) < (ib, b)
            }
        guard !found.isEmpty else {
            let listed = visible.prefix(12).joined(separator: ", ")
            throw CakupanError.input(
                location,
                "the archive holds no file Cakupan reads (\(Self.archiveMembers.map { "." + $0 }.joined(separator: ", "))); it holds: \(listed.isEmpty ? "nothing" : listed)"
            )
        }
        return found.map { "/vsizip/\(path)/\($0)" }
    }

    /// In a source of several layers read without a selector, the features of the role's kind of
    /// geometry; what a layer leaves out is said in one warning for the layer.
    private func keepOwnKind(
        _ features: [InputFeature], layer: String, displayPath: String, preference: LayerPreference,
        warnings: inout Warnings
    ) -> [InputFeature] {
        let hasRadius = features.contains { $0.field(["radius_m", "radius"]) != nil }
        func wanted(_ f: InputFeature) -> Bool {
            guard let g = f.geometry, let k = LayerPreference(kindOf: g, preferring: preference) else { return f.geometry == nil }
            // Rawan zones may be points with a radius.
            return k == preference || (preference == .polygons && k == .points && hasRadius)
        }
        let kept = features.filter(wanted)
        let left = features.count - kept.count
        if left > 0 {
            var counts: [String: Int] = [:]
            for f in features where !wanted(f) { counts[f.geometry?.typeName ?? "no geometry", default: 0] += 1 }
            let what = counts.keys.sorted().map { "\(counts[$0]!) \($0)\(counts[$0]! == 1 ? "" : "s")" }.joined(separator: ", ")
            let role = preference == .points ? "points" : preference == .lines ? "lines" : "polygons"
            warnings.add(
                "\(displayPath), layer '\(layer)': \(kept.isEmpty ? "layer left out" : "\(left) feature\(left == 1 ? "" : "s") left out"): it holds \(what), and this role reads \(role); name the layer to read after '#' (\(displayPath)#\(layer))",
                kind: .skippedLayers)
        }
        return kept
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

    /// - Parameter optional: the layer is one of several read without a selector: a table without
    ///   coordinate columns gives no features (and a warning) instead of an error.
    private func read(
        layer: VectorLayer, dataset: VectorDataset, displayPath: String, multiLayer: Bool, fileSize: Int,
        spec: InputSpec, fieldsFlag: String, optional: Bool, warnings: inout Warnings
    ) throws -> [InputFeature] {
        var info = layer.info
        let driver = dataset.driverName
        let isSheet = Self.spreadsheetDrivers.contains(driver)
        let isCSV = Self.tableDrivers.contains(driver)
        let layerName = multiLayer ? info.name : nil
        let base = InputLocation(file: displayPath, layer: layerName)
        var sheet: SheetTable? = nil
        if isSheet {
            sheet = try SheetTable(layer: layer, fields: spec.fields)
            info.fieldNames = sheet!.fieldNames
        }
        var csvColumns: CSVColumns? = nil
        if isCSV || (info.geometryType == "None" && !info.fieldNames.isEmpty) {
            csvColumns = try CSVColumns(fieldNames: info.fieldNames, fields: spec.fields, location: base, fieldsFlag: fieldsFlag)
            if csvColumns == nil {
                if optional {
                    warnings.add(
                        "\(base): layer left out: it has no coordinate columns (the columns are: \(info.fieldNames.joined(separator: ", ")))",
                        kind: .skippedLayers)
                    return []
                }
                if isCSV { throw CSVColumns.missing(fieldNames: info.fieldNames, location: base, fieldsFlag: fieldsFlag) }
            }
        }

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
            warnings.add(
                "\(base): no coordinate reference system declared; taken as EPSG:4326 (WGS 84 longitude/latitude)", kind: .assumedCRS)
        }
        var check = CoordinateCheck(
            declared: declared,
            context: CoordinateCheck.Context(
                file: displayPath, layer: info.name, driver: driver, csvColumns: csvColumns))

        let progress = ReadProgress(name: displayPath, expected: info.featureCount >= 0 ? info.featureCount : nil, fileSize: fileSize)
        var recodedValues = 0
        var firstRecoded: InputLocation? = info.recodedFieldNames ? base : nil
        var features: [InputFeature] = []
        var nullIsland: [InputLocation] = []
        let gdalWarnings: [String]
        let fieldNames = info.fieldNames
        do {
            let each = { (body: (VectorFeature) throws -> Void) throws -> [String] in
                if let sheet {
                    for f in sheet.rows { try body(f) }
                    return sheet.warnings
                }
                return try layer.forEachFeature(body)
            }
            gdalWarnings = try each { f in
                var location = base
                location.feature = f.index + 1
                location.isCSVRow = isCSV
                if let sheet { location.sheetRow = sheet.sheetRow(of: f.index) }
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
                    throw CakupanError.input(
                        wholeFile ? base : location, "cannot be read: \(error)\(wholeFile ? " (GDAL does not say which feature)" : "")")
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
                        warnings.add(
                            "\(location): polygon ring is not closed (its last position is not its first); closed it", kind: .closedRings)
                    }
                    if try check.inspect(g, location: location) { return }
                    if let transformer {
                        do { g = try transformer.transform(g) } catch {
                            throw CakupanError.input(location, "coordinates cannot be transformed to WGS 84: \(error)")
                        }
                    }
                    wasEmpty = g.isEmpty
                    geometry = wasEmpty ? nil : g
                    if case .point(let c)? = geometry, abs(c.x) < Self.nullIsland, abs(c.y) < Self.nullIsland {
                        // A blank position saved as 0,0 by a device or a spreadsheet formula.
                        nullIsland.append(location)
                        return
                    }
                }
                var feature = InputFeature(location: location, fieldNames: fieldNames, values: f.values, geometry: geometry)
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
        if !nullIsland.isEmpty {
            let rows = nullIsland.prefix(10).map { l in l.feature.map { isCSV ? "row \($0)" : "feature \($0)" } ?? "?" }
            warnings.add(
                "\(base): \(nullIsland.count) position\(nullIsland.count == 1 ? "" : "s") at 0,0 (\(rows.joined(separator: ", "))\(nullIsland.count > 10 ? ", …" : "")) skipped: 0,0 is a blank position saved as a number (it lies in the Atlantic Ocean); fill in the real coordinates",
                kind: .skippedFeatures)
        }
        for w in gdalWarnings where !Self.isReportedPerFeature(w) {
            warnings.add("\(base): \(w)", kind: .gdalWarnings)
        }
        if let firstRecoded {
            let what =
                recodedValues > 0
                ? "\(recodedValues) text value\(recodedValues == 1 ? " is" : "s are") not UTF-8 (the first: \(firstRecoded))"
                : "field names are not UTF-8"
            let fix =
                driver == "ESRI Shapefile"
                ? "add a .cpg file beside the .shp naming the code page (for example 1252, or UTF-8), or set SHAPE_ENCODING"
                : isCSV ? "save it from Excel as \"CSV UTF-8\"" : "save it as UTF-8"
            warnings.add("\(base): \(what); read as Windows-1252. If names look wrong, \(fix)", kind: .recodedText)
        }
        return features
    }
}
