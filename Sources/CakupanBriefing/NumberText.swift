/// Locale-free, deterministic number text in the briefing's language: Indonesian writes
/// `1.234,5`, English `1,234.5`.
struct NumberText: Sendable {
    let decimalSeparator: String
    let groupSeparator: String

    init(_ language: BriefingLanguage) {
        switch language {
        case .id: (decimalSeparator, groupSeparator) = (",", ".")
        case .en: (decimalSeparator, groupSeparator) = (".", ",")
        }
    }

    /// A whole number with group separators.
    func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += groupSeparator }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// `value` rounded to `digits` decimals (half away from zero).
    func fixed(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "—" }
        var scale = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((abs(value) * Double(scale)).rounded())
        let sign = value < 0 && scaled != 0 ? "-" : ""
        let whole = integer(scaled / scale)
        guard digits > 0 else { return sign + whole }
        let fraction = String(scaled % scale)
        return sign + whole + decimalSeparator + String(repeating: "0", count: digits - fraction.count) + fraction
    }

    /// A weight (a post's gain, an objective) with at most two decimals and no trailing zeros:
    /// `12`, `4,5`, `2,25`.
    func weight(_ value: Double) -> String {
        var text = fixed(value, digits: 2)
        let zeros = decimalSeparator + "00"
        if text.hasSuffix(zeros) { return String(text.dropLast(zeros.count)) }
        if text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// An area in m²: hectares below 1 km², else km² (`2,5 ha`, `1,20 km²`).
    func area(_ m2: Double) -> String {
        abs(m2) < 1_000_000 ? fixed(m2 / 10_000, digits: 1) + " ha" : fixed(m2 / 1_000_000, digits: 2) + " km²"
    }

    /// A share 0…1 as a percentage with one decimal: `85,3%`.
    func percent(_ share: Double) -> String {
        fixed(share * 100, digits: 1) + "%"
    }

    /// A distance in metres: `850 m` (to 10 m) below 1 km, else `1,2 km` (two decimals below 10 km
    /// would be false precision on a briefing).
    func distance(_ metres: Double) -> String {
        if metres < 995 {
            return integer(Int((metres / 10).rounded()) * 10) + " m"
        }
        return fixed(metres / 1000, digits: metres < 9_950 ? 1 : 0) + " km"
    }

    /// A map scale length in km, written in metres below 1 km: `500 m`, `2 km`, `0,5 km` never.
    func scaleLength(_ km: Double) -> String {
        if km < 1 { return integer(Int((km * 1000).rounded())) + " m" }
        return (km == km.rounded() ? integer(Int(km)) : fixed(km, digits: 1)) + " km"
    }
}
