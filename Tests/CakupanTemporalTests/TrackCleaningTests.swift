import Testing

@testable import CakupanTemporal

/// The track cleaning shared by the visit engine and the line drawer: `ReorderBuffer`, then
/// `TrackRules`; and the two callers agreeing on it.
@Suite struct TrackCleaningTests {
    static func point(_ time: Double, _ x: Double = 0) -> TrackPoint { TrackPoint(time: time, x: x, y: 0) }

    /// Pushes `times` (x = arrival number) and returns what came out, in order, and the late ones.
    static func run(_ times: [Double], window: Double) -> (out: [TrackPoint], late: [Double], reordered: Int) {
        var buffer = ReorderBuffer()
        var out: [TrackPoint] = []
        var late: [Double] = []
        var reordered = 0
        for (arrival, time) in times.enumerated() {
            switch buffer.push(point(time, Double(arrival)), window: window) {
            case .late:
                late.append(time)
                continue
            case .reordered: reordered += 1
            case .inOrder: break
            }
            while let due = buffer.popDue(window: window) { out.append(due) }
        }
        while let rest = buffer.popRemaining() { out.append(rest) }
        return (out, late, reordered)
    }

    @Test func reorderWithinTheWindowIsExactAndStable() {
        // 30 s steps, some swapped by up to 90 s, and two fixes at the same time (kept in arrival order).
        let times: [Double] = [0, 60, 30, 90, 90, 180, 120, 150, 210, 240]
        let (out, late, reordered) = Self.run(times, window: 100)
        #expect(out.map(\.time) == times.sorted())
        #expect(late.isEmpty)
        #expect(reordered == 3)
        let at90 = out.filter { $0.time == 90 }.map(\.x)
        #expect(at90 == [3, 4])
    }

    @Test func fixesLaterThanTheWindowAreLate() {
        // 0…600 in order, then 100 (500 s late with a window of 60 s): already past.
        let (out, late, _) = Self.run([0, 200, 400, 600, 100, 610], window: 60)
        #expect(late == [100])
        #expect(out.map(\.time) == [0, 200, 400, 600, 610])
    }

    @Test func infiniteWindowSortsOnceAtTheEnd() {
        let times: [Double] = [500, 100, 300, 100, 0, 400]
        let (out, late, reordered) = Self.run(times, window: .infinity)
        #expect(out.map(\.time) == [0, 100, 100, 300, 400, 500])
        #expect(out.filter { $0.time == 100 }.map(\.x) == [1, 3])
        // Unsorted, an arrival counts as reordered when it is before the one just before it.
        #expect(late.isEmpty && reordered == 3)
    }

    @Test func manyFixesCompactTheBuffer() {
        // Long in-order runs with a few swaps: releases and compaction keep the order.
        var times: [Double] = (0..<5000).map { Double($0) }
        for i in Swift.stride(from: 10, to: 4990, by: 37) { times.swapAt(i, i + 3) }
        let (out, late, _) = Self.run(times, window: 10)
        #expect(late.isEmpty)
        #expect(out.map(\.time) == times.sorted())
    }

    /// The steps of a track: gap, duplicate, jump, and the odd one out.
    @Test func rulesSayWhatEachFixDoes() {
        let rules = TrackRules(maxFixGap: 300, maxSpeed: 10)
        var cursor = TrackRules.Cursor()
        func step(_ time: Double, _ x: Double) -> String {
            switch rules.advance(TrackPoint(time: time, x: x, y: 0), &cursor) {
            case .first: return "first"
            case .gap(let previous, let fixes): return "gap \(previous.time) \(fixes)"
            case .duplicate: return "duplicate"
            case .jump: return "jump"
            case .oddOneOut(let previous, let fixes, let restart, let length):
                return "odd \(previous.time) \(fixes) \(restart.time) \(length)"
            case .move(let from, let length): return "move \(from.time) \(length)"
            }
        }
        #expect(step(0, 0) == "first")
        #expect(step(30, 100) == "move 0.0 100.0")
        #expect(step(30, 100) == "duplicate")
        #expect(step(60, 9000) == "jump")
        #expect(step(90, 200) == "move 30.0 100.0")
        #expect(step(500, 200) == "gap 90.0 3")
        // A bad first fix after the gap: the next two agree, so it was the odd one (a lone fix).
        #expect(step(530, 50_000) == "jump")
        #expect(step(560, 50_100) == "odd 500.0 1 530.0 100.0")
        #expect(cursor.last.time == 560 && cursor.segmentFixes == 2 && cursor.rejected == nil)
        #expect(step(590, 50_200) == "move 560.0 100.0")
    }

    /// The engine and the drawer clean a track the same way: the drawer's jumps are the engine's
    /// dropped jumps, and its gaps split the track where the engine's presence stops.
    @Test func engineAndDrawerAgree() throws {
        var fixes: [Fix] = []
        for unit in ["A", "B"] {
            var x = 0.0
            for k in 0..<200 {
                let time = Double(k) * 30 + (k >= 100 ? 900 : 0)  // a gap after fix 100
                x += 200
                var position = x
                if k % 17 == 5 { position += 50_000 }  // jumps
                if k == 100 { position += 80_000 }  // a bad first fix after the gap: the odd one out
                fixes.append(Fix(unit: unit, time: time, x: position, y: unit == "A" ? 0 : 10_000))
                if k % 23 == 0 { fixes.append(fixes[fixes.count - 1]) }  // duplicates
            }
        }
        // Out of order within the window.
        for i in Swift.stride(from: 4, to: fixes.count - 4, by: 9) where abs(fixes[i].time - fixes[i + 3].time) < 200 {
            fixes.swapAt(i, i + 3)
        }
        let result = try analyze(fixes)
        let drawer = TrackLineDrawer(maxFixGap: 300, maxSpeed: 150 / 3.6, reorderWindow: 300, tolerance: 10, passTolerance: 25)
        let units = ["A": 0, "B": 1]
        for fix in fixes { try drawer.add(unit: units[fix.unit]!, time: fix.time, x: fix.x, y: fix.y) }
        let pieces = try drawer.finish()
        #expect(result.droppedJumps == drawer.jumps.count)
        #expect(drawer.jumps.contains { $0.unit == 0 && $0.point.time == 100 * 30 + 900 })
        #expect(drawer.gaps.count == 2)
        #expect(result.lateFixes == 0 && drawer.lateFixes == 0)
        #expect(pieces.count == 2 && pieces.allSatisfy { !$0.isEmpty })
    }
}
