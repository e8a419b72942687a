import CakupanSchema
import Foundation
import Testing

@testable import CakupanBriefing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct BriefingRenderTests {
    static func demo(temporal: Bool = true) throws -> ResultFolder {
        let directory = try DemoFixture.write(temporal: temporal)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try ResultFolder.load(from: directory)
    }

    @Test func pageIsSelfContainedAndBlocksEveryRequest() throws {
        let (html, _) = try Briefing.render(try Self.demo())
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"id\">"))
        #expect(
            html.contains(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-"
            ))
        // The only URL-like text is the SVG namespace: nothing to fetch. The two scripts are inline:
        // the map's data (not run) and the map's code (allowed by its hash).
        let withoutNamespace = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
            .replacingOccurrences(of: "NS = \"http://www.w3.org/2000/svg\"", with: "")
        #expect(html.components(separatedBy: "<script").count - 1 == 2)
        #expect(html.contains("<script type=\"application/json\" id=\"ck-data\">") && html.contains("<script>(function () {"))
        for marker in [
            "http:", "https:", "src=", "<link rel=\"stylesheet\"", "@import", "url(http", "//fonts", "fetch(", "XMLHttpRequest", "import(",
        ] {
            #expect(!withoutNamespace.contains(marker), "found \(marker)")
        }
        #expect(html.contains("@page { size: A4 landscape;"))
        #expect(html.contains("break-before: page"))
    }

    @Test func pageHoldsTheBriefingContent() throws {
        let folder = try Self.demo()
        let (html, _) = try Briefing.render(folder)
        for text in [
            "Operasi Mantap Praja Pilkada 2024", "27 November 2024, 06.00–18.00 WIB", "EPSG:32748 (WGS 84 / UTM zone 48S)",
            "Cakupan per kecamatan", "Daftar hotspot (peringkat)", "Perbatasan Desa Cikaret", "Lokasi terlalu lama tanpa patroli",
            "Gudang Logistik KPU", "5 j 30 mnt", "belum pernah", "Lokasi yang didatangi patroli per jam", "2 lokasi tanpa nama",
            "Legenda", "Zona rawan", "Skala", "BT", "LS",
        ] {
            #expect(html.contains(text), "missing \(text)")
        }
        // Map layers: hatch pattern, shading classes, coverage, numbered hotspots, labels.
        #expect(html.contains("<pattern id=\"ck-hatch\""))
        #expect(html.contains("fill=\"url(#ck-hatch)\""))
        #expect(html.contains(Palette.coverageFill))
        for rank in 1...folder.hotspots.count {
            #expect(html.contains("font-weight=\"bold\" text-anchor=\"middle\">\(rank)</text>"))
        }
        for name in folder.areas.map(\.name) {
            #expect(html.contains(">\(name)</text>"), "no map label for \(name)")
        }
        // Lowest coverage first in the table.
        let cibening = try #require(html.range(of: "<tr><td>Cibening</td>"))
        let karanganyar = try #require(html.range(of: "<tr><td>Karanganyar</td>"))
        #expect(cibening.lowerBound < karanganyar.lowerBound)
    }

    @Test func englishUsesTheEnglishTable() throws {
        let (html, svg) = try Briefing.render(try Self.demo(), options: BriefingOptions(language: .en, title: "Exercise"))
        #expect(html.contains("<html lang=\"en\">"))
        for text in [
            "Exercise", "Coverage per kecamatan", "Hotspots (ranked)", "rawan zone out of patrol reach", "Legend", "°E", "°S",
            "27 November 2024, 06:00–18:00 WIB",
        ] {
            #expect(html.contains(text), "missing \(text)")
        }
        #expect(!html.contains("Legenda"))
        #expect(svg.contains("Legend"))
    }

    @Test func withoutTemporalDataThereIsNoTemporalPage() throws {
        let (html, _) = try Briefing.render(try Self.demo(temporal: false), options: BriefingOptions(window: "Rabu, 27 November 2024"))
        #expect(!html.contains("Lokasi terlalu lama tanpa patroli"))
        #expect(!html.contains("class=\"timeline\""))
        #expect(html.contains("Waktu: Rabu, 27 November 2024"))
    }

    @Test func svgIsAStandaloneDocumentAndTheSameMapAsInThePage() throws {
        let (html, svg) = try Briefing.render(try Self.demo())
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.hasSuffix("</svg>\n"))
        let map = String(svg.dropFirst("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".count))
        #expect(html.contains(map))
        // briefing.svg is well-formed XML (for viewers stricter than browsers).
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "briefing.svg: \(String(describing: parser.parserError))")
        // Coordinates and path data are rounded to 0.1 px.
        #expect(svg.range(of: #" (d|x|y|cx|cy|r|width|height)="[^"]*\d\.\d\d"#, options: .regularExpression) == nil)
    }

    @Test func sameInputGivesByteIdenticalOutput() throws {
        let first = try Briefing.render(try Self.demo())
        let second = try Briefing.render(try Self.demo())
        #expect(first.html == second.html)
        #expect(first.svg == second.svg)
    }

    @Test func hotspotLimitTrimsMapAndList() throws {
        let folder = try Self.demo()
        let (html, _) = try Briefing.render(folder, options: BriefingOptions(hotspotLimit: 2))
        #expect(html.contains("2 dari \(folder.hotspots.count) hotspot ditampilkan"))
        #expect(!html.contains("<span class=\"rank\">3</span>"))
        #expect(throws: BriefingError.invalidOption("hotspotLimit", detail: "must be 0 or more, found -1")) {
            try Briefing.render(folder, options: BriefingOptions(hotspotLimit: -1))
        }
    }

    /// With BRIEFING_OUT set, writes briefing.html and briefing.svg of the demo there (for
    /// tools/browser/render.sh and check.py, and for looking at).
    @Test func writesTheDemoBriefingWhenAsked() throws {
        let folder = try Self.demo()
        let directory =
            ProcessInfo.processInfo.environment["BRIEFING_OUT"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("cakupan-briefing-out-\(UUID().uuidString)")
        let urls = try Briefing.write(folder, to: directory)
        try Briefing.write(folder, options: BriefingOptions(language: .en), to: directory.appendingPathComponent("en"))
        let size = try #require(try FileManager.default.attributesOfItem(atPath: urls.html.path)[.size] as? Int)
        #expect(size < 500_000, "demo briefing.html is \(size) bytes")
        if ProcessInfo.processInfo.environment["BRIEFING_OUT"] == nil {
            try FileManager.default.removeItem(at: directory)
        }
    }
}
