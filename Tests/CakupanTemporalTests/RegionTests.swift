import CakupanTemporal
import Testing

@Suite struct RegionTests {
    /// Inside (0, 0) until t = 490, then 10 m/s to (200, 0) crossing x = 100 at t = 500, then parked.
    private var halfInside: [Fix] {
        var fixes = straightTrack(unit: "P1", from: SIMD2(0, 0), to: SIMD2(0, 0), startTime: 0, endTime: 490, step: 49)
        fixes += straightTrack(unit: "P1", from: SIMD2(200, 0), to: SIMD2(200, 0), startTime: 510, endTime: 1000, step: 49)
        return fixes
    }

    @Test func zoneShareIsHalfForHalfTheWindowInside() throws {
        let zone = TemporalRegion(id: "rawan-1", polygons: [MetricPolygon(exterior: square(-100, -100, 100, 100))])
        let result = try analyze(halfInside, zones: [zone])
        #expect(result.window == 0...1000)
        #expect(near(result.zones[0].attendedSeconds, 500))
        #expect(near(result.zones[0].share, 0.5))
    }

    @Test func zoneHolesAndMultipolygonsCount() throws {
        // Annulus: the unit is in the hole first, then in the ring.
        let annulus = TemporalRegion(
            id: "ring", polygons: [MetricPolygon(exterior: square(-300, -300, 300, 300), holes: [square(-100, -100, 100, 100)])])
        // Two separate squares, the unit sits in the first, then the second (open rings, clockwise).
        let pair = TemporalRegion(
            id: "pair",
            polygons: [
                MetricPolygon(exterior: [SIMD2(-10, -10), SIMD2(-10, 10), SIMD2(10, 10), SIMD2(10, -10)]),
                MetricPolygon(exterior: square(190, -10, 210, 10)),
            ])
        let result = try analyze(halfInside, zones: [annulus, pair])
        #expect(near(result.zones[0].share, 0.5))
        // Inside the first square until x = 10 (t = 491), inside the second from x = 190 (t = 509).
        #expect(near(result.zones[1].attendedSeconds, 491 + 491))
    }

    @Test func zoneUnionOverUnitsDoesNotDoubleCount() throws {
        let zone = TemporalRegion(id: "z", polygons: [MetricPolygon(exterior: square(-100, -100, 100, 100))])
        let twin = halfInside.map { Fix(unit: "P2", time: $0.time, x: $0.x, y: $0.y + 1) }
        let result = try analyze(halfInside + twin, zones: [zone])
        #expect(near(result.zones[0].share, 0.5))
    }

    @Test func areaHoursAndKilometresForAStraightCrossing() throws {
        // 1 km square; y = 500 at 10 m/s from x = -500 (t = 0) to x = 1500 (t = 200): inside t 50…150.
        let area = TemporalRegion(id: "kec", polygons: [MetricPolygon(exterior: square(0, 0, 1000, 1000))])
        let one = straightTrack(unit: "P1", from: SIMD2(-500, 500), to: SIMD2(1500, 500), startTime: 0, endTime: 200, step: 20)
        let two = straightTrack(unit: "P2", from: SIMD2(-500, 200), to: SIMD2(1500, 200), startTime: 0, endTime: 200, step: 30)
        let result = try analyze(one, areas: [area])
        #expect(near(result.areas[0].patrolSeconds, 100))
        #expect(near(result.areas[0].patrolHours, 100.0 / 3600))
        #expect(near(result.areas[0].kilometres, 1))
        let both = try analyze(one + two, areas: [area])
        #expect(near(both.areas[0].patrolSeconds, 200))
        #expect(near(both.areas[0].kilometres, 2))
        // Clipped to a window: only t 100…150 counts.
        let clipped = try analyze(one, areas: [area], parameters: TemporalParameters(from: 100, to: 300))
        #expect(near(clipped.areas[0].patrolSeconds, 50))
        #expect(near(clipped.areas[0].kilometres, 0.5))
    }

    @Test func parkedInsideAnAreaCountsTimeButNoDistance() throws {
        let area = TemporalRegion(id: "kec", polygons: [MetricPolygon(exterior: square(0, 0, 1000, 1000))])
        let parked = straightTrack(unit: "P1", from: SIMD2(500, 500), to: SIMD2(500, 500), startTime: 0, endTime: 600, step: 60)
        let result = try analyze(parked, areas: [area])
        #expect(near(result.areas[0].patrolSeconds, 600))
        #expect(result.areas[0].distanceMetres == 0)
    }
}
