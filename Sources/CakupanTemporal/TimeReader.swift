/// What the day-first dates of one column showed about their day/month order.
public struct DayFirstNote: Sendable, Equatable {
    /// A date had a day above 12 (27/11/2024): the column is day-first for certain.
    public var settled = false
    /// A date could be read either way and would differ (05/12/2024: 5 December or 12 May).
    public var ambiguous = false

    public init() {}
}

/// A `--time-format` pattern: strptime-like tokens `%d %m %Y %y %H %M %S` (and `%%` for `%`); a space
/// matches any run of spaces (or none), any other character itself. `%S` may carry a fraction
/// (`.250`), and an offset (`Z`, `+08:00`) may follow the pattern; without one the time is local, read
/// at the run's `--timezone`. `%y` is 2000–2068 for 00–68, 1969–1999 for 69–99 (POSIX).
public struct TimeFormat: Sendable, Equatable, CustomStringConvertible {
    enum Token: Equatable {
        case day, month, year4, year2, hour, minute, second
        case space
        case literal(UInt8)
    }

    let tokens: [Token]
    /// The pattern as written.
    public let description: String

    /// - Throws: `TemporalError.badTimeFormat` for an unknown `%` token or a pattern without day,
    ///   month and year.
    public init(_ pattern: String) throws {
        var tokens: [Token] = []
        var bytes = Array(pattern.utf8)[...]
        while let byte = bytes.popFirst() {
            if byte == 0x25 {  // %
                guard let code = bytes.popFirst() else {
                    throw TemporalError.badTimeFormat(pattern, reason: "it ends with a lone %")
                }
                switch code {
                case 0x64: tokens.append(.day)  // d
                case 0x6D: tokens.append(.month)  // m
                case 0x59: tokens.append(.year4)  // Y
                case 0x79: tokens.append(.year2)  // y
                case 0x48: tokens.append(.hour)  // H
                case 0x4D: tokens.append(.minute)  // M
                case 0x53: tokens.append(.second)  // S
                case 0x25: tokens.append(.literal(0x25))
                default:
                    throw TemporalError.badTimeFormat(
                        pattern, reason: "%\(Character(Unicode.Scalar(code))) is not one of %d %m %Y %y %H %M %S")
                }
            } else if byte == 0x20 || byte == 0x09 {
                if tokens.last != .space { tokens.append(.space) }
            } else {
                tokens.append(.literal(byte))
            }
        }
        guard tokens.contains(.day), tokens.contains(.month), tokens.contains(.year4) || tokens.contains(.year2)
        else { throw TemporalError.badTimeFormat(pattern, reason: "it needs %d, %m and %Y (or %y)") }
        self.tokens = tokens
        self.description = pattern
    }

    /// Seconds since the Unix epoch (UTC), or nil when `bytes` do not follow the pattern.
    public func parse(bytes: UnsafeBufferPointer<UInt8>, utcOffset: Int) -> Double? {
        var cursor = ByteCursor(bytes: bytes)
        cursor.trimSpaces()
        var year = 0
        var month = 0
        var day = 0
        var hour = 0
        var minute = 0
        var second = 0
        var fraction = 0.0
        for token in tokens {
            switch token {
            case .day:
                guard let v = cursor.digits(min: 1, max: 2) else { return nil }
                day = v
            case .month:
                guard let v = cursor.digits(min: 1, max: 2) else { return nil }
                month = v
            case .year4:
                guard let v = cursor.digits(min: 4, max: 4) else { return nil }
                year = v
            case .year2:
                guard let v = cursor.digits(min: 2, max: 2) else { return nil }
                year = v < 69 ? 2000 + v : 1900 + v
            case .hour:
                guard let v = cursor.digits(min: 1, max: 2) else { return nil }
                hour = v
            case .minute:
                guard let v = cursor.digits(min: 2, max: 2) else { return nil }
                minute = v
            case .second:
                guard let v = cursor.digits(min: 2, max: 2) else { return nil }
                second = v
                if cursor.take(where: { $0 == 0x2E || $0 == 0x2C }) != nil {  // . ,
                    guard let value = cursor.fraction() else { return nil }
                    fraction = value
                }
            case .space: cursor.skipSpaces()
            case .literal(let byte): guard cursor.take(byte) else { return nil }
            }
        }
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysInMonth(year: year, month: month),
            hour < 24, minute < 60, second <= 60
        else { return nil }
        cursor.skipSpaces()
        var offset = utcOffset
        if !cursor.atEnd {
            guard let explicit = cursor.offset(), cursor.atEnd else { return nil }
            offset = explicit
        }
        let days = CivilDate.days(year: year, month: month, day: day)
        return Double(days * 86_400 + hour * 3600 + minute * 60 + second - offset) + fraction
    }

    /// Like `parse(bytes:utcOffset:)` for a `String`.
    public func parse(_ text: String, utcOffset: Int) -> Double? {
        var copy = text
        return copy.withUTF8 { parse(bytes: $0, utcOffset: utcOffset) }
    }
}

/// Reads the times of one file's time column: with a `TimeFormat` when given, else
/// `TimestampParser`'s formats plus day-first dates, noting what they showed about the day/month
/// order (`isAmbiguous`: refuse the file and ask for `--time-format`).
public struct TimeReader: Sendable {
    /// Seconds east of UTC for times written without an offset.
    public let utcOffset: Int
    public let format: TimeFormat?
    public private(set) var note = DayFirstNote()
    /// The first value that could be read either way, and its line (for the message).
    public private(set) var firstAmbiguous: (line: Int, value: String)?

    public init(utcOffset: Int, format: TimeFormat? = nil) {
        self.utcOffset = utcOffset
        self.format = format
    }

    /// Day-first dates were read and none had a day above 12 (and no `format` settles it).
    public var isAmbiguous: Bool { format == nil && note.ambiguous && !note.settled }

    /// Seconds since the Unix epoch (UTC), or nil when the text is not a time.
    public mutating func read(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) -> Double? {
        if let format { return format.parse(bytes: bytes, utcOffset: utcOffset) }
        let wasAmbiguous = note.ambiguous
        let time = TimestampParser.parse(bytes: bytes, utcOffset: utcOffset, dayFirst: true, note: &note)
        if !wasAmbiguous, note.ambiguous {
            firstAmbiguous = (line, String(decoding: bytes, as: UTF8.self).trimmingSpaces())
        }
        return time
    }

    /// Like `read(_:line:)` for a `String`.
    public mutating func read(_ text: String, line: Int) -> Double? {
        var copy = text
        return copy.withUTF8 { read($0, line: line) }
    }

    /// A `--time-format` pattern for values shaped like `sample` read day-first (`27/11/2024 07:15`
    /// → `%d/%m/%Y %H:%M`), for messages.
    public static func suggestedFormat(for sample: String) -> String {
        let separator = sample.first { $0 == "/" || $0 == "-" || $0 == "." } ?? "/"
        let clock = sample.split(separator: " ").dropFirst().first ?? ""
        let seconds = clock.filter { $0 == ":" }.count >= 2
        return "%d\(separator)%m\(separator)%Y %H:%M\(seconds ? ":%S" : "")"
    }
}
