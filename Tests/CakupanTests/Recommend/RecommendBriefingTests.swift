import Cakupan
import CakupanBriefing
import CakupanGeometry
import Foundation
import Testing

/// End to end: `analyze --recommend` → the result folder on disk → `ResultFolder.load` → the
/// briefing, whose posts table and map layer show the posts with the ranks and gains worked by hand
/// (RecommendTests.threeSites: post 1 at P, gain 5 (A tinggi 3 + B sedang 2); post 2 at Q, gain 1
/// (C rendah); both 20 km from the only patrol).
@Suite struct RecommendBriefingTests {
    @Test func analyzeRecommendLoadAndRender() throws {
        let tests = RecommendTests()
        let (s, file) = try tests.threeSites()
        s.areas = [("\"kode\":\"K\",\"nama\":\"Kecamatan Satu\"", .polygon(Polygon(exterior: Scene.rect(-6000, -2000, 11_000, 22_000))))]
        var c = try s.config()
        c.recommend.mode = .posts(2)
        c.candidateInputs = [InputSpec(path: file)]
        let outcome = try Pipeline.run(RunRequest(config: c, briefing: .id))
        let folderURL = s.directory.appendingPathComponent("hasil")
        try ResultFolderWriter.write(outcome.files, to: folderURL)

        let folder = try ResultFolder.load(from: folderURL)
        let posts = try #require(folder.posts)
        #expect(posts.map(\.rank) == [1, 2] && posts.map(\.id) == ["P", "Q"] && posts.map(\.gain) == [5, 1])
        #expect(posts[0].sites == ["A", "B"] && posts[1].sites == ["C"])
        let summary = try #require(folder.summary.recommendations)
        #expect(summary.objective == 6 && summary.optimal && summary.before.sitesCovered == 0 && summary.after.sitesCovered == 3)

        let (html, svg) = try Briefing.render(folder)
        // The run's own briefing is the same page.
        #expect(outcome.files.first { $0.name == "briefing.html" }?.data == Data(html.utf8))
        for (rank, name, gain, covers) in [(1, "Pos P", "5", "A, B"), (2, "Pos Q", "1", "C")] {
            let row = try #require(Self.row(html, rank: rank), "no row for post \(rank)")
            #expect(row.contains("<span class=\"post\">P\(rank)</span>"))
            #expect(
                row.contains(
                    "<td>\(name)</td><td>Kecamatan Satu</td><td class=\"num\">\(gain)</td><td>\(covers)</td><td class=\"num\">20 km</td>"))
            #expect(row.contains("Pos \(rank) di dekat \(name): menjangkau"))
        }
        #expect(Self.row(html, rank: 3) == nil)
        #expect(
            html.contains(
                "<tr><td>Lokasi terjangkau</td><td class=\"num\">0 / 3</td><td class=\"num\">3 / 3</td><td class=\"num\">+3</td></tr>"))

        // The map: the layer's groups, a tag per post; the data block's recommendations layer.
        #expect(svg.contains("<g data-layer=\"recommendations\">"))
        #expect(svg.contains(">P1</text>") && svg.contains(">P2</text>"))
        let data = try #require(
            html.range(of: "<script type=\"application/json\" id=\"ck-data\">").flatMap { start in
                html.range(of: "</script>", range: start.upperBound..<html.endIndex).map { String(html[start.upperBound..<$0.lowerBound]) }
            })
        let root = try #require(try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any])
        let strings = try #require(root["s"] as? [String])
        let layer = try #require((root["layers"] as? [[String: Any]])?.first { $0["id"] as? String == "recommendations" })
        let features = try #require(layer["f"] as? [[Int]])
        #expect(features.map { strings[$0[0]] } == ["Pos 1: Pos P", "Pos 2: Pos Q"])
        #expect(features.map { strings[$0[4]] } == ["1", "2"])
        #expect(features.map { strings[$0[5]] } == ["5", "1"])
    }

    static func row(_ html: String, rank: Int) -> String? {
        guard let start = html.range(of: "<tr data-rank=\"\(rank)\">"),
            let end = html.range(of: "</tr>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }
}
