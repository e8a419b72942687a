/// Splits CSV bytes into records and notes where the wanted fields are, without copying.
///
/// RFC 4180 quoting: a field starting with `"` runs to the next lone `"` (`""` stands for one quote,
/// separators and line breaks inside count as text); anything after the closing quote up to the next
/// separator is ignored. Records end at LF, CRLF or CR.
struct CSVRecordScanner {
    /// How a scan ended.
    enum Outcome {
        /// A whole record; the next one starts at `next`.
        case record(next: Int)
        /// The record runs past the bytes available: read more and scan again from the same place.
        case needMore
        /// No bytes left at the end of the file.
        case end
    }

    let separator: UInt8
    /// The role (`FixCSVColumns.Role.rawValue`) of each column, -1 for columns not used.
    let roleOfColumn: [Int]
    /// Per role: where the field's text starts and ends (end exclusive), whether it holds `""`
    /// escapes, and whether the record had the field at all.
    private(set) var fieldStart = [Int](repeating: 0, count: roleCount)
    private(set) var fieldEnd = [Int](repeating: 0, count: roleCount)
    private(set) var fieldEscaped = [Bool](repeating: false, count: roleCount)
    private(set) var fieldPresent = [Bool](repeating: false, count: roleCount)
    /// How many roles a record's fields can play (`FixCSVColumns.Role`).
    static let roleCount = FixCSVColumns.Role.allCases.count
    /// Whether any field of the last record had text (all-empty records are blank rows).
    private(set) var hasContent = false

    init(separator: UInt8, roleOfColumn: [Int]) {
        self.separator = separator
        self.roleOfColumn = roleOfColumn
    }

    /// Scans one record starting at `position`.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, from position: Int, atEOF: Bool) -> Outcome {
        let count = bytes.count
        guard position < count else { return atEOF ? .end : .needMore }
        let quote: UInt8 = 0x22
        let lineFeed: UInt8 = 0x0A
        let carriageReturn: UInt8 = 0x0D
        let separator = self.separator
        for role in 0..<Self.roleCount { fieldPresent[role] = false }
        hasContent = false
        var index = position
        var column = 0
        while true {
            var start = index
            var end: Int
            var escaped = false
            if index < count, bytes[index] == quote {
                var cursor = index + 1
                while true {
                    guard cursor < count else {
                        if !atEOF { return .needMore }
                        break  // unterminated quote: the rest of the file is the field
                    }
                    if bytes[cursor] == quote {
                        if cursor + 1 < count, bytes[cursor + 1] == quote {
                            escaped = true
                            cursor += 2
                            continue
                        }
                        if cursor + 1 >= count, !atEOF { return .needMore }
                        break
                    }
                    cursor += 1
                }
                start = index + 1
                end = cursor
                index = min(cursor + 1, count)
                while index < count, bytes[index] != separator, bytes[index] != lineFeed,
                    bytes[index] != carriageReturn
                {
                    index += 1
                }
            } else {
                while index < count {
                    let byte = bytes[index]
                    if byte == separator || byte == lineFeed || byte == carriageReturn { break }
                    index += 1
                }
                end = index
            }
            if index >= count, !atEOF { return .needMore }
            if end > start { hasContent = true }
            if column < roleOfColumn.count {
                let role = roleOfColumn[column]
                if role >= 0 {
                    fieldStart[role] = start
                    fieldEnd[role] = end
                    fieldEscaped[role] = escaped
                    fieldPresent[role] = true
                }
            }
            column += 1
            guard index < count else { return .record(next: count) }
            let byte = bytes[index]
            if byte == separator {
                index += 1
                continue
            }
            if byte == carriageReturn {
                if index + 1 < count {
                    return .record(next: bytes[index + 1] == lineFeed ? index + 2 : index + 1)
                }
                return atEOF ? .record(next: count) : .needMore
            }
            return .record(next: index + 1)  // line feed
        }
    }

    /// Calls `body` with the text of the role's field, spaces trimmed and `""` unescaped; nil when
    /// the record had no such field.
    func withField<Result>(
        _ role: Int, in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result? {
        guard fieldPresent[role] else { return nil }
        var start = fieldStart[role]
        var end = fieldEnd[role]
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard fieldEscaped[role] else { return try body(slice) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(slice.count)
        var index = 0
        while index < slice.count {
            unescaped.append(slice[index])
            index += slice[index] == 0x22 && index + 1 < slice.count && slice[index + 1] == 0x22 ? 2 : 1
        }
        return try unescaped.withUnsafeBufferPointer { try body($0) }
    }

    /// The separator of a header line: the most frequent of `,`, `;` and tab outside quotes (`,` on a tie
    /// or when there is none).
    static func detectSeparator(_ header: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var quoted = false
        for byte in header {
            if byte == 0x22 { quoted.toggle() } else if !quoted, counts[byte] != nil { counts[byte]! += 1 }
        }
        var best: UInt8 = 0x2C
        for candidate: UInt8 in [0x3B, 0x09] where counts[candidate]! > counts[best]! { best = candidate }
        return best
    }

    /// The fields of a header line, unquoted.
    static func splitHeader(_ header: UnsafeBufferPointer<UInt8>, separator: UInt8) -> [String] {
        var names: [String] = []
        var current: [UInt8] = []
        var quoted = false
        var index = 0
        while index < header.count {
            let byte = header[index]
            if quoted {
                if byte == 0x22 {
                    if index + 1 < header.count, header[index + 1] == 0x22 {
                        current.append(0x22)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(byte)
                }
            } else if byte == 0x22 {
                quoted = true
            } else if byte == separator {
                names.append(String(decoding: current, as: UTF8.self))
                current.removeAll()
            } else {
                current.append(byte)
            }
            index += 1
        }
        names.append(String(decoding: current, as: UTF8.self))
        return names
    }
}
