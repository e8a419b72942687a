/// Coordinates as people type them into spreadsheets: decimal degrees with a point or a comma
/// (`-10.1632`, `-10,1632`), degrees-minutes-seconds (`10°09'47.5"S`, `10° 9' 47,5" LS`),
/// degrees and decimal minutes (`S 10°09.792'`), the hemisphere as N/S/E/W or Indonesian LU/LS/BT/BB
/// (lintang utara/selatan, bujur timur/barat) before or after, and a "lat, lon" pair in one column as
/// Google Maps copies it (`-10.1632, 123.5960`).
enum CoordinateText {
    enum Axis { case latitude, longitude }

    /// Signed decimal degrees, or nil when the text is not a coordinate on that axis.
    static func degrees(_ raw: String, axis: Axis) -> Double? {
        if let plain = NumberParsing.decimal(raw) { return plain }
        var text = InputFeature.trimmed(raw).uppercased()
        guard !text.isEmpty else { return nil }
        // The hemisphere, before or after: the longest names first (LS before S).
        var sign = 1.0
        var hemisphere: Axis?
        let names: [(String, Axis, Double)] = [
            ("LINTANG SELATAN", .latitude, -1), ("LINTANG UTARA", .latitude, 1), ("BUJUR TIMUR", .longitude, 1),
            ("BUJUR BARAT", .longitude, -1), ("LS", .latitude, -1), ("LU", .latitude, 1), ("BT", .longitude, 1),
            ("BB", .longitude, -1), ("S", .latitude, -1), ("N", .latitude, 1), ("E", .longitude, 1), ("W", .longitude, -1),
        ]
        for (name, a, s) in names {
            if text.hasSuffix(name) {
                text = String(text.dropLast(name.count))
            } else if text.hasPrefix(name) {
                text = String(text.dropFirst(name.count))
            } else {
                continue
            }
            hemisphere = a
            sign = s
            break
        }
        if let hemisphere, hemisphere != axis { return nil }
        text = InputFeature.trimmed(text)
        if text.hasPrefix("-") {
            // A minus with a hemisphere is contradictory or redundant: refused rather than guessed.
            guard hemisphere == nil else { return nil }
            sign = -sign
            text.removeFirst()
        } else if text.hasPrefix("+") {
            text.removeFirst()
        }
        // Numbers separated by degree, minute and second marks or blanks.
        var numbers: [Double] = []
        var current = ""
        func flush() -> Bool {
            guard !current.isEmpty else { return true }
            guard let v = NumberParsing.decimal(current) else { return false }
            numbers.append(v)
            current = ""
            return true
        }
        for ch in text {
            if ch.isASCII && (ch.isNumber || ch == "." || ch == ",") {
                current.append(ch)
            } else if "°º˚ '’′\"”″:".contains(ch) || ch == "\u{00A0}" {
                guard flush() else { return nil }
            } else {
                return nil
            }
        }
        guard flush(), (1...3).contains(numbers.count) else { return nil }
        if numbers.count >= 2 { guard numbers[1] < 60, numbers[1] == numbers[1].rounded(.down) || numbers.count == 2 else { return nil } }
        if numbers.count == 3 { guard numbers[2] < 60 else { return nil } }
        var value = numbers[0]
        if numbers.count >= 2 { value += numbers[1] / 60 }
        if numbers.count == 3 { value += numbers[2] / 3600 }
        let limit = axis == .latitude ? 90.0 : 180.0
        guard value <= limit else { return nil }
        return sign * value
    }

    /// A "lat, lon" pair in one cell (Google Maps order), or nil.
    static func pair(_ raw: String) -> (lat: Double, lon: Double)? {
        let text = InputFeature.trimmed(raw)
        var parts: [String] = []
        if text.contains(";") {
            parts = text.split(separator: ";").map(String.init)
        } else if text.contains(", ") {
            parts = text.components(separatedBy: ", ")
        } else if text.filter({ $0 == "," }).count == 1 {
            parts = text.split(separator: ",").map(String.init)
        } else {
            parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        }
        guard parts.count == 2, let lat = degrees(parts[0], axis: .latitude), let lon = degrees(parts[1], axis: .longitude) else {
            return nil
        }
        return (lat, lon)
    }
}
