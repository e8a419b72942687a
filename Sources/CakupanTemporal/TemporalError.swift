import Foundation

/// Everything that can go wrong reading fixes or setting up the engine. Each case says where.
public enum TemporalError: Error, Hashable, Sendable, LocalizedError {
    /// A timestamp that none of the accepted formats reads (`file` is nil when not read from a file).
    case badTimestamp(file: String?, line: Int, field: String, value: String)
    /// The header has no column for a needed role (unit, time, lon, lat); `accepted` lists the names tried.
    case missingColumn(file: String, line: Int, role: String, accepted: [String])
    /// A row has no value (too few fields, or an empty one) where one is needed.
    case missingValue(file: String, line: Int, column: String)
    /// A lon/lat (or x/y) field that is not a finite number.
    case notANumber(file: String, line: Int, column: String, value: String)
    /// The file could not be opened or read.
    case unreadable(file: String, reason: String)
    /// The file has no header line.
    case emptyFile(file: String)
    /// A time zone name or offset that is not one of the accepted ones.
    case unknownTimeZone(String)
    /// A daily shift that does not read as `HH:MM-HH:MM` with two different times.
    case badShift(String)
    /// A parameter outside its allowed range.
    case invalidParameter(name: String, value: String, reason: String)
    /// A site with a non-finite position or a bad radius / unattended limit.
    case invalidSite(index: Int, id: String, field: String, reason: String)
    /// A zone or area polygon that cannot be used (a ring with fewer than three distinct points,
    /// non-finite coordinates).
    case invalidRegion(kind: String, index: Int, id: String, reason: String)
    /// A `--time-format` pattern that cannot be used.
    case badTimeFormat(String, reason: String)
    /// Every day-first date of the column has day and month ≤ 12, so their order cannot be told;
    /// `line` and `value` are the first such date.
    case ambiguousDates(file: String, line: Int, column: String, value: String)
    /// A column named by an explicit mapping (`--track-fields unit=Plat Nomor`) is not in the header.
    case mappedColumnMissing(file: String, field: String, column: String, header: [String])
    /// A fix with a non-finite time or coordinate.
    case invalidFix(line: Int, unit: String, field: String)
    /// `add` was called after `finish`.
    case engineFinished

    public var errorDescription: String? {
        switch self {
        case let .badTimestamp(file, line, field, value):
            let place = file.map { "\($0), line \(line)" } ?? "line \(line)"
            return "\(place), column \(field): cannot read timestamp '\(value)' (expected ISO 8601 like "
                + "2024-11-27T08:30:00+07:00, or local time 2024-11-27 08:30:00, or epoch seconds)"
        case let .missingColumn(file, line, role, accepted):
            return "\(file), line \(line): no \(role) column (accepted names: \(accepted.joined(separator: ", ")))"
        case let .missingValue(file, line, column):
            return "\(file), line \(line), column \(column): value missing"
        case let .notANumber(file, line, column, value):
            return "\(file), line \(line), column \(column): '\(value)' is not a number"
        case let .unreadable(file, reason):
            return "\(file): cannot read (\(reason))"
        case let .emptyFile(file):
            return "\(file): empty, no header line"
        case let .unknownTimeZone(name):
            return "unknown time zone '\(name)' (accepted: WIB, WITA, WIT, Asia/Jakarta, Asia/Pontianak, "
                + "Asia/Makassar, Asia/Jayapura, UTC, or an offset like +08:00)"
        case let .badShift(text):
            return "cannot read shift '\(text)' (expected HH:MM-HH:MM, e.g. 22:00-06:00)"
        case let .invalidParameter(name, value, reason):
            return "parameter \(name) = \(value): \(reason)"
        case let .invalidSite(index, id, field, reason):
            return "site \(index) ('\(id)'), \(field): \(reason)"
        case let .invalidRegion(kind, index, id, reason):
            return "\(kind) \(index) ('\(id)'): \(reason)"
        case let .badTimeFormat(pattern, reason):
            return "time format '\(pattern)' cannot be used: \(reason) (tokens: %d %m %Y %y %H %M %S, "
                + "for example '%d/%m/%Y %H:%M')"
        case let .ambiguousDates(file, line, column, value):
            return "\(file), line \(line), column \(column): every date has day and month ≤ 12, so '\(value)' "
                + "could be read day-first or month-first; give --time-format "
                + "'\(TimeReader.suggestedFormat(for: value))' (or '%m/%d/…' if the month comes first)"
        case let .mappedColumnMissing(file, field, column, header):
            return "\(file): no column '\(column)' for \(field); the columns are \(header.joined(separator: ", "))"
        case let .invalidFix(line, unit, field):
            return "fix of unit '\(unit)' at line \(line): \(field) is not a finite number"
        case .engineFinished:
            return "no fixes can be added after finish()"
        }
    }
}
