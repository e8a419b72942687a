import CakupanTemporal
import Testing

@Suite struct VisitEngineTests {
    let origin = TemporalSite(id: "kpu", x: 0, y: 0, radius: 500)

    @Test func chordCrossingEntersAndLeavesAtTheChordTimes() throws {
        // y = 300 at 10 m/s from x = -1000 (t = 0) to x = 1000 (t = 200); half chord = √(500² − 300²) = 400.
        let fixes = [Fix(unit: "P1", time: 0, x: -1000, y: 300), Fix(unit: "P1", time: 200, x: 1000, y: 300)]
        let result = try analyze(fixes, sites: [origin])
        #expect(result.visits.count == 1)
        let visit = try #require(result.visits.first)
        #expect(near(visit.start, 60))
        #expect(near(visit.end, 140))
        #expect(near(visit.dwellSeconds, 80))
        let site = result.sites[0]
        #expect(site.visits == 1)
        #expect(site.units == 1)
        #expect(near(site.dwellSeconds, 80))
        #expect(near(site.longestDwellSeconds, 80))
        #expect(near(site.firstVisit, 60))
        #expect(near(site.lastVisit, 140))
        #expect(near(site.maxUnattendedSeconds, 60))
        #expect(result.window == 0...200)
    }

    @Test func chordTimesDoNotDependOnHowManyFixesLieOnTheLine() throws {
        let fixes = straightTrack(
            unit: "P1", from: SIMD2(-1000, 300), to: SIMD2(1000, 300), startTime: 0, endTime: 200, step: 7)
        let result = try analyze(fixes, sites: [origin])
        #expect(result.visits.count == 1)
        #expect(near(result.visits.first?.start, 60))
        #expect(near(result.visits.first?.end, 140))
    }

    @Test func segmentPassingWithinRadiusCountsWithoutAFixInside() throws {
        // Closest approach 400 m < 500 m; half chord = √(500² − 400²) = 300 → inside from x = -300 to 300.
        let fixes = [Fix(unit: "P1", time: 0, x: -1000, y: 400), Fix(unit: "P1", time: 200, x: 1000, y: 400)]
        let result = try analyze(fixes, sites: [origin])
        #expect(result.sites[0].visits == 1)
        #expect(near(result.visits.first?.start, 70))
        #expect(near(result.visits.first?.end, 130))
        #expect(near(result.sites[0].dwellSeconds, 60))
    }

    @Test func segmentPassingOutsideRadiusDoesNotCount() throws {
        let fixes = [Fix(unit: "P1", time: 0, x: -1000, y: 501), Fix(unit: "P1", time: 200, x: 1000, y: 501)]
        let result = try analyze(fixes, sites: [origin])
        #expect(result.sites[0].visits == 0)
        #expect(result.sites[0].firstVisit == nil)
    }

    @Test func fixesFurtherApartThanTheGapAreNotJoined() throws {
        // 6 minutes apart (> 300 s): no presence is assumed along the line through the site.
        let split = [Fix(unit: "P1", time: 0, x: -1000, y: 0), Fix(unit: "P1", time: 360, x: 1000, y: 0)]
        let result = try analyze(split, sites: [origin])
        #expect(result.sites[0].visits == 0)
        #expect(near(result.sites[0].maxUnattendedSeconds, 360))
        // 4 minutes apart: joined, inside from x = -500 to 500.
        let joined = [Fix(unit: "P1", time: 0, x: -1000, y: 0), Fix(unit: "P1", time: 240, x: 1000, y: 0)]
        let joinedResult = try analyze(joined, sites: [origin])
        #expect(joinedResult.sites[0].visits == 1)
        #expect(near(joinedResult.sites[0].dwellSeconds, 120))
    }

    @Test func loneFixInsideIsAZeroLengthVisit() throws {
        let fixes = [Fix(unit: "P1", time: 0, x: 100, y: 0), Fix(unit: "P1", time: 1000, x: 5000, y: 0)]
        let result = try analyze(fixes, sites: [origin])
        #expect(result.sites[0].visits == 1)
        #expect(result.sites[0].dwellSeconds == 0)
        #expect(result.sites[0].firstVisit == 0)
        #expect(result.sites[0].lastVisit == 0)
        #expect(near(result.sites[0].maxUnattendedSeconds, 1000))
        #expect(result.visits == [Visit(siteIndex: 0, siteID: "kpu", unit: "P1", start: 0, end: 0, dwellSeconds: 0)])
    }

    @Test func gpsJumpIsDroppedAndCounted() throws {
        let fixes = [
            Fix(unit: "P1", time: 0, x: -1000, y: 300),
            Fix(unit: "P1", time: 10, x: 50_000, y: 300),  // 5 km/s
            Fix(unit: "P1", time: 200, x: 1000, y: 300),
        ]
        let result = try analyze(fixes, sites: [origin])
        #expect(result.droppedJumps == 1)
        #expect(result.fixes == 3)
        #expect(result.keptFixes == 2)
        #expect(near(result.visits.first?.start, 60))
        #expect(near(result.visits.first?.end, 140))
    }

    @Test func badFirstFixDoesNotThrowAwayTheTrack() throws {
        // The first fix is 60 km off; the ones after it agree with each other, so it is the jump.
        var fixes = straightTrack(
            unit: "P1", from: SIMD2(-1000, 300), to: SIMD2(1000, 300), startTime: 0, endTime: 200, step: 10)
        fixes[0] = Fix(unit: "P1", time: 0, x: 60_000, y: 300)
        let result = try analyze(fixes, sites: [origin, TemporalSite(id: "far", x: 60_000, y: 300, radius: 100)])
        #expect(result.droppedJumps == 1)
        #expect(result.keptFixes == 20)
        #expect(near(result.visits.first?.start, 60))
        #expect(near(result.visits.first?.end, 140))
        #expect(result.sites[1].visits == 0)
    }

    @Test func duplicateFixIsDroppedAndCounted() throws {
        let fixes = [
            Fix(unit: "P1", time: 0, x: -1000, y: 300), Fix(unit: "P1", time: 0, x: -1000, y: 300),
            Fix(unit: "P1", time: 200, x: 1000, y: 300),
        ]
        let result = try analyze(fixes, sites: [origin])
        #expect(result.duplicateFixes == 1)
        #expect(result.droppedJumps == 0)
        #expect(near(result.sites[0].dwellSeconds, 80))
    }

    /// Two passes through a 100 m site at 10 m/s (inside 6…26 s after each pass starts), waiting
    /// outside in between: the break between visits is `wait + 12` seconds.
    private func twoPasses(wait: Double) -> [Fix] {
        [
            Fix(unit: "P1", time: 0, x: -160, y: 0), Fix(unit: "P1", time: 32, x: 160, y: 0),
            Fix(unit: "P1", time: 32 + wait, x: 160, y: 0), Fix(unit: "P1", time: 64 + wait, x: -160, y: 0),
        ]
    }

    @Test func visitsLessThanTheMergeGapApartMerge() throws {
        let site = TemporalSite(id: "tps", x: 0, y: 0, radius: 100)
        let merged = try analyze(twoPasses(wait: 107), sites: [site])  // break 119 s
        #expect(merged.sites[0].visits == 1)
        #expect(merged.visits.first?.start == 6)
        #expect(merged.visits.first?.end == 165)  // 139 + 26
        #expect(merged.sites[0].dwellSeconds == 159)
        // The break still counts as unattended: nobody was within radius.
        #expect(merged.sites[0].maxUnattendedSeconds == 119)

        let separate = try analyze(twoPasses(wait: 108), sites: [site])  // break exactly 120 s
        #expect(separate.sites[0].visits == 2)
        #expect(separate.sites[0].units == 1)
        #expect(separate.visits.map(\.start) == [6, 146])
        #expect(separate.sites[0].dwellSeconds == 40)
        #expect(separate.sites[0].longestDwellSeconds == 20)
    }

    @Test func unitsVisitingTogetherCountOnceForAttendanceButBothForDwell() throws {
        let one = [Fix(unit: "P1", time: 0, x: -1000, y: 300), Fix(unit: "P1", time: 200, x: 1000, y: 300)]
        let two = [Fix(unit: "P2", time: 0, x: -1000, y: -300), Fix(unit: "P2", time: 200, x: 1000, y: -300)]
        let result = try analyze(one + two, sites: [origin])
        #expect(result.sites[0].visits == 2)
        #expect(result.sites[0].units == 2)
        #expect(near(result.sites[0].dwellSeconds, 160))
        #expect(near(result.sites[0].maxUnattendedSeconds, 60))
        #expect(result.units == 2)
        #expect(result.visits.map(\.unit) == ["P1", "P2"])
    }

    @Test func invalidInputIsRefusedWithWhere() throws {
        #expect(throws: TemporalError.invalidSite(index: 0, id: "s", field: "radius", reason: "must be ≥ 0 metres")) {
            _ = try VisitEngine(sites: [TemporalSite(id: "s", x: 0, y: 0, radius: -1)])
        }
        let engine = try VisitEngine(sites: [origin])
        #expect(throws: TemporalError.invalidFix(line: 12, unit: "P1", field: "x/y")) {
            try engine.add(Fix(unit: "P1", time: 0, x: .nan, y: 0, line: 12))
        }
        _ = engine.finish()
        #expect(throws: TemporalError.engineFinished) { try engine.add(Fix(unit: "P1", time: 0, x: 0, y: 0)) }
        let line = [SIMD2<Double>(0, 0), SIMD2(1, 1), SIMD2(0, 0)]
        #expect(throws: TemporalError.self) {
            _ = try VisitEngine(sites: [], zones: [TemporalRegion(id: "z", polygons: [MetricPolygon(exterior: line)])])
        }
    }

    @Test func noFixesGivesNoWindow() throws {
        let result = try analyze([], sites: [origin])
        #expect(result.window == nil)
        #expect(result.sites[0].visits == 0)
        #expect(result.sites[0].maxUnattendedSeconds == 0)
        #expect(result.hourly.isEmpty)
    }
}
