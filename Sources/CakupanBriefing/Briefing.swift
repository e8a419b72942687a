import Foundation

/// Briefing material for the daily apel, drawn from a Cakupan result folder: briefing.html (one
/// self-contained page that requests nothing, prints on A4 landscape) and briefing.svg (the map).
/// The same folder and options always give byte-identical output.
public enum Briefing {
    /// The page and the map. Throws `BriefingError.invalidOption` for a negative hotspot limit or list limit.
    public static func render(_ folder: ResultFolder, options: BriefingOptions = BriefingOptions()) throws -> (html: String, svg: String) {
        guard options.hotspotLimit >= 0 else {
            throw BriefingError.invalidOption("hotspotLimit", detail: "must be 0 or more, found \(options.hotspotLimit)")
        }
        guard options.hotspotListLimit >= 0 else {
            throw BriefingError.invalidOption("hotspotListLimit", detail: "must be 0 or more, found \(options.hotspotListLimit)")
        }
        let strings = BriefingStrings.forLanguage(options.language)
        let numbers = NumberText(options.language)
        let title =
            [options.title, folder.summary.operation]
            .compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }
            .first { !$0.isEmpty } ?? strings.untitledOperation
        // "Kecamatan" is the word in both languages (English briefings keep the Indonesian term).
        let areaTerm = options.areaTerm.flatMap { $0.isEmpty ? nil : $0 } ?? "Kecamatan"
        let scene = MapScene(folder: folder, hotspotLimit: options.hotspotLimit)
        let map = MapDrawing(
            folder: folder, scene: scene, strings: strings, numbers: numbers, title: title, areaTerm: areaTerm
        ).svg()
        let page = BriefingPage(
            folder: folder, options: options, strings: strings, numbers: numbers, time: TimeText(language: options.language),
            title: title, areaTerm: areaTerm, mapSVG: map,
            mapData: MapData(
                folder: folder, scene: scene, strings: strings, numbers: numbers, areaTerm: areaTerm, language: options.language
            ).json())
        return (page.html(), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + map)
    }

    /// Renders and writes `briefing.html` and `briefing.svg` into `directory` (created if needed);
    /// returns their URLs.
    @discardableResult
    public static func write(
        _ folder: ResultFolder, options: BriefingOptions = BriefingOptions(), to directory: URL
    ) throws -> (html: URL, svg: URL) {
        let (html, svg) = try render(folder, options: options)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let htmlURL = directory.appendingPathComponent("briefing.html")
        let svgURL = directory.appendingPathComponent("briefing.svg")
        try Data(html.utf8).write(to: htmlURL, options: .atomic)
        try Data(svg.utf8).write(to: svgURL, options: .atomic)
        return (htmlURL, svgURL)
    }
}
