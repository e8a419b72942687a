/// Text from GDAL as Swift strings, without losing characters to U+FFFD.
///
/// GDAL recodes attribute text to UTF-8 when it knows the file's encoding (a shapefile's .cpg or DBF
/// code page, XML declarations). When it does not — a DBF without .cpg and without a code page, a CSV
/// saved by Excel on Windows — it hands back the file's bytes, which for Indonesian data are almost
/// always Windows-1252. `String(cString:)` would turn every such byte into U+FFFD silently.
enum TextDecoding {
    /// Decodes a NUL-terminated string. Valid UTF-8 is kept; anything else is read as Windows-1252
    /// (`recoded` is then true). UTF-8 holding C1 control characters (U+0080…U+009F, which no real
    /// name contains) is Windows-1252 that something decoded as ISO-8859-1: mapped back, also `recoded`.
    static func decode(_ cString: UnsafePointer<CChar>) -> (text: String, recoded: Bool) {
        var count = 0
        while cString[count] != 0 { count += 1 }
        return cString.withMemoryRebound(to: UInt8.self, capacity: count) { p in
            let bytes = UnsafeBufferPointer(start: p, count: count)
            // Fast path: ASCII (most fields), one pass.
            guard let firstHigh = bytes.firstIndex(where: { $0 >= 0x80 }) else {
                return (String(decoding: bytes, as: UTF8.self), false)
            }
            if let text = String(validatingCString: cString) {
                if hasC1Controls(bytes, from: firstHigh) {
                    return (String(String.UnicodeScalarView(text.unicodeScalars.map(c1ToWindows1252))), true)
                }
                return (text, false)
            }
            return (windows1252(bytes), true)
        }
    }

    /// True when the UTF-8 `bytes` encode a scalar in U+0080…U+009F (bytes C2 80…C2 9F).
    private static func hasC1Controls(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var i = start
        while i + 1 < bytes.count {
            if bytes[i] == 0xC2 && (0x80...0x9F).contains(bytes[i + 1]) { return true }
            i += 1
        }
        return false
    }

    /// Windows-1252 bytes 0x80…0x9F as Unicode (WHATWG encoding standard; the five unassigned bytes
    /// 81, 8D, 8F, 90, 9D map to the C1 control of the same value). 0xA0…0xFF equal ISO-8859-1.
    private static let high: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    private static func scalar(windows1252 byte: UInt8) -> Unicode.Scalar {
        if (0x80...0x9F).contains(byte) { return Unicode.Scalar(high[Int(byte - 0x80)])! }
        return Unicode.Scalar(byte)
    }

    private static func c1ToWindows1252(_ s: Unicode.Scalar) -> Unicode.Scalar {
        (0x80...0x9F).contains(s.value) ? scalar(windows1252: UInt8(s.value)) : s
    }

    static func windows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for b in bytes { scalars.append(scalar(windows1252: b)) }
        return String(scalars)
    }
}
