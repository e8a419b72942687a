import CakupanTestSupport
import Foundation
import Testing

@testable import CakupanTemporal

/// The grids must give the same answers as brute force.
@Suite struct SpatialIndexTests {
    /// A seeded generator so failures reproduce.
    typealias Random = SplitMix64

    @Test func siteGridMatchesBruteForce() {
        var random = Random(seed: 42)
        let sites = (0..<400).map { index in
            TemporalSite(id: "\(index)", x: random.uniform(0, 20_000), y: random.uniform(0, 20_000), radius: random.uniform(50, 600))
        }
        let grid = SiteGrid(sites: sites)
        var hits: [CircleHit] = []
        for _ in 0..<2000 {
            let ax = random.uniform(-1000, 21_000)
            let ay = random.uniform(-1000, 21_000)
            let bx = ax + random.uniform(-1500, 1500)
            let by = ay + random.uniform(-1500, 1500)
            hits.removeAll()
            grid.segmentHits(ax, ay, bx, by, into: &hits)
            var expected = Set<Int32>()
            for (index, site) in sites.enumerated() {
                // Closest point of the segment to the centre, strictly inside (tangents don't count).
                let dx = bx - ax
                let dy = by - ay
                let t = max(0, min(1, ((site.x - ax) * dx + (site.y - ay) * dy) / (dx * dx + dy * dy)))
                let px = ax + t * dx - site.x
                let py = ay + t * dy - site.y
                if px * px + py * py < site.radius * site.radius * (1 - 1e-9) { expected.insert(Int32(index)) }
            }
            let found = Set(hits.map(\.site))
            #expect(expected.isSubset(of: found))
            for hit in hits {
                let site = sites[Int(hit.site)]
                for s in [hit.enter, hit.exit, (hit.enter + hit.exit) / 2] {
                    let x = ax + s * (bx - ax) - site.x
                    let y = ay + s * (by - ay) - site.y
                    #expect((x * x + y * y).squareRoot() <= site.radius * (1 + 1e-9))
                }
            }
        }
    }

    /// Even–odd ray casting over all edges, for reference.
    private func bruteContains(_ rings: [[SIMD2<Double>]], _ x: Double, _ y: Double) -> Bool {
        var inside = false
        for ring in rings {
            for index in ring.indices {
                let a = ring[index]
                let b = ring[(index + 1) % ring.count]
                if (a.y > y) != (b.y > y), x < a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y) { inside.toggle() }
            }
        }
        return inside
    }

    /// A star-shaped ring with `count` vertices around (cx, cy).
    private func star(_ random: inout Random, count: Int, cx: Double, cy: Double, radius: Double) -> [SIMD2<Double>] {
        (0..<count).map { index in
            let angle = Double(index) / Double(count) * 2 * Double.pi
            let r = radius * random.uniform(0.4, 1)
            return SIMD2(cx + r * cos(angle), cy + r * sin(angle))
        }
    }

    @Test func regionShapeMatchesRayCasting() {
        var random = Random(seed: 7)
        let outer = star(&random, count: 300, cx: 0, cy: 0, radius: 10_000)
        let hole = star(&random, count: 40, cx: 500, cy: -300, radius: 2500)
        var store = RegionStore()
        let shape = RegionShape(rings: [outer, hole], store: &store)
        var mismatches = 0
        for _ in 0..<20_000 {
            let x = random.uniform(-11_000, 11_000)
            let y = random.uniform(-11_000, 11_000)
            if shape.contains(x, y, store: store) != bruteContains([outer, hole], x, y) { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }

    @Test func segmentIntervalsAgreeWithSampling() {
        var random = Random(seed: 11)
        let rings = [star(&random, count: 120, cx: 0, cy: 0, radius: 5000)]
        var store = RegionStore()
        let shape = RegionShape(rings: rings, store: &store)
        var crossings: [Double] = []
        var intervals: [(enter: Double, exit: Double)] = []
        var mismatches = 0
        for _ in 0..<500 {
            let ax = random.uniform(-6000, 6000)
            let ay = random.uniform(-6000, 6000)
            let bx = ax + random.uniform(-3000, 3000)
            let by = ay + random.uniform(-3000, 3000)
            intervals.removeAll()
            shape.insideIntervals(ax, ay, bx, by, store: store, crossings: &crossings, into: &intervals)
            for step in 0...200 {
                let s = (Double(step) + 0.5) / 201.5
                let inInterval = intervals.contains { s > $0.enter + 1e-9 && s < $0.exit - 1e-9 }
                let nearEdge = intervals.contains { abs(s - $0.enter) < 1e-6 || abs(s - $0.exit) < 1e-6 }
                if !nearEdge, inInterval != bruteContains(rings, ax + s * (bx - ax), ay + s * (by - ay)) {
                    mismatches += 1
                }
            }
        }
        #expect(mismatches == 0)
    }

    /// The raster's shortcut must give exactly what the shapes give: overlapping regions, holes and a
    /// far-away region, with short segments (as between fixes, many taking the shortcut) and long ones.
    @Test func regionRasterAgreesWithTheShapes() {
        var random = Random(seed: 23)
        let regions = [
            TemporalRegion(
                id: "a",
                polygons: [
                    MetricPolygon(
                        exterior: star(&random, count: 200, cx: 0, cy: 0, radius: 4000),
                        holes: [star(&random, count: 30, cx: 300, cy: 200, radius: 1200)])
                ]),
            TemporalRegion(
                id: "b", polygons: [MetricPolygon(exterior: star(&random, count: 80, cx: 2500, cy: 1000, radius: 3000), holes: [])]),
            TemporalRegion(
                id: "c", polygons: [MetricPolygon(exterior: star(&random, count: 40, cx: -1500, cy: -2500, radius: 1500), holes: [])]),
            TemporalRegion(
                id: "far", polygons: [MetricPolygon(exterior: star(&random, count: 60, cx: 30_000, cy: 20_000, radius: 2000), holes: [])]),
        ]
        let index = RegionIndex(regions: regions)
        #expect(index.raster.cleanShare > 0.5)
        var crossings: [Double] = []
        var intervals: [(enter: Double, exit: Double)] = []
        var hits: [RegionHit] = []
        var shortcuts = 0
        var mismatches = 0
        for trial in 0..<20_000 {
            let ax = random.uniform(-6000, 34_000)
            let ay = random.uniform(-6000, 24_000)
            let reach = trial % 10 == 0 ? 5000.0 : 300.0
            let bx = ax + random.uniform(-reach, reach)
            let by = ay + random.uniform(-reach, reach)
            if index.raster.uniformSet(ax, ay, bx, by) != nil { shortcuts += 1 }
            hits.removeAll()
            index.segmentHits(ax, ay, bx, by, crossings: &crossings, intervals: &intervals, into: &hits)
            var expected: [String] = []
            for (region, shape) in index.shapes.enumerated() {
                intervals.removeAll()
                shape.insideIntervals(ax, ay, bx, by, store: index.store, crossings: &crossings, into: &intervals)
                expected += intervals.map { "\(region) \($0.enter) \($0.exit)" }
            }
            if hits.map({ "\($0.region) \($0.enter) \($0.exit)" }).sorted() != expected.sorted() { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(shortcuts > 10_000)  // most segments are answered by the raster
    }
}
