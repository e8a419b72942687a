/// The result schema's times: ISO 8601 text of epoch seconds at a fixed UTC offset (Indonesia keeps no daylight saving time, so
/// one offset is exact for every date), without Foundation's calendars: `2024-11-27T08:30:00+07:00`,
/// with milliseconds (`08:30:41.421`) only when the time has a fraction of a second.
public enum ISOTime {
    public static func iso(_ time: Double, offset: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(29)
        appendISO(time, offset: offset, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the UTF-8 of `iso(time, offset:)`.
    public static func appendISO(_ time: Double, offset: Int, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxISOLength) { buffer in
            let n = writeISO(time, offset: offset, into: buffer.baseAddress!)
            out.append(contentsOf: UnsafeBufferPointer(start: buffer.baseAddress!, count: n))
        }
    }

    /// The most bytes `writeISO` writes.
    public static let maxISOLength = 48

    /// Writes the UTF-8 of `iso(time, offset:)` at `p` (room for `maxISOLength` bytes) and returns
    /// how many bytes it wrote: for writing millions of rows without a `String` per field.
    public static func writeISO(_ time: Double, offset: Int, into p: UnsafeMutablePointer<UInt8>) -> Int {
        let wholeMillis = Int64((time * 1000).rounded())
        var seconds = wholeMillis / 1000
        var fraction = wholeMillis % 1000
        if fraction < 0 {
            fraction += 1000
            seconds -= 1
        }
        let local = seconds + Int64(offset)
        var days = local / 86_400
        var second = local % 86_400
        if second < 0 {
            second += 86_400
            days -= 1
        }
        let (y, m, d) = civil(days: days)
        var i = 0
        @inline(__always) func put(_ byte: UInt8) {
            p[i] = byte
            i += 1
        }
        @inline(__always) func two(_ v: Int) {
            put(UInt8(truncatingIfNeeded: 48 + v / 10 % 10))
            put(UInt8(truncatingIfNeeded: 48 + v % 10))
        }
        if (0...9999).contains(y) {
            two(Int(y) / 100)
            two(Int(y) % 100)
        } else {
            for byte in String(y).utf8.prefix(20) { put(byte) }
        }
        put(0x2D)
        two(Int(m))
        put(0x2D)
        two(Int(d))
        put(0x54)
        two(Int(second / 3600))
        put(0x3A)
        two(Int(second % 3600 / 60))
        put(0x3A)
        two(Int(second % 60))
        if fraction != 0 {
            put(0x2E)
            let f = Int(fraction)
            put(UInt8(48 + f / 100))
            two(f % 100)
        }
        put(offset < 0 ? 0x2D : 0x2B)
        let a = abs(offset)
        two(a / 3600)
        put(0x3A)
        two(a % 3600 / 60)
        return i
    }

    /// `+07:00`, `-03:30`, `+00:00`.
    public static func offsetText(_ offset: Int) -> String {
        let sign = offset < 0 ? "-" : "+"
        let a = abs(offset)
        return "\(sign)\(pad(Int64(a / 3600), 2)):\(pad(Int64(a % 3600 / 60), 2))"
    }

    /// Howard Hinnant's `civil_from_days`: days since 1970-01-01 → (year, month, day).
    public static func civil(days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static func pad(_ v: Int64, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// Parts of an ISO 8601 date-time as written (the briefing shows them without a date library).
    public struct Parts: Equatable, Sendable {
        public var year: String, month: Int, day: Int, clock: String, offset: String
    }

    /// Reads `2024-11-27T06:00:00+07:00` (or with a space for `T`) by position; nil for other text.
    public static func parts(_ text: String) -> Parts? {
        let c = Array(text)
        guard c.count >= 16, c[4] == "-", c[7] == "-", c[10] == "T" || c[10] == " ", c[13] == ":",
            let month = Int(String(c[5...6])), (1...12).contains(month), let day = Int(String(c[8...9]))
        else { return nil }
        var offset = ""
        if let sign = c.indices.dropFirst(16).first(where: { c[$0] == "+" || c[$0] == "-" || c[$0] == "Z" }) {
            offset = String(c[sign...])
        }
        return Parts(year: String(c[0...3]), month: month, day: day, clock: String(c[11...15]), offset: offset)
    }
}
