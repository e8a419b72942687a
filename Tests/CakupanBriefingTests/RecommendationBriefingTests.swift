import CakupanSchema
import Foundation
import Testing

@testable import CakupanBriefing

/// The recommended posts in the briefing (recommendations.geojson, summary.json `recommendations`):
/// read when present, no section and no error when absent; the map's post tags, legend and layer;
/// the posts table and the coverage before and after; the hotspots as action groups.
@Suite struct RecommendationBriefingTests {
    static func folder(recommendations: Bool = true, temporal: Bool = false) throws -> ResultFolder {
        let directory = try DemoFixture.write(temporal: temporal, recommendations: recommendations)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try ResultFolder.load(from: directory)
    }

    /// The fixture's post 1 stands at the most distant uncovered tinggi site.
    static func firstUncoveredHigh(_ folder: ResultFolder) throws -> SiteRecord {
        let site = try #require(folder.hotspots.first { $0.kind == .site })
        return try #require(folder.sites.first { $0.id == site.ref })
    }

    @Test func readsThePostsAndTheSummary() throws {
        let folder = try Self.folder()
        let posts = try #require(folder.posts)
        #expect(posts.map(\.rank) == [1, 2])
        #expect(posts.map(\.gain) == [3, 3])
        #expect(posts[0].sites == [try Self.firstUncoveredHigh(folder).id] && posts[0].zones.isEmpty)
        #expect(posts[1].zones == ["z1"] && posts[1].nearestPatrolM == 1200)
        #expect(posts[1].reasonEnglish.hasPrefix("Post 2 near Perbatasan Desa Cikaret"))
        let summary = try #require(folder.summary.recommendations)
        #expect(summary.mode == "posts" && summary.postsRequested == 2 && summary.postRadiusM == 500)
        #expect(summary.objective == 6 && summary.optimal && summary.solver == "CBC")
        #expect(summary.weights == [.tinggi: 3, .sedang: 2, .rendah: 1])
        #expect(summary.after.sitesCovered == summary.before.sitesCovered + 1)
        #expect(summary.after.zoneCoveredM2 == 3_300_000)
    }

    /// A folder without recommendations.geojson (a run without --recommend): no posts, no section,
    /// no map layer, no legend entry, no error.
    @Test func absentFileMeansNoSection() throws {
        let folder = try Self.folder(recommendations: false)
        #expect(folder.posts == nil && folder.summary.recommendations == nil)
        let (html, svg) = try Briefing.render(folder)
        #expect(!html.contains("id=\"ck-posts\"") && !html.contains("Pos baru yang disarankan"))
        #expect(!svg.contains("data-layer=\"recommendations\""))
        #expect(!html.contains("\"id\":\"recommendations\""))
    }

    @Test func postsTableRowsByRankInThePageLanguage() throws {
        let folder = try Self.folder()
        let site = try Self.firstUncoveredHigh(folder)
        let (html, _) = try Briefing.render(folder)
        #expect(html.contains("<section class=\"page\" id=\"ck-posts\">\n<h2>Pos baru yang disarankan</h2>"))
        let row1 = try #require(Self.row(html, rank: 1))
        #expect(row1.contains("<span class=\"post\">P1</span>"))
        #expect(row1.contains("<td>\(site.name!)</td>"))
        #expect(row1.contains("<td class=\"num\">3</td>"))
        #expect(row1.contains("Pos 1 di dekat \(site.name!): menjangkau 1 lokasi prioritas tinggi"))
        #expect(row1.contains(NumberText(.id).distance(site.distanceM!)))
        let row2 = try #require(Self.row(html, rank: 2))
        #expect(row2.contains("<td>zona: Perbatasan Desa Cikaret</td>"))
        #expect(row2.contains("<td class=\"num\">1,2 km</td>"))
        #expect(Self.row(html, rank: 3) == nil)
        // Before and after: one more site and one more tinggi site; the zone area in km².
        let totals = folder.summary.totals
        #expect(
            html.contains(
                "<tr><td>Lokasi terjangkau</td><td class=\"num\">\(totals.sitesCovered) / \(totals.sitesTotal)</td><td class=\"num\">\(totals.sitesCovered + 1) / \(totals.sitesTotal)</td><td class=\"num\">+1</td></tr>"
            ))
        #expect(html.contains("<td class=\"num\">2,50 km²</td><td class=\"num\">3,30 km²</td><td class=\"num\">+80,0 ha</td>"))
        #expect(html.contains("Bobot terjangkau: 6 dari 21 (optimal (terbukti); CBC 2.10.8)."))
        #expect(html.contains("Bobot: Tinggi 3, Sedang 2, Rendah 1."))
        // The header's figures count the posts.
        #expect(html.contains("<li><b>2</b><small>Pos baru yang disarankan</small></li>"))

        let (english, _) = try Briefing.render(folder, options: BriefingOptions(language: .en))
        let englishRow = try #require(Self.row(english, rank: 2))
        #expect(englishRow.contains("Post 2 near Perbatasan Desa Cikaret: reaches the gap of 1 rawan zone"))
        #expect(englishRow.contains("<td>zones: Perbatasan Desa Cikaret</td>") && englishRow.contains("1.2 km"))
        #expect(english.contains("Weight covered: 6 of 21 (optimal (proven); CBC 2.10.8)."))
    }

    /// The `<tr>` of the posts table for `rank`.
    static func row(_ html: String, rank: Int) -> String? {
        guard let start = html.range(of: "<tr data-rank=\"\(rank)\">"),
            let end = html.range(of: "</tr>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func mapDrawsNumberedPostTagsWithTheirReachAndALegendEntry() throws {
        let folder = try Self.folder()
        let (_, svg) = try Briefing.render(folder)
        #expect(svg.components(separatedBy: "<g data-layer=\"recommendations\"").count - 1 == 2, "the reach rings and the tags")
        #expect(svg.contains("class=\"ck-reach\""))
        // Tags drawn rank 1 last (on top), each a clickable mark with the index of its feature.
        let tags = svg.components(separatedBy: ">P").dropFirst().compactMap { $0.split(separator: "<").first.flatMap { Int($0) } }
        #expect(tags == [2, 1, 1], "P2, P1 on the map, then P1 in the legend: \(tags)")
        #expect(svg.contains("<g data-i=\"1\"><rect") || svg.contains("<g data-i=\"1\"><path"))
        #expect(svg.contains("Pos baru yang disarankan") && svg.contains("jangkauan pos 500 m"))
        // The reach ring's radius is 500 m on the map's scale.
        let scene = MapScene(folder: folder, hotspotLimit: 30)
        let radius = try #require(scene.postReachPx)
        #expect(abs(radius - 500 * scene.transform.pixelsPerMetre) < 1e-9)
        #expect(svg.contains("r=\"\(SVGNumber.px(radius))\""))
    }

    @Test func mapDataHasTheRecommendationsLayer() throws {
        let folder = try Self.folder()
        let (html, _) = try Briefing.render(folder)
        let text = try #require(InteractiveMapTests.script(html, opening: "<script type=\"application/json\" id=\"ck-data\">"))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let strings = try #require(root["s"] as? [String])
        let layers = try #require(root["layers"] as? [[String: Any]])
        #expect(layers.compactMap { $0["id"] as? String }.last == "recommendations", "last: picked first on a click")
        let layer = try #require(layers.first { $0["id"] as? String == "recommendations" })
        #expect(layer["kind"] as? String == "point" && layer["search"] as? Bool == true && layer["cluster"] as? Bool == false)
        #expect(
            layer["fields"] as? [String] == ["No.", "Bobot tambahan", "Menjangkau", "Jarak ke patroli terdekat", "Kecamatan", "Alasan"])
        let features = try #require(layer["f"] as? [[Int]])
        #expect(features.count == 2)
        let posts = try #require(folder.posts)
        for (post, row) in zip(posts, features) {
            #expect(strings[row[0]] == "Pos \(post.rank): \(post.name!)")
            #expect(strings[row[4]] == String(post.rank))
            #expect(strings[row[5]] == "3")
            #expect(strings[row[9]] == post.reason)
        }
        // The search looks in "p<rank>" and the reason too.
        let keys = try #require(layer["keys"] as? [Int])
        #expect(keys.map { strings[$0] } == posts.map { "p\($0.rank) \($0.reason)" })
        #expect(MapScript.source.contains("L.keys[i]"))
    }

    /// Hotspots as actions: grouped by kecamatan and cause in order of their most urgent hotspot;
    /// the group holding post 1's site names P1, zone z1's group names P2, the others a patrol
    /// change.
    @Test func hotspotActionGroups() throws {
        let folder = try Self.folder()
        let groups = ActionTable.groups(folder)
        #expect(groups.map(\.members.count).reduce(0, +) == folder.hotspots.count)
        #expect(groups.map { $0.members[0].rank } == groups.map { $0.members[0].rank }.sorted())
        for group in groups {
            #expect(group.members.allSatisfy { $0.area == group.areaID })
            let refs = group.members.map(\.ref)
            let expected =
                (group.cause == .zoneGap ? refs.contains("z1") : refs.contains(try Self.firstUncoveredHigh(folder).id))
                ? [group.cause == .zoneGap ? 2 : 1] : []
            #expect(group.posts == expected, "\(group.cause) \(refs)")
            #expect(group.cause == (group.members[0].kind == .zone ? .zoneGap : .uncovered))
        }
        let (html, _) = try Briefing.render(folder)
        #expect(html.contains("<h3>Tindakan per kecamatan</h3>"))
        #expect(html.contains("<td><span class=\"post\">P1</span></td></tr>"))
        #expect(html.contains("<td><span class=\"post\">P2</span></td></tr>"))
        #expect(
            html.contains("tambah atau geser rute patroli ke sana") || groups.allSatisfy { !$0.posts.isEmpty || $0.cause != .uncovered })
    }

    /// The ranked list is short (`hotspotListLimit`); the action groups still hold every hotspot.
    @Test func rankedListIsShortAndGroupsHoldEveryHotspot() throws {
        let folder = try Self.folder()
        let (html, _) = try Briefing.render(folder, options: BriefingOptions(hotspotListLimit: 2))
        let ranked = try #require(
            html.range(of: "<table class=\"hotspots\">").flatMap { start in
                html.range(of: "</table>", range: start.upperBound..<html.endIndex).map { String(html[start.lowerBound..<$0.upperBound]) }
            })
        #expect(ranked.components(separatedBy: "<tr><td class=\"num\">").count - 1 == 2)
        #expect(html.contains("2 dari \(folder.hotspots.count) hotspot ditampilkan; daftar lengkap di hotspots.geojson."))
        let actions = try #require(html.range(of: "<table class=\"actions\">").map { String(html[$0.lowerBound...]) })
        for hotspot in folder.hotspots {
            #expect(actions.contains("<span class=\"rank\">\(hotspot.rank)</span> \(hotspot.name ?? hotspot.ref)"))
        }
        // Ranks not numbered on the map are written plainly.
        let (few, _) = try Briefing.render(folder, options: BriefingOptions(hotspotLimit: 1))
        #expect(few.contains("#2 "))
        #expect(throws: BriefingError.invalidOption("hotspotListLimit", detail: "must be 0 or more, found -1")) {
            try Briefing.render(folder, options: BriefingOptions(hotspotListLimit: -1))
        }
    }

    /// Cover mode: the fewest posts reaching every uncovered tinggi site; the page says so.
    @Test func coverModeSaysWhatTheCountMeans() throws {
        let directory = try DemoFixture.write(recommendations: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("summary.json")
        let text = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "\"mode\":\"posts\",\"posts_requested\":2", with: "\"mode\":\"cover\",\"posts_requested\":null")
        try text.write(to: url, atomically: true, encoding: .utf8)
        let folder = try ResultFolder.load(from: directory)
        #expect(folder.summary.recommendations?.mode == "cover" && folder.summary.recommendations?.postsRequested == nil)
        let (html, _) = try Briefing.render(folder)
        #expect(
            html.contains(
                "<p class=\"note\">2 pos: jumlah paling sedikit yang menjangkau setiap lokasi prioritas tinggi tak terjangkau patroli. Bobot terjangkau: 6 dari 21"
            ))
    }

    @Test func renderingIsDeterministic() throws {
        let first = try Briefing.render(try Self.folder(temporal: true))
        let second = try Briefing.render(try Self.folder(temporal: true))
        #expect(first.html == second.html && first.svg == second.svg)
    }

    /// A broken recommendations.geojson is named in the error, like every other file.
    @Test func brokenPostsFileIsNamed() throws {
        let directory = try DemoFixture.write(recommendations: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("recommendations.geojson")
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\"rank\":1,", with: "")
        try text.write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: BriefingError.invalidFile("recommendations.geojson", detail: "feature 0: missing property 'rank'")) {
            try ResultFolder.load(from: directory)
        }
    }

    @Test(arguments: [(12.0, "12", "12"), (4.5, "4,5", "4.5"), (2.25, "2,25", "2.25"), (1234.0, "1.234", "1,234"), (0.1, "0,1", "0.1")])
    func weightsHaveNoTrailingZeros(value: Double, indonesian: String, english: String) {
        #expect(NumberText(.id).weight(value) == indonesian)
        #expect(NumberText(.en).weight(value) == english)
    }
}
