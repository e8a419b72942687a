import CakupanSchema

/// The legend panel right of the map frame: coverage ramp, patrol coverage, rawan levels, gaps,
/// site symbols (only categories present), covered/uncovered marks, hotspots, recommended posts
/// (when there are any), scale bar, north arrow and the projection note. Rows are 17 px apart, sections 8 px more.
struct MapLegend {
    let drawing: MapDrawing

    private var strings: BriefingStrings { drawing.strings }
    private var panel: ScreenBox { MapScene.legendPanel }
    private var swatchX: Double { panel.minX + 12 }
    private var textX: Double { panel.minX + 44 }

    func draw(_ out: inout String) {
        let folder = drawing.folder
        let numbers = drawing.numbers
        var y = panel.minY + 20
        out += "<g font-size=\"11.5\" fill=\"\(Palette.ink)\">\n"
        out +=
            "<text x=\"\(SVGNumber.px(swatchX))\" y=\"\(SVGNumber.px(y))\" font-size=\"15\" font-weight=\"bold\">\(XMLText.escape(strings.legend))</text>\n"
        y += 12

        heading(&out, &y, strings.coverageByArea + " " + drawing.areaTerm.lowercased())
        for rampClass in Palette.coverageRamp.indices {
            let lower = numbers.integer(rampClass * 20)
            let upper = numbers.integer(rampClass * 20 + 20)
            swatch(&out, y, "fill=\"\(Palette.coverageRamp[rampClass])\" stroke=\"\(Palette.areaStroke)\" stroke-width=\".8\"")
            row(&out, &y, "\(lower)–\(upper)%")
        }

        heading(&out, &y, strings.patrolCoverage)
        swatch(
            &out, y,
            "fill=\"\(Palette.coverageFill)\" fill-opacity=\"\(Palette.coverageOpacity)\" stroke=\"\(Palette.coverageStroke)\" stroke-width=\".8\""
        )
        row(&out, &y, folder.summary.radiusM.map { strings.withinRadius(numbers.distance($0)) } ?? strings.patrolCoverage)

        heading(&out, &y, strings.rawanZones)
        for level in Level.allCases {
            let colour = Palette.level(level)
            swatch(&out, y, "fill=\"\(colour)\" fill-opacity=\".2\" stroke=\"\(colour)\" stroke-width=\"1.6\"")
            row(&out, &y, strings.level(level))
        }
        swatch(&out, y, "fill=\"url(#ck-hatch)\" stroke=\"\(Palette.hatch)\" stroke-width=\".8\" stroke-dasharray=\"3 2\"")
        row(&out, &y, strings.gap)

        let present = SiteCategory.allCases.filter { category in folder.sites.contains { $0.category == category } }
        if !present.isEmpty {
            heading(&out, &y, strings.sites)
            let scale = 4.5 / drawing.scene.symbols.radiusPx
            let stroke = 1.1 / scale
            for category in present {
                out +=
                    "<use href=\"#\(SiteSymbols.id(category))\" transform=\"translate(\(SVGNumber.px(swatchX + 11)) \(SVGNumber.px(y - 4))) scale(\(Self.decimal(scale)))\""
                out += " fill=\"#fff\" stroke=\"\(Palette.ink)\" stroke-width=\"\(Self.decimal(stroke))\"/>\n"
                row(&out, &y, strings.category(category))
            }
            for covered in [true, false] {
                let stroke = covered ? Palette.coveredStroke : Palette.uncoveredStroke
                let fill = covered ? Palette.coveredFill : Palette.uncoveredFill
                out +=
                    "<circle cx=\"\(SVGNumber.px(swatchX + 11))\" cy=\"\(SVGNumber.px(y - 4))\" r=\"4.5\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"1.6\"/>\n"
                row(&out, &y, covered ? strings.siteCovered : strings.siteUncovered)
            }
            if folder.sites.contains(where: { $0.stale == true }) {
                out +=
                    "<circle cx=\"\(SVGNumber.px(swatchX + 11))\" cy=\"\(SVGNumber.px(y - 4))\" r=\"6.5\" fill=\"none\" stroke=\"\(Palette.stale)\" stroke-width=\"1.1\" stroke-dasharray=\"2 1.5\"/>\n"
                row(&out, &y, strings.staleMark)
            }
        }

        heading(&out, &y, strings.hotspots)
        out +=
            "<circle cx=\"\(SVGNumber.px(swatchX + 11))\" cy=\"\(SVGNumber.px(y - 4))\" r=\"8\" fill=\"\(Palette.hotspot)\" stroke=\"#fff\" stroke-width=\"1.5\"/>"
        out +=
            "<text x=\"\(SVGNumber.px(swatchX + 11))\" y=\"\(SVGNumber.px(y - 0.5))\" fill=\"#fff\" font-size=\"10\" font-weight=\"bold\" text-anchor=\"middle\">1</text>\n"
        row(&out, &y, strings.hotspotNumbered)
        let total = folder.hotspots.count
        let shown = drawing.scene.hotspots.count
        if shown < total {
            row(&out, &y, "\(numbers.integer(shown)) \(strings.of) \(numbers.integer(total)) \(strings.hotspotsShown)")
        }

        if !drawing.scene.posts.isEmpty {
            heading(&out, &y, strings.recommendedPosts)
            let size = MapDrawing.postTag(rank: 1)
            out +=
                "<rect x=\"\(SVGNumber.px(swatchX + 11 - size.width / 2))\" y=\"\(SVGNumber.px(y - 4 - size.height / 2))\" width=\"\(SVGNumber.px(size.width))\" height=\"\(SVGNumber.px(size.height))\" rx=\"3\" fill=\"\(Palette.post)\"/>"
            out +=
                "<text x=\"\(SVGNumber.px(swatchX + 11))\" y=\"\(SVGNumber.px(y))\" fill=\"#fff\" font-size=\"11\" font-weight=\"bold\" text-anchor=\"middle\">P1</text>\n"
            row(&out, &y, strings.postNumbered)
            if let px = drawing.scene.postReachPx, px >= 1, let radius = folder.summary.recommendations?.postRadiusM {
                out +=
                    "<circle cx=\"\(SVGNumber.px(swatchX + 11))\" cy=\"\(SVGNumber.px(y - 4))\" r=\"7\" fill=\"\(Palette.post)\" fill-opacity=\".08\" stroke=\"\(Palette.post)\" stroke-width=\"1.2\" stroke-dasharray=\"3 2\"/>\n"
                row(&out, &y, strings.postReach(numbers.distance(radius)))
            }
        }

        scaleBar(&out, &y)
        out += "</g>\n"
    }

    private func heading(_ out: inout String, _ y: inout Double, _ text: String) {
        y += 8
        out += "<text x=\"\(SVGNumber.px(swatchX))\" y=\"\(SVGNumber.px(y))\" font-weight=\"bold\">\(XMLText.escape(text))</text>\n"
        y += 17
    }

    private func swatch(_ out: inout String, _ y: Double, _ attributes: String) {
        out += "<rect x=\"\(SVGNumber.px(swatchX))\" y=\"\(SVGNumber.px(y - 10))\" width=\"22\" height=\"12\" \(attributes)/>\n"
    }

    private func row(_ out: inout String, _ y: inout Double, _ text: String) {
        out += "<text x=\"\(SVGNumber.px(textX))\" y=\"\(SVGNumber.px(y))\">\(XMLText.escape(text))</text>\n"
        y += 17
    }

    /// The scale bar (four alternating segments, labelled 0, half and full length), the north
    /// arrow beside its heading, and the projection and CRS notes.
    private func scaleBar(_ out: inout String, _ y: inout Double) {
        let bar = ScaleBar(pixelsPerMetre: drawing.scene.transform.pixelsPerMetre, frameWidthPx: MapScene.frame.width)
        let numbers = drawing.numbers
        heading(&out, &y, strings.scale)
        let top = y - 6
        let segment = bar.lengthPx / 4
        for index in 0..<4 {
            let x = swatchX + Double(index) * segment
            out += "<rect x=\"\(SVGNumber.px(x))\" y=\"\(SVGNumber.px(top))\" width=\"\(SVGNumber.px(segment))\" height=\"6\""
            out += " fill=\"\(index.isMultiple(of: 2) ? Palette.ink : "#fff")\" stroke=\"\(Palette.ink)\" stroke-width=\".8\"/>\n"
        }
        let labelY = top + 19
        out += "<text x=\"\(SVGNumber.px(swatchX))\" y=\"\(SVGNumber.px(labelY))\" text-anchor=\"middle\" font-size=\"10.5\">0</text>\n"
        out +=
            "<text x=\"\(SVGNumber.px(swatchX + bar.lengthPx / 2))\" y=\"\(SVGNumber.px(labelY))\" text-anchor=\"middle\" font-size=\"10.5\" class=\"ck-km\" data-km=\"\(bar.lengthKm / 2)\">\(numbers.scaleLength(bar.lengthKm / 2))</text>\n"
        out +=
            "<text x=\"\(SVGNumber.px(swatchX + bar.lengthPx))\" y=\"\(SVGNumber.px(labelY))\" text-anchor=\"middle\" font-size=\"10.5\" class=\"ck-km\" data-km=\"\(bar.lengthKm)\">\(numbers.scaleLength(bar.lengthKm))</text>\n"
        y = labelY + 14

        // North arrow: a split arrowhead with the letter above it.
        let cx = panel.maxX - 30
        let tip = y + 14
        out +=
            "<text x=\"\(SVGNumber.px(cx))\" y=\"\(SVGNumber.px(tip - 4))\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">\(XMLText.escape(strings.north))</text>\n"
        out += "<path d=\"M\(SVGNumber.px(cx)) \(SVGNumber.px(tip))l-9 28 9-7z\" fill=\"\(Palette.ink)\"/>"
        out +=
            "<path d=\"M\(SVGNumber.px(cx)) \(SVGNumber.px(tip))l9 28-9-7z\" fill=\"#fff\" stroke=\"\(Palette.ink)\" stroke-width=\"1\"/>\n"

        var notes = [strings.displayProjection]
        let summary = drawing.folder.summary
        if let epsg = summary.crsEPSG {
            notes.append("\(strings.analysisCRS): EPSG:\(epsg)")
            if let name = summary.crsName { notes.append(name) }
        } else if let name = summary.crsName {
            notes.append("\(strings.analysisCRS): \(name)")
        }
        y += 8
        for note in notes {
            out +=
                "<text x=\"\(SVGNumber.px(swatchX))\" y=\"\(SVGNumber.px(y))\" font-size=\"10\" fill=\"#555\">\(XMLText.escape(note))</text>\n"
            y += 14
        }
    }

    /// A factor with three decimals, locale-free.
    private static func decimal(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let whole = thousandths / 1000
        let fraction = thousandths % 1000
        guard fraction != 0 else { return String(whole) }
        var text = String(fraction)
        text = String(repeating: "0", count: 3 - text.count) + text
        while text.hasSuffix("0") { text.removeLast() }
        return "\(whole).\(text)"
    }
}
