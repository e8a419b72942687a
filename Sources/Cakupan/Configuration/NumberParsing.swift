/// Parsing of numbers as they come from spreadsheets: "104.25", "104,25" (Indonesian Excel),
/// surrounding spaces. Thousands separators are refused rather than guessed. Runs twice per CSV
/// row, so it works on the UTF-8 bytes without Foundation.
enum NumberParsing {
    static func decimal(_ raw: String) -> Double? {
        let s = InputFeature.trimmed(raw)
        guard !s.isEmpty else { return nil }
        var commas = 0
        var dots = 0
        for b in s.utf8 {
            if b == UInt8(ascii: ",") { commas += 1 } else if b == UInt8(ascii: ".") { dots += 1 }
        }
        if commas > 0 && dots > 0 { return nil }
        if commas > 1 { return nil }
        let text = commas == 1 ? String(decoding: s.utf8.map { $0 == UInt8(ascii: ",") ? UInt8(ascii: ".") : $0 }, as: UTF8.self) : s
        guard let d = Double(text), d.isFinite else { return nil }
        return d
    }
}
