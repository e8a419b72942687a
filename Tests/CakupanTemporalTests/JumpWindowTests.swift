import CakupanTemporal
import Testing

/// A bad first fix dropped as the odd one out must not start the window (it used to: the window's
/// start was the earliest fix ever kept, even one dropped afterwards).
@Suite struct JumpWindowTests {
    @Test func droppedFirstFixDoesNotStartTheWindow() throws {
        // 40 km away at 0 s, then a straight drive from x = −1000 (30 s) at 10 m/s past a site at 0.
        var fixes = straightTrack(unit: "P1", from: SIMD2(-1000, 0), to: SIMD2(2000, 0), startTime: 0, endTime: 300, step: 30)
        fixes[0] = Fix(unit: "P1", time: 0, x: 40_000, y: 0)
        let site = TemporalSite(id: "S", x: 0, y: 0, radius: 500)
        for threads in [1, 2] {
            let result = try analyze(fixes, sites: [site], parameters: TemporalParameters(threads: threads))
            #expect(result.droppedJumps == 1)
            #expect(result.keptFixes == 10)
            #expect(result.window == 30...300)
            // At the site from 50 s to 150 s; unattended 30…50 s before and 150…300 s after.
            #expect(near(result.sites[0].maxUnattendedSeconds, 150))
        }
    }

    @Test func droppedFixAfterAGapKeepsTheEarlierStart() throws {
        // A good fix at 0 s, a gap, then a bad lone fix at 1000 s and a plausible pair after it.
        let fixes = [
            Fix(unit: "P1", time: 0, x: 0, y: 0),
            Fix(unit: "P1", time: 1000, x: 40_000, y: 0),
            Fix(unit: "P1", time: 1030, x: 100, y: 0),
            Fix(unit: "P1", time: 1060, x: 400, y: 0),
        ]
        let result = try analyze(fixes)
        #expect(result.droppedJumps == 1)
        #expect(result.window == 0...1060)
    }
}
