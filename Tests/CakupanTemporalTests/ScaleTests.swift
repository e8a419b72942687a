import CakupanTemporal
import CakupanTestSupport
import Testing

/// Runs a couple of hundred thousand synthetic fixes so that anything quadratic shows up as a hang.
@Suite struct ScaleTests {
    @Test func twoHundredThousandFixes() throws {
        var random = SpatialIndexTests.Random(seed: 2024)
        let sites = (0..<3000).map { index in
            TemporalSite(id: "s\(index)", x: random.uniform(0, 50_000), y: random.uniform(0, 50_000), radius: 300)
        }
        let zones = (0..<200).map { index -> TemporalRegion in
            let x = random.uniform(0, 50_000)
            let y = random.uniform(0, 50_000)
            return TemporalRegion(id: "z\(index)", polygons: [MetricPolygon(exterior: square(x, y, x + 800, y + 600))])
        }
        // A 5 × 5 tiling of 10 km areas.
        let areas = (0..<25).map { index -> TemporalRegion in
            let x = Double(index % 5) * 10_000
            let y = Double(index / 5) * 10_000
            return TemporalRegion(id: "a\(index)", polygons: [MetricPolygon(exterior: square(x, y, x + 10_000, y + 10_000))])
        }
        let engine = try VisitEngine(sites: sites, zones: zones, areas: areas)
        let units = 100
        let fixesPerUnit = 2000
        var positions = (0..<units).map { _ in SIMD2(random.uniform(0, 50_000), random.uniform(0, 50_000)) }
        var headings = (0..<units).map { _ in SIMD2(random.uniform(-1, 1), random.uniform(-1, 1)) }
        let start = 1_732_665_600.0
        for step in 0..<fixesPerUnit {
            for unit in 0..<units {  // interleaved across units, time-ordered within each
                if random.unit() < 0.05 { headings[unit] = SIMD2(random.uniform(-1, 1), random.uniform(-1, 1)) }
                positions[unit] += headings[unit] * 100  // up to ~14 m/s over 10 s
                positions[unit].x = min(50_000, max(0, positions[unit].x))
                positions[unit].y = min(50_000, max(0, positions[unit].y))
                let jump = random.unit() < 0.001 ? 20_000.0 : 0
                try engine.add(
                    Fix(unit: "U\(unit)", time: start + Double(step) * 10, x: positions[unit].x + jump, y: positions[unit].y))
            }
        }
        let result = engine.finish()
        #expect(result.fixes == units * fixesPerUnit)
        #expect(result.units == units)
        #expect(result.droppedJumps > 0)
        #expect(result.keptFixes + result.droppedJumps == result.fixes)
        #expect(result.visits.count > 1000)
        #expect(result.sites.count == sites.count)
        #expect(result.zones.allSatisfy { (0...1).contains($0.share) })
        // Every kept segment lies in the tiling: area time adds up to the units' tracked time.
        let tracked = result.areas.reduce(0) { $0 + $1.patrolSeconds }
        #expect(tracked > 0.9 * Double(units) * Double(fixesPerUnit - 1) * 10)
        #expect(tracked <= Double(units) * Double(fixesPerUnit - 1) * 10 + 1e-3)
        #expect(result.hourly.count == 6)
    }
}
