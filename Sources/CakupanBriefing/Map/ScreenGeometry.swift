/// A point on the map canvas in pixels (SVG user units), y down.
struct ScreenPoint: Sendable, Hashable {
    var x: Double
    var y: Double
}

/// A point on the canvas in tenths of a pixel: the coordinates written to the SVG (0.1 px grid).
struct TenthPoint: Sendable, Hashable {
    var x: Int
    var y: Int

    init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }

    init(_ point: ScreenPoint) {
        x = Int((point.x * 10).rounded())
        y = Int((point.y * 10).rounded())
    }

    var screen: ScreenPoint { ScreenPoint(x: Double(x) / 10, y: Double(y) / 10) }
}

/// An axis-aligned box on the canvas, pixels.
struct ScreenBox: Sendable, Hashable {
    var minX: Double
    var minY: Double
    var maxX: Double
    var maxY: Double

    init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// A box of `width`×`height` centred on `centre`.
    init(centre: ScreenPoint, width: Double, height: Double) {
        self.init(
            minX: centre.x - width / 2, minY: centre.y - height / 2,
            maxX: centre.x + width / 2, maxY: centre.y + height / 2)
    }

    var width: Double { maxX - minX }
    var height: Double { maxY - minY }
    var centre: ScreenPoint { ScreenPoint(x: (minX + maxX) / 2, y: (minY + maxY) / 2) }

    func intersects(_ other: ScreenBox) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    func contains(_ other: ScreenBox) -> Bool {
        minX <= other.minX && other.maxX <= maxX && minY <= other.minY && other.maxY <= maxY
    }
}

/// A polygon on the canvas after simplification: exterior ring first, then holes; rings are
/// implicitly closed (the first point is not repeated).
struct ScreenPolygon: Sendable, Hashable {
    var rings: [[TenthPoint]]

    /// Area of the exterior minus the holes, px².
    var area: Double {
        guard let exterior = rings.first else { return 0 }
        return rings.dropFirst().reduce(abs(Self.signedArea(exterior))) { $0 - abs(Self.signedArea($1)) }
    }

    var box: ScreenBox {
        var box = ScreenBox(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
        for point in rings.first ?? [] {
            let p = point.screen
            box = ScreenBox(minX: min(box.minX, p.x), minY: min(box.minY, p.y), maxX: max(box.maxX, p.x), maxY: max(box.maxY, p.y))
        }
        return box
    }

    /// Shoelace area of a ring, px² (sign by orientation).
    static func signedArea(_ ring: [TenthPoint]) -> Double {
        guard ring.count >= 3 else { return 0 }
        var twice = 0
        var previous = ring[ring.count - 1]
        for point in ring {
            twice += previous.x * point.y - point.x * previous.y
            previous = point
        }
        return Double(twice) / 200
    }
}
