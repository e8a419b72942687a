import Testing

@testable import CakupanBriefing

/// Projection, scale bar and coordinate ticks, against values worked out by hand.
@Suite struct MapScaleTests {
    /// WGS 84 at the equator: a degree of longitude is 2πa/360 = 111 319.49 m, of latitude
    /// 2πa(1−e²)/360 = 110 574.28 m (the meridian radius M(0) = a(1−e²)).
    @Test func degreesAtTheEquatorMatchTheEllipsoid() {
        let projection = LocalProjection(centre: LonLat(lon: 0, lat: 0))
        #expect(abs(projection.metresPerDegreeLon - 111_319.49) < 0.01)
        #expect(abs(projection.metresPerDegreeLat - 110_574.28) < 0.01)
    }

    /// At 6.5° S (Bogor), worked by hand: sin²φ = 0.012814, N = a/√(1 − e²sin²φ) = 6 378 410.6 m,
    /// N·cos φ = 6 337 410 m, so 0.01° of longitude along the parallel is 1106.09 m.
    @Test func eastWestScaleAtTheCentreLatitude() {
        let projection = LocalProjection(centre: LonLat(lon: 106.8, lat: -6.5))
        #expect(abs(projection.metresPerDegreeLon * 0.01 - 1106.1) < 0.2)
        let (east, north) = projection.project(LonLat(lon: 106.81, lat: -6.5))
        #expect(abs(east - 1106.1) < 0.2)
        #expect(north == 0)
        let back = projection.unproject(east: east, north: north)
        #expect(abs(back.lon - 106.81) < 1e-12)
    }

    @Test(arguments: [
        (0.9, 0.5), (1.0, 1.0), (4.9, 2.0), (6.0, 5.0), (12.0, 10.0), (23.9, 20.0), (119.0, 100.0), (0.3, 0.2),
    ])
    func scaleBarLengthIsTheLargestRoundLengthNotAbove(limit: Double, expected: Double) {
        #expect(abs(ScaleBar.roundLength(atMost: limit) - expected) < 1e-9)
    }

    @Test func scaleBarIsAboutAFifthOfTheFrame() {
        // 1010 px frame showing 25 km: 0.0404 px/m; a fifth is 5 km, 1.2 × 5 = 6 km → 5 km bar.
        let bar = ScaleBar(pixelsPerMetre: 1010.0 / 25_000, frameWidthPx: 1010)
        #expect(bar.lengthKm == 5)
        #expect(abs(bar.lengthPx - 202) < 1e-9)
    }

    @Test func coordinateTicksUseARoundStep() {
        let ticks = CoordinateTicks(from: 106.683, to: 106.917, maximumCount: 6)
        #expect(ticks.step == 0.05)
        #expect(ticks.values.count == 5)
        #expect(abs(ticks.values[0] - 106.7) < 1e-9)
        #expect(ticks.decimals == 2)
        let id = NumberText(.id)
        let en = NumberText(.en)
        #expect(ticks.label(106.75, positive: "BT", negative: "BB", numbers: id, spaced: true) == "106,75° BT")
        let lat = CoordinateTicks(from: -6.62, to: -6.38, maximumCount: 5)
        #expect(lat.step == 0.05)
        #expect(lat.label(lat.values[0], positive: "N", negative: "S", numbers: en, spaced: false) == "6.60°S")
    }

    @Test func fittingKeepsTheAspectAndCentresTheData() {
        let frame = ScreenBox(minX: 0, minY: 0, maxX: 200, maxY: 100)
        let transform = ScreenTransform(
            fitting: [LonLat(lon: 0, lat: 0), LonLat(lon: 0.01, lat: 0.01)], into: frame, marginPx: 10)
        let sw = transform.point(LonLat(lon: 0, lat: 0))
        let ne = transform.point(LonLat(lon: 0.01, lat: 0.01))
        #expect(abs(sw.y - 90) < 0.01)
        #expect(abs(ne.y - 10) < 0.01)
        #expect(abs((sw.x + ne.x) / 2 - 100) < 1e-9)
        // x spans 80 px × (east-west / north-south metres per degree).
        #expect(abs((ne.x - sw.x) - 80 * 111_319.49 / 110_574.28) < 0.01)
    }
}
