import Cakupan
import CakupanGDAL
import CakupanGeometry
import Foundation
import Testing

@Suite struct OutputTests {
    /// A small scene with a holed area, zones and a route, written to a result folder.
    func writeScene(to out: URL) throws -> AnalysisResult {
        let s = try Scene()
        s.areas = [
            (
                "\"kode\":\"A\",\"nama\":\"Alpha\",\"luas\":3.5",
                .polygon(Polygon(exterior: Scene.rect(0, 0, 2000, 2000), holes: [Scene.rect(500, 500, 1500, 1500)]))
            ),
            ("\"kode\":\"B\",\"nama\":\"Béta Ñ\"", .polygon(Polygon(exterior: Scene.rect(2000, 0, 4000, 2000)))),
        ]
        s.patrols = [("\"name\":\"P1\"", Scene.line((-500, 1000), (3500, 1000)))]
        s.sites = [
            ("\"id\":\"S1\",\"prioritas\":\"tinggi\"", Coordinate(x: 3000, y: 1900)), ("\"id\":\"S2\"", Coordinate(x: 100, y: 1000)),
        ]
        s.zones = [
            ("\"id\":\"Z1\",\"tingkat\":\"tinggi\"", .polygon(Polygon(exterior: Scene.rect(2500, 1200, 3500, 1800)))),
            ("\"id\":\"Z2\"", .point(Coordinate(x: 1000, y: 1000))),
        ]
        var c = try s.config()
        c.crs = "auto"
        let parameters = try c.parameters()
        var w = Warnings()
        let inputs = try Pipeline.loadInputs(c, parameters: parameters, warnings: &w)
        let r = try CoverageAnalysis().run(inputs, parameters: parameters, warnings: &w)
        try ResultFolderWriter.write(
            Pipeline.files(r, inputs: inputs, operation: "Uji", warnings: w).map { ResultFile(name: $0.name, data: $0.data) }, to: out)
        return r
    }

    func tempDir() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("cakupan-out-\(UUID().uuidString)")
    }

    @Test func writesEveryLayerAndTheSummary() throws {
        let out = tempDir()
        _ = try writeScene(to: out)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(
            names == [
                "areas.geojson", "coverage.geojson", "gaps.geojson", "hotspots.geojson", "manifest.json", "sites.geojson", "summary.json",
                "zones.geojson",
            ])
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as! [String: Any]
        #expect((summary["crs"] as! [String: Any])["epsg"] as? Int == 32748)
        #expect((summary["areas"] as! [Any]).count == 2)
        #expect((summary["totals"] as! [String: Any])["sites_total"] as? Int == 2)
        #expect(summary["operation"] as? String == "Uji")
    }

    /// RFC 7946: no `crs` member, bbox present, at most 7 decimals, exterior rings counter-clockwise and
    /// holes clockwise (§3.1.6).
    @Test func geoJSONFollowsRFC7946() throws {
        let out = tempDir()
        _ = try writeScene(to: out)
        for name in ["areas", "sites", "zones", "coverage", "gaps", "hotspots"] {
            let data = try Data(contentsOf: out.appendingPathComponent("\(name).geojson"))
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("\"crs\""))
            let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
            #expect(json["type"] as? String == "FeatureCollection")
            #expect((json["bbox"] as? [Double])?.count == 4, "\(name) has a bbox")
            for feature in json["features"] as! [[String: Any]] {
                let g = feature["geometry"] as! [String: Any]
                checkPrecision(g["coordinates"]!, name)
                let polygons: [[[[Double]]]]
                switch g["type"] as! String {
                case "Polygon": polygons = [g["coordinates"] as! [[[Double]]]]
                case "MultiPolygon": polygons = g["coordinates"] as! [[[[Double]]]]
                default: polygons = []
                }
                for p in polygons {
                    for (i, ring) in p.enumerated() {
                        let area = Ring.signedDoubleArea(ring.map { Coordinate(x: $0[0], y: $0[1]) })
                        #expect(i == 0 ? area > 0 : area < 0, "\(name): ring \(i) winding")
                        #expect(ring.first! == ring.last!)
                    }
                }
            }
        }
    }

    func checkPrecision(_ any: Any, _ name: String) {
        if let numbers = any as? [Double], numbers.count == 2, !(any is [[Any]]) {
            for n in numbers {
                let scaled = n * 1e7
                #expect(abs(scaled - scaled.rounded()) < 1e-3, "\(name): \(n) has more than 7 decimals")
            }
        } else if let list = any as? [Any] {
            for item in list { checkPrecision(item, name) }
        }
    }

    /// Written layers read back through GDAL with the same geometry (to the 7-decimal grid) and the
    /// input properties kept, in order, before the added ones.
    @Test func layersReadBackEqual() throws {
        let out = tempDir()
        let r = try writeScene(to: out)
        let ds = try VectorDataset(path: out.appendingPathComponent("areas.geojson").path)
        #expect(ds.warnings.isEmpty)
        let layer = try #require(ds.layer(0))
        #expect(Array(layer.info.fieldNames.prefix(4)) == ["kode", "nama", "luas", "id"])
        var read: [VectorFeature] = []
        try layer.forEachFeature { read.append($0) }
        #expect(read.count == 2)
        #expect(read[1].values[1] == .string("Béta Ñ"))
        for (f, a) in zip(read, r.areas) {
            let got = f.geometry!.polygons.flatMap { $0.rings }
            let want = a.area.geometry.polygons.flatMap { $0.rings }
            #expect(got.count == want.count)
            for (g, w) in zip(got, want) {
                // The same ring, possibly reversed to follow RFC 7946 winding.
                let same = zip(g, w).allSatisfy { abs($0.x - $1.x) <= 5e-8 && abs($0.y - $1.y) <= 5e-8 }
                let reversed = zip(g, w.reversed()).allSatisfy { abs($0.x - $1.x) <= 5e-8 && abs($0.y - $1.y) <= 5e-8 }
                #expect(same || reversed)
            }
        }
    }

    @Test func sameInputGivesByteIdenticalFiles() throws {
        let a = tempDir()
        let b = tempDir()
        _ = try writeScene(to: a)
        _ = try writeScene(to: b)
        for name in try FileManager.default.contentsOfDirectory(atPath: a.path) {
            var x = try Data(contentsOf: a.appendingPathComponent(name))
            var y = try Data(contentsOf: b.appendingPathComponent(name))
            if name == "manifest.json" {
                // It holds summary.json's hash, which differs by the scene paths (checked above).
                let strip = { (d: Data) in
                    Data(
                        String(decoding: d, as: UTF8.self).replacingOccurrences(
                            of: #""name": "summary.json",\s*"bytes": \d+,\s*"sha256": "[0-9a-f]+""#, with: "X", options: .regularExpression
                        ).utf8)
                }
                x = strip(x)
                y = strip(y)
            }
            if name == "summary.json" {
                // Input paths differ between the two temporary scenes; everything else must match.
                let strip = { (d: Data) in
                    Data(
                        String(decoding: d, as: UTF8.self).replacingOccurrences(
                            of: #"cakupan-scene-[0-9A-F-]+"#, with: "X", options: .regularExpression
                        ).utf8)
                }
                x = strip(x)
                y = strip(y)
            }
            #expect(x == y, "\(name) differs between runs")
        }
    }

    /// A failed write leaves the previous results as they were.
    @Test func failedWriteLeavesPreviousResults() throws {
        let out = tempDir()
        _ = try writeScene(to: out)
        let before = try Data(contentsOf: out.appendingPathComponent("summary.json"))
        let blocker = out.appendingPathComponent("blocked")
        try Data("x".utf8).write(to: blocker)
        // A destination inside a file cannot be created.
        #expect(throws: CakupanError.self) {
            try ResultFolderWriter.write([ResultFile(name: "a.json", data: Data("{}".utf8))], to: blocker.appendingPathComponent("sub"))
        }
        #expect(try Data(contentsOf: out.appendingPathComponent("summary.json")) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path).filter {
            $0.contains(out.lastPathComponent) && $0 != out.lastPathComponent
        }
        #expect(leftovers.isEmpty)
    }
}
