/// Douglas–Peucker simplification in screen space, then rounding to the 0.1 px grid the SVG is
/// written on. Rings that collapse (fewer than 3 distinct points, i.e. fewer than 4 with the
/// closing point, or less than `minimumAreaPx2`) are dropped; a polygon whose exterior collapses
/// is dropped with its holes.
struct ScreenSimplifier: Sendable {
    /// Largest distance, px, a removed vertex may lie from the simplified line.
    var tolerancePx: Double = 0.5
    /// Rings smaller than this, px², are dropped.
    var minimumAreaPx2: Double = 0.5

    /// The polygon on screen, or nil when its exterior collapses.
    func polygon(_ polygon: MapPolygon, _ transform: ScreenTransform) -> ScreenPolygon? {
        guard let exterior = polygon.rings.first, let screenExterior = ring(exterior, transform) else { return nil }
        let holes = polygon.rings.dropFirst().compactMap { ring($0, transform) }
        return ScreenPolygon(rings: [screenExterior] + holes)
    }

    /// All polygons of a geometry that survive simplification.
    func polygons(_ geometry: MapGeometry, _ transform: ScreenTransform) -> [ScreenPolygon] {
        geometry.polygons.compactMap { polygon($0, transform) }
    }

    /// One ring (closed or not) on screen, simplified and rounded; nil when it collapses.
    func ring(_ ring: [LonLat], _ transform: ScreenTransform) -> [TenthPoint]? {
        var points = ring.map(transform.point)
        if points.count > 1, points.first == points.last { points.removeLast() }
        guard points.count >= 3 else { return nil }
        let kept = simplifyClosed(points)
        var rounded: [TenthPoint] = []
        rounded.reserveCapacity(kept.count)
        for point in kept {
            let tenth = TenthPoint(point)
            if rounded.last != tenth { rounded.append(tenth) }
        }
        while rounded.count > 1, rounded.first == rounded.last { rounded.removeLast() }
        guard rounded.count >= 3, abs(ScreenPolygon.signedArea(rounded)) >= minimumAreaPx2 else { return nil }
        return rounded
    }

    /// Simplifies a closed ring given without its closing point: split at the first point and the
    /// point farthest from it, and simplify both halves as open lines.
    func simplifyClosed(_ points: [ScreenPoint]) -> [ScreenPoint] {
        guard points.count > 3 else { return points }
        var far = 0
        var farDistance = -1.0
        for (index, point) in points.enumerated() {
            let dx = point.x - points[0].x
            let dy = point.y - points[0].y
            let distance = dx * dx + dy * dy
            if distance > farDistance {
                farDistance = distance
                far = index
            }
        }
        guard far > 0 else { return [points[0]] }
        let closed = points + [points[0]]
        let first = simplifyOpen(Array(closed[0...far]))
        let second = simplifyOpen(Array(closed[far...]))
        return first + second.dropFirst().dropLast()
    }

    /// Douglas–Peucker on an open line (keeps both ends), iterative so that long rings cannot
    /// overflow the stack.
    func simplifyOpen(_ points: [ScreenPoint]) -> [ScreenPoint] {
        guard points.count > 2 else { return points }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        var stack = [(0, points.count - 1)]
        let toleranceSquared = tolerancePx * tolerancePx
        while let (start, end) = stack.popLast() {
            guard end > start + 1 else { continue }
            var farIndex = start
            var farDistance = -1.0
            for index in (start + 1)..<end {
                let distance = Self.segmentDistanceSquared(points[index], points[start], points[end])
                if distance > farDistance {
                    farDistance = distance
                    farIndex = index
                }
            }
            if farDistance > toleranceSquared {
                keep[farIndex] = true
                stack.append((start, farIndex))
                stack.append((farIndex, end))
            }
        }
        return zip(points, keep).compactMap { $1 ? $0 : nil }
    }

    /// Squared distance, px², from `p` to the segment `a`–`b`.
    static func segmentDistanceSquared(_ p: ScreenPoint, _ a: ScreenPoint, _ b: ScreenPoint) -> Double {
        let dx = b.x - a.x
        let dy = b.y - a.y
        let lengthSquared = dx * dx + dy * dy
        var t = 0.0
        if lengthSquared > 0 { t = max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared)) }
        let ex = p.x - (a.x + t * dx)
        let ey = p.y - (a.y + t * dy)
        return ex * ex + ey * ey
    }
}
