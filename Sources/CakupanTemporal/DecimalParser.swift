/// Reads a decimal number from UTF-8 bytes without making a `String` (the common case).
///
/// Up to 19 significant digits and a decimal exponent within ±22 are converted exactly and correctly
/// rounded by one multiplication or division (Clinger's fast path: both operands are exact doubles);
/// anything else falls back to the standard library's parser.
enum DecimalParser {
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// The number in `bytes` (spaces around it allowed), or nil when it is not a finite number.
    /// - Parameter decimalComma: accept `,` as the decimal mark (used when the separator is not `,`).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, decimalComma: Bool) -> Double? {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard start < end else { return nil }

        var index = start
        var negative = false
        if bytes[index] == 0x2D || bytes[index] == 0x2B {  // - +
            negative = bytes[index] == 0x2D
            index += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var significant = 0
        var exponent = 0
        var sawDigit = false
        while index < end, bytes[index] &- 0x30 < 10 {
            sawDigit = true
            let digit = UInt64(bytes[index] &- 0x30)
            if significant < 19 {
                if mantissa != 0 || digit != 0 { significant += 1 }
                mantissa = mantissa * 10 + digit
            } else {
                exponent += 1
                if digit != 0 { significant += 1 }
            }
            digits += 1
            index += 1
        }
        if index < end, bytes[index] == 0x2E || (decimalComma && bytes[index] == 0x2C) {  // . ,
            index += 1
            while index < end, bytes[index] &- 0x30 < 10 {
                sawDigit = true
                let digit = UInt64(bytes[index] &- 0x30)
                if significant < 19 {
                    if mantissa != 0 || digit != 0 { significant += 1 }
                    mantissa = mantissa * 10 + digit
                    exponent -= 1
                } else if digit != 0 {
                    significant += 1
                }
                index += 1
            }
        }
        guard sawDigit else { return nil }
        if index < end, bytes[index] == 0x65 || bytes[index] == 0x45 {  // e E
            index += 1
            var exponentNegative = false
            if index < end, bytes[index] == 0x2D || bytes[index] == 0x2B {
                exponentNegative = bytes[index] == 0x2D
                index += 1
            }
            var written = 0
            var exponentDigits = 0
            while index < end, bytes[index] &- 0x30 < 10 {
                if written < 100_000 { written = written * 10 + Int(bytes[index] &- 0x30) }
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard index == end else { return nil }

        if significant <= 19, mantissa <= 1 << 53, abs(exponent) <= 22 {
            var value = Double(mantissa)
            value = exponent >= 0 ? value * powersOfTen[exponent] : value / powersOfTen[-exponent]
            return negative ? -value : value
        }
        return slowParse(UnsafeBufferPointer(rebasing: bytes[start..<end]))
    }

    /// The standard library's parser, on a copy with `,` turned into `.`.
    private static func slowParse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let text = String(decoding: bytes.map { $0 == 0x2C ? 0x2E : $0 }, as: UTF8.self)
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }
}
