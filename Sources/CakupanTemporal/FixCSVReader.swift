import Foundation

/// Streams a CSV file of GPS fixes, one record at a time, in pure Swift.
///
/// The file is read in large chunks and parsed as bytes; only the unit text becomes a `String` (and
/// is reused while consecutive rows name the same unit). The header decides:
/// - the separator: `,`, `;` or tab, whichever is most frequent in the header line;
/// - the columns, by `FixColumnRules` (an explicit `fields` mapping first, then the accepted names):
///   unit (optional: without one every fix is unit `defaultUnit`), time (or a date column and a
///   time-of-day column, read joined by a space), lon, lat.
///
/// Rows without a time (an empty time or date cell) are skipped and counted (`FixCSVSummary.untimed`);
/// times are read by a `TimeReader` (`timeFormat` when given), and a file whose day-first dates all
/// have day ≤ 12 is refused (`TemporalError.ambiguousDates`) after its last row.
///
/// Also handled: a UTF-8 byte order mark, CRLF or CR line ends, quoted fields (RFC 4180), decimal
/// commas when the separator is not `,`, rows whose fields are all empty (skipped and counted).
/// Times are read by `TimestampParser`; local times without an offset are taken at `utcOffset`.
///
/// Lines are numbered as a spreadsheet shows rows: the header is line 1, the first data row line 2
/// (a quoted field with a line break in it does not start a new row). Errors name file, line and
/// column.
public struct FixCSVReader: Sendable {
    /// The file to read.
    public var path: String
    /// Seconds east of UTC for times written without an offset (default WIB, +07:00).
    public var utcOffset: Int
    /// Bytes read from the file at a time.
    public var chunkSize: Int

    /// Explicit columns per field (header names); the others are detected.
    public var fields: [FixField: String]
    /// How times are written (`--time-format`); nil detects them.
    public var timeFormat: TimeFormat?
    /// The unit of every fix when the file has no unit column; nil: the file's name without folder
    /// and extension.
    public var defaultUnit: String?

    public init(
        path: String, utcOffset: Int = UTCOffset.wib, chunkSize: Int = 4 << 20, fields: [FixField: String] = [:],
        timeFormat: TimeFormat? = nil, defaultUnit: String? = nil
    ) {
        self.path = path
        self.utcOffset = utcOffset
        self.chunkSize = max(1, chunkSize)
        self.fields = fields
        self.timeFormat = timeFormat
        self.defaultUnit = defaultUnit
    }

    /// How many untimed rows `FixCSVSummary.untimedLines` lists.
    public static let listedUntimedLines = 20

    /// Reads the whole file, calling `body` with each fix in file order.
    /// - Throws: `TemporalError` naming file, line and column (`missingColumn`, `missingValue`,
    ///   `mappedColumnMissing`, `notANumber`, `badTimestamp`, `ambiguousDates`, `unreadable`,
    ///   `emptyFile`), or whatever `body` throws.
    @discardableResult
    public func forEach(_ body: (FixRecord) throws -> Void) throws -> FixCSVSummary {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw TemporalError.unreadable(file: path, reason: "cannot open the file")
        }
        defer { try? handle.close() }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(chunkSize + 4096)
        var atEOF = false
        func fill() throws {
            let data: Data?
            do {
                data = try handle.read(upToCount: chunkSize)
            } catch {
                throw TemporalError.unreadable(file: path, reason: "\(error)")
            }
            if let data, !data.isEmpty { buffer.append(contentsOf: data) } else { atEOF = true }
        }

        // Header: the first line (a quoted line break does not end it).
        try fill()
        var headerEnd: Int?
        while true {
            headerEnd = Self.firstLineEnd(buffer)
            if headerEnd != nil || atEOF { break }
            try fill()
        }
        let bomLength = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let lineEnd = headerEnd ?? buffer.count
        guard lineEnd > bomLength || headerEnd != nil else { throw TemporalError.emptyFile(file: path) }
        var textEnd = lineEnd
        while textEnd > bomLength, buffer[textEnd - 1] == 0x0D { textEnd -= 1 }
        let (separator, header) = buffer.withUnsafeBufferPointer { bytes in
            let line = UnsafeBufferPointer(rebasing: bytes[bomLength..<textEnd])
            let separator = CSVRecordScanner.detectSeparator(line)
            return (separator, CSVRecordScanner.splitHeader(line, separator: separator))
        }
        let columns = try FixCSVColumns(header: header, mapping: fields, file: path)
        var roleOfColumn = [Int](repeating: -1, count: header.count)
        for role in FixCSVColumns.Role.allCases where columns.index[role.rawValue] >= 0 {
            roleOfColumn[columns.index[role.rawValue]] = role.rawValue
        }

        var scanner = CSVRecordScanner(separator: separator, roleOfColumn: roleOfColumn)
        var start = min(lineEnd + 1, buffer.count)
        var line = 1
        var rows = 0
        var blankRows = 0
        var units = UnitNameCache()
        let decimalComma = separator != 0x2C
        var times = TimeReader(utcOffset: utcOffset, format: timeFormat)
        var untimed = 0
        var untimedLines: [Int] = []
        let fixedUnit = columns.hasUnit ? nil : (defaultUnit ?? Self.stem(of: path))
        let hasDate = columns.hasDate
        let timeColumn = hasDate ? "\(columns.names[4]) + \(columns.names[1])" : columns.names[1]
        var joined: [UInt8] = []  // date, space, time of day

        /// The row's fix, or nil when it has no time.
        func record(_ bytes: UnsafeBufferPointer<UInt8>) throws -> FixRecord? {
            func missing(_ role: FixCSVColumns.Role) -> TemporalError {
                .missingValue(file: path, line: line, column: columns.names[role.rawValue])
            }
            let unit: String
            if let fixedUnit {
                unit = fixedUnit
            } else {
                let unitRole = FixCSVColumns.Role.unit.rawValue
                guard let name = scanner.withField(unitRole, in: bytes, { units.name(for: $0) }), !name.isEmpty
                else { throw missing(.unit) }
                unit = name
            }
            func time(_ field: UnsafeBufferPointer<UInt8>) throws -> Double? {
                guard !field.isEmpty else { return nil }
                guard let time = times.read(field, line: line) else {
                    throw TemporalError.badTimestamp(
                        file: path, line: line, field: timeColumn, value: String(decoding: field, as: UTF8.self))
                }
                return time
            }
            let read: Double??
            if hasDate {
                joined.removeAll(keepingCapacity: true)
                let date = scanner.withField(FixCSVColumns.Role.date.rawValue, in: bytes) { joined.append(contentsOf: $0) }
                let clock = scanner.withField(FixCSVColumns.Role.time.rawValue, in: bytes) { field in
                    if !field.isEmpty, !joined.isEmpty {
                        joined.append(0x20)
                        joined.append(contentsOf: field)
                        return true
                    }
                    return false
                }
                read = date != nil && clock == true ? try joined.withUnsafeBufferPointer(time) : nil
            } else {
                read = try scanner.withField(FixCSVColumns.Role.time.rawValue, in: bytes, time)
            }
            guard let read, let time = read else {
                untimed += 1
                if untimedLines.count < Self.listedUntimedLines { untimedLines.append(line) }
                return nil
            }
            func coordinate(_ role: FixCSVColumns.Role) throws -> Double {
                let value = try scanner.withField(role.rawValue, in: bytes) { field -> Double in
                    guard let value = DecimalParser.parse(field, decimalComma: decimalComma) else {
                        if field.isEmpty { throw missing(role) }
                        throw TemporalError.notANumber(
                            file: path, line: line, column: columns.names[role.rawValue],
                            value: String(decoding: field, as: UTF8.self))
                    }
                    return value
                }
                guard let value else { throw missing(role) }
                return value
            }
            let lon = try coordinate(.lon)
            let lat = try coordinate(.lat)
            return FixRecord(unit: unit, time: time, lon: lon, lat: lat, line: line)
        }

        while true {
            let finished = try buffer.withUnsafeBufferPointer { bytes -> Bool in
                var position = start
                while true {
                    switch scanner.scan(bytes, from: position, atEOF: atEOF) {
                    case .end:
                        return true
                    case .needMore:
                        start = position
                        return false
                    case .record(let next):
                        position = next
                        line += 1
                        guard scanner.hasContent else {
                            blankRows += 1
                            continue
                        }
                        guard let fix = try record(bytes) else { continue }
                        try body(fix)
                        rows += 1
                    }
                }
            }
            if finished { break }
            buffer.removeSubrange(0..<start)
            start = 0
            try fill()
        }
        if times.isAmbiguous, let first = times.firstAmbiguous {
            throw TemporalError.ambiguousDates(file: path, line: first.line, column: timeColumn, value: first.value)
        }
        return FixCSVSummary(
            separator: Character(Unicode.Scalar(separator)), unitColumn: fixedUnit == nil ? columns.names[0] : nil,
            timeColumn: columns.names[1], dateColumn: hasDate ? columns.names[4] : nil, lonColumn: columns.names[2],
            latColumn: columns.names[3], rows: rows, blankRows: blankRows, untimed: untimed,
            untimedLines: untimedLines, unit: fixedUnit)
    }

    /// Reads the whole file, calling `body` with up to `maxCount` fixes at a time (for batch
    /// projection), in file order.
    @discardableResult
    public func forEachBatch(
        maxCount: Int = 65_536, _ body: ([FixRecord]) throws -> Void
    ) throws -> FixCSVSummary {
        let limit = max(1, maxCount)
        var batch: [FixRecord] = []
        batch.reserveCapacity(limit)
        let summary = try forEach { record in
            batch.append(record)
            if batch.count == limit {
                try body(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { try body(batch) }
        return summary
    }

    /// The file name without folder and extension (`data/patroli_bripka.csv` → `patroli_bripka`).
    public static func stem(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// Index of the first line feed outside quotes, or nil if there is none yet.
    private static func firstLineEnd(_ buffer: [UInt8]) -> Int? {
        var quoted = false
        for (index, byte) in buffer.enumerated() {
            if byte == 0x22 {
                quoted.toggle()
            } else if byte == 0x0A, !quoted {
                return index
            } else if byte == 0x0D, !quoted, index + 1 < buffer.count, buffer[index + 1] != 0x0A {
                return index  // a lone CR ends the line
            }
        }
        return nil
    }
}

/// Turns unit bytes into a `String` without allocating for names seen before: rows of many units
/// interleave, so the last name alone is not enough. Open addressing on an FNV-1a hash of the bytes.
private struct UnitNameCache {
    private var keys: [[UInt8]] = []
    private var names: [String] = []
    private var hashes: [UInt64] = []
    /// Index into `names` per slot, -1 when empty; a power of two, at most half full.
    private var slots = [Int32](repeating: -1, count: 256)
    private var last = -1

    mutating func name(for bytes: UnsafeBufferPointer<UInt8>) -> String {
        if last >= 0, Self.equal(bytes, keys[last]) { return names[last] }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        hash ^= hash >> 32
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let index = Int(slots[slot])
            if hashes[index] == hash, Self.equal(bytes, keys[index]) {
                last = index
                return names[index]
            }
            slot = (slot + 1) & mask
        }
        let index = names.count
        keys.append(Array(bytes))
        names.append(String(decoding: bytes, as: UTF8.self))
        hashes.append(hash)
        slots[slot] = Int32(index)
        if names.count * 2 > slots.count {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            let mask = slots.count - 1
            for (index, hash) in hashes.enumerated() {
                var slot = Int(truncatingIfNeeded: hash) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(index)
            }
        }
        last = index
        return names[index]
    }

    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ other: [UInt8]) -> Bool {
        guard bytes.count == other.count else { return false }
        return other.withUnsafeBufferPointer { other in
            for index in 0..<bytes.count where bytes[index] != other[index] { return false }
            return true
        }
    }
}
