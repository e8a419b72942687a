/// A point well inside a polygon on screen, for a label or a hotspot number: the middle of the
/// widest inside stretch of a few horizontal scan lines (the centroid can fall outside a concave
/// shape; this cannot).
enum InteriorPoint {
    /// Scan lines, as fractions of the exterior's height, tried in this order (ties keep the first).
    private static let fractions = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]

    static func of(_ polygon: ScreenPolygon) -> ScreenPoint {
        let box = polygon.box
        var best = box.centre
        var bestWidth = -1.0
        for fraction in fractions {
            let y = box.minY + box.height * fraction
            var crossings: [Double] = []
            for ring in polygon.rings {
                guard var previous = ring.last?.screen else { continue }
                for tenth in ring {
                    let point = tenth.screen
                    if (previous.y > y) != (point.y > y) {
                        crossings.append(previous.x + (y - previous.y) * (point.x - previous.x) / (point.y - previous.y))
                    }
                    previous = point
                }
            }
            crossings.sort()
            var index = 0
            while index + 1 < crossings.count {
                let width = crossings[index + 1] - crossings[index]
                if width > bestWidth {
                    bestWidth = width
                    best = ScreenPoint(x: (crossings[index] + crossings[index + 1]) / 2, y: y)
                }
                index += 2
            }
        }
        return best
    }

    /// The interior point of the largest of `polygons` (by area on screen), or nil if there is none.
    static func ofLargest(_ polygons: [ScreenPolygon]) -> ScreenPoint? {
        var largest: ScreenPolygon?
        var largestArea = -1.0
        for polygon in polygons where polygon.area > largestArea {
            largest = polygon
            largestArea = polygon.area
        }
        return largest.map(of)
    }
}
