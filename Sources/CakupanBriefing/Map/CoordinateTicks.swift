import Foundation

/// Longitude/latitude ticks on the map frame: a round step in degrees (1, 2, 2.5 or 5 × 10ⁿ) giving
/// at most `maximumCount` ticks along a side, and labels such as `106,85° BT` or `6.20°S`.
struct CoordinateTicks: Sendable {
    /// The step, degrees.
    let step: Double
    /// Tick values, degrees, ascending.
    let values: [Double]
    /// Decimals needed to write the step exactly.
    let decimals: Int

    init(from lower: Double, to upper: Double, maximumCount: Int) {
        let span = max(upper - lower, 1e-9)
        var chosen = 90.0
        outer: for exponent in -5...2 {
            let decade = pow(10, Double(exponent))
            for factor in [1.0, 2.0, 2.5, 5.0] where span / (decade * factor) <= Double(maximumCount) {
                chosen = decade * factor
                break outer
            }
        }
        step = chosen
        let first = Int((lower / chosen).rounded(.up))
        let last = Int((upper / chosen).rounded(.down))
        values = first <= last ? (first...last).map { Double($0) * chosen } : []
        var decimals = 0
        while decimals < 6, abs(chosen * pow(10, Double(decimals)) - (chosen * pow(10, Double(decimals))).rounded()) > 1e-6 {
            decimals += 1
        }
        self.decimals = decimals
    }

    /// `value` with its hemisphere: `positive` (BT/E, LU/N) or `negative` (BB/W, LS/S).
    func label(_ value: Double, positive: String, negative: String, numbers: NumberText, spaced: Bool) -> String {
        let rounded = (value * pow(10, Double(decimals))).rounded() / pow(10, Double(decimals))
        let hemisphere = rounded == 0 ? "" : (spaced ? " " : "") + (rounded > 0 ? positive : negative)
        return numbers.fixed(abs(rounded), digits: decimals) + "°" + hemisphere
    }
}
