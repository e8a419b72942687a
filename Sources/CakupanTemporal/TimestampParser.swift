/// A fast timestamp reader working on UTF-8 bytes (no `DateFormatter`, no `String` per call).
///
/// Accepted, with optional surrounding spaces:
/// - ISO 8601 with an offset: `2024-11-27T08:30:00+07:00`, `…Z`, `…+0700`, `…+07`;
/// - the same without an offset, read as local time at `utcOffset` (the `--timezone` setting);
/// - a space (or several) instead of `T`, `/` instead of `-` in the date, seconds optional,
///   fractional seconds with `.` or `,` (any number of digits), an optional space before the offset;
/// - Unix epoch seconds: 9 to 11 digits with an optional fraction (1973 to 5138); epoch
///   milliseconds: 12 or 13 digits (a number above 10¹¹ is milliseconds).
///
/// Day-first dates (`27/11/2024 07:15`, `27-11-2024`, `27.11.2024`) are read by `TimeReader`, which
/// notes whether the day/month order was settled by a day above 12 (`DayFirstNote`); `parse` alone
/// refuses them.
///
/// Dates are checked (month 1–12, day within the month, hour < 24, minute < 60, second ≤ 60).
public enum TimestampParser {
    /// Seconds since the Unix epoch (UTC) of `text`, or nil when it is not a timestamp.
    /// - Parameter utcOffset: seconds east of UTC used when the text has no offset.
    public static func parse(_ text: String, utcOffset: Int) -> Double? {
        var copy = text
        return copy.withUTF8 { parse(bytes: $0, utcOffset: utcOffset) }
    }

    /// Like `parse(_:utcOffset:)`, throwing an error that names the line and field.
    public static func parse(
        _ text: String, utcOffset: Int, line: Int, field: String, file: String? = nil
    ) throws -> Double {
        guard let value = parse(text, utcOffset: utcOffset) else {
            throw TemporalError.badTimestamp(file: file, line: line, field: field, value: text)
        }
        return value
    }

    /// Seconds since the Unix epoch (UTC) of the UTF-8 `bytes`, or nil when they are not a timestamp.
    public static func parse(bytes: UnsafeBufferPointer<UInt8>, utcOffset: Int) -> Double? {
        var note = DayFirstNote()
        return parse(bytes: bytes, utcOffset: utcOffset, dayFirst: false, note: &note)
    }

    /// The grammar above; with `dayFirst`, also `DD/MM/YYYY` (`/`, `-` or `.`) followed by a time,
    /// noted in `note`.
    static func parse(
        bytes: UnsafeBufferPointer<UInt8>, utcOffset: Int, dayFirst: Bool, note: inout DayFirstNote
    ) -> Double? {
        var cursor = ByteCursor(bytes: bytes)
        cursor.trimSpaces()
        guard !cursor.atEnd else { return nil }
        if let epoch = cursor.epochSeconds() { return epoch }

        let start = cursor.index
        let year: Int
        let month: Int
        let day: Int
        if let value = cursor.digits(min: 4, max: 4) {
            year = value
            guard let dateSeparator = cursor.take(where: { $0 == 0x2D || $0 == 0x2F }) else { return nil }  // - /
            guard let m = cursor.digits(min: 1, max: 2), cursor.take(dateSeparator),
                let d = cursor.digits(min: 1, max: 2)
            else { return nil }
            (month, day) = (m, d)
        } else {
            // DD/MM/YYYY: only where day-first dates are read (a file's time column).
            cursor.index = start
            guard dayFirst, let d = cursor.digits(min: 1, max: 2),
                let dateSeparator = cursor.take(where: { $0 == 0x2F || $0 == 0x2D || $0 == 0x2E }),  // / - .
                let m = cursor.digits(min: 1, max: 2), cursor.take(dateSeparator),
                let y = cursor.digits(min: 4, max: 4)
            else { return nil }
            (year, month, day) = (y, m, d)
            if day > 12 { note.settled = true } else if day != month { note.ambiguous = true }
        }
        return clock(&cursor, year: year, month: month, day: day, utcOffset: utcOffset, separated: true)
    }

    /// The rest after a date: `T` or spaces, `HH:MM[:SS[.fff]]`, an optional offset. `separated`:
    /// the clock needs a `T` or a space before it (false right after a format's own literal).
    static fileprivate func clock(
        _ cursor: inout ByteCursor, year: Int, month: Int, day: Int, utcOffset: Int, separated: Bool
    ) -> Double? {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysInMonth(year: year, month: month)
        else { return nil }

        if separated, !cursor.take(0x54), !cursor.take(0x74) {  // T t
            guard cursor.skipSpaces() > 0 else { return nil }
        }
        guard let hour = cursor.digits(min: 1, max: 2), cursor.take(0x3A),  // :
            let minute = cursor.digits(min: 2, max: 2)
        else { return nil }
        var second = 0
        var fraction = 0.0
        if cursor.take(0x3A) {
            guard let value = cursor.digits(min: 2, max: 2) else { return nil }
            second = value
            if cursor.take(where: { $0 == 0x2E || $0 == 0x2C }) != nil {  // . ,
                guard let value = cursor.fraction() else { return nil }
                fraction = value
            }
        }
        guard hour < 24, minute < 60, second <= 60 else { return nil }

        cursor.skipSpaces()
        var offset = utcOffset
        if !cursor.atEnd {
            guard let explicit = cursor.offset() else { return nil }
            offset = explicit
        }
        guard cursor.atEnd else { return nil }

        let days = CivilDate.days(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Double(seconds) + fraction
    }
}

/// A read position in a byte buffer, for the timestamp grammar.
struct ByteCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var end: Int

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.end = bytes.count
    }

    var atEnd: Bool { index >= end }

    mutating func trimSpaces() {
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        while end > index, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    }

    /// Skips spaces and tabs, returning how many.
    @discardableResult
    mutating func skipSpaces() -> Int {
        let start = index
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return index - start
    }

    mutating func take(_ byte: UInt8) -> Bool {
        guard index < end, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    mutating func take(where predicate: (UInt8) -> Bool) -> UInt8? {
        guard index < end, predicate(bytes[index]) else { return nil }
        index += 1
        return bytes[index - 1]
    }

    /// Between `min` and `max` decimal digits as a number.
    mutating func digits(min: Int, max: Int) -> Int? {
        var value = 0
        var count = 0
        while count < max, index < end {
            let digit = Int(bytes[index]) &- 48
            guard digit >= 0, digit <= 9 else { break }
            value = value * 10 + digit
            index += 1
            count += 1
        }
        return count >= min ? value : nil
    }

    /// One or more digits after a decimal point, as a fraction of one.
    mutating func fraction() -> Double? {
        var value = 0.0
        var scale = 1.0
        let start = index
        while index < end {
            let digit = Int(bytes[index]) &- 48
            guard digit >= 0, digit <= 9 else { break }
            if scale > 1e-15 {
                scale /= 10
                value += Double(digit) * scale
            }
            index += 1
        }
        return index > start ? value : nil
    }

    /// `Z` or `±HH[[:]MM]` → seconds east of UTC.
    mutating func offset() -> Int? {
        if take(0x5A) || take(0x7A) { return 0 }  // Z z
        guard let sign = take(where: { $0 == 0x2B || $0 == 0x2D }) else { return nil }  // + -
        guard let hours = digits(min: 2, max: 2) else { return nil }
        var minutes = 0
        if !atEnd {
            _ = take(0x3A)
            guard let value = digits(min: 2, max: 2) else { return nil }
            minutes = value
        }
        guard hours <= 14, minutes < 60 else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return sign == 0x2D ? -seconds : seconds
    }

    /// The whole remaining text as epoch seconds, when it is 9–13 digits with an optional fraction
    /// (12–13 digits, above 10¹¹, are milliseconds).
    mutating func epochSeconds() -> Double? {
        var integer = 0
        var integerDigits = 0
        var position = index
        while position < end {
            let digit = Int(bytes[position]) &- 48
            guard digit >= 0, digit <= 9 else { break }
            integer = integer * 10 + digit
            integerDigits += 1
            position += 1
            if integerDigits > 13 { return nil }
        }
        guard (9...13).contains(integerDigits) else { return nil }
        let millis = integer > 100_000_000_000  // above 10¹¹: milliseconds
        var fraction = 0.0
        if position < end {
            guard bytes[position] == 0x2E else { return nil }
            position += 1
            var scale = 1.0
            let start = position
            while position < end {
                let digit = Int(bytes[position]) &- 48
                guard digit >= 0, digit <= 9 else { return nil }
                if scale > 1e-15 {
                    scale /= 10
                    fraction += Double(digit) * scale
                }
                position += 1
            }
            guard position > start else { return nil }
        }
        index = position
        return millis ? (Double(integer) + fraction) / 1000 : Double(integer) + fraction
    }
}
