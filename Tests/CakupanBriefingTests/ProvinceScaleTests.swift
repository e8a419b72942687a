import Foundation
import Testing

@testable import CakupanBriefing

/// Real-data scale: 241 kecamatan with detailed boundaries and 25 000 sites must stay readable and
/// small (target < 5 MB) and deterministic.
@Suite struct ProvinceScaleTests {
    @Test func provinceBriefingStaysUnderFiveMegabytes() throws {
        let directory = try SyntheticProvince.write()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = try ResultFolder.load(from: directory)
        #expect(folder.areas.count == 241)
        #expect(folder.sites.count == 25_000)
        let (html, svg) = try Briefing.render(folder)
        let htmlBytes = html.utf8.count
        let svgBytes = svg.utf8.count
        #expect(htmlBytes < 5_000_000, "briefing.html is \(htmlBytes) bytes")
        #expect(svgBytes < 4_000_000, "briefing.svg is \(svgBytes) bytes")
        // Dense sites get the smallest symbols; some area labels are left out rather than overlap.
        let scene = MapScene(folder: folder, hotspotLimit: 30)
        #expect(scene.symbols.radiusPx < 1.7)
        let labels = svg.components(separatedBy: ">Kecamatan ").count - 1
        #expect(labels > 50 && labels < 241, "\(labels) area labels")
        // Simplification to 0.5 px removes most of the 120 positions per edge.
        let written = scene.areas.flatMap { $0 }.flatMap(\.rings).reduce(0) { $0 + $1.count }
        let input = folder.areas.flatMap { $0.geometry.polygons }.flatMap(\.rings).reduce(0) { $0 + $1.count }
        #expect(written * 3 < input, "\(written) of \(input) positions kept")
        if let out = ProcessInfo.processInfo.environment["BRIEFING_OUT"] {
            try Briefing.write(folder, to: URL(fileURLWithPath: out).appendingPathComponent("province"))
        }
        #expect(try Briefing.render(folder).html == html)
    }
}
