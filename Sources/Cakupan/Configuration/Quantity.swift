/// Quantities as people write them, one rule for flags and YAML alike:
/// - distances in metres: `500`, `500m`, `500 m`, `1,5 km`, `1.5km` (a bare number is metres; a
///   decimal comma is a decimal point);
/// - durations: `300` (seconds), `300s`, `5m`, `2h`, `1h30m`, `90 menit`, `2 jam`;
/// - shares: `0.8`, `0,8`, `80%`.
public enum Quantity {
    /// Metres, or nil when the text is not a distance.
    public static func metres(_ text: String) -> Double? {
        var t = text.lowercased().trimmingCharacters(in: .whitespaces)
        var factor = 1.0
        if t.hasSuffix("km") {
            factor = 1000
            t.removeLast(2)
        } else if t.hasSuffix("m") {
            t.removeLast()
        }
        guard let v = NumberParsing.decimal(t.trimmingCharacters(in: .whitespaces)), v.isFinite else { return nil }
        return v * factor
    }

    /// Seconds, or nil when the text is not a duration.
    public static func seconds(_ text: String) -> Double? { TemporalDuration.seconds(text) }

    /// A share 0…1 (`80%` is 0.8), or nil.
    public static func share(_ text: String) -> Double? {
        var t = text.trimmingCharacters(in: .whitespaces)
        var factor = 1.0
        if t.hasSuffix("%") {
            factor = 0.01
            t.removeLast()
        }
        guard let v = NumberParsing.decimal(t.trimmingCharacters(in: .whitespaces)), v.isFinite else { return nil }
        return v * factor
    }
}
