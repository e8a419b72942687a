import Foundation

/// Parsing of numbers as they come from spreadsheets: "104.25", "104,25" (Indonesian Excel),
/// surrounding spaces. Thousands separators are refused rather than guessed.
enum NumberParsing {
    static func decimal(_ raw: String) -> Double? {
        var s = raw.trimmingCharacters(in: .whitespaces)
        guard !s.isEmpty else { return nil }
        let hasComma = s.contains(","), hasDot = s.contains(".")
        if hasComma && hasDot { return nil }
        if hasComma {
            guard s.filter({ $0 == "," }).count == 1 else { return nil }
            s = s.replacingOccurrences(of: ",", with: ".")
        }
        guard let d = Double(s), d.isFinite else { return nil }
        return d
    }
}
