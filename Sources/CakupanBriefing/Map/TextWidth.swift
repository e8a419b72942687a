/// An estimate of a label's width for collision tests, from rough advance widths of Liberation
/// Sans / Arial (the map's first fonts), in em.
enum TextWidth {
    static func estimate(_ text: String, fontSizePx: Double, bold: Bool = false) -> Double {
        var ems = 0.0
        for character in text {
            switch character {
            case "i", "l", "j", "I", "'", ".", ",", ":", ";", "!", "|": ems += 0.26
            case "f", "t", "r", " ", "(", ")", "-", "/": ems += 0.34
            case "m", "w", "M", "W": ems += 0.86
            case _ where character.isUppercase: ems += 0.68
            case _ where character.isNumber: ems += 0.56
            default: ems += 0.54
            }
        }
        return ems * fontSizePx * (bold ? 1.08 : 1)
    }
}
