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
///   other builds (docs/temporal.md, "Reading fixes"). The columns are found once per file.
/// - GPX through GDAL's GPX driver: layer `track_points`, field `time`; the unit is the name of the
///   track (`tracks` layer, by `track_fid`), else the file's name without extension. A track none of
///   whose points has a time (a Garmin saved track beside its ACTIVE LOG) is left out with a warning.
/// - Any other vector file GDAL reads (GeoJSON, GeoPackage, FlatGeobuf, Shapefile, KML): every point
///   layer (or the `#layer` named) with a time field; a declared CRS is transformed to WGS 84.
/// Columns and fields follow `FixColumnRules` (an explicit `--track-fields` mapping first); without a
/// unit column every fix is the file's (stem's) unit, with a warning. Times are read by a
/// `TimeReader` (`--time-format` when given; local times at `utcOffset`). Fixes without a time are
/// skipped and counted, one warning per file or layer; fixes dated before 2000 or after the run
/// (`notAfter`) come from an unset or broken device clock: left out and counted, one warning per unit.
struct TemporalFixReader {
    let path: String
    let utcOffset: Int
    var batchSize = 65_536
    /// The layer to read (`FILE#LAYER`); nil reads every layer with fixes.
    var layer: String? = nil
    /// Explicit columns (`--track-fields`): unit, time, date, lon, lat.
    var fields: [FixField: String] = [:]
    /// `--time-format`.
    var timeFormat: TimeFormat? = nil
    /// Fixes later than this (epoch seconds) are left out as a broken clock: the run's moment.
    var notAfter: Double = .infinity

    /// 2000-01-01T00:00:00Z: earlier fixes come from a device whose clock was never set.
    static let notBefore = 946_684_800.0

    init(path: String, utcOffset: Int) {
        self.path = path
        self.utcOffset = utcOffset
    }

    /// A reader for one `--tracks` input of a run.
    init(_ spec: InputSpec, settings: TemporalSettings, notAfter: Double) {
        self.init(path: spec.path, utcOffset: settings.utcOffset)
        layer = spec.layer
        fields = Self.fixFields(spec.fields)
        timeFormat = settings.timeFormat
        self.notAfter = notAfter
    }

    /// The `--track-fields` keys a fix file uses, as `FixField`s.
    static func fixFields(_ fields: [RoleField: String]) -> [FixField: String] {
        var out: [FixField: String] = [:]
        for (key, column) in fields { if let field = FixField(rawValue: key.rawValue) { out[field] = column } }
        return out
    }

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
        var clock = ClockCheck(notBefore: Self.notBefore, notAfter: notAfter)
        func checked(_ batch: [FixRecord], _ origin: FixOrigin) throws {
            let kept = clock.filter(batch)
            if !kept.isEmpty { try body(kept, origin) }
        }
        var summary = isCSV ? try readCSV(warnings: &warnings, checked) : try readVector(warnings: &warnings, checked)
        clock.warn(file: path, utcOffset: utcOffset, warnings: &warnings)
        summary.fixes -= clock.skipped
        summary.skippedFixes += clock.skipped
        return summary
    }

    // MARK: CSV

    private func readCSV(warnings: inout Warnings, _ body: ([FixRecord], FixOrigin) throws -> Void) throws -> TrackFileSummary {
        let origin = FixOrigin(file: path, layer: nil, isCSV: true)
        let reader = FixCSVReader(path: path, utcOffset: utcOffset, fields: fields, timeFormat: timeFormat, defaultUnit: stem)
        let summary: FixCSVSummary
        do {
            summary = try reader.forEachBatch(maxCount: batchSize) { try body($0, origin) }
        } catch let error as TemporalError {
            throw Self.inputError(error, origin: origin, utcOffset: utcOffset)
        }
        if let unit = summary.unit {
            warnings.add(
                "\(path): no unit column (\(FixColumnRules.unitNames.joined(separator: ", ")), or --track-fields unit=COLUMN); every fix is taken as unit '\(unit)', the file's name",
                kind: .tracksWithoutUnit)
        }
        if summary.untimed > 0 {
            let column = summary.dateColumn.map { "'\($0)' + '\(summary.timeColumn)'" } ?? "'\(summary.timeColumn)'"
            warnings.add(
                "\(path): \(Self.rows(summary.untimedLines.map { $0 - 1 }, total: summary.untimed, word: "row", "without a time in column \(column) skipped"))",
                kind: .skippedFixes)
        }
        return TrackFileSummary(path: path, fixes: summary.rows, blankRows: summary.blankRows, skippedFixes: summary.untimed)
    }

    /// "5 rows … (rows 2, 7, 9, 12, 40)": `what` goes between the count and the list, which is cut
    /// at the numbers given.
    static func rows(_ numbers: [Int], total: Int, word: String, _ what: String) -> String {
        let more = total > numbers.count ? ", … \(total - numbers.count) more" : ""
        let plural = total == 1 ? "" : "s"
        return
            "\(total) \(word)\(plural) \(what) (\(word)\(numbers.count == 1 ? "" : "s") \(numbers.map(String.init).joined(separator: ", "))\(more))"
    }

    /// A reader error as an input error naming the file, row and column, and suggesting the fix.
    static func inputError(_ error: TemporalError, origin: FixOrigin, utcOffset: Int) -> CakupanError {
        switch error {
        case let .badTimestamp(_, line, field, value):
            return .input(origin.location(line, field: field), badTime(value, utcOffset))
        case let .ambiguousDates(_, line, column, value):
            return .input(
                origin.location(line, field: column),
                "every date in the column has day and month ≤ 12, so '\(value)' could be day-first or month-first; give the order with --time-format '\(TimeReader.suggestedFormat(for: value))' (or --time-format '%m/%d/…' if the month comes first)"
            )
        case let .mappedColumnMissing(_, field, column, header):
            return .input(
                InputLocation(file: origin.file, layer: origin.layer),
                "--track-fields \(field)=\(column): there is no column '\(column)'; the columns are: \(header.joined(separator: ", "))")
        case let .missingColumn(_, _, role, accepted):
            return .input(
                InputLocation(file: origin.file, layer: origin.layer),
                "no \(role) column for GPS fixes (accepted names: \(accepted.joined(separator: ", "))); name it with --track-fields \(role)=COLUMN (fields: unit, time, date, lat, lon)"
            )
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
        "cannot read timestamp '\(value)'; expected ISO 8601 such as 2024-11-27T08:30:00+07:00, local time such as 2024-11-27 08:30:00 or 27/11/2024 08:30 (read at UTC\(ISOTime.offsetText(utcOffset)), see --timezone), or epoch seconds or milliseconds; for other layouts give --time-format, e.g. '%d/%m/%Y %H:%M', and for the wrong column --track-fields time=COLUMN"
    }

    // MARK: GDAL (GPX, GeoJSON, GeoPackage, …)

    private func readVector(warnings: inout Warnings, _ body: ([FixRecord], FixOrigin) throws -> Void) throws -> TrackFileSummary {
        let file = InputLocation(file: path)
        let dataset: VectorDataset
        do { dataset = try VectorDataset(path: path) } catch let error as GDALError {
            throw CakupanError.input(file, OpenFailure.message(error, path: path, displayPath: path))
        }
        let isGPX = dataset.driverName == "GPX"
        var all = dataset.layers
        if let layer {
            guard let chosen = all.first(where: { $0.info.name == layer }) else {
                throw CakupanError.input(file, "no layer '\(layer)'; the layers are: \(all.map(\.info.name).joined(separator: ", "))")
            }
            all = [chosen]
        }
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
            layers = all.filter { layer in
                (try? FixColumnRules.choose(header: layer.info.fieldNames, mapping: fields, file: path, coordinates: false)) != nil
            }
            guard !layers.isEmpty else {
                let fields = all.flatMap(\.info.fieldNames)
                throw CakupanError.input(
                    InputLocation(file: path, layer: layer),
                    "no time field for GPS fixes (accepted names: \(FixColumnRules.timeNames.joined(separator: ", ")), or date + time); the fields are: \(fields.isEmpty ? "none" : fields.joined(separator: ", ")); name it with --track-fields time=FIELD. Lines without times can be given as --patrols"
                )
            }
        }
        var fixes = 0
        var skipped = 0
        var untimedTracks: [String] = []
        for layer in layers {
            let read = try read(
                layer: layer, multiLayer: dataset.layerCount > 1, isGPX: isGPX, trackNames: trackNames,
                warnings: &warnings, body)
            fixes += read.fixes
            skipped += read.skipped
            untimedTracks += read.untimedTracks
        }
        if isGPX && fixes == 0 {
            let untimed =
                untimedTracks.isEmpty ? "" : " with times (the tracks \(untimedTracks.map { "'\($0)'" }.joined(separator: ", ")) have none)"
            throw CakupanError.input(
                file,
                "the GPX file has no track points (trkpt)\(untimed); routes, waypoints and tracks without times are not GPS fixes: give them as --patrols"
            )
        }
        return TrackFileSummary(path: path, fixes: fixes, blankRows: 0, skippedFixes: skipped)
    }

    private func read(
        layer: VectorLayer, multiLayer: Bool, isGPX: Bool, trackNames: [Int64: String],
        warnings: inout Warnings, _ body: ([FixRecord], FixOrigin) throws -> Void
    ) throws -> (fixes: Int, skipped: Int, untimedTracks: [String]) {
        let info = layer.info
        let origin = FixOrigin(file: path, layer: multiLayer ? info.name : nil, isCSV: false)
        let place = InputLocation(file: path, layer: origin.layer)
        let columns: [FixField: Int]
        do {
            columns = try FixColumnRules.choose(header: info.fieldNames, mapping: isGPX ? [:] : fields, file: path, coordinates: false)
        } catch let error as TemporalError {
            throw Self.inputError(error, origin: origin, utcOffset: utcOffset)
        }
        let timeIndex = columns[.time]!
        let dateIndex = columns[.date]
        let timeName = dateIndex.map { "\(info.fieldNames[$0]) + \(info.fieldNames[timeIndex])" } ?? info.fieldNames[timeIndex]
        let trackIndex = isGPX ? info.fieldNames.firstIndex(of: "track_fid") : nil
        let unitIndex = isGPX ? nil : columns[.unit]
        if !isGPX, unitIndex == nil {
            warnings.add(
                "\(place): no unit field (\(FixColumnRules.unitNames.joined(separator: ", ")), or --track-fields unit=FIELD); every fix is taken as unit '\(stem)', the file's name",
                kind: .tracksWithoutUnit)
        }
        var transformer: CoordinateTransformer? = nil
        if let wkt = info.crsWKT {
            let proj = PROJContext()
            let crs = try? CRSInfo(definition: wkt, context: proj)
            if crs?.epsg != 4326 {
                do { transformer = try CoordinateTransformer(from: wkt, to: "EPSG:4326", context: proj) } catch {
                    throw CakupanError.input(place, "cannot transform the layer's coordinate reference system to WGS 84: \(error)")
                }
            }
        }
        var times = TimeReader(utcOffset: utcOffset, format: timeFormat)
        var batch: [FixRecord] = []
        batch.reserveCapacity(batchSize)
        var count = 0
        // Points without a time: per GPX track (a track without any time is left out whole), else per layer.
        var untimed: [Int64: [Int]] = [:]
        var timedTracks: Set<Int64> = []
        let stem = self.stem
        try layer.forEachFeature { f in
            let line = f.index + 1
            var track: Int64 = -1
            let unit: String
            if let trackIndex, case .integer(let fid) = f.values[trackIndex] {
                track = fid
                unit = trackNames[fid] ?? stem
            } else if let unitIndex, let text = f.values[unitIndex].text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
                unit = text
            } else if let unitIndex {
                throw CakupanError.input(origin.location(line, field: info.fieldNames[unitIndex]), "value missing (the unit of the fix)")
            } else {
                unit = stem
            }
            let time: Double
            switch (f.values[timeIndex], dateIndex.map { f.values[$0] }) {
            case (.null, _), (_, .null?):
                untimed[track, default: []].append(line)
                return
            case (.integer(let i), nil) where i > 100_000_000_000: time = Double(i) / 1000  // epoch ms
            case (.integer(let i), nil): time = Double(i)
            case (.real(let d), nil): time = d > 1e11 ? d / 1000 : d
            case (.bool, _), (_, .bool?):
                throw CakupanError.input(origin.location(line, field: timeName), "a true/false value is not a time")
            case let (value, date):
                let text = [date?.text, value.text].compactMap { $0?.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
                guard !text.isEmpty, date?.text?.trimmingCharacters(in: .whitespaces).isEmpty != true else {
                    untimed[track, default: []].append(line)
                    return
                }
                guard let t = times.read(text, line: line) else {
                    throw CakupanError.input(origin.location(line, field: timeName), Self.badTime(text, utcOffset))
                }
                time = t
            }
            timedTracks.insert(track)
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
                throw CakupanError.input(
                    origin.location(line),
                    "a GPS fix must be a point, but this feature is a \(g.typeName); lines without times can be given as --patrols")
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
        if times.isAmbiguous, let first = times.firstAmbiguous {
            throw Self.inputError(
                .ambiguousDates(file: path, line: first.line, column: timeName, value: first.value),
                origin: origin, utcOffset: utcOffset)
        }
        var skipped = 0
        var skippedLines: [Int] = []
        var untimedTracks: [String] = []
        for (track, lines) in untimed.sorted(by: { $0.key < $1.key }) {
            if isGPX, !timedTracks.contains(track) {
                let name = trackNames[track] ?? "track \(track + 1)"
                untimedTracks.append(name)
                warnings.add(
                    "\(path): track '\(name)' has no times (\(lines.count) point\(lines.count == 1 ? "" : "s")), left out; the file's timed tracks are used. A track without times can be given as --patrols",
                    kind: .untimedTracks)
            } else {
                skipped += lines.count
                skippedLines += lines
            }
        }
        if skipped > 0 {
            skippedLines.sort()
            warnings.add(
                "\(place): \(Self.rows(Array(skippedLines.prefix(FixCSVReader.listedUntimedLines)), total: skipped, word: isGPX ? "track point" : "feature", "without a time in field '\(timeName)' skipped"))",
                kind: .skippedFixes)
        }
        return (count, skipped, untimedTracks)
    }
}

/// Leaves out fixes dated outside `notBefore...notAfter` (an unset or broken device clock), counting
/// them per unit for one warning each.
struct ClockCheck {
    let notBefore: Double
    let notAfter: Double
    private(set) var skipped = 0
    /// Per unit: fixes left out, the earliest and latest of their times.
    private var units: [String: (count: Int, first: Double, last: Double)] = [:]

    init(notBefore: Double, notAfter: Double) {
        self.notBefore = notBefore
        self.notAfter = notAfter
    }

    /// The batch without the fixes outside the range (the batch itself when none is).
    mutating func filter(_ batch: [FixRecord]) -> [FixRecord] {
        let (low, high) = (notBefore, notAfter)
        guard batch.contains(where: { !($0.time >= low && $0.time <= high) }) else { return batch }
        return batch.filter { r in
            if r.time >= low && r.time <= high { return true }
            skipped += 1
            let old = units[r.unit] ?? (0, r.time, r.time)
            units[r.unit] = (old.count + 1, min(old.first, r.time), max(old.last, r.time))
            return false
        }
    }

    /// One warning per unit with fixes left out, units in name order.
    func warn(file: String, utcOffset: Int, warnings: inout Warnings) {
        for (unit, u) in units.sorted(by: { $0.key < $1.key }) {
            let dates =
                u.first == u.last
                ? "dated \(ISOTime.iso(u.first, offset: utcOffset))"
                : "dated \(ISOTime.iso(u.first, offset: utcOffset)) to \(ISOTime.iso(u.last, offset: utcOffset))"
            let why =
                u.last < notBefore
                ? "before 2000-01-01: the device's clock was not set"
                : u.first > notAfter
                    ? "after the run's date: the device's clock is wrong"
                    : "before 2000-01-01 or after the run's date: the device's clock was not set or is wrong"
            warnings.add(
                "\(file): unit '\(unit)': \(u.count) fix\(u.count == 1 ? "" : "es") \(dates), \(why); left out", kind: .unsetClockFixes)
        }
    }
}
