import Cakupan
import CakupanGDAL
import CakupanGeometry
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// KML and GeoPackage exports read back with GDAL: every layer, every feature, values under the right
/// field names, geometry where it was.
@Suite struct ExportTests {
    func result() throws -> AnalysisResult {
        let s = try Scene()
        s.areas = [("\"kode\":\"A\",\"nama\":\"Alpha\"", .polygon(Polygon(exterior: Scene.rect(0, 0, 2000, 2000))))]
        s.patrols = [("\"name\":\"P1\"", Scene.line((-500, 1000), (2500, 1000)))]
        s.sites = [
            ("\"id\":\"S1\",\"prioritas\":\"tinggi\"", Coordinate(x: 1000, y: 1900)), ("\"id\":\"S2\"", Coordinate(x: 100, y: 1000)),
        ]
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
        guard case .point(let p)? = layers["sites"]?[0].geometry else {
            Issue.record("no site point")
            return
        }
        let expected = r.sites[0].site.point
        #expect(abs(p.x - expected.x) < 1e-7 && abs(p.y - expected.y) < 1e-7)
    }

    /// The KML looks like the map: shared styles with filled polygons in the briefing's colours
    /// (KML writes aabbggrr), every placemark naming one of them, folders per layer, and a
    /// description with the figures in Bahasa Indonesia (GDAL reads it as the `description` field).
    @Test func kmlHasSharedFilledStylesAndDescriptions() throws {
        let r = try result()
        let files = try Exports.files(r, formats: [.kml])
        let data = files[0].data
        let text = String(decoding: data, as: UTF8.self)
        let parsed = try KMLStyles(data)
        // Tinggi red #d7191c at 20 % → 33 1c 19 d7; coverage #1f78d1 at 35 % → 59 d1 78 1f.
        #expect(parsed.poly["zone-tinggi"]?.fill == "1")
        #expect(parsed.poly["zone-tinggi"]?.colour == "331c19d7")
        #expect(parsed.poly["coverage"]?.colour == "59d1781f")
        #expect(parsed.poly["coverage"]?.fill == "1")
        // The area's coverage class picks its ramp colour at 60 %.
        let share = r.areas[0].coverageShare
        let rampClass = min(Int(share * 5), 4)
        let ramp = ["f3fcfd", "d6f4ee", "b4ead9", "91dcbe", "72cb9f"]
        #expect(parsed.poly["area-\(rampClass)"]?.colour == "99" + ramp[rampClass])
        #expect(parsed.styleURLs.allSatisfy { parsed.poly[$0] != nil || parsed.icon[$0] != nil }, "\(parsed.styleURLs)")
        #expect(
            parsed.styleURLs.count == r.areas.count + 1 + r.zones.count + r.zones.filter { $0.gap != nil }.count + r.sites.count
                + r.hotspots.count)
        // Sites by covered/uncovered: S1 is out of reach (red), S2 covered (green).
        #expect(parsed.icon["site-uncovered"] == "ff1c19d7" && parsed.icon["site-covered"] == "ff368a13")
        #expect(text.contains("<styleUrl>#site-uncovered</styleUrl>") && text.contains("<styleUrl>#site-covered</styleUrl>"))
        #expect(!text.contains("<fill>0</fill>"))
        #expect(text.contains("Jarak ke patroli terdekat: <b>"))
        #expect(text.contains("Cakupan wilayah: <b>"))
        // GDAL: one layer per folder with its features, and the description as a field.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cakupan-kml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("cakupan.kml")
        try data.write(to: url)
        let dataset = try VectorDataset(path: url.path)
        for layer in dataset.layers {
            let info = layer.info
            #expect(info.fieldNames.contains { $0.lowercased() == "description" }, "\(info.name): \(info.fieldNames)")
            if info.name == "sites", let d = info.fieldNames.firstIndex(where: { $0.lowercased() == "description" }) {
                var descriptions: [String] = []
                try layer.forEachFeature { descriptions.append($0.values[d].text ?? "") }
                #expect(descriptions.count == 2)
                #expect(descriptions.allSatisfy { $0.contains("Status: <b>") && $0.contains("Kecamatan: <b>Alpha</b>") }, "\(descriptions)")
            }
        }
        // Deterministic.
        #expect(try Exports.files(r, formats: [.kml])[0].data == data)
    }

    @Test func geoPackageIsByteIdenticalForTheSameInput() throws {
        let r = try result()
        let a = try Exports.files(r, formats: [.gpkg])
        let b = try Exports.files(r, formats: [.gpkg])
        #expect(a[0].data == b[0].data)
    }

    @Test func unknownFormatIsRefused() throws {
        #expect(throws: CakupanError.self) { _ = try ExportFormat.parse("geojson,shp") }
        #expect(try ExportFormat.parse("kml, GPKG") == [.geojson, .kml, .gpkg])
    }
}

/// The styles of a KML document: PolyStyle colour and fill, IconStyle colour by style id, and every
/// placemark's styleUrl (without '#').
final class KMLStyles: NSObject, XMLParserDelegate {
    var poly: [String: (colour: String, fill: String)] = [:]
    var icon: [String: String] = [:]
    var styleURLs: [String] = []
    private var style: String?
    private var path: [String] = []
    private var text = ""
    private var polyColour = "", polyFill = ""

    init(_ data: Data) throws {
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        guard parser.parse() else { throw CakupanError.internal("KML does not parse: \(String(describing: parser.parserError))") }
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        path.append(name)
        text = ""
        if name == "Style" { style = attributes["id"] }
        if name == "PolyStyle" {
            polyColour = ""
            polyFill = ""
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let parent = path.count > 1 ? path[path.count - 2] : ""
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch (name, parent) {
        case ("color", "PolyStyle"): polyColour = value
        case ("fill", "PolyStyle"): polyFill = value
        case ("color", "IconStyle"): if let style { icon[style] = value }
        case ("PolyStyle", _): if let style { poly[style] = (polyColour, polyFill) }
        case ("styleUrl", _): styleURLs.append(String(value.dropFirst()))
        case ("Style", _): style = nil
        default: break
        }
        path.removeLast()
        text = ""
    }
}
