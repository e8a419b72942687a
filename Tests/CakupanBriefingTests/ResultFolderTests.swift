import Foundation
import Testing

@testable import CakupanBriefing

@Suite struct ResultFolderTests {
    @Test func loadsEveryLayerOfTheDemoFolder() throws {
        let directory = try DemoFixture.write()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = try ResultFolder.load(from: directory)
        #expect(folder.areas.count == 4)
        #expect(folder.areas.map(\.name) == ["Cibening", "Sukamaju", "Tanjungsari", "Karanganyar"])
        #expect(folder.sites.count == 30)
        #expect(folder.zones.count == 4)
        #expect(folder.coverage.count == 7)
        #expect(folder.gaps.count == 3)
        #expect(folder.hotspots.map(\.rank) == Array(1...folder.hotspots.count))
        #expect(folder.summary.crsEPSG == 32748)
        #expect(folder.summary.operation == "Operasi Mantap Praja Pilkada 2024")
        #expect(folder.summary.temporal?.hourly.count == 12)
        #expect(folder.summary.temporal?.staleSites.map(\.id) == ["s5", "s14", "s23"])
        #expect(folder.summary.temporal?.staleSites[1].lastVisit == nil)
        #expect(folder.areas[2].rawanCoveredShare == nil)
        // A polygon ring keeps its closing position (RFC 7946 §3.1.6).
        let ring = try #require(folder.areas[0].geometry.polygons.first?.rings.first)
        #expect(ring.first == ring.last)
    }

    @Test func temporalPartIsOptional() throws {
        let directory = try DemoFixture.write(temporal: false, operation: nil)
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = try ResultFolder.load(from: directory)
        #expect(folder.summary.temporal == nil)
        #expect(folder.summary.operation == nil)
        #expect(folder.sites.allSatisfy { $0.stale == nil })
    }

    /// Each broken folder must fail with a message naming the file and what is wrong.
    @Test(arguments: [
        Breakage(file: "gaps.geojson", replacement: nil, message: "gaps.geojson: file not found in the result folder"),
        Breakage(file: "summary.json", replacement: "{\"totals\": {}}", message: "summary.json: missing key 'areas'"),
        Breakage(
            file: "summary.json", replacement: "{\"totals\": {\"areas\": 4}, \"areas\": []}",
            message: "summary.json: missing key 'totals.coverage_share'"),
        Breakage(
            file: "summary.json", replacement: "{\"totals\": {\"areas\": \"4\"}, \"areas\": []}",
            message: "summary.json: key 'totals.areas' must be a whole number, found \"4\""),
        Breakage(file: "summary.json", replacement: "[1, 2]", message: "summary.json: must hold a JSON object, found an array"),
        Breakage(
            file: "summary.json", replacement: "{\"tool\": ",
            message: "summary.json: is not valid JSON (line 1, column 10: unexpected end of input)"),
        Breakage(
            file: "sites.geojson",
            replacement:
                #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[106.8,-6.5]},"properties":{"id":"s1","category":"masjid","priority":"tinggi","covered":true}}]}"#,
            message:
                "sites.geojson: feature 0: property 'category' must be one of kpu, bawaslu, partai, tps, pleno, gudang, kampanye, kediaman, lainnya, found \"masjid\""
        ),
        Breakage(
            file: "sites.geojson",
            replacement:
                #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[106.8,-6.5]},"properties":{"id":"s1","category":"tps","priority":"tinggi","covered":"ya"}}]}"#,
            message: "sites.geojson: feature 0: property 'covered' must be true or false, found \"ya\""),
        Breakage(
            file: "zones.geojson",
            replacement:
                #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString","coordinates":[[1,2],[3,4]]},"properties":{}}]}"#,
            message:
                "zones.geojson: features[0].geometry.type: unsupported geometry type \"LineString\" (expected Point, Polygon or MultiPolygon)"
        ),
        Breakage(
            file: "coverage.geojson",
            replacement:
                #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[1,2],[3,4],[1,2]]]},"properties":{}}]}"#,
            message: "coverage.geojson: features[0].geometry.coordinates[0]: a polygon ring needs at least 4 positions, found 3"),
        Breakage(
            file: "hotspots.geojson", replacement: #"{"type":"Feature"}"#,
            message: "hotspots.geojson: type: expected \"FeatureCollection\", found \"Feature\""),
        Breakage(
            file: "areas.geojson", replacement: #"{"type":"FeatureCollection","features":[]}"#,
            message: "summary.json: 'areas' lists 4 areas but areas.geojson has 0 features"),
    ])
    func brokenFilesAreNamedInTheError(_ breakage: Breakage) throws {
        let directory = try DemoFixture.write()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent(breakage.file)
        if let replacement = breakage.replacement {
            try Data(replacement.utf8).write(to: url)
        } else {
            try FileManager.default.removeItem(at: url)
        }
        let error = #expect(throws: BriefingError.self) { try ResultFolder.load(from: directory) }
        #expect(error?.localizedDescription == breakage.message)
    }

    struct Breakage: Sendable, CustomTestStringConvertible {
        let file: String
        let replacement: String?
        let message: String
        var testDescription: String { message }
    }
}
