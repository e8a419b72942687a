import Foundation

/// A small, fictional result folder ("Kabupaten Contoh", about 22 × 22 km south of Bogor): four
/// kecamatan with irregular boundaries, seven patrols (three routes, four posts), 30 sites of every
/// category, four rawan zones (one fully covered), their gaps, ranked hotspots and, optionally, the
/// temporal part. Written into a fresh temporary folder.
enum DemoFixture {
    static let grid = WigglyGrid(columns: 2, rows: 2, west: 106.70, south: -6.60, cellDegrees: 0.1, pointsPerEdge: 24)
    static let metres = LocalMetres(origin: (106.80, -6.50))
    static let areaNames = ["Cibening", "Sukamaju", "Tanjungsari", "Karanganyar"]
    static let radiusM = 500.0

    /// Patrols: routes (two ends) and posts (one point), lon/lat.
    static let routes: [(GeoJSONText.Position, GeoJSONText.Position)] = [
        ((106.735, -6.455), (106.775, -6.445)),
        ((106.815, -6.545), (106.845, -6.515)),
        ((106.760, -6.560), (106.770, -6.520)),
    ]
    static let posts: [GeoJSONText.Position] = [(106.860, -6.440), (106.880, -6.575), (106.800, -6.480), (106.725, -6.585)]

    /// Sites: name, category, priority, position.
    static let sites: [(String, String, String, GeoJSONText.Position)] =
        [
            ("Kantor KPU Kabupaten", "kpu", "tinggi", (106.7552, -6.4497)),
            ("Kantor Bawaslu", "bawaslu", "tinggi", (106.8301, -6.5302)),
            ("Kantor DPC Partai A", "partai", "sedang", (106.8598, -6.4412)),
            ("Kantor DPC Partai B", "partai", "sedang", (106.7900, -6.4300)),
            ("Gudang Logistik KPU", "gudang", "tinggi", (106.8795, -6.5748)),
            ("Gudang Kecamatan Sukamaju", "gudang", "sedang", (106.8650, -6.4700)),
            ("Lokasi Pleno Kecamatan", "pleno", "tinggi", (106.7652, -6.5400)),
            ("Lokasi Pleno Cibening", "pleno", "tinggi", (106.7250, -6.5450)),
            ("Lapangan Kampanye Utama", "kampanye", "sedang", (106.8420, -6.4180)),
            ("Alun-alun", "kampanye", "sedang", (106.8003, -6.4801)),
            ("Kediaman Calon Bupati", "kediaman", "tinggi", (106.7350, -6.4180)),
            ("Kediaman Tokoh Agama", "kediaman", "rendah", (106.8850, -6.5300)),
            ("Posko Relawan", "lainnya", "rendah", (106.7100, -6.4700)),
            ("Pasar Induk", "lainnya", "rendah", (106.8200, -6.5900)),
        ]
        + (1...16).map { index in
            // Every other TPS lies along a patrol route (covered), the rest spread over the kabupaten.
            if index.isMultiple(of: 2) {
                let route = routes[(index / 2) % routes.count]
                let t = 0.15 + 0.7 * Double((index * 3) % 8) / 8
                let lon = route.0.lon + (route.1.lon - route.0.lon) * t + 0.0012 * WigglyGrid.noise(index, 1, 1)
                let lat = route.0.lat + (route.1.lat - route.0.lat) * t + 0.0012 * WigglyGrid.noise(index, 2, 2)
                return ("TPS \(index)", "tps", index % 5 == 0 ? "tinggi" : "sedang", (lon, lat))
            }
            let lon = 106.71 + 0.0117 * Double((index * 7) % 16)
            let lat = -6.59 + 0.0113 * Double((index * 5) % 16)
            return ("TPS \(index)", "tps", index % 5 == 0 ? "tinggi" : "sedang", (lon, lat))
        }

    /// Rawan zones: name, level, ring, whether covered.
    static var zones: [(String, String, [GeoJSONText.Position])] {
        [
            (
                "Perbatasan Desa Cikaret", "tinggi",
                [
                    (106.708, -6.500), (106.728, -6.497), (106.742, -6.505), (106.738, -6.520), (106.720, -6.526), (106.706, -6.515),
                ]
            ),
            ("Simpang Tiga Pasar", "sedang", metres.circle((106.868, -6.498), radius: 900)),
            ("Kampung Baru", "rendah", metres.circle((106.790, -6.585), radius: 700)),
            ("Depan Kantor KPU", "tinggi", metres.circle((106.754, -6.451), radius: 300)),
        ]
    }

    static func coverageShapes() -> [[GeoJSONText.Position]] {
        routes.map { metres.stadium($0.0, $0.1, radius: radiusM) } + posts.map { metres.circle($0, radius: radiusM) }
    }

    /// Distance from `p` to the nearest patrol, metres.
    static func patrolDistance(_ p: GeoJSONText.Position) -> Double {
        (routes.map { metres.distance(p, toSegment: $0.0, $0.1) } + posts.map { metres.distance(p, toSegment: $0, $0) }).min()!
    }

    /// The area (cell index, row-major from the south-west) holding `p`, from the straight grid.
    static func areaIndex(_ p: GeoJSONText.Position) -> Int {
        let i = min(max(Int((p.lon - grid.west) / grid.cellDegrees), 0), 1)
        let j = min(max(Int((p.lat - grid.south) / grid.cellDegrees), 0), 1)
        return j * 2 + i
    }

    /// Site counts of one area.
    struct AreaFigures {
        var total = 0, covered = 0, high = 0, highCovered = 0
    }

    /// Writes the folder and returns its URL.
    static func write(temporal: Bool = true, operation: String? = "Operasi Mantap Praja Pilkada 2024", recommendations: Bool = false) throws
        -> URL
    {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("cakupan-briefing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files(temporal: temporal, operation: operation, recommendations: recommendations) {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
        return directory
    }

    /// The seven files by name; with `recommendations`, recommendations.geojson and summary.json's
    /// `recommendations` too: post 1 at the most distant uncovered tinggi site covering it (gain 3),
    /// post 2 at the first vertex of zone z1 covering its gap (gain 3).
    static func files(
        temporal: Bool = true, operation: String? = "Operasi Mantap Praja Pilkada 2024", recommendations: Bool = false
    ) -> [(String, String)] {
        typealias G = GeoJSONText
        let coverageShares = [0.12, 0.35, 0.58, 0.83]
        let rawanShares: [Double?] = [0.0, 0.9, nil, 0.2]

        // Sites with their figures.
        var siteFeatures: [String] = []
        var perArea = [AreaFigures](repeating: AreaFigures(), count: 4)
        var uncoveredHigh: [(String, String, String, Double, GeoJSONText.Position, Int)] = []
        for (index, site) in sites.enumerated() {
            let distance = patrolDistance(site.3)
            let covered = distance <= radiusM
            let area = areaIndex(site.3)
            perArea[area].total += 1
            perArea[area].covered += covered ? 1 : 0
            if site.2 == "tinggi" {
                perArea[area].high += 1
                perArea[area].highCovered += covered ? 1 : 0
                if !covered { uncoveredHigh.append(("s\(index + 1)", site.0, site.1, distance, site.3, area)) }
            }
            siteFeatures.append(
                G.feature(
                    G.point(site.3),
                    [
                        ("id", G.string("s\(index + 1)")), ("name", G.string(site.0)), ("category", G.string(site.1)),
                        ("priority", G.string(site.2)), ("radius_m", G.number(radiusM)), ("distance_m", G.number(distance.rounded())),
                        ("covered", covered ? "true" : "false"), ("nearest_patrol", G.string("p1")), ("area", G.string("a\(area + 1)")),
                    ] + (temporal ? [("stale", index % 9 == 4 ? "true" : "false")] : [])))
        }

        // Hotspots: zone gaps first (tinggi, then others), then uncovered tinggi sites.
        let zoneList = zones
        var hotspotFeatures: [String] = []
        var hotspotSummaries: [String] = []
        var hotspotCount = [0, 0, 0, 0]
        var rank = 0
        func addHotspot(_ geometry: String, _ properties: [(String, String)], area: Int) {
            hotspotFeatures.append(G.feature(geometry, properties))
            hotspotSummaries.append(G.object(properties))
            hotspotCount[area] += 1
        }
        var gapFeatures: [String] = []
        var zoneFeatures: [String] = []
        for (index, zone) in zoneList.enumerated() {
            let covered = index == 3
            let area = areaIndex(zone.2[0])
            var properties: [(String, String)] = [
                ("id", G.string("z\(index + 1)")), ("name", G.string(zone.0)), ("level", G.string(zone.1)),
                ("source", G.string(index == 0 ? "polygon" : "point")), ("radius_m", index == 0 ? "null" : "300"),
                ("area_m2", "2500000"), ("covered_m2", covered ? "2500000" : "0"), ("covered_share", covered ? "1" : "0"),
                ("area", G.string("a\(area + 1)")),
            ]
            if !covered {
                rank += 1
                properties.append(("hotspot_rank", String(rank)))
                gapFeatures.append(
                    G.feature(
                        G.polygon([zone.2]),
                        [
                            ("zone", G.string("z\(index + 1)")), ("name", G.string(zone.0)), ("level", G.string(zone.1)),
                            ("gap_m2", "2500000"), ("area", G.string("a\(area + 1)")),
                        ]))
                addHotspot(
                    G.polygon([zone.2]),
                    [
                        ("rank", String(rank)), ("kind", G.string("zone")), ("ref", G.string("z\(index + 1)")),
                        ("name", G.string(zone.0)), ("level", G.string(zone.1)), ("area", G.string("a\(area + 1)")),
                        ("score", G.number(10 - Double(rank))),
                        ("reason", G.string("zona rawan \(zone.1) tidak terjangkau patroli (celah 2,5 ha)")),
                        ("reason_en", G.string("\(zone.1) rawan zone out of patrol reach (gap 2.5 ha)")),
                        ("distance_m", "null"), ("gap_m2", "25000"), ("covered_share", "0"), ("category", "null"),
                    ], area: area)
            } else {
                properties.append(("hotspot_rank", "null"))
            }
            zoneFeatures.append(G.feature(G.polygon([zone.2]), properties))
        }
        for site in uncoveredHigh.sorted(by: { $0.3 > $1.3 }) {
            rank += 1
            addHotspot(
                G.point(site.4),
                [
                    ("rank", String(rank)), ("kind", G.string("site")), ("ref", G.string(site.0)), ("name", G.string(site.1)),
                    ("level", G.string("tinggi")), ("area", G.string("a\(site.5 + 1)")), ("score", G.number(5 - Double(rank) / 10)),
                    ("reason", G.string("lokasi prioritas tinggi berjarak \(Int(site.3)) m dari patroli terdekat")),
                    ("reason_en", G.string("high-priority site \(Int(site.3)) m from the nearest patrol")),
                    ("distance_m", G.number(site.3.rounded())), ("gap_m2", "null"), ("covered_share", "null"),
                    ("category", G.string(site.2)),
                ], area: site.5)
        }

        // Areas.
        var areaFeatures: [String] = []
        var areaSummaries: [String] = []
        for j in 0..<2 {
            for i in 0..<2 {
                let index = j * 2 + i
                let figures = perArea[index]
                let coveredM2 = G.number(121_000_000 * coverageShares[index])
                let rawanM2 = rawanShares[index] == nil ? "0" : "2500000"
                let rawanCoveredM2 = G.optional(rawanShares[index].map { $0 * 2_500_000 })
                let properties: [(String, String)] = [
                    ("KODE_KEC", G.string("32.01.0\(index + 1)")),
                    ("id", G.string("a\(index + 1)")), ("name", G.string(areaNames[index])),
                    ("area_m2", "121000000"), ("covered_m2", coveredM2),
                    ("coverage_share", G.number(coverageShares[index])),
                    ("rawan_m2", rawanM2),
                    ("rawan_covered_m2", rawanCoveredM2),
                    ("rawan_covered_share", G.optional(rawanShares[index])),
                    ("sites_total", String(figures.total)), ("sites_covered", String(figures.covered)),
                    ("high_total", String(figures.high)), ("high_covered", String(figures.highCovered)),
                    ("hotspots", String(hotspotCount[index])), ("epsg", "32748"),
                ]
                areaFeatures.append(G.feature(G.polygon([grid.cell(i, j)]), properties))
                areaSummaries.append(G.object(Array(properties.dropFirst())))
            }
        }

        let coverageFeature = G.feature(
            G.multiPolygon(coverageShapes().map { [$0] }),
            [
                ("area_m2", "9900000"), ("radius_m", G.number(radiusM)), ("patrols", String(routes.count + posts.count)),
            ])

        let sitesTotal = perArea.reduce(0) { $0 + $1.total }
        let sitesCovered = perArea.reduce(0) { $0 + $1.covered }
        let highTotal = perArea.reduce(0) { $0 + $1.high }
        let highCovered = perArea.reduce(0) { $0 + $1.highCovered }
        var summaryMembers: [(String, String)] = [
            ("tool", G.string("cakupan")), ("version", G.string("0.1.0")), ("operation", G.optional(operation)),
            ("inputs", G.object([("areas", G.object([("path", G.string("kecamatan.geojson")), ("features", "4")]))])),
            ("crs", G.object([("mode", G.string("auto")), ("epsg", "32748"), ("name", G.string("WGS 84 / UTM zone 48S"))])),
            (
                "parameters",
                G.object([("radius_m", "500"), ("rawan_radius_m", "300"), ("min_zone_coverage", "0.8"), ("quadrant_segments", "8")])
            ),
            (
                "totals",
                G.object([
                    ("areas", "4"), ("area_m2", "484000000"), ("covered_m2", "227480000"), ("coverage_share", "0.47"),
                    ("coverage_m2", "9900000"), ("patrols", String(routes.count + posts.count)),
                    ("sites_total", String(sitesTotal)), ("sites_covered", String(sitesCovered)),
                    ("high_total", String(highTotal)), ("high_covered", String(highCovered)),
                    ("zones", String(zoneList.count)), ("rawan_m2", "10000000"), ("rawan_covered_m2", "2500000"),
                    ("rawan_covered_share", "0.25"), ("hotspots", String(rank)),
                ])
            ),
            ("areas", G.array(areaSummaries)),
            ("hotspots", G.array(hotspotSummaries)),
            ("warnings", G.array([G.string("2 lokasi tanpa nama")])),
        ]
        if temporal {
            let counts = [4, 9, 14, 17, 15, 12, 10, 11, 16, 18, 13, 7]
            let hourly = counts.enumerated().map { index, count in
                G.object([("hour", G.string(String(format: "2024-11-27T%02d:00:00+07:00", 6 + index))), ("attended_sites", String(count))])
            }
            let stale = [
                G.object([
                    ("id", G.string("s5")), ("name", G.string("Gudang Logistik KPU")), ("category", G.string("gudang")),
                    ("priority", G.string("tinggi")), ("max_unattended_s", "19800"), ("last_visit", G.string("2024-11-27T08:40:00+07:00")),
                ]),
                G.object([
                    ("id", G.string("s14")), ("name", G.string("Pasar Induk")), ("category", G.string("lainnya")),
                    ("priority", G.string("rendah")), ("max_unattended_s", "43200"), ("last_visit", "null"),
                ]),
                G.object([
                    ("id", G.string("s23")), ("name", G.string("TPS 9")), ("category", G.string("tps")),
                    ("priority", G.string("sedang")), ("max_unattended_s", "25260"), ("last_visit", G.string("2024-11-27T11:15:00+07:00")),
                ]),
            ]
            summaryMembers.append(
                (
                    "temporal",
                    G.object([
                        (
                            "window",
                            G.object([("from", G.string("2024-11-27T06:00:00+07:00")), ("to", G.string("2024-11-27T18:00:00+07:00"))])
                        ),
                        ("hourly", G.array(hourly)), ("stale_sites", G.array(stale)),
                    ])
                ))
        }

        var extra: [(String, String)] = []
        if recommendations {
            let site = uncoveredHigh.sorted(by: { $0.3 > $1.3 })[0]
            let zone = zoneList[0]
            let posts: [(GeoJSONText.Position, [(String, String)])] = [
                (
                    site.4,
                    [
                        ("rank", "1"), ("id", G.string(site.0)), ("name", G.string(site.1)), ("gain", "3"),
                        ("covers", G.object([("sites", G.array([G.string(site.0)])), ("zones", G.array([]))])),
                        ("sites_covered", "1"), ("zones_covered", "0"), ("area", G.string("a\(site.5 + 1)")),
                        ("nearest_patrol_m", G.number(site.3)),
                        ("reason", G.string("Pos 1 di dekat \(site.1): menjangkau 1 lokasi prioritas tinggi tak terjangkau patroli")),
                        ("reason_en", G.string("Post 1 near \(site.1): reaches 1 high-priority site no patrol covers")),
                    ]
                ),
                (
                    zone.2[0],
                    [
                        ("rank", "2"), ("id", G.string("z1")), ("name", G.string(zone.0)), ("gain", "3"),
                        ("covers", G.object([("sites", G.array([])), ("zones", G.array([G.string("z1")]))])),
                        ("sites_covered", "0"), ("zones_covered", "1"), ("area", G.string("a\(areaIndex(zone.2[0]) + 1)")),
                        ("nearest_patrol_m", "1200"),
                        ("reason", G.string("Pos 2 di dekat \(zone.0): menjangkau celah 1 zona rawan (\(zone.0))")),
                        ("reason_en", G.string("Post 2 near \(zone.0): reaches the gap of 1 rawan zone (\(zone.0))")),
                    ]
                ),
            ]
            extra.append(("recommendations.geojson", G.collection(posts.map { G.feature(G.point($0.0), $0.1) })))
            func coverage(_ sites: Int, _ high: Int, _ zoneM2: String) -> String {
                G.object([
                    ("sites_covered", String(sites)), ("high_covered", String(high)), ("stale_sites_with_post", "0"),
                    ("zone_covered_m2", zoneM2),
                ])
            }
            summaryMembers.append(
                (
                    "recommendations",
                    G.object([
                        ("mode", G.string("posts")), ("posts_requested", "2"), ("post_radius_m", "500"),
                        ("weights", G.object([("tinggi", "3"), ("sedang", "2"), ("rendah", "1")])),
                        ("candidates", G.object([("source", G.string("demand")), ("count", "9")])),
                        (
                            "demand",
                            G.object([
                                ("points", "9"), ("weight", "21"), ("coverable_weight", "21"), ("uncovered", "6"), ("stale", "0"),
                                ("zone_gap", "3"),
                            ])
                        ),
                        ("cover_pairs", "12"), ("posts", "2"), ("objective", "6"), ("bound", "6"), ("optimal", "true"),
                        ("gap_percent", "0"),
                        ("greedy_objective", "6"), ("solver", G.string("CBC")), ("solver_version", G.string("2.10.8")),
                        ("time_limit_s", "30"),
                        ("uncoverable", G.array([])),
                        ("before", coverage(sitesCovered, highCovered, "2500000")),
                        ("after", coverage(sitesCovered + 1, highCovered + 1, "3300000")),
                    ])
                ))
        }

        return extra + [
            ("areas.geojson", G.collection(areaFeatures)),
            ("sites.geojson", G.collection(siteFeatures)),
            ("zones.geojson", G.collection(zoneFeatures)),
            ("coverage.geojson", G.collection([coverageFeature])),
            ("gaps.geojson", G.collection(gapFeatures)),
            ("hotspots.geojson", G.collection(hotspotFeatures)),
            ("summary.json", G.object(summaryMembers) + "\n"),
        ]
    }
}
