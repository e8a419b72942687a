import CakupanTemporal
import Testing

@Suite struct WindowTests {
    let crossing = [Fix(unit: "P1", time: 0, x: -1000, y: 300), Fix(unit: "P1", time: 200, x: 1000, y: 300)]

    @Test func unattendedCountsTheWindowEdges() throws {
        // Window [-100, 1000]; visit [60, 140]: 160 s before, 860 s after.
        let sites = [
            TemporalSite(id: "stale", x: 0, y: 0, radius: 500, maxUnattended: 500),
            TemporalSite(id: "fresh", x: 0, y: 0, radius: 500, maxUnattended: 1000),
            TemporalSite(id: "never", x: 10_000, y: 10_000, radius: 500, maxUnattended: 7200),
        ]
        let result = try analyze(crossing, sites: sites, parameters: TemporalParameters(from: -100, to: 1000))
        #expect(result.window == -100...1000)
        #expect(near(result.sites[0].maxUnattendedSeconds, 860))
        #expect(result.sites[0].stale)
        #expect(!result.sites[1].stale)
        // Never visited: the whole window.
        #expect(result.sites[2].maxUnattendedSeconds == 1100)
        #expect(result.sites[2].visits == 0)
        #expect(result.sites[2].firstVisit == nil)
        #expect(!result.sites[2].stale)
    }

    @Test func visitsAreClippedToTheWindow() throws {
        let site = TemporalSite(id: "kpu", x: 0, y: 0, radius: 500)
        let result = try analyze(crossing, sites: [site], parameters: TemporalParameters(from: 100, to: 400))
        #expect(near(result.sites[0].dwellSeconds, 40))
        #expect(near(result.sites[0].firstVisit, 100))
        #expect(near(result.visits.first?.start, 100))
        #expect(near(result.visits.first?.end, 140))
        #expect(near(result.sites[0].maxUnattendedSeconds, 260))

        let outside = try analyze(crossing, sites: [site], parameters: TemporalParameters(from: 150, to: 400))
        #expect(outside.sites[0].visits == 0)
        #expect(outside.visits.isEmpty)
        #expect(outside.sites[0].maxUnattendedSeconds == 250)
    }

    @Test func nightShiftAcrossMidnightInWIB() throws {
        // Window 2024-11-27 20:00 WIB … 2024-11-28 08:00 WIB; shift 22:00-06:00 WIB = 15:00Z-23:00Z.
        let from = november27UTC + 13 * 3600
        let to = from + 12 * 3600
        let shiftStart = november27UTC + 15 * 3600
        // A unit parked at the site from 21:00 to 23:00 WIB, a fix a minute.
        let parked = straightTrack(
            unit: "P1", from: SIMD2(0, 0), to: SIMD2(0, 0), startTime: from + 3600, endTime: from + 3 * 3600,
            step: 60)
        let site = TemporalSite(id: "gudang", x: 0, y: 0, radius: 300)
        let parameters = TemporalParameters(
            from: from, to: to, shift: try DailyShift(parsing: "22:00-06:00"), utcOffset: UTCOffset.wib)
        let result = try analyze(parked, sites: [site], parameters: parameters)

        #expect(result.windowSeconds == 8 * 3600)
        let row = result.sites[0]
        #expect(row.visits == 1)
        #expect(row.dwellSeconds == 3600)  // only 22:00-23:00 is in the shift
        #expect(row.firstVisit == shiftStart)
        #expect(row.lastVisit == shiftStart + 3600)
        #expect(row.maxUnattendedSeconds == 7 * 3600)  // 23:00 → 06:00
        #expect(row.stale)
        #expect(result.visits.first?.start == from + 3600)  // the visit itself began before the shift
        #expect(result.visits.first?.dwellSeconds == 3600)
        // Hours listed are the shift's: 22, 23, 00 … 05 WIB.
        #expect(result.hourly.count == 8)
        #expect(result.hourly.first?.hourStart == shiftStart)
        #expect(result.hourly.map(\.attendedSites) == [1, 1, 0, 0, 0, 0, 0, 0])
    }

    @Test func shiftCountsEachNightSeparatelyForUnattended() throws {
        // Two nights, never visited: the longest unattended stretch is one night (8 h), not the whole window.
        let from = november27UTC + 13 * 3600
        let fixes = [Fix(unit: "P1", time: from, x: 9000, y: 0), Fix(unit: "P1", time: from + 36 * 3600, x: 9000, y: 0)]
        let parameters = TemporalParameters(shift: try DailyShift(parsing: "22:00-06:00"))
        let result = try analyze(fixes, sites: [TemporalSite(id: "s", x: 0, y: 0, radius: 100)], parameters: parameters)
        #expect(result.windowSeconds == 16 * 3600)
        #expect(result.sites[0].maxUnattendedSeconds == 8 * 3600)
    }

    @Test func hourlyCountsSitesPerLocalClockHour() throws {
        // Window 08:00-11:00 WIB on 2024-11-27 (01:00Z-04:00Z).
        let eight = november27UTC + 3600
        let a = TemporalSite(id: "A", x: 0, y: 0, radius: 100)
        let b = TemporalSite(id: "B", x: 10_000, y: 0, radius: 100)
        var fixes: [Fix] = []
        for minute in stride(from: 10.0, through: 20, by: 5) {  // P1 at A 08:10-08:20
            fixes.append(Fix(unit: "P1", time: eight + minute * 60, x: 0, y: 0))
        }
        for minute in stride(from: 30.0, through: 40, by: 5) {  // P3 at A 08:30-08:40 (same hour, same site)
            fixes.append(Fix(unit: "P3", time: eight + minute * 60, x: 0, y: 0))
        }
        for minute in stride(from: 110.0, through: 130, by: 5) {  // P2 at B 09:50-10:10
            fixes.append(Fix(unit: "P2", time: eight + minute * 60, x: 10_000, y: 0))
        }
        let parameters = TemporalParameters(from: eight, to: eight + 3 * 3600)
        let result = try analyze(fixes, sites: [a, b], parameters: parameters)
        #expect(result.hourly.map(\.hourStart) == [eight, eight + 3600, eight + 7200])
        #expect(result.hourly.map(\.attendedSites) == [1, 1, 1])
        #expect(result.sites[0].visits == 2)
        #expect(result.sites[0].units == 2)
    }
}
