import Cakupan
import CakupanGDAL
import CakupanGeometry
import Foundation
import Testing

/// KML and GeoPackage exports read back with GDAL: every layer, every feature, values under the right
/// field names, geometry where it was.
@Suite struct ExportTests {
    func result() throws -> AnalysisResult {
        let s = try Scene()
        s.areas = [("\"kode\":\"A\",\"nama\":\"Alpha\"", .polygon(Polygon(exterior: Scene.rect(0, 0, 2000, 2000))))]
        s.patrols = [("\"name\":\"P1\"", Scene.line((-500, 1000), (2500, 1000)))]
        s.sites = [("\"id\":\"S1\",\"prioritas\":\"tinggi\"", Coordinate(x: 1000, y: 1900)), ("\"id\":\"S2\"", Coordinate(x: 100, y: 1000))]
        s.zones = [("\"id\":\"Z1\",\"tingkat\":\"tinggi\"", .polygon(Polygon(exterior: Scene.rect(200, 1300, 800, 1900))))]
        return try s.analyze().0
    }

    func read(_ data: Data, _ name: String) throws -> [String: [VectorFeature]] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cakupan-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try data.write(to: url)
        let ds = try VectorDataset(path: url.path)
        var out: [String: [VectorFeature]] = [:]
        for layer in ds.layers {
            let info = layer.info
            var features: [VectorFeature] = []
            try layer.forEachFeature { features.append($0) }
            out[info.name] = features
            // Values read back under their own names: the site layer's `covered` matches the analysis.
            if info.name == "sites", let c = info.fieldNames.firstIndex(of: "covered"), let id = info.fieldNames.firstIndex(of: "id") {
                #expect(features.map { $0.values[id].text } == ["S1", "S2"])
                #expect(features.map { $0.values[c].text } == ["0", "1"] || features.map { $0.values[c].text } == ["false", "true"])
            }
        }
        return out
    }

    @Test(arguments: [ExportFormat.gpkg, .kml])
    func exportReadsBackWithGDAL(format: ExportFormat) throws {
        let r = try result()
        #expect(r.sites.map(\.covered) == [false, true])
        let files = try Exports.files(r, formats: [format])
        #expect(files.count == 1)
        let layers = try read(files[0].data, files[0].name)
        #expect(Set(layers.keys) == ["areas", "coverage", "zones", "gaps", "sites", "hotspots"])
        #expect(layers["areas"]?.count == 1)
        #expect(layers["sites"]?.count == 2)
        #expect(layers["zones"]?.count == 1)
        #expect(layers["coverage"]?.count == 1)
        #expect(layers["hotspots"]?.count == r.hotspots.count)
        guard case .point(let p)? = layers["sites"]?[0].geometry else { Issue.record("no site point"); return }
        let expected = r.sites[0].site.point
        #expect(abs(p.x - expected.x) < 1e-7 && abs(p.y - expected.y) < 1e-7)
    }

    @Test func geoPackageIsByteIdenticalForTheSameInput() throws {
        let r = try result()
        let a = try Exports.files(r, formats: [.gpkg]), b = try Exports.files(r, formats: [.gpkg])
        #expect(a[0].data == b[0].data)
    }

    @Test func unknownFormatIsRefused() throws {
        #expect(throws: CakupanError.self) { _ = try ExportFormat.parse("geojson,shp") }
        #expect(try ExportFormat.parse("kml, GPKG") == [.geojson, .kml, .gpkg])
    }
}
