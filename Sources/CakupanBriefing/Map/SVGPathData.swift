/// Writes SVG path data (`d`) on the 0.1 px grid: an absolute move to each ring's first point, then
/// relative lines (`l`, or `h`/`v` when one delta is 0) and `z`. Numbers drop redundant zeros
/// (`.5`, `-1.2`), and a space separates two numbers only where the second is not negative.
struct SVGPathData {
    private(set) var text = ""
    private var lastCommand: Character = " "
    private var endsInNumber = false

    init() {}

    /// Path data for rings given as tenths of a pixel.
    static func rings(_ rings: [[TenthPoint]]) -> String {
        var data = SVGPathData()
        for ring in rings { data.append(ring: ring) }
        return data.text
    }

    /// Path data for polygons.
    static func polygons(_ polygons: [ScreenPolygon]) -> String {
        var data = SVGPathData()
        for polygon in polygons {
            for ring in polygon.rings { data.append(ring: ring) }
        }
        return data.text
    }

    /// A closed ring: the points, then `z`.
    mutating func append(ring: [TenthPoint]) {
        guard !ring.isEmpty else { return }
        appendOpen(ring)
        text.append("z")
        lastCommand = "z"
        endsInNumber = false
    }

    /// An open line through the points.
    mutating func appendOpen(_ points: [TenthPoint]) {
        guard let first = points.first else { return }
        command("M")
        number(first.x)
        number(first.y)
        var previous = first
        for point in points.dropFirst() {
            let dx = point.x - previous.x
            let dy = point.y - previous.y
            if dy == 0 {
                command("h")
                number(dx)
            } else if dx == 0 {
                command("v")
                number(dy)
            } else {
                command("l")
                number(dx)
                number(dy)
            }
            previous = point
        }
    }

    /// Appends `letter` unless it repeats the previous command (SVG repeats it implicitly; after
    /// `M` the implicit command is `L`, so `M` is always written).
    private mutating func command(_ letter: Character) {
        if letter != lastCommand || letter == "M" {
            text.append(letter)
            lastCommand = letter
            endsInNumber = false
        }
    }

    private mutating func number(_ tenths: Int) {
        if endsInNumber && tenths >= 0 { text.append(" ") }
        SVGNumber.appendTenths(tenths, to: &text)
        endsInNumber = true
    }
}

/// Deterministic, locale-free number text for SVG attributes.
enum SVGNumber {
    /// `tenths`/10 with at most one decimal and no leading zero before the point (`-.5`, `12.3`, `7`).
    static func appendTenths(_ tenths: Int, to text: inout String) {
        var value = tenths
        if value < 0 {
            text.append("-")
            value = -value
        }
        let whole = value / 10
        let fraction = value % 10
        if whole != 0 || fraction == 0 { text += String(whole) }
        if fraction != 0 {
            text.append(".")
            text += String(fraction)
        }
    }

    /// A coordinate or length rounded to 0.1 px.
    static func px(_ value: Double) -> String {
        var text = ""
        appendTenths(Int((value * 10).rounded()), to: &text)
        return text
    }
}
