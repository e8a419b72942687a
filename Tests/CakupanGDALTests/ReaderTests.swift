import CakupanGDAL
import CakupanGeometry
import Foundation
import Testing

func temporaryFile(_ name: String, _ content: String) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cakupan-gdal-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try content.write(to: url, atomically: true, encoding: .utf8)
    return url.path
}

@Suite struct ReaderTests {
    @Test func geoJSONFieldsAndGeometry() throws {
        let path = try temporaryFile(
            "a.geojson",
            """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"kode":"16.03.01","nama":"Tanjung Agung","n":3,"x":1.5},
             "geometry":{"type":"Polygon","coordinates":[[[104,-3.5],[104.1,-3.5],[104.1,-3.4],[104,-3.4],[104,-3.5]],[[104.02,-3.48],[104.02,-3.46],[104.04,-3.46],[104.04,-3.48],[104.02,-3.48]]]}},
            {"type":"Feature","properties":{"kode":"16.03.02","nama":null,"n":4,"x":2},"geometry":null}
            ]}
            """)
        let ds = try VectorDataset(path: path)
        #expect(ds.driverName == "GeoJSON")
        let layer = try #require(ds.layer(0))
        #expect(layer.info.fieldNames == ["kode", "nama", "n", "x"])
        #expect(layer.info.crsWKT != nil)  // GeoJSON is WGS 84 by definition
        var features: [VectorFeature] = []
        try layer.forEachFeature { features.append($0) }
        #expect(features.count == 2)
        #expect(features[0].values == [.string("16.03.01"), .string("Tanjung Agung"), .integer(3), .real(1.5)])
        guard case .polygon(let p) = features[0].geometry else {
            Issue.record("not a polygon")
            return
        }
        #expect(p.exterior.count == 5 && p.holes.count == 1)
        #expect(p.exterior[1] == Coordinate(x: 104.1, y: -3.5))
        #expect(features[1].geometry == nil)
        #expect(features[1].values[1] == .null)
    }

    @Test func semicolonCSVWithBOMReadsAllColumnsAsText() throws {
        let path = try temporaryFile("s.csv", "\u{FEFF}id;nama;bujur;lintang\r\n1;KPU;104,75;-2,98\r\n2;TPS 01;104,5;-3\r\n")
        let ds = try VectorDataset(path: path)
        #expect(ds.driverName == "CSV")
        let layer = try #require(ds.layer(0))
        #expect(layer.info.fieldNames == ["id", "nama", "bujur", "lintang"])
        var rows: [[FieldValue]] = []
        try layer.forEachFeature { rows.append($0.values) }
        #expect(
            rows == [
                [.string("1"), .string("KPU"), .string("104,75"), .string("-2,98")],
                [.string("2"), .string("TPS 01"), .string("104,5"), .string("-3")],
            ])
    }

    @Test func gpxTracksAreMultiLineStrings() throws {
        let path = try temporaryFile(
            "t.gpx",
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
            <trk><name>PATROLI-1</name><trkseg>
            <trkpt lat="-3.0" lon="104.0"><time>2024-11-27T01:00:00Z</time></trkpt>
            <trkpt lat="-3.0" lon="104.01"><time>2024-11-27T01:00:30Z</time></trkpt>
            </trkseg></trk></gpx>
            """)
        let ds = try VectorDataset(path: path)
        let tracks = try #require(ds.layers.first { $0.info.name == "tracks" })
        var geometries: [Geometry?] = []
        try tracks.forEachFeature { geometries.append($0.geometry) }
        #expect(geometries == [.multiLineString([[Coordinate(x: 104, y: -3), Coordinate(x: 104.01, y: -3)]])])
    }

    @Test func kmlFoldersBecomeLayers() throws {
        let path = try temporaryFile(
            "r.kml",
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Demo</name>
            <Folder><name>Rute A</name><Placemark><name>P1</name><LineString><coordinates>104,-3,0 104.1,-3,0</coordinates></LineString></Placemark></Folder>
            <Folder><name>Rute B</name><Placemark><name>P2</name><MultiGeometry><LineString><coordinates>104,-3.1 104.1,-3.1</coordinates></LineString><LineString><coordinates>104,-3.2 104.1,-3.2</coordinates></LineString></MultiGeometry></Placemark></Folder>
            </Document></kml>
            """)
        let ds = try VectorDataset(path: path)
        #expect(ds.layerCount == 2)
        var names: [String] = []
        var types: [String] = []
        for layer in ds.layers {
            try layer.forEachFeature { f in
                names.append(f.values.first?.text ?? "")
                types.append(f.geometry.map { $0.typeName } ?? "none")
            }
        }
        #expect(names == ["P1", "P2"])
        #expect(types == ["LineString", "MultiLineString"])
    }

    @Test func missingFileAndNonVectorFileAreRefused() throws {
        #expect(throws: GDALError.self) { _ = try VectorDataset(path: "/nonexistent/x.geojson") }
        let path = try temporaryFile("x.geojson", "{ this is not json")
        #expect(throws: GDALError.self) { _ = try VectorDataset(path: path) }
    }

    @Test func wktParsing() throws {
        let g = try OGRGeometryReader.parseWKT("POINT (104.5 -3.25)").get()
        #expect(g == .point(Coordinate(x: 104.5, y: -3.25)))
        #expect(throws: Error.self) { _ = try OGRGeometryReader.parseWKT("POINT (1").get() }
    }
}
