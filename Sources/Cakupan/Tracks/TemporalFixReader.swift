import CakupanGDAL
import CakupanGeometry
import CakupanPROJ
import CakupanTemporal
import Foundation

/// Where the records of a fix file come from, to name a row or feature in messages.
struct FixOrigin: Sendable {
    var file: String
    var layer: String?
    var isCSV: Bool

    /// `FixRecord.line` as an input location: a CSV's spreadsheet line (header = 1), else the
    /// 1-based feature number.
    func location(_ line: Int, field: String? = nil) -> InputLocation {
        InputLocation(file: file, layer: layer, feature: isCSV ? line - 1 : line, isCSVRow: isCSV, field: field)
    }
}

/// Reads GPS fixes (unit, time, lon/lat in WGS 84) from one file, in batches:
/// - CSV (`.csv`, `.tsv`, `.txt`) with `CakupanTemporal.FixCSVReader`, a hand-written streaming reader:
///   at 10⁷ rows OGR's per-feature overhead (a feature object per row, every field converted, the
///   geometry built) dominates. Measured on the first 1,000,000 rows of tools/generate.py's 10 M
///   fixes.csv (58 MB), release build, each row turned into (unit, time, lon, lat) alike
///   (`TemporalBenchmarkTests`): FixCSVReader 0.50–0.64 s (1.6–2.0 M rows/s) against 3.6–4.3 s through
///   OGR's CSV driver (`VectorLayer.forEachFeature`), 6–8× slower, on a 2-core machine shared with
///   other builds (docs/temporal.md, "Reading fixes").
/// - GPX through GDAL's GPX driver: layer `track_points`, field `time`; the unit is the name of the
///   track (`tracks` layer, by `track_fid`), else the file's name without extension.
/// - Any other vector file GDAL reads (GeoJSON, GeoPackage, FlatGeobuf, Shapefile, KML): every point
///   layer with a time field (`time`, `timestamp`, `waktu`); the unit from `unit`, `unit_id`,
///   `kendaraan` or `callsign`, else the file's name. A declared CRS is transformed to WGS 84.
/// Times are ISO 8601 with an offset, or local times read at `utcOffset`.
struct TemporalFixReader {
    let path: String
    let utcOffset: Int
    var batchSize = 65_536

    static let timeFields = ["time", "timestamp", "waktu"]
    static let unitFields = ["unit", "unit_id", "kendaraan", "callsign"]

    var isCSV: Bool { ["csv", "tsv", "txt"].contains((path as NSString).pathExtension.lowercased()) }

    /// The file name without folder and extension: the unit of tracks that name none.
    var stem: String { ((path as NSString).lastPathComponent as NSString).deletingPathExtension }

    /// Reads the file, handing `body` batches of records with their origin.
    func read(warnings: inout Warnings, _ body: ([FixRecord], FixOrigin) throws -> Void) throws -> TrackFileSummary {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw CakupanError.input(InputLocation(file: path), "tracks file not found")
        }
        if !FileManager.default.isReadableFile(atPath: path) {
            throw CakupanError.input(InputLocation(file: path), "file cannot be read (permission denied)")
        }
        return isCSV ? try readCSV(body) : try readVector(warnings: &warnings, body)
    }

    // MARK: CSV

    private func readCSV(_ body: ([FixRecord], FixOrigin) throws -> Void) throws -> TrackFileSummary {
        let origin = FixOrigin(file: path, layer: nil, isCSV: true)
        let reader = FixCSVReader(path: path, utcOffset: utcOffset)
        let summary: FixCSVSummary
        do {
            summary = try reader.forEachBatch(maxCount: batchSize) { try body($0, origin) }
        } catch let error as TemporalError {
            throw Self.inputError(error, origin: origin, utcOffset: utcOffset)
        }
        return TrackFileSummary(path: path, fixes: summary.rows, blankRows: summary.blankRows)
    }

    /// A reader error as an input error naming the file, row and column.
    static func inputError(_ error: TemporalError, origin: FixOrigin, utcOffset: Int) -> CakupanError {
        switch error {
        case let .badTimestamp(_, line, field, value):
            return .input(origin.location(line, field: field), badTime(value, utcOffset))
        case let .missingColumn(_, _, role, accepted):
            return .input(InputLocation(file: origin.file), "no \(role) column for GPS fixes (accepted names: \(accepted.joined(separator: ", "))); a fixes CSV needs unit, time, lon and lat columns")
        case let .missingValue(_, line, column):
            return .input(origin.location(line, field: column), "value missing")
        case let .notANumber(_, line, column, value):
            return .input(origin.location(line, field: column), "'\(value)' is not a number")
        case let .unreadable(_, reason):
            return .input(InputLocation(file: origin.file), "cannot be read (\(reason))")
        case .emptyFile:
            return .input(InputLocation(file: origin.file), "the file is empty: no header line")
        default:
            return .input(InputLocation(file: origin.file), error.localizedDescription)
        }
    }

    static func badTime(_ value: String, _ utcOffset: Int) -> String {
        "cannot read timestamp '\(value)'; expected ISO 8601 such as 2024-11-27T08:30:00+07:00, local time such as 2024-11-27 08:30:00 (read at UTC\(TemporalTime.offsetText(utcOffset)), see --timezone), or epoch seconds"
    }

    // MARK: GDAL (GPX, GeoJSON, GeoPackage, …)

    private func readVector(warnings: inout Warnings, _ body: ([FixRecord], FixOrigin) throws -> Void) throws -> TrackFileSummary {
        let file = InputLocation(file: path)
        let dataset: VectorDataset
        do { dataset = try VectorDataset(path: path) } catch let error as GDALError {
            throw CakupanError.input(file, OpenFailure.message(error, path: path, displayPath: path))
        }
        let isGPX = dataset.driverName == "GPX"
        var trackNames: [Int64: String] = [:]
        var layers: [VectorLayer] = []
        if isGPX {
            if let tracks = dataset.layers.first(where: { $0.info.name == "tracks" }) {
                let nameIndex = tracks.info.fieldNames.firstIndex(of: "name")
                try tracks.forEachFeature { f in
                    if let i = nameIndex, let name = f.values[i].text?.trimmingCharacters(in: .whitespaces), !name.isEmpty {
                        trackNames[f.fid] = name
                    }
                }
            }
            layers = dataset.layers.filter { $0.info.name == "track_points" }
        } else {
            layers = dataset.layers.filter { layer in
                layer.info.fieldNames.contains { Self.timeFields.contains($0.lowercased()) }
            }
            guard !layers.isEmpty else {
                let fields = dataset.layers.flatMap(\.info.fieldNames)
                throw CakupanError.input(file, "no time field for GPS fixes (accepted names: \(Self.timeFields.joined(separator: ", "))); the fields are: \(fields.isEmpty ? "none" : fields.joined(separator: ", ")). Lines without times can be given as --patrols")
            }
        }
        var fixes = 0
        for layer in layers {
            fixes += try read(layer: layer, multiLayer: dataset.layerCount > 1, isGPX: isGPX, trackNames: trackNames,
                              warnings: &warnings, body)
        }
        if isGPX && fixes == 0 {
            throw CakupanError.input(file, "the GPX file has no track points (trkpt); routes and waypoints are not GPS fixes")
        }
        return TrackFileSummary(path: path, fixes: fixes, blankRows: 0)
    }

    private func read(layer: VectorLayer, multiLayer: Bool, isGPX: Bool, trackNames: [Int64: String],
                      warnings: inout Warnings, _ body: ([FixRecord], FixOrigin) throws -> Void) throws -> Int {
        let info = layer.info
        let origin = FixOrigin(file: path, layer: multiLayer ? info.name : nil, isCSV: false)
        let lowered = info.fieldNames.map { $0.lowercased() }
        func field(_ names: [String]) -> Int? {
            for n in names { if let i = lowered.firstIndex(of: n) { return i } }
            return nil
        }
        guard let timeIndex = field(Self.timeFields) else { return 0 }
        let timeName = info.fieldNames[timeIndex]
        let trackIndex = isGPX ? field(["track_fid"]) : nil
        let unitIndex = isGPX ? nil : field(Self.unitFields)
        if !isGPX, unitIndex == nil {
            warnings.add("\(InputLocation(file: path, layer: origin.layer)): no unit field (\(Self.unitFields.joined(separator: ", "))); every fix is taken as unit '\(stem)'", kind: "tracks_without_unit")
        }
        var transformer: CoordinateTransformer? = nil
        if let wkt = info.crsWKT {
            let proj = PROJContext()
            let crs = try? CRSInfo(definition: wkt, context: proj)
            if crs?.epsg != 4326 {
                do { transformer = try CoordinateTransformer(from: wkt, to: "EPSG:4326", context: proj) } catch {
                    throw CakupanError.input(InputLocation(file: path, layer: origin.layer), "cannot transform the layer's coordinate reference system to WGS 84: \(error)")
                }
            }
        }
        var batch: [FixRecord] = []
        batch.reserveCapacity(batchSize)
        var count = 0
        let stem = self.stem
        try layer.forEachFeature { f in
            let line = f.index + 1
            let unit: String
            if let trackIndex, case .integer(let fid) = f.values[trackIndex], let name = trackNames[fid] {
                unit = name
            } else if let unitIndex, let text = f.values[unitIndex].text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
                unit = text
            } else if unitIndex != nil {
                throw CakupanError.input(origin.location(line, field: info.fieldNames[unitIndex!]), "value missing (the unit of the fix)")
            } else {
                unit = stem
            }
            let time: Double
            switch f.values[timeIndex] {
            case .null:
                throw CakupanError.input(origin.location(line, field: timeName), isGPX ? "the track point has no <time>; tracks without times can be given as --patrols" : "value missing")
            case .integer(let i): time = Double(i)
            case .real(let d): time = d
            case .string(let s):
                guard let t = TimestampParser.parse(s, utcOffset: utcOffset) else {
                    throw CakupanError.input(origin.location(line, field: timeName), Self.badTime(s, utcOffset))
                }
                time = t
            case .bool:
                throw CakupanError.input(origin.location(line, field: timeName), "a true/false value is not a time")
            }
            if let problem = f.geometryProblem {
                throw CakupanError.input(origin.location(line), "geometry cannot be read: \(problem)")
            }
            var point: Coordinate
            switch f.geometry {
            case .point(let c)?: point = c
            case .multiPoint(let cs)? where cs.count == 1: point = cs[0]
            case nil:
                throw CakupanError.input(origin.location(line), "the fix has no coordinates")
            case let g?:
                throw CakupanError.input(origin.location(line), "a GPS fix must be a point, but this feature is a \(g.typeName); lines without times can be given as --patrols")
            }
            if let transformer {
                do { point = try transformer.transform(point) } catch {
                    throw CakupanError.input(origin.location(line), "coordinates cannot be transformed to WGS 84: \(error)")
                }
            }
            batch.append(FixRecord(unit: unit, time: time, lon: point.x, lat: point.y, line: line))
            count += 1
            if batch.count == batchSize {
                try body(batch, origin)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { try body(batch, origin) }
        return count
    }
}
