import CakupanTestSupport
import Foundation
import Testing

@testable import CakupanTemporal

/// The repeated-pass test of the track lines (`DrawnSegments.covers`) against brute force, and the
/// lines drawn from a unit driving one road back and forth.
@Suite struct TrackLineDrawerTests {
    /// Distance from a point to a segment.
    static func distance(_ p: SIMD2<Double>, _ a: SIMD2<Double>, _ b: SIMD2<Double>) -> Double {
        let d = b - a
        let l = (d * d).sum()
        let t = l > 0 ? min(1, max(0, ((p - a) * d).sum() / l)) : 0
        let q = a + d * t - p
        return (q * q).sum().squareRoot()
    }

    /// Whenever `covers` says yes, every point of the query (sampled every 0.5 m) is within the
    /// tolerance of a stored segment; a query drawn exactly on stored segments is covered.
    @Test func coversAgreesWithSampling() {
        var rng = SplitMix64(seed: 7)
        var yes = 0
        var no = 0
        for _ in 0..<200 {
            var index = DrawnSegments(tolerance: 25)
            // A random polyline of 6 segments of 100–400 m.
            var stored: [(SIMD2<Double>, SIMD2<Double>)] = []
            var p = SIMD2<Double>(Double.random(in: 0...1000, using: &rng), Double.random(in: 0...1000, using: &rng))
            var heading = Double.random(in: 0...(2 * .pi), using: &rng)
            for _ in 0..<6 {
                heading += Double.random(in: -1...1, using: &rng)
                let q = p + SIMD2(cos(heading), sin(heading)) * Double.random(in: 100...400, using: &rng)
                index.insert(0, p.x, p.y, q.x, q.y)
                stored.append((p, q))
                p = q
            }
            // An exact repeat (reversed) of two consecutive stored segments, as one chord's pieces.
            let (a, b) = stored[2]
            let repeated = index.covers(0, b.x, b.y, a.x, a.y)
            #expect(repeated)
            // Random queries near the polyline.
            for _ in 0..<20 {
                let (s0, s1) = stored[Int.random(in: 0..<stored.count, using: &rng)]
                let start =
                    s0 + (s1 - s0) * Double.random(in: 0...1, using: &rng)
                    + SIMD2(Double.random(in: -30...30, using: &rng), Double.random(in: -30...30, using: &rng))
                let (t0, t1) = stored[Int.random(in: 0..<stored.count, using: &rng)]
                let end =
                    t0 + (t1 - t0) * Double.random(in: 0...1, using: &rng)
                    + SIMD2(Double.random(in: -30...30, using: &rng), Double.random(in: -30...30, using: &rng))
                guard index.covers(0, start.x, start.y, end.x, end.y) else {
                    no += 1
                    continue
                }
                yes += 1
                let length = ((end - start) * (end - start)).sum().squareRoot()
                let samples = max(1, Int(length / 0.5))
                for k in 0...samples {
                    let q = start + (end - start) * (Double(k) / Double(samples))
                    let nearest = stored.map { Self.distance(q, $0.0, $0.1) }.min()!
                    #expect(nearest <= 25 + 1e-6, "covered query point \(q) is \(nearest) m from the drawn segments")
                }
            }
            // Another unit's segments never cover.
            let otherUnit = index.covers(1, a.x, a.y, b.x, b.y)
            #expect(!otherUnit)
        }
        #expect(yes > 100 && no > 100)
    }

    /// A unit driving a bent road back and forth 50 times, a fix every 30 s at 10 m/s with ±3 m
    /// noise: the lines stay a handful of pieces and vertices, and every fix lies within 35 m of them.
    @Test func repeatedPassesAreDrawnOnce() throws {
        let road: [SIMD2<Double>] = [SIMD2(0, 0), SIMD2(1000, 0), SIMD2(1500, 600), SIMD2(2500, 700), SIMD2(3000, 1500)]
        var cumulative = [0.0]
        for i in 1..<road.count {
            let d = road[i] - road[i - 1]
            cumulative.append(cumulative[i - 1] + (d * d).sum().squareRoot())
        }
        func at(_ s: Double) -> SIMD2<Double> {
            var i = 1
            while i < road.count - 1, cumulative[i] < s { i += 1 }
            let f = (s - cumulative[i - 1]) / (cumulative[i] - cumulative[i - 1])
            return road[i - 1] + (road[i] - road[i - 1]) * f
        }
        let total = cumulative.last!
        let lines = TrackLineDrawer(maxFixGap: 300, maxSpeed: 150 / 3.6, reorderWindow: 300, tolerance: 10, passTolerance: 25)
        var rng = SplitMix64(seed: 7)
        var fixes: [SIMD2<Double>] = []
        var s = 0.0
        var direction = 1.0
        for step in 0..<Int(50 * 2 * total / 300) {
            s += direction * 300 + Double.random(in: -20...20, using: &rng)
            if s > total {
                s = 2 * total - s
                direction = -1
            }
            if s < 0 {
                s = -s
                direction = 1
            }
            let p = at(s) + SIMD2(Double.random(in: -3...3, using: &rng), Double.random(in: -3...3, using: &rng))
            fixes.append(p)
            try lines.add(unit: 0, time: Double(step) * 30, x: p.x, y: p.y)
        }
        let pieces = try lines.finish()[0]
        let vertices = pieces.map(\.count).reduce(0, +)
        #expect(vertices < fixes.count / 10, "\(vertices) vertices for \(fixes.count) fixes")
        let segments = pieces.flatMap { piece in zip(piece, piece.dropFirst()).map { (SIMD2($0.x, $0.y), SIMD2($1.x, $1.y)) } }
        for p in fixes {
            let nearest = segments.map { Self.distance(p, $0.0, $0.1) }.min()!
            #expect(nearest <= 35 + 1e-6)
        }
        #expect(lines.gaps.isEmpty && lines.jumps.isEmpty)
    }
}
