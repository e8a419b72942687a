/// A scale bar of a round length (1, 2 or 5 × 10ⁿ km, metres below 1 km) about a fifth of the map
/// frame's width: the largest round length not longer than 1.2 × (width / 5). Measured at the
/// centre latitude (see `LocalProjection` for why that is accurate enough).
struct ScaleBar: Sendable {
    /// The bar's ground length, km.
    let lengthKm: Double
    /// The bar's length on the canvas, px.
    let lengthPx: Double

    init(pixelsPerMetre: Double, frameWidthPx: Double) {
        let targetKm = frameWidthPx / 5 / pixelsPerMetre / 1000
        lengthKm = Self.roundLength(atMost: targetKm * 1.2)
        lengthPx = lengthKm * 1000 * pixelsPerMetre
    }

    /// The largest of 1, 2, 5 × 10ⁿ (n from −3) that is ≤ `limitKm`; 0.001 km at the least.
    static func roundLength(atMost limitKm: Double) -> Double {
        var best = 0.001
        var decade = 0.001
        while decade <= limitKm {
            for factor in [1.0, 2.0, 5.0] where decade * factor <= limitKm {
                best = decade * factor
            }
            decade *= 10
        }
        return best
    }
}
