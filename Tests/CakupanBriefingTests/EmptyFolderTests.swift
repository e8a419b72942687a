import CakupanSchema
import Foundation
import Testing

@testable import CakupanBriefing

/// A folder with nothing in it (no areas, no patrols) still gives a page that says so.
@Suite struct EmptyFolderTests {
    @Test func emptyLayersRenderAFrameAndEmptyTables() throws {
        let empty = "{\"type\":\"FeatureCollection\",\"features\":[]}"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cakupan-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["areas", "sites", "zones", "coverage", "gaps", "hotspots"] {
            try Data(empty.utf8).write(to: directory.appendingPathComponent("\(name).geojson"))
        }
        let summary = """
            {"tool":"cakupan","operation":null,"totals":{"areas":0,"coverage_share":0,"patrols":0,"sites_total":0,
            "sites_covered":0,"high_total":0,"high_covered":0,"zones":0,"rawan_covered_share":null,"hotspots":0},"areas":[]}
            """
        try Data(summary.utf8).write(to: directory.appendingPathComponent("summary.json"))
        let folder = try ResultFolder.load(from: directory)
        let (html, svg) = try Briefing.render(folder)
        #expect(html.contains("<h1>Operasi pengamanan</h1>"))
        #expect(html.contains("Tidak ada hotspot."))
        #expect(svg.contains("</svg>"))
        #expect(svg.range(of: #"="[^"]*(nan|inf)"#, options: .regularExpression) == nil, "a coordinate is not finite")
    }

    @Test func staleSitesAreRingedOnTheMap() throws {
        let directory = try DemoFixture.write()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = try ResultFolder.load(from: directory)
        let stale = folder.sites.filter { $0.stale == true }.count
        #expect(stale > 0)
        let (_, svg) = try Briefing.render(folder)
        let ring =
            "<g data-layer=\"sites\" class=\"ck-rings\" fill=\"none\" stroke=\"\(Palette.stale)\" stroke-width=\"1.1\" stroke-dasharray=\"2 1.5\">\n"
        let group = try #require(svg.range(of: ring))
        let circles =
            svg[group.upperBound...].prefix { _ in true }.components(separatedBy: "</g>")[0]
            .components(separatedBy: "<circle").count - 1
        #expect(circles == stale)
        #expect(svg.contains("terlalu lama tanpa patroli"))
    }
}
