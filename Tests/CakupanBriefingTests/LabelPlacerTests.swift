import Testing

@testable import CakupanBriefing

@Suite struct LabelPlacerTests {
    @Test func placesByPriorityAndSkipsOrShiftsCollidingLabels() {
        var placer = LabelPlacer(bounds: ScreenBox(minX: 0, minY: 0, maxX: 500, maxY: 500))
        let first = ScreenBox(minX: 100, minY: 100, maxX: 200, maxY: 120)
        #expect(placer.place([first]) == 0)
        // Overlaps the first; the second candidate (shifted down) is free.
        let overlapping = ScreenBox(minX: 150, minY: 110, maxX: 250, maxY: 130)
        let shifted = ScreenBox(minX: 150, minY: 125, maxX: 250, maxY: 145)
        #expect(placer.place([overlapping, shifted]) == 1)
        // Only colliding or out-of-bounds candidates: skipped.
        let outside = ScreenBox(minX: 480, minY: 10, maxX: 520, maxY: 30)
        #expect(placer.place([overlapping, outside]) == nil)
        // Touching edges do not collide.
        #expect(placer.place([ScreenBox(minX: 200, minY: 100, maxX: 240, maxY: 120)]) == 0)
    }

    @Test func reservedObstaclesBlockLabels() {
        var placer = LabelPlacer(bounds: ScreenBox(minX: 0, minY: 0, maxX: 1000, maxY: 1000))
        placer.reserve(ScreenBox(centre: ScreenPoint(x: 500, y: 500), width: 20, height: 20))
        #expect(!placer.fits(ScreenBox(centre: ScreenPoint(x: 505, y: 505), width: 100, height: 12)))
        #expect(placer.fits(ScreenBox(centre: ScreenPoint(x: 505, y: 530), width: 100, height: 12)))
    }

    @Test func interiorPointOfAConcaveShapeIsInside() {
        // A U shape 0…30 × 0…30 with the notch 10…20 × 0…20 cut from the top (y down).
        let ring: [TenthPoint] = [(0, 0), (100, 0), (100, 200), (200, 200), (200, 0), (300, 0), (300, 300), (0, 300)]
            .map { TenthPoint(x: $0.0, y: $0.1) }
        let point = InteriorPoint.of(ScreenPolygon(rings: [ring]))
        let inNotch = point.x > 10 && point.x < 20 && point.y < 20
        #expect(!inNotch)
        #expect(point.x > 0 && point.x < 30 && point.y > 0 && point.y < 30)
    }
}
