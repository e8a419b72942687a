/// A value a fix file gives per fix, read from a column (CSV) or field (GDAL layers).
public enum FixField: String, CaseIterable, Sendable, Hashable {
    case unit, time, date, lon, lat
}

/// The one home of the rules that find a fix file's columns: accepted names per field, and how an
/// explicit mapping (`--track-fields unit=Plat Nomor,date=Tanggal,time=Jam`) takes precedence. Used
/// by the CSV reader and by the GDAL readers (GPX, GeoJSON, GeoPackage, …) alike.
///
/// Names are compared lowercased, with spaces, `-` and `_` equivalent (`Plat Nomor` = `plat_nomor`).
public enum FixColumnRules {
    /// Unit names, most specific first.
    public static let unitNames = [
        "unit", "unit_id", "kendaraan", "callsign", "nama_unit", "plat_nomor", "nopol", "no_pol",
        "device", "deviceid", "device_id", "imei",
    ]
    /// Names of a column holding date and time together, most specific first (Traccar's `fixTime`
    /// before its `deviceTime`; `serverTime` is the server's, not the fix's).
    public static let timeNames = [
        "time", "timestamp", "waktu", "fixtime", "fix_time", "devicetime", "device_time", "datetime",
        "date_time", "tanggal_jam", "tanggal_waktu", "waktu_gps", "gps_time",
    ]
    /// Names of a date column read together with a time-of-day column (`Tanggal` + `Jam`).
    public static let dateNames = ["date", "tanggal", "tgl"]
    /// Names of a time-of-day column beside a date column.
    public static let clockNames = ["time", "jam", "waktu", "pukul"]
    public static let lonNames = ["lon", "lng", "long", "longitude", "bujur", "x"]
    public static let latNames = ["lat", "latitude", "lintang", "y"]

    /// `Plat Nomor` → `plat_nomor`.
    public static func normalized(_ name: String) -> String {
        String(name.trimmingSpaces().lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
    }

    /// The column (index into `header`) per field. A field named in `mapping` takes that column
    /// (compared as above); others are detected. Without a date column the time column holds date
    /// and time together; with one, the time column is the time of day (`jam`, `time`, …) and, when
    /// there is none, the date column is ignored in favour of a whole timestamp column.
    /// - Throws: `TemporalError.mappedColumnMissing` for a mapped column not in the header,
    ///   `.missingColumn` for time, lon or lat without a column (the unit is optional).
    /// - Parameter coordinates: whether lon and lat columns are needed (not for layers with point
    ///   geometry).
    public static func choose(
        header: [String], mapping: [FixField: String], file: String, coordinates: Bool = true
    ) throws -> [FixField: Int] {
        let normalized = header.map { Self.normalized($0) }
        func best(_ names: [String]) -> Int? {
            var found: (rank: Int, column: Int)?
            for (column, name) in normalized.enumerated() {
                guard let rank = names.firstIndex(of: name) else { continue }
                if found == nil || rank < found!.rank { found = (rank, column) }
            }
            return found?.column
        }
        var chosen: [FixField: Int] = [:]
        for (field, column) in mapping {
            guard let index = normalized.firstIndex(of: Self.normalized(column)) else {
                throw TemporalError.mappedColumnMissing(
                    file: file, field: field.rawValue, column: column, header: header.map { $0.trimmingSpaces() })
            }
            chosen[field] = index
        }
        if chosen[.unit] == nil { chosen[.unit] = best(unitNames) }
        if chosen[.date] == nil, mapping[.time] == nil { chosen[.date] = best(dateNames) }
        if chosen[.time] == nil {
            if chosen[.date] != nil, let clock = best(clockNames) {
                chosen[.time] = clock
            } else {
                if mapping[.date] == nil { chosen[.date] = nil }
                chosen[.time] = best(timeNames)
            }
        }
        guard chosen[.time] != nil else {
            throw TemporalError.missingColumn(
                file: file, line: 1, role: "time",
                accepted: timeNames + ["date + time (\(dateNames.joined(separator: "/")) with \(clockNames.joined(separator: "/")))"])
        }
        guard coordinates else { return chosen }
        if chosen[.lon] == nil { chosen[.lon] = best(lonNames) }
        guard chosen[.lon] != nil else {
            throw TemporalError.missingColumn(file: file, line: 1, role: "lon", accepted: lonNames)
        }
        if chosen[.lat] == nil { chosen[.lat] = best(latNames) }
        guard chosen[.lat] != nil else {
            throw TemporalError.missingColumn(file: file, line: 1, role: "lat", accepted: latNames)
        }
        return chosen
    }
}

/// Which header column holds unit, time, lon, lat and (when separate) the date, for `FixCSVReader`.
struct FixCSVColumns {
    /// The roles, in the order the scanner stores them.
    enum Role: Int, CaseIterable {
        case unit, time, lon, lat, date

        var field: FixField {
            switch self {
            case .unit: .unit
            case .time: .time
            case .lon: .lon
            case .lat: .lat
            case .date: .date
            }
        }
    }

    /// Column index per role (indexed by `Role.rawValue`), -1 when the file has none.
    let index: [Int]
    /// Header text per role, as written ("" when none).
    let names: [String]

    var hasUnit: Bool { index[Role.unit.rawValue] >= 0 }
    var hasDate: Bool { index[Role.date.rawValue] >= 0 }

    /// - Throws: as `FixColumnRules.choose`.
    init(header: [String], mapping: [FixField: String] = [:], file: String) throws {
        let chosen = try FixColumnRules.choose(header: header, mapping: mapping, file: file)
        index = Role.allCases.map { chosen[$0.field] ?? -1 }
        names = index.map { $0 >= 0 ? header[$0].trimmingSpaces() : "" }
    }
}
