import CakupanSchema

/// The whole briefing.html: head (charset, the Content-Security-Policy that blocks every request,
/// the inline stylesheet), the map page (title, time window, CRS, key figures, the map), the area
/// table, the recommended posts (when the folder has them), the short hotspot list with the hotspots
/// as actions, the temporal page when there is temporal data, and the analysis notes.
struct BriefingPage {
    let folder: ResultFolder
    let options: BriefingOptions
    let strings: BriefingStrings
    let numbers: NumberText
    let time: TimeText
    let title: String
    let areaTerm: String
    let mapSVG: String
    /// The interactive map's data (`MapData`), a JSON text.
    let mapData: String

    /// The page's policy: nothing may be fetched; inline styles, data: images, and only the one
    /// script whose SHA-256 is given (`MapScript`; the JSON data block is not run, so needs none).
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '\(scriptHashSource)'"

    /// The CSP hash source of the inline script: `sha256-` and the base64 digest of its UTF-8 bytes.
    static let scriptHashSource = "sha256-" + SHA256.base64(Array(MapScript.source.utf8))

    func html() -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"\(strings.htmlLanguage)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(Self.contentSecurityPolicy)\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"Cakupan\(folder.summary.version.map { " " + XMLText.escape($0) } ?? "")\">\n"
        out += "<meta name=\"cakupan-palette\" content=\"coverage=\(Palette.coverageOverWhite); hotspot=\(Palette.hotspot)\">\n"
        out += "<link rel=\"icon\" href=\"data:,\">\n"
        out += "<title>\(XMLText.escape(title)) — \(XMLText.escape(strings.briefingKind))</title>\n"
        out += "<style>\n\(PageStyle.css)\n</style>\n</head>\n<body>\n"
        out += "<section class=\"page map-page\">\n\(header())<figure class=\"map\" id=\"ck-map\">\n\(mapSVG)</figure>\n</section>\n"
        if let posts = folder.posts {
            let section = RecommendationSection(
                folder: folder, posts: posts, strings: strings, numbers: numbers, areaTerm: areaTerm, language: options.language)
            out += "<section class=\"page\" id=\"ck-posts\">\n\(section.html())</section>\n"
        }
        out += "<section class=\"page\">\n\(AreaTable(folder: folder, strings: strings, numbers: numbers, areaTerm: areaTerm).html())"
        out += notes()
        out += "</section>\n"
        let hotspots = HotspotTable(
            folder: folder, strings: strings, numbers: numbers, areaTerm: areaTerm, language: options.language,
            limit: min(options.hotspotLimit, options.hotspotListLimit), mapLimit: options.hotspotLimit)
        out += "<section class=\"page\">\n\(hotspots.html())</section>\n"
        if let temporal = folder.summary.temporal {
            out +=
                "<section class=\"page\">\n\(TemporalSection(temporal: temporal, strings: strings, numbers: numbers, time: time).html())</section>\n"
        }
        out += "<script type=\"application/json\" id=\"ck-data\">\(mapData)</script>\n"
        out += "<script>\(MapScript.source)</script>\n"
        out += "</body>\n</html>\n"
        return out
    }

    private func header() -> String {
        let summary = folder.summary
        let totals = summary.totals
        var meta: [String] = []
        if let temporal = summary.temporal {
            meta.append("\(strings.window): \(time.window(from: temporal.from, to: temporal.to))")
        } else if let window = options.window {
            meta.append("\(strings.window): \(window)")
        }
        if let epsg = summary.crsEPSG {
            meta.append("\(strings.analysisCRS): EPSG:\(epsg)" + (summary.crsName.map { " (\($0))" } ?? ""))
        } else if let name = summary.crsName {
            meta.append("\(strings.analysisCRS): \(name)")
        }
        meta.append("\(strings.source): Cakupan" + (summary.version.map { " " + $0 } ?? ""))
        var out = "<header class=\"top\">\n<div>\n<p class=\"kind\">\(XMLText.escape(strings.briefingKind))</p>\n"
        out += "<h1>\(XMLText.escape(title))</h1>\n<p class=\"meta\">"
        out += meta.map { "<span>\(XMLText.escape($0))</span>" }.joined()
        out += "</p>\n</div>\n<ul class=\"figures\">\n"
        func figure(_ value: String, _ label: String) {
            out += "<li><b>\(XMLText.escape(value))</b><small>\(XMLText.escape(label))</small></li>\n"
        }
        figure(numbers.percent(totals.coverageShare), strings.areaCoverage)
        figure("\(numbers.integer(totals.sitesCovered)) / \(numbers.integer(totals.sitesTotal))", strings.sitesCovered)
        figure("\(numbers.integer(totals.highCovered)) / \(numbers.integer(totals.highTotal))", strings.highCovered)
        figure(totals.rawanCoveredShare.map(numbers.percent) ?? strings.notAvailable, strings.rawanCovered)
        figure(numbers.integer(totals.hotspots), strings.hotspots)
        figure(numbers.integer(totals.patrols), strings.patrols)
        if let posts = folder.posts {
            figure(numbers.integer(posts.count), strings.recommendedPosts)
        }
        out += "</ul>\n</header>\n"
        return out
    }

    private func notes() -> String {
        let warnings = folder.summary.warnings
        guard !warnings.isEmpty else { return "" }
        return "<h3>\(XMLText.escape(strings.notes))</h3>\n<ul class=\"warnings\">\n"
            + warnings.map { "<li>\(XMLText.escape($0))</li>\n" }.joined() + "</ul>\n"
    }
}
