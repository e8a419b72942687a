import CakupanSchema

/// The colours of the result schema (sRGB hex), shared by the briefing map and the KML export; chosen
/// to stay apart from each other on a projector and on paper.
public enum Palette {
    /// Sequential ramp for the areas' coverage share, classes 0–20 %, 20–40 % … 80–100 %: pale
    /// cream to light green (more green = better covered), kept light so that the blue coverage,
    /// the level colours and the site marks stay readable on top.
    public static let coverageRamp = ["#fdfcf3", "#eef4d6", "#d9eab4", "#bedc91", "#9fcb72"]
    /// Patrol coverage: fill drawn at `coverageOpacity` and its outline.
    public static let coverageFill = "#1f78d1"
    public static let coverageOpacity = 0.35
    public static let coverageStroke = "#17599c"
    /// Rawan levels: tinggi red, sedang orange, rendah yellow.
    public static let levels: [Level: String] = [.tinggi: "#d7191c", .sedang: "#f28e1c", .rendah: "#e6c700"]
    /// Gap hatching.
    public static let hatch = "#4a0a0a"
    /// Sites: outline and fill when covered and when out of reach.
    public static let coveredStroke = "#138a36"
    public static let coveredFill = "#d6f0d6"
    public static let uncoveredStroke = "#d7191c"
    public static let uncoveredFill = "#ffd9d0"
    /// Dashed ring around sites left without a patrol too long (temporal analysis).
    public static let stale = "#222222"
    /// Hotspot circles (white numbers on it).
    public static let hotspot = "#6a1b9a"
    /// Recommended posts: a navy tag with a white "P1", and the dashed ring of its reach.
    public static let post = "#0b3d91"
    /// Area outlines, labels, frame and the area outside every area.
    public static let areaStroke = "#6f6455"
    public static let ink = "#222222"
    public static let mapBackground = "#f4f6f8"

    /// The ramp class (0…4) of a coverage share 0…1.
    public static func rampClass(_ share: Double) -> Int {
        guard share.isFinite else { return 0 }
        return min(max(Int((share * 5).rounded(.down)), 0), coverageRamp.count - 1)
    }

    public static func level(_ level: Level) -> String { levels[level] ?? "#888888" }

    /// The coverage fill as it shows over white: 255 − opacity·(255 − channel), for the browser check.
    public static var coverageOverWhite: String {
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
