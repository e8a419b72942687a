import Foundation

/// Serialises `JSONValue`s deterministically: the same value always gives the same bytes.
///
/// Writes UTF-8 bytes into a buffer rather than appending to a `String`: result layers of 800,000
/// features are written in seconds instead of tens of seconds.
public enum JSONWriter {
    /// Compact JSON on one line.
    public static func compact(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        write(value, into: &out, indent: nil, level: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends compact JSON to a byte buffer.
    public static func compact(_ value: JSONValue, into out: inout [UInt8]) {
        write(value, into: &out, indent: nil, level: 0)
    }

    /// JSON indented by two spaces per level, ending with a newline.
    public static func pretty(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        write(value, into: &out, indent: 2, level: 0)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    public static func write(_ value: JSONValue, into out: inout [UInt8], indent: Int?, level: Int) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .number(let d, let decimals): appendNumber(d, decimals: decimals, into: &out)
        case .double(let d):
            let text = d.isFinite ? (d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : "\(d)") : "null"
            out.append(contentsOf: text.utf8)
        case .string(let s): escape(s, into: &out)
        case .array(let items):
            if items.isEmpty {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent, level + 1)
                write(item, into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            if object.pairs.isEmpty {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(UInt8(ascii: "{"))
            for (i, pair) in object.pairs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent, level + 1)
                escape(pair.key, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                write(pair.value, into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ out: inout [UInt8], _ indent: Int?, _ level: Int) {
        guard let indent else { return }
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
    }

    /// A JSON string: quotes, backslash and control characters escaped; other UTF-8 as it is.
    public static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Formats `x` with at most `decimals` decimals (0…9), dropping trailing zeros, never in exponent
    /// notation, "-0" written as "0". Rounds half away from zero. Non-finite values become `null`.
    public static func formatNumber(_ x: Double, decimals: Int) -> String {
        var out: [UInt8] = []
        appendNumber(x, decimals: decimals, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static let powers: [Double] = (0...9).map { n in (0..<n).reduce(1.0) { a, _ in a * 10 } }

    public static func appendNumber(_ x: Double, decimals: Int, into out: inout [UInt8]) {
        guard x.isFinite else {
            out.append(contentsOf: "null".utf8)
            return
        }
        let scale = powers[decimals]
        let scaled = (abs(x) * scale).rounded()
        guard scaled < 9.0e18 else {
            out.append(contentsOf: String(format: "%.\(decimals)f", x).utf8)
            return
        }
        let units = UInt64(scaled)
        let p = UInt64(scale)
        var fraction = units % p
        var digits = decimals
        while digits > 0 && fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        if x < 0 && units != 0 { out.append(UInt8(ascii: "-")) }
        appendDigits(units / p, minimum: 1, into: &out)
        if digits > 0 {
            out.append(UInt8(ascii: "."))
            appendDigits(fraction, minimum: digits, into: &out)
        }
    }

    /// Decimal digits of `v`, left-padded with zeros to `minimum` digits.
    private static func appendDigits(_ v: UInt64, minimum: Int, into out: inout [UInt8]) {
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of scratch, enough for 20 digits
        withUnsafeMutableBytes(of: &buffer) { raw in
            var n = v
            var i = raw.count
            repeat {
                i -= 1
                raw[i] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
            } while n > 0 || raw.count - i < minimum
            out.append(contentsOf: raw[i...])
        }
    }
}
