import CakupanSchema
/// The map's colours (sRGB hex), chosen to stay apart from each other on a projector and on paper.
enum Palette {
    /// Sequential ramp for the areas' coverage share, classes 0–20 %, 20–40 % … 80–100 %: pale
    /// cream to light green (more green = better covered), kept light so that the blue coverage,
    /// the level colours and the site marks stay readable on top.
    static let coverageRamp = ["#fdfcf3", "#eef4d6", "#d9eab4", "#bedc91", "#9fcb72"]
    /// Patrol coverage: fill drawn at `coverageOpacity` and its outline.
    static let coverageFill = "#1f78d1"
    static let coverageOpacity = 0.35
    static let coverageStroke = "#17599c"
    /// Rawan levels: tinggi red, sedang orange, rendah yellow.
    static let levels: [Level: String] = [.tinggi: "#d7191c", .sedang: "#f28e1c", .rendah: "#e6c700"]
    /// Gap hatching.
    static let hatch = "#4a0a0a"
    /// Sites: outline and fill when covered and when out of reach.
    static let coveredStroke = "#138a36"
    static let coveredFill = "#d6f0d6"
    static let uncoveredStroke = "#d7191c"
    static let uncoveredFill = "#ffd9d0"
    /// Dashed ring around sites left without a patrol too long (temporal analysis).
    static let stale = "#222222"
    /// Hotspot circles (white numbers on it).
    static let hotspot = "#6a1b9a"
    /// Recommended posts: a navy tag with a white "P1", and the dashed ring of its reach.
    static let post = "#0b3d91"
    /// Area outlines, labels, frame and the area outside every area.
    static let areaStroke = "#6f6455"
    static let ink = "#222222"
    static let mapBackground = "#f4f6f8"

    /// The ramp class (0…4) of a coverage share 0…1.
    static func rampClass(_ share: Double) -> Int {
        guard share.isFinite else { return 0 }
        return min(max(Int((share * 5).rounded(.down)), 0), coverageRamp.count - 1)
    }

    static func level(_ level: Level) -> String { levels[level] ?? "#888888" }

    /// The coverage fill as it shows over white: 255 − opacity·(255 − channel), for the browser check.
    static var coverageOverWhite: String {
        hexBlend(coverageFill, opacity: coverageOpacity)
    }

    private static func hexBlend(_ hex: String, opacity: Double) -> String {
        let digits = Array(hex.dropFirst())
        var out = "#"
        for index in stride(from: 0, to: 6, by: 2) {
            let channel = Int(String(digits[index...index + 1]), radix: 16) ?? 0
            let blended = Int((255 - opacity * Double(255 - channel)).rounded())
            let text = String(blended, radix: 16)
            out += (text.count == 1 ? "0" : "") + text
        }
        return out
    }
}
