import CakupanSchema

/// The interactive map's data: one JSON text embedded in briefing.html as
/// `<script type="application/json" id="ck-data">`, read by `MapScript`. Every figure is already
/// formatted here, with the same `NumberText` calls as the page's tables, so the info panel shows
/// the same numbers as the tables. Deterministic: layers, features and the string table are in
/// file order.
///
/// Shape:
/// `{"ui":{…}, "dec":",", "frame":[x,y,w,h], "sym":r, "layers":[L…], "s":[strings]}` where each
/// layer `L` is `{"id", "title", "kind": "point"|"shape"|"none", "search", "cluster", "fields":[labels],
/// "f":[feature…]}`. A point feature is `[name, x, y, class, values…]`, a shape feature
/// `[name, x, y, class, x0, y0, x1, y1, values…]`: `name` and `values` index `s`; coordinates are
/// canvas tenths of a px (x, y: the point, or a point inside the shape; x0…y1: its box); `class` is
/// 1 for a covered site, else 0 (for areas: the coverage ramp class). The SVG marks each layer's
/// elements with `data-layer="id"` and each clickable shape with `data-i` = its index in `f`, so the
/// script works over whatever layers are present (the `recommendations` layer of recommended posts,
/// when the folder has them, is one more entry here and its `data-layer` groups in the SVG).
struct MapData {
    let folder: ResultFolder
    let scene: MapScene
    let strings: BriefingStrings
    let numbers: NumberText
    let areaTerm: String
    let language: BriefingLanguage

    /// Deduplicated strings in first-use order.
    private final class StringTable {
        var list: [String] = []
        var index: [String: Int] = [:]
        func id(_ text: String) -> Int {
            if let known = index[text] { return known }
            index[text] = list.count
            list.append(text)
            return list.count - 1
        }
    }

    func json() -> String {
        let table = StringTable()
        let dash = strings.notAvailable
        var areaNames: [String: String] = [:]
        for area in folder.areas where areaNames[area.id] == nil { areaNames[area.id] = area.name }
        func areaName(_ id: String?) -> String { id.map { areaNames[$0] ?? $0 } ?? dash }
        func ratio(_ part: Int, _ whole: Int) -> String {
            whole == 0 ? dash : "\(numbers.integer(part)) / \(numbers.integer(whole))"
        }
        let ui = InteractiveStrings.forLanguage(language)

        var layers: [String] = []
        // Areas: the area table's columns.
        layers.append(
            layer(
                id: "areas", title: areaTerm, kind: "shape", search: true, cluster: false,
                fields: [
                    strings.coveragePercent, strings.sitesCoveredOfTotal, strings.highCoveredOfTotal, strings.rawanCoveragePercent,
                    strings.hotspotCount,
                ],
                features: folder.areas.indices.map { index in
                    let area = folder.areas[index]
                    return shapeFeature(
                        table, name: area.name, shape: scene.areas[index], cls: Palette.rampClass(area.coverageShare),
                        values: [
                            numbers.percent(area.coverageShare), ratio(area.sitesCovered, area.sitesTotal),
                            ratio(area.highCovered, area.highTotal),
                            area.rawanCoveredShare.map(numbers.percent) ?? dash, numbers.integer(area.hotspots),
                        ])
                }))
        layers.append(
            layer(id: "coverage", title: strings.patrolCoverage, kind: "none", search: false, cluster: false, fields: [], features: []))
        layers.append(
            layer(
                id: "zones", title: strings.rawanZones, kind: "shape", search: true, cluster: false,
                fields: [ui.level, areaTerm, ui.zoneCovered, strings.rank],
                features: scene.zones.map { zone in
                    let record = zone.record
                    return shapeFeature(
                        table, name: record.name ?? record.id, shape: zone.shape, cls: 0,
                        values: [
                            strings.level(record.level), areaName(record.area), record.coveredShare.map(numbers.percent) ?? dash,
                            record.hotspotRank.map { String($0) } ?? dash,
                        ])
                }))
        layers.append(
            layer(
                id: "gaps", title: strings.gap, kind: "shape", search: false, cluster: false,
                fields: [ui.level, ui.uncoveredArea],
                features: scene.gaps.map { gap in
                    let record = gap.record
                    return shapeFeature(
                        table, name: record.name ?? record.zone, shape: gap.shape, cls: 0,
                        values: [
                            strings.level(record.level), record.gapM2.map(numbers.area) ?? dash,
                        ])
                }))
        layers.append(
            layer(
                id: "sites", title: strings.sites, kind: "point", search: true, cluster: true,
                fields: [strings.category, strings.priority, ui.status, strings.distanceToPatrol, areaTerm],
                features: scene.sites.map { site in
                    let record = site.record
                    return pointFeature(
                        table, name: record.name ?? record.id, x: site.point.x, y: site.point.y, cls: record.covered ? 1 : 0,
                        values: [
                            strings.category(record.category), strings.level(record.priority),
                            record.covered ? ui.covered : ui.uncovered, record.distanceM.map(numbers.distance) ?? dash,
                            areaName(record.area),
                        ])
                }))
        layers.append(
            layer(
                id: "hotspots", title: strings.hotspots, kind: "point", search: false, cluster: false,
                fields: [strings.rank, ui.level, areaTerm, strings.reason, strings.distanceToPatrol],
                features: scene.hotspots.map { hotspot in
                    let record = hotspot.record
                    let point = TenthPoint(hotspot.point)
                    let distance = record.kind == .site ? record.distanceM.map(numbers.distance) : nil
                    return pointFeature(
                        table, name: record.name ?? record.ref, x: point.x, y: point.y, cls: 0,
                        values: [
                            String(record.rank), strings.level(record.level), areaName(record.area),
                            language == .id ? record.reason : record.reasonEnglish, distance ?? record.gapM2.map(numbers.area) ?? dash,
                        ])
                }))

        if folder.posts != nil {
            // Recommended posts: found by rank ("pos 1", "p1") or by words of their reason.
            let section = RecommendationSection(
                folder: folder, posts: [], strings: strings, numbers: numbers, areaTerm: areaTerm, language: language)
            var keys: [Int] = []
            let features = scene.posts.map { post in
                let record = post.record
                let point = TenthPoint(post.point)
                let reason = language == .id ? record.reason : record.reasonEnglish
                keys.append(table.id("p\(record.rank) \(reason)"))
                return pointFeature(
                    table, name: "\(strings.postWord) \(record.rank): \(record.name ?? record.id)", x: point.x, y: point.y, cls: 0,
                    values: [
                        String(record.rank), numbers.weight(record.gain), section.covers(record),
                        record.nearestPatrolM.map(numbers.distance) ?? dash, areaName(record.area), reason,
                    ])
            }
            layers.append(
                layer(
                    id: "recommendations", title: strings.recommendedPosts, kind: "point", search: true, cluster: false,
                    fields: [strings.rank, strings.gain, strings.covers, strings.distanceToPatrol, areaTerm, strings.reason],
                    features: features, keys: keys))
        }

        let frame = MapScene.frame
        var out = "{\"ui\":\(ui.json(label: strings.legend)),\"dec\":\(Self.string(numbers.decimalSeparator))"
        out +=
            ",\"frame\":[\(SVGNumber.px(frame.minX)),\(SVGNumber.px(frame.minY)),\(SVGNumber.px(frame.width)),\(SVGNumber.px(frame.height))]"
        out += ",\"sym\":\(SVGNumber.px(scene.symbols.radiusPx))"
        out += ",\"layers\":[\n" + layers.joined(separator: ",\n") + "\n],\"s\":["
        for (index, text) in table.list.enumerated() {
            if index > 0 { out += index % 50 == 0 ? ",\n" : "," }
            out += Self.string(text)
        }
        out += "]}"
        return out
    }

    /// `keys`, when given, holds per feature the index of extra text the search looks in (besides the
    /// name).
    private func layer(
        id: String, title: String, kind: String, search: Bool, cluster: Bool, fields: [String], features: [String], keys: [Int]? = nil
    ) -> String {
        var out = "{\"id\":\(Self.string(id)),\"title\":\(Self.string(title)),\"kind\":\"\(kind)\""
        out += ",\"search\":\(search),\"cluster\":\(cluster),\"fields\":[" + fields.map(Self.string).joined(separator: ",") + "]"
        if let keys { out += ",\"keys\":[" + keys.map(String.init).joined(separator: ",") + "]" }
        out += ",\"f\":[" + (features.isEmpty ? "" : "\n" + features.joined(separator: ",\n")) + "]}"
        return out
    }

    private func pointFeature(_ table: StringTable, name: String, x: Int, y: Int, cls: Int, values: [String]) -> String {
        var out = "[\(table.id(name)),\(x),\(y),\(cls)"
        for value in values { out += ",\(table.id(value))" }
        return out + "]"
    }

    private func shapeFeature(_ table: StringTable, name: String, shape: [ScreenPolygon], cls: Int, values: [String]) -> String {
        var box = ScreenBox(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
        for polygon in shape {
            let b = polygon.box
            box = ScreenBox(
                minX: min(box.minX, b.minX), minY: min(box.minY, b.minY), maxX: max(box.maxX, b.maxX), maxY: max(box.maxY, b.maxY))
        }
        if shape.isEmpty || !box.minX.isFinite { box = ScreenBox(minX: 0, minY: 0, maxX: 0, maxY: 0) }
        let anchor = TenthPoint(InteriorPoint.ofLargest(shape) ?? box.centre)
        let low = TenthPoint(ScreenPoint(x: box.minX, y: box.minY))
        let high = TenthPoint(ScreenPoint(x: box.maxX, y: box.maxY))
        var out = "[\(table.id(name)),\(anchor.x),\(anchor.y),\(cls),\(low.x),\(low.y),\(high.x),\(high.y)"
        for value in values { out += ",\(table.id(value))" }
        return out + "]"
    }

    /// A JSON string that is also safe inside an HTML `<script>` element: `<`, `>` and `&` are
    /// written as `\u003c` etc. (so `</script>` and `<!--` cannot occur), as are U+2028 and U+2029.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                out += "\\u" + hex4(scalar.value)
            default:
                if scalar.value < 0x20 { out += "\\u" + hex4(scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    private static func hex4(_ value: UInt32) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }
}

/// The interactive map's own words (toolbar, info panel), in the briefing's language.
struct InteractiveStrings: Sendable {
    let search: String
    let reset: String
    let zoomIn: String
    let zoomOut: String
    let layers: String
    let labels: String
    let noMatch: String
    let close: String
    let help: String
    let clusterNote: String
    let level: String
    let status: String
    let covered: String
    let uncovered: String
    let zoneCovered: String
    let uncoveredArea: String

    static func forLanguage(_ language: BriefingLanguage) -> InteractiveStrings {
        switch language {
        case .id:
            InteractiveStrings(
                search: "Cari lokasi atau kecamatan", reset: "Tampilan awal", zoomIn: "Perbesar", zoomOut: "Perkecil",
                layers: "Lapisan", labels: "Label", noMatch: "Tidak ditemukan", close: "Tutup",
                help: "Seret untuk menggeser, gulir atau +/− untuk memperbesar, klik untuk rincian.",
                clusterNote:
                    "Lingkaran berangka = jumlah lokasi; hijau = semua terjangkau, merah = tak terjangkau. Perbesar untuk melihat tiap lokasi.",
                level: "Tingkat", status: "Status", covered: "terjangkau", uncovered: "tak terjangkau",
                zoneCovered: "Terjangkau", uncoveredArea: "Luas tak terjangkau")
        case .en:
            InteractiveStrings(
                search: "Find a site or kecamatan", reset: "Reset view", zoomIn: "Zoom in", zoomOut: "Zoom out",
                layers: "Layers", labels: "Labels", noMatch: "No match", close: "Close",
                help: "Drag to pan, scroll or +/− to zoom, click for details.",
                clusterNote: "Numbered circles = number of sites; green = all covered, red = out of reach. Zoom in to see each site.",
                level: "Level", status: "Status", covered: "covered", uncovered: "out of reach",
                zoneCovered: "Covered", uncoveredArea: "Area out of reach")
        }
    }

    func json(label legend: String) -> String {
        let pairs: [(String, String)] = [
            ("search", search), ("reset", reset), ("zoomIn", zoomIn), ("zoomOut", zoomOut), ("layers", layers),
            ("labels", labels), ("noMatch", noMatch), ("close", close), ("help", help), ("clusterNote", clusterNote),
            ("legend", legend),
        ]
        return "{" + pairs.map { "\(MapData.string($0.0)):\(MapData.string($0.1))" }.joined(separator: ",") + "}"
    }
}
