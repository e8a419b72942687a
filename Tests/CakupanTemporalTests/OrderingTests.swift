import CakupanTemporal
import Testing

@Suite struct OrderingTests {
    let sites = [
        TemporalSite(id: "a", x: 0, y: 0, radius: 500),
        TemporalSite(id: "b", x: 1500, y: 0, radius: 200),
    ]

    private func track(_ unit: String, y: Double) -> [Fix] {
        straightTrack(unit: unit, from: SIMD2(-1000, y), to: SIMD2(2000, y), startTime: 0, endTime: 300, step: 10)
    }

    @Test func interleavedUnitsGiveTheSameResultAsSequential() throws {
        let one = track("P1", y: 300)
        let two = track("P2", y: -100)
        var interleaved: [Fix] = []
        for index in one.indices { interleaved += [one[index], two[index]] }
        #expect(try analyze(interleaved, sites: sites) == analyze(one + two, sites: sites))
    }

    @Test(arguments: [1, 3, 8])
    func threadCountDoesNotChangeTheResult(threads: Int) throws {
        var fixes: [Fix] = []
        for unit in 0..<10 {
            fixes += track("P\(unit)", y: Double(unit * 60 - 300))
        }
        fixes.sort { $0.time < $1.time }
        let area = TemporalRegion(id: "kec", polygons: [MetricPolygon(exterior: square(-500, -500, 700, 700))])
        let reference = try analyze(fixes, sites: sites, areas: [area])
        let result = try analyze(fixes, sites: sites, areas: [area], parameters: TemporalParameters(threads: threads))
        #expect(result.sites == reference.sites)
        #expect(result.visits == reference.visits)
        #expect(result.hourly == reference.hourly)
        #expect(near(result.areas[0].patrolSeconds, reference.areas[0].patrolSeconds, 1e-6))
        #expect(result.keptFixes == reference.keptFixes)
    }

    @Test func fixesLateWithinTheReorderWindowArePutInPlace() throws {
        let sorted = track("P1", y: 300)
        var shuffled = sorted
        shuffled.swapAt(5, 8)
        shuffled.swapAt(12, 13)
        shuffled.swapAt(20, 25)
        var reference = try analyze(sorted, sites: sites)
        let result = try analyze(shuffled, sites: sites)
        // A fix counts as reordered when it arrives after a newer one: 8,6,7,5 → 3; 13,12 → 1; 25,21…24,20 → 5.
        #expect(result.reorderedFixes == 9)
        #expect(result.lateFixes == 0)
        reference.reorderedFixes = 9
        #expect(result == reference)
    }

    @Test func reversedTrackIsExactWithAnInfiniteWindow() throws {
        let sorted = track("P1", y: 300)
        let exact = try analyze(sorted.reversed(), sites: sites, parameters: TemporalParameters(reorderWindow: .infinity))
        let reference = try analyze(sorted, sites: sites)
        #expect(exact.visits == reference.visits)
        #expect(exact.sites == reference.sites)
    }

    @Test func fixesLaterThanTheWindowAreCountedAndStillUsed() throws {
        // The second half arrives before the first half (files concatenated in the wrong order).
        let sorted = track("P1", y: 300)
        let late = Array(sorted[15...] + sorted[..<15])
        let site = TemporalSite(id: "c", x: 450, y: 300, radius: 100)  // inside t 135…155
        let zone = TemporalRegion(id: "all", polygons: [MetricPolygon(exterior: square(-5000, -5000, 5000, 5000))])
        let parameters = TemporalParameters(reorderWindow: 0)
        let result = try analyze(late, sites: [site], zones: [zone], parameters: parameters)
        #expect(result.lateFixes == 15)
        #expect(result.keptFixes == sorted.count)
        // Two runs, t 0…140 and 150…300: the segment between them is missing, so presence has a
        // 10 s hole, which the visit merging closes again.
        #expect(result.visits.map(\.start) == [135])
        #expect(result.visits.map(\.end) == [155])
        #expect(near(result.zones[0].attendedSeconds, 290))
        let reference = try analyze(sorted, sites: [site], zones: [zone])
        #expect(near(reference.zones[0].attendedSeconds, 300))
    }
}
