import Testing

@testable import CakupanBriefing

@Suite struct ScreenSimplifierTests {
    let simplifier = ScreenSimplifier()

    @Test func dropsPointsWithinHalfAPixelOfTheLine() {
        // 0.4 px off the chord is dropped, 0.6 px is kept (tolerance 0.5 px).
        let line = [
            ScreenPoint(x: 0, y: 0), ScreenPoint(x: 5, y: 0.4), ScreenPoint(x: 10, y: 0), ScreenPoint(x: 15, y: 0.6),
            ScreenPoint(x: 20, y: 0),
        ]
        let kept = simplifier.simplifyOpen(line)
        #expect(kept == [ScreenPoint(x: 0, y: 0), ScreenPoint(x: 15, y: 0.6), ScreenPoint(x: 20, y: 0)])
    }

    @Test func keepsTheCornersOfASquareWithManyPointsPerSide() {
        var ring: [ScreenPoint] = []
        for k in 0..<10 { ring.append(ScreenPoint(x: Double(k), y: 0)) }
        for k in 0..<10 { ring.append(ScreenPoint(x: 10, y: Double(k))) }
        for k in 0..<10 { ring.append(ScreenPoint(x: 10 - Double(k), y: 10)) }
        for k in 0..<10 { ring.append(ScreenPoint(x: 0, y: 10 - Double(k))) }
        let kept = Set(simplifier.simplifyClosed(ring))
        #expect(kept == [ScreenPoint(x: 0, y: 0), ScreenPoint(x: 10, y: 0), ScreenPoint(x: 10, y: 10), ScreenPoint(x: 0, y: 10)])
    }

    @Test func segmentDistanceIsMeasuredToTheSegmentNotTheLine() {
        let a = ScreenPoint(x: 0, y: 0)
        let b = ScreenPoint(x: 4, y: 0)
        #expect(ScreenSimplifier.segmentDistanceSquared(ScreenPoint(x: 2, y: 3), a, b) == 9)
        #expect(ScreenSimplifier.segmentDistanceSquared(ScreenPoint(x: 7, y: 4), a, b) == 25)
    }

    @Test func ringsCollapsingBelowFourPointsOrHalfASquarePixelAreDropped() {
        let transform = ScreenTransform(
            fitting: [LonLat(lon: 0, lat: 0), LonLat(lon: 1, lat: 1)], into: ScreenBox(minX: 0, minY: 0, maxX: 100, maxY: 100), marginPx: 0)
        // 1° ≈ 100 px here: a 0.001° square is 0.1 px wide.
        let tiny = [
            LonLat(lon: 0.5, lat: 0.5), LonLat(lon: 0.501, lat: 0.5), LonLat(lon: 0.501, lat: 0.501), LonLat(lon: 0.5, lat: 0.501),
            LonLat(lon: 0.5, lat: 0.5),
        ]
        #expect(simplifier.ring(tiny, transform) == nil)
        let big = [
            LonLat(lon: 0.2, lat: 0.2), LonLat(lon: 0.8, lat: 0.2), LonLat(lon: 0.8, lat: 0.8), LonLat(lon: 0.2, lat: 0.8),
            LonLat(lon: 0.2, lat: 0.2),
        ]
        let ring = simplifier.ring(big, transform)
        #expect(ring?.count == 4)
        // A polygon keeps a hole that survives and loses one that collapses; it is dropped with
        // its exterior.
        let polygon = MapPolygon(rings: [big, tiny])
        #expect(simplifier.polygon(polygon, transform)?.rings.count == 1)
        #expect(simplifier.polygon(MapPolygon(rings: [tiny, big]), transform) == nil)
    }

    @Test func squareAreaOnScreenIsTheShoelaceArea() {
        let square = [TenthPoint(x: 0, y: 0), TenthPoint(x: 100, y: 0), TenthPoint(x: 100, y: 100), TenthPoint(x: 0, y: 100)]
        #expect(abs(ScreenPolygon.signedArea(square)) == 100)  // 10 px × 10 px
        let hole = [TenthPoint(x: 20, y: 20), TenthPoint(x: 20, y: 40), TenthPoint(x: 40, y: 40), TenthPoint(x: 40, y: 20)]
        #expect(ScreenPolygon(rings: [square, hole]).area == 96)
    }
}
