import CakupanSchema

/// The map as one SVG document: layers in drawing order (area shading, patrol coverage, rawan zones,
/// gaps, area outlines, sites, hotspots, labels), then the frame with its coordinate ticks and the
/// legend panel beside the frame, so that the legend never covers data. The same text is embedded
/// in briefing.html and written as briefing.svg.
struct MapDrawing {
    let folder: ResultFolder
    let scene: MapScene
    let strings: BriefingStrings
    let numbers: NumberText
    /// The operation's title, for the SVG `<title>`.
    let title: String
    /// What the areas are called ("Kecamatan").
    let areaTerm: String

    static let fontFamily = "'Liberation Sans', Arial, Helvetica, sans-serif"

    func svg() -> String {
        let frame = MapScene.frame
        var out = ""
        out.reserveCapacity(64 * 1024 + scene.sites.count * 40)
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(MapScene.canvasWidth)) \(Int(MapScene.canvasHeight))\""
        out += " width=\"\(Int(MapScene.canvasWidth))\" height=\"\(Int(MapScene.canvasHeight))\""
        out += " font-family=\"\(Self.fontFamily)\" role=\"img\" aria-labelledby=\"ck-map-title\">\n"
        out += "<title id=\"ck-map-title\">\(XMLText.escape(strings.mapTitle + " — " + title))</title>\n"
        defs(&out)
        out += "<rect width=\"\(Int(MapScene.canvasWidth))\" height=\"\(Int(MapScene.canvasHeight))\" fill=\"#fff\"/>\n"
        out += "<rect \(rectAttributes(frame)) fill=\"\(Palette.mapBackground)\"/>\n"
        // The data layers sit in a nested SVG whose viewport is the frame (it clips like a clip
        // path would): the page's script zooms by changing its viewBox, leaving the frame and the
        // legend in place. Layers carry `data-layer`, clickable features `data-i` (their index in
        // the page's map data, see MapData).
        out +=
            "<svg id=\"ck-view\" \(rectAttributes(frame)) viewBox=\"\(SVGNumber.px(frame.minX)) \(SVGNumber.px(frame.minY)) \(SVGNumber.px(frame.width)) \(SVGNumber.px(frame.height))\" overflow=\"hidden\">\n"
        areaFills(&out)
        coverage(&out)
        postReach(&out)
        zones(&out)
        gaps(&out)
        areaOutlines(&out)
        sites(&out)
        staleRings(&out)
        var placer = LabelPlacer(bounds: frame)
        hotspots(&out, &placer)
        posts(&out, &placer)
        reserveSites(&placer)
        areaLabels(&out, &placer)
        out += "</svg>\n"
        out += "<rect \(rectAttributes(frame)) fill=\"none\" stroke=\"\(Palette.ink)\" stroke-width=\"1.2\"/>\n"
        coordinateTicks(&out)
        MapLegend(drawing: self).draw(&out)
        out += "</svg>\n"
        return out
    }

    func rectAttributes(_ box: ScreenBox) -> String {
        "x=\"\(SVGNumber.px(box.minX))\" y=\"\(SVGNumber.px(box.minY))\" width=\"\(SVGNumber.px(box.width))\" height=\"\(SVGNumber.px(box.height))\""
    }

    // MARK: Definitions

    private func defs(_ out: inout String) {
        out += "<defs>\n"
        out += "<pattern id=\"ck-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
        out += "<path d=\"M0 0v6\" stroke=\"\(Palette.hatch)\" stroke-width=\"1.4\"/></pattern>\n"
        for (index, shape) in scene.areas.enumerated() where !shape.isEmpty {
            out += "<path id=\"ck-a\(index)\" d=\"\(SVGPathData.polygons(shape))\"/>\n"
        }
        for category in SiteCategory.allCases {
            out += "<path id=\"\(SiteSymbols.id(category))\" class=\"ck-sym\" d=\"\(scene.symbols.path(category))\"/>\n"
        }
        out += "</defs>\n"
    }

    // MARK: Layers

    private func areaFills(_ out: inout String) {
        var byClass = [[Int]](repeating: [], count: Palette.coverageRamp.count)
        for (index, area) in folder.areas.enumerated() where !scene.areas[index].isEmpty {
            byClass[Palette.rampClass(area.coverageShare)].append(index)
        }
        out += "<g data-layer=\"areas\" fill-rule=\"evenodd\">\n"
        for (rampClass, indices) in byClass.enumerated() where !indices.isEmpty {
            out += "<g fill=\"\(Palette.coverageRamp[rampClass])\">"
            for index in indices { out += "<use href=\"#ck-a\(index)\" data-i=\"\(index)\"/>" }
            out += "</g>\n"
        }
        out += "</g>\n"
    }

    private func coverage(_ out: inout String) {
        guard !scene.coverage.isEmpty else { return }
        out +=
            "<path data-layer=\"coverage\" fill=\"\(Palette.coverageFill)\" fill-opacity=\"\(Palette.coverageOpacity)\" stroke=\"\(Palette.coverageStroke)\""
        out += " stroke-width=\".8\" stroke-linejoin=\"round\" fill-rule=\"evenodd\" d=\"\(SVGPathData.polygons(scene.coverage))\"/>\n"
    }

    private func zones(_ out: inout String) {
        guard scene.zones.contains(where: { !$0.shape.isEmpty }) else { return }
        out += "<g data-layer=\"zones\">\n"
        for level in [Level.rendah, .sedang, .tinggi] {
            let shapes = scene.zones.indices.filter { scene.zones[$0].record.level == level && !scene.zones[$0].shape.isEmpty }
            guard !shapes.isEmpty else { continue }
            let colour = Palette.level(level)
            out +=
                "<g fill=\"\(colour)\" fill-opacity=\".2\" stroke=\"\(colour)\" stroke-width=\"1.6\" stroke-linejoin=\"round\" fill-rule=\"evenodd\">\n"
            for index in shapes { out += "<path data-i=\"\(index)\" d=\"\(SVGPathData.polygons(scene.zones[index].shape))\"/>\n" }
            out += "</g>\n"
        }
        out += "</g>\n"
    }

    private func gaps(_ out: inout String) {
        let shapes = scene.gaps.indices.filter { !scene.gaps[$0].shape.isEmpty }
        guard !shapes.isEmpty else { return }
        out +=
            "<g data-layer=\"gaps\" fill=\"url(#ck-hatch)\" stroke=\"\(Palette.hatch)\" stroke-width=\".8\" stroke-dasharray=\"3 2\" fill-rule=\"evenodd\">\n"
        for index in shapes { out += "<path data-i=\"\(index)\" d=\"\(SVGPathData.polygons(scene.gaps[index].shape))\"/>\n" }
        out += "</g>\n"
    }

    private func areaOutlines(_ out: inout String) {
        out += "<g fill=\"none\" stroke=\"\(Palette.areaStroke)\" stroke-width=\"1\" stroke-linejoin=\"round\">"
        for (index, shape) in scene.areas.enumerated() where !shape.isEmpty {
            out += "<use href=\"#ck-a\(index)\"/>"
        }
        out += "</g>\n"
    }

    /// Covered sites first, then those out of reach on top; within each, by category.
    private func sites(_ out: inout String) {
        guard !scene.sites.isEmpty else { return }
        out += "<g data-layer=\"sites\" stroke-width=\"\(SVGNumber.px(scene.symbols.strokePx))\">\n"
        for covered in [true, false] {
            let group = scene.sites.filter { $0.record.covered == covered }
            guard !group.isEmpty else { continue }
            let stroke = covered ? Palette.coveredStroke : Palette.uncoveredStroke
            let fill = covered ? Palette.coveredFill : Palette.uncoveredFill
            out += "<g fill=\"\(fill)\" stroke=\"\(stroke)\">\n"
            for category in SiteCategory.allCases {
                let id = SiteSymbols.id(category)
                for site in group where site.record.category == category {
                    out += "<use href=\"#\(id)\" x=\""
                    SVGNumber.appendTenths(site.point.x, to: &out)
                    out += "\" y=\""
                    SVGNumber.appendTenths(site.point.y, to: &out)
                    out += "\"/>"
                    out += "\n"
                }
            }
            out += "</g>\n"
        }
        out += "</g>\n"
    }

    /// A dashed ring around each site the temporal analysis marked stale (sites.geojson `stale`).
    private func staleRings(_ out: inout String) {
        let stale = scene.sites.filter { $0.record.stale == true }
        guard !stale.isEmpty else { return }
        let radius = SVGNumber.px(scene.symbols.radiusPx + 2.5)
        out +=
            "<g data-layer=\"sites\" class=\"ck-rings\" fill=\"none\" stroke=\"\(Palette.stale)\" stroke-width=\"1.1\" stroke-dasharray=\"2 1.5\">\n"
        for site in stale {
            out += "<circle cx=\"\(SVGNumber.px(site.point.screen.x))\" cy=\"\(SVGNumber.px(site.point.screen.y))\" r=\"\(radius)\"/>\n"
        }
        out += "</g>\n"
    }

    /// Up to `siteObstacleLimit` sites, their symbols are obstacles for area labels (labels then
    /// move above or below them); with more, labels sit on the sites with their white halo.
    static let siteObstacleLimit = 1500

    private func reserveSites(_ placer: inout LabelPlacer) {
        guard scene.sites.count <= Self.siteObstacleLimit else { return }
        let side = 2 * scene.symbols.radiusPx * 1.2
        for site in scene.sites { placer.reserve(ScreenBox(centre: site.point.screen, width: side, height: side)) }
    }

    /// Radius of a hotspot circle, px, for a rank with `digits` digits.
    static func hotspotRadius(digits: Int) -> Double { digits >= 3 ? 11 : 9 }

    /// Numbered circles, placed by rank: at the hotspot when free, else moved nearby with a leader
    /// line back to it. Drawn with rank 1 last (on top).
    private func hotspots(_ out: inout String, _ placer: inout LabelPlacer) {
        guard !scene.hotspots.isEmpty else { return }
        var placed: [(index: Int, rank: Int, at: ScreenPoint, circle: ScreenPoint, radius: Double)] = []
        for hotspot in scene.hotspots {
            let radius = Self.hotspotRadius(digits: String(hotspot.record.rank).count)
            let centre = Self.place(at: hotspot.point, width: 2 * radius + 2, height: 2 * radius + 2, step: radius, &placer)
            placed.append((placed.count, hotspot.record.rank, hotspot.point, centre, radius))
        }
        out += "<g data-layer=\"hotspots\">\n"
        for item in placed.reversed() {
            out += "<g data-i=\"\(item.index)\">"
            let dx = item.circle.x - item.at.x
            let dy = item.circle.y - item.at.y
            if dx * dx + dy * dy > 1 {
                out +=
                    "<path d=\"M\(SVGNumber.px(item.at.x)) \(SVGNumber.px(item.at.y))L\(SVGNumber.px(item.circle.x)) \(SVGNumber.px(item.circle.y))\""
                out += " stroke=\"\(Palette.hotspot)\" stroke-width=\"1.4\"/>"
                out +=
                    "<circle cx=\"\(SVGNumber.px(item.at.x))\" cy=\"\(SVGNumber.px(item.at.y))\" r=\"2.2\" fill=\"\(Palette.hotspot)\"/>\n"
            }
            out += "<circle cx=\"\(SVGNumber.px(item.circle.x))\" cy=\"\(SVGNumber.px(item.circle.y))\" r=\"\(SVGNumber.px(item.radius))\""
            out += " fill=\"\(Palette.hotspot)\" stroke=\"#fff\" stroke-width=\"1.5\"/>"
            out += "<text x=\"\(SVGNumber.px(item.circle.x))\" y=\"\(SVGNumber.px(item.circle.y + 3.6))\" fill=\"#fff\""
            out += " font-size=\"10.5\" font-weight=\"bold\" text-anchor=\"middle\">\(item.rank)</text></g>\n"
        }
        out += "</g>\n"
    }

    /// Where a marker of `width` × `height` goes: at `point` when free, else the first free place
    /// on two rings around it (2.4 and 3.8 `step` away, 8 directions each), else at `point` anyway.
    /// The chosen box is reserved in `placer`.
    private static func place(at point: ScreenPoint, width: Double, height: Double, step: Double, _ placer: inout LabelPlacer)
        -> ScreenPoint
    {
        var candidates = [ScreenBox(centre: point, width: width, height: height)]
        for distance in [2.4 * step, 3.8 * step] {
            for direction in 0..<8 {
                let centre = ScreenPoint(x: point.x + distance * cosines[direction], y: point.y + distance * sines[direction])
                candidates.append(ScreenBox(centre: centre, width: width, height: height))
            }
        }
        let chosen =
            placer.place(candidates)
            ?? {
                placer.reserve(candidates[0])
                return 0
            }()
        return candidates[chosen].centre
    }

    /// Size of a post's tag ("P1", "P12"), px.
    static func postTag(rank: Int) -> (width: Double, height: Double) {
        (String(rank).count >= 2 ? 30 : 24, 17)
    }

    /// The dashed ring of each post's reach (`post_radius_m` of summary.json), drawn under the zones
    /// so that it reads as an area; it zooms with the map like the coverage. Left out below 1 px
    /// (the legend then leaves out its entry too).
    private func postReach(_ out: inout String) {
        guard let radius = scene.postReachPx, radius >= 1, !scene.posts.isEmpty else { return }
        out +=
            "<g data-layer=\"recommendations\" class=\"ck-reach\" fill=\"\(Palette.post)\" fill-opacity=\".08\" stroke=\"\(Palette.post)\" stroke-width=\"1.2\" stroke-dasharray=\"5 3\">\n"
        for post in scene.posts {
            out += "<circle cx=\"\(SVGNumber.px(post.point.x))\" cy=\"\(SVGNumber.px(post.point.y))\" r=\"\(SVGNumber.px(radius))\"/>\n"
        }
        out += "</g>\n"
    }

    /// The recommended posts: a navy tag "P1", "P2" … (rank) at the post, moved nearby with a leader
    /// line when a hotspot or another tag is there. Drawn over the hotspots, rank 1 last (on top).
    private func posts(_ out: inout String, _ placer: inout LabelPlacer) {
        guard !scene.posts.isEmpty else { return }
        var placed: [(index: Int, rank: Int, at: ScreenPoint, tag: ScreenPoint)] = []
        for (index, post) in scene.posts.enumerated() {
            let size = Self.postTag(rank: post.record.rank)
            let centre = Self.place(at: post.point, width: size.width + 2, height: size.height + 2, step: 10, &placer)
            placed.append((index, post.record.rank, post.point, centre))
        }
        out += "<g data-layer=\"recommendations\">\n"
        for item in placed.reversed() {
            let size = Self.postTag(rank: item.rank)
            out += "<g data-i=\"\(item.index)\">"
            let dx = item.tag.x - item.at.x
            let dy = item.tag.y - item.at.y
            if dx * dx + dy * dy > 1 {
                out +=
                    "<path d=\"M\(SVGNumber.px(item.at.x)) \(SVGNumber.px(item.at.y))L\(SVGNumber.px(item.tag.x)) \(SVGNumber.px(item.tag.y))\""
                out += " stroke=\"\(Palette.post)\" stroke-width=\"1.4\"/>"
                out +=
                    "<circle cx=\"\(SVGNumber.px(item.at.x))\" cy=\"\(SVGNumber.px(item.at.y))\" r=\"2.2\" fill=\"#fff\" stroke=\"\(Palette.post)\" stroke-width=\"1.2\"/>"
            }
            out += "<rect x=\"\(SVGNumber.px(item.tag.x - size.width / 2))\" y=\"\(SVGNumber.px(item.tag.y - size.height / 2))\""
            out += " width=\"\(SVGNumber.px(size.width))\" height=\"\(SVGNumber.px(size.height))\" rx=\"3\""
            out += " fill=\"\(Palette.post)\" stroke=\"#fff\" stroke-width=\"1.5\"/>"
            out += "<text x=\"\(SVGNumber.px(item.tag.x))\" y=\"\(SVGNumber.px(item.tag.y + 4))\" fill=\"#fff\""
            out += " font-size=\"11\" font-weight=\"bold\" text-anchor=\"middle\">P\(item.rank)</text></g>\n"
        }
        out += "</g>\n"
    }

    /// Directions for moved hotspots: right, down-right, down … in 45° steps, starting up-right.
    private static let cosines = [0.7071, 1, 0.7071, 0, -0.7071, -1, -0.7071, 0]
    private static let sines = [-0.7071, 0, 0.7071, 1, 0.7071, 0, -0.7071, -1]

    /// Area names at an interior point, larger areas first; a name that collides with a placed
    /// label or hotspot is tried just above and below, then left out.
    private func areaLabels(_ out: inout String, _ placer: inout LabelPlacer) {
        let frame = MapScene.frame
        let count = max(scene.areas.filter { !$0.isEmpty }.count, 1)
        let fontSize = min(max((frame.width * frame.height / Double(count)).squareRoot() / 7, 8.5), 13)
        var order: [(index: Int, area: Double, point: ScreenPoint)] = []
        for (index, shape) in scene.areas.enumerated() {
            guard let point = InteriorPoint.ofLargest(shape) else { continue }
            order.append((index, shape.reduce(0) { $0 + $1.area }, point))
        }
        order.sort { ($0.area, $1.index) > ($1.area, $0.index) }
        out += "<g class=\"ck-labels\" font-size=\"\(SVGNumber.px(fontSize))\" fill=\"\(Palette.ink)\" stroke=\"#fff\" stroke-width=\"3\""
        out += " stroke-linejoin=\"round\" paint-order=\"stroke\" text-anchor=\"middle\">\n"
        for item in order {
            let name = folder.areas[item.index].name
            let width = TextWidth.estimate(name, fontSizePx: fontSize) + 4
            let height = fontSize * 1.25
            let shifts = [0.0, -1.1 * height, 1.1 * height]
            let candidates = shifts.map {
                ScreenBox(centre: ScreenPoint(x: item.point.x, y: item.point.y + $0), width: width, height: height)
            }
            guard let chosen = placer.place(candidates) else { continue }
            let centre = candidates[chosen].centre
            out +=
                "<text x=\"\(SVGNumber.px(centre.x))\" y=\"\(SVGNumber.px(centre.y + 0.36 * fontSize))\">\(XMLText.escape(name))</text>\n"
        }
        out += "</g>\n"
    }

    // MARK: Frame

    /// Tick marks on all four sides of the frame; longitude labels below, latitude labels left.
    private func coordinateTicks(_ out: inout String) {
        let frame = MapScene.frame
        let transform = scene.transform
        let west = transform.lonLat(x: frame.minX, y: frame.centre.y).lon
        let east = transform.lonLat(x: frame.maxX, y: frame.centre.y).lon
        let south = transform.lonLat(x: frame.centre.x, y: frame.maxY).lat
        let north = transform.lonLat(x: frame.centre.x, y: frame.minY).lat
        let lonTicks = CoordinateTicks(from: west, to: east, maximumCount: 6)
        let latTicks = CoordinateTicks(from: south, to: north, maximumCount: 5)
        let spaced = strings.htmlLanguage == "id"
        var marks = SVGPathData()
        var labels = ""
        for lon in lonTicks.values {
            let x = transform.point(LonLat(lon: lon, lat: transform.projection.centre.lat)).x
            marks.appendLine(from: ScreenPoint(x: x, y: frame.minY - 5), to: ScreenPoint(x: x, y: frame.minY))
            marks.appendLine(from: ScreenPoint(x: x, y: frame.maxY), to: ScreenPoint(x: x, y: frame.maxY + 5))
            let text = lonTicks.label(lon, positive: strings.east, negative: strings.west, numbers: numbers, spaced: spaced)
            labels +=
                "<text x=\"\(SVGNumber.px(x))\" y=\"\(SVGNumber.px(frame.maxY + 17))\" text-anchor=\"middle\">\(XMLText.escape(text))</text>\n"
        }
        for lat in latTicks.values {
            let y = transform.point(LonLat(lon: transform.projection.centre.lon, lat: lat)).y
            marks.appendLine(from: ScreenPoint(x: frame.minX - 5, y: y), to: ScreenPoint(x: frame.minX, y: y))
            marks.appendLine(from: ScreenPoint(x: frame.maxX, y: y), to: ScreenPoint(x: frame.maxX + 5, y: y))
            let text = latTicks.label(
                lat, positive: strings.northHemisphere, negative: strings.southHemisphere, numbers: numbers, spaced: spaced)
            labels +=
                "<text x=\"\(SVGNumber.px(frame.minX - 8))\" y=\"\(SVGNumber.px(y + 3.6))\" text-anchor=\"end\">\(XMLText.escape(text))</text>\n"
        }
        out += "<g class=\"ck-ticks\"><path stroke=\"\(Palette.ink)\" stroke-width=\"1\" d=\"\(marks.text)\"/>\n"
        out += "<g font-size=\"10.5\" fill=\"\(Palette.ink)\">\n\(labels)</g></g>\n"
    }
}

extension SVGPathData {
    /// A straight line between two canvas points (rounded to 0.1 px).
    mutating func appendLine(from start: ScreenPoint, to end: ScreenPoint) {
        appendOpen([TenthPoint(start), TenthPoint(end)])
    }
}
