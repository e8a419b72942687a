import CakupanTestSupport
import Foundation

/// A large synthetic result folder at province scale: 241 kecamatan with detailed boundaries
/// (`pointsPerEdge` positions per edge), 25 000 sites, 1 500 patrol posts, 300 rawan zones with
/// gaps, and 400 hotspots; about 3° × 3° around 110° E, 7.5° S.
enum SyntheticProvince {
    static let areaCount = 241
    static let siteCount = 25_000

    static func write(pointsPerEdge: Int = 120) throws -> URL {
        typealias G = GeoJSONText
        let grid = WigglyGrid(columns: 16, rows: 16, west: 108.5, south: -9.0, cellDegrees: 0.19, pointsPerEdge: pointsPerEdge)
        let metres = LocalMetres(origin: (110.0, -7.5))
        var random = SplitMix64(seed: 2024)
        func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * random.unit() }

        var areas: [String] = []
        var areaSummaries: [String] = []
        for index in 0..<areaCount {
            let (j, i) = index.quotientAndRemainder(dividingBy: 16)
            let share = Double(index % 11) / 10
            let properties: [(String, String)] = [
                ("id", G.string("a\(index)")), ("name", G.string("Kecamatan \(index)")), ("area_m2", "440000000"),
                ("covered_m2", G.number(440_000_000 * share)), ("coverage_share", G.number(share)), ("rawan_m2", "0"),
                ("rawan_covered_m2", "null"), ("rawan_covered_share", "null"), ("sites_total", "100"), ("sites_covered", "60"),
                ("high_total", "10"), ("high_covered", "6"), ("hotspots", "2"), ("epsg", "32749"),
            ]
            areas.append(G.feature(G.polygon([grid.cell(i, j)]), properties))
            areaSummaries.append(G.object(properties))
        }
        let categories = ["kpu", "bawaslu", "partai", "tps", "tps", "tps", "tps", "pleno", "gudang", "kampanye", "kediaman", "lainnya"]
        let levels = ["tinggi", "sedang", "rendah"]
        var sites: [String] = []
        sites.reserveCapacity(siteCount)
        for index in 0..<siteCount {
            let p = (uniform(108.5, 111.54), uniform(-9.0, -6.34))
            let covered = random.unit() < 0.6
            sites.append(
                G.feature(
                    G.point(p),
                    [
                        ("id", G.string("s\(index)")), ("name", G.string("Lokasi \(index)")),
                        ("category", G.string(categories[index % categories.count])), ("priority", G.string(levels[index % 3])),
                        ("radius_m", "500"), ("distance_m", G.number((uniform(0, 3000)).rounded())),
                        ("covered", covered ? "true" : "false"),
                        ("nearest_patrol", G.string("p1")), ("area", G.string("a\(index % areaCount)")),
                    ]))
        }
        let coverage = (0..<1500).map { _ in [metres.circle((uniform(108.5, 111.5), uniform(-9.0, -6.4)), radius: 500, segments: 64)] }
        var zones: [String] = []
        var gaps: [String] = []
        for index in 0..<300 {
            let ring = metres.circle((uniform(108.5, 111.5), uniform(-9.0, -6.4)), radius: uniform(300, 2500), segments: 64)
            let level = levels[index % 3]
            zones.append(
                G.feature(
                    G.polygon([ring]), [("id", G.string("z\(index)")), ("name", G.string("Zona \(index)")), ("level", G.string(level))]))
            gaps.append(G.feature(G.polygon([ring]), [("zone", G.string("z\(index)")), ("level", G.string(level))]))
        }
        let hotspots = (0..<400).map { index in
            G.feature(
                G.point((uniform(108.5, 111.5), uniform(-9.0, -6.4))),
                [
                    ("rank", String(index + 1)), ("kind", G.string("site")), ("ref", G.string("s\(index)")),
                    ("name", G.string("Lokasi \(index)")), ("level", G.string("tinggi")), ("area", G.string("a\(index % areaCount)")),
                    ("reason", G.string("jauh dari patroli")), ("reason_en", G.string("far from patrols")),
                    ("distance_m", "2500"),
                ])
        }
        let summary = G.object([
            ("tool", G.string("cakupan")), ("version", G.string("0.1.0")), ("operation", G.string("Operasi Provinsi")),
            ("crs", G.object([("epsg", "32749"), ("name", G.string("WGS 84 / UTM zone 49S"))])),
            (
                "totals",
                G.object([
                    ("areas", String(areaCount)), ("coverage_share", "0.5"), ("patrols", "1500"), ("sites_total", String(siteCount)),
                    ("sites_covered", "15000"), ("high_total", "8333"), ("high_covered", "5000"), ("zones", "300"),
                    ("rawan_covered_share", "0.3"), ("hotspots", "400"),
                ])
            ),
            ("areas", G.array(areaSummaries)),
        ])
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cakupan-province-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let files: [(String, String)] = [
            ("areas.geojson", G.collection(areas)), ("sites.geojson", G.collection(sites)),
            ("zones.geojson", G.collection(zones)), ("gaps.geojson", G.collection(gaps)),
            ("coverage.geojson", G.collection([G.feature(G.multiPolygon(coverage), [("patrols", "1500")])])),
            ("hotspots.geojson", G.collection(hotspots)), ("summary.json", summary),
        ]
        for (name, text) in files { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
        return directory
    }
}
