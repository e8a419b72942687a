/// Reads the `--timezone` setting: an Indonesian zone name or an explicit offset. Indonesia keeps no
/// daylight saving time, so one fixed offset is exact for every date.
public enum UTCOffset {
    /// Western Indonesian Time (WIB), +07:00, the default.
    public static let wib = 7 * 3600
    /// Central Indonesian Time (WITA), +08:00.
    public static let wita = 8 * 3600
    /// Eastern Indonesian Time (WIT), +09:00.
    public static let wit = 9 * 3600

    /// Names accepted by `seconds(named:)`, compared case-insensitively, with their offsets in seconds.
    public static let names: [(name: String, seconds: Int)] = [
        ("WIB", wib), ("Asia/Jakarta", wib), ("Asia/Pontianak", wib),
        ("WITA", wita), ("Asia/Makassar", wita), ("Asia/Ujung_Pandang", wita),
        ("WIT", wit), ("Asia/Jayapura", wit),
        ("UTC", 0), ("GMT", 0), ("Z", 0),
    ]

    /// The offset east of UTC, in seconds, of a zone name (`WIB`, `Asia/Makassar`, …) or an explicit
    /// offset (`+08:00`, `+0800`, `+8`, `UTC+8`, `-03:30`). Offsets beyond ±14 h are refused.
    public static func seconds(named text: String) throws -> Int {
        let trimmed = text.trimmingSpaces()
        let lowered = trimmed.lowercased()
        if let match = names.first(where: { $0.name.lowercased() == lowered }) {
            return match.seconds
        }
        var rest = Substring(trimmed)
        for prefix in ["UTC", "GMT", "utc", "gmt"] where rest.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
            break
        }
        guard let offset = parseOffset(rest) else { throw TemporalError.unknownTimeZone(text) }
        return offset
    }

    /// `±H`, `±HH`, `±HHMM` or `±HH:MM` → seconds east of UTC.
    private static func parseOffset(_ text: Substring) -> Int? {
        guard let signCharacter = text.first, signCharacter == "+" || signCharacter == "-" else { return nil }
        let sign = signCharacter == "-" ? -1 : 1
        let body = text.dropFirst()
        let digits = body.filter { $0 != ":" }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), body.count - digits.count <= 1
        else { return nil }
        let colon = body.firstIndex(of: ":").map { body.distance(from: body.startIndex, to: $0) }
        let hours: Int
        let minutes: Int
        if colon == nil, digits.count <= 2 {
            hours = Int(digits)!
            minutes = 0
        } else if colon == nil || colon == 2, digits.count == 4 {
            hours = Int(digits.prefix(2))!
            minutes = Int(digits.suffix(2))!
        } else if colon == 1, digits.count == 3 {
            hours = Int(digits.prefix(1))!
            minutes = Int(digits.suffix(2))!
        } else {
            return nil
        }
        guard hours <= 14, minutes < 60, hours * 60 + minutes <= 14 * 60 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}
