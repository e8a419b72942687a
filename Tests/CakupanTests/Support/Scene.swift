import Cakupan
import CakupanGeometry
import CakupanPROJ
import Foundation

/// A test scene drawn in metres of one UTM zone, written as lon/lat GeoJSON files so that the whole
/// pipeline (GDAL reading, PROJ projection, GEOS analysis) runs as in real use. Shapes drawn as
/// straight lines in the plane stay straight after the round trip, so areas and distances can be
/// worked out by hand in metres.
final class Scene {
    let epsg: Int
    /// Where (0, 0) of the drawing lies, in UTM metres.
    let origin: Coordinate
    let directory: URL
    private let toLonLat: CoordinateTransformer
    private let context = PROJContext()
    var areas: [(props: String, geometry: Geometry)] = []
    var sites: [(props: String, point: Coordinate)] = []
    /// Sites of any geometry type (for coercion tests), written after `sites`.
    var siteShapes: [(props: String, geometry: Geometry)] = []
    var zones: [(props: String, geometry: Geometry)] = []
    var patrols: [(props: String, geometry: Geometry)] = []

    init(epsg: Int = 32748, origin: Coordinate = Coordinate(x: 400_000, y: 9_600_000)) throws {
        self.epsg = epsg
        self.origin = origin
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cakupan-scene-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        toLonLat = try CoordinateTransformer(from: "EPSG:\(epsg)", to: "EPSG:4326", context: context)
    }

    static func rect(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> [Coordinate] {
        [Coordinate(x: x0, y: y0), Coordinate(x: x1, y: y0), Coordinate(x: x1, y: y1), Coordinate(x: x0, y: y1), Coordinate(x: x0, y: y0)]
    }

    static func line(_ points: (Double, Double)...) -> Geometry {
        .lineString(points.map { Coordinate(x: $0.0, y: $0.1) })
    }

    func lonLat(_ c: Coordinate) throws -> Coordinate {
        try toLonLat.transform(Coordinate(x: c.x + origin.x, y: c.y + origin.y))
    }

    private func json(_ g: Geometry) throws -> String {
        func pos(_ c: Coordinate) throws -> String {
            let ll = try lonLat(c)
            return "[\(ll.x),\(ll.y)]"
        }
        func ring(_ r: [Coordinate]) throws -> String { "[" + (try r.map(pos)).joined(separator: ",") + "]" }
        func poly(_ p: Polygon) throws -> String { "[" + (try p.rings.map(ring)).joined(separator: ",") + "]" }
        switch g {
        case .point(let c): return "{\"type\":\"Point\",\"coordinates\":\(try pos(c))}"
        case .lineString(let cs): return "{\"type\":\"LineString\",\"coordinates\":\(try ring(cs))}"
        case .polygon(let p): return "{\"type\":\"Polygon\",\"coordinates\":\(try poly(p))}"
        case .multiPolygon(let ps): return "{\"type\":\"MultiPolygon\",\"coordinates\":[\(try ps.map(poly).joined(separator: ","))]}"
        case .multiLineString(let ls): return "{\"type\":\"MultiLineString\",\"coordinates\":[\(try ls.map(ring).joined(separator: ","))]}"
        default: fatalError("not used in tests")
        }
    }

    private func write(_ name: String, _ features: [(String, Geometry)]) throws -> String {
        let body = try features.map { "{\"type\":\"Feature\",\"properties\":{\($0.0)},\"geometry\":\(try json($0.1))}" }
        let url = directory.appendingPathComponent(name)
        try ("{\"type\":\"FeatureCollection\",\"features\":[\n" + body.joined(separator: ",\n") + "\n]}\n").write(
            to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The configuration naming this scene's files.
    func config() throws -> OperationConfig {
        var c = OperationConfig()
        if !areas.isEmpty { c.areas = try write("areas.geojson", areas.map { ($0.props, $0.geometry) }) }
        if !sites.isEmpty || !siteShapes.isEmpty {
            c.sites = try write("sites.geojson", sites.map { ($0.props, .point($0.point)) } + siteShapes.map { ($0.props, $0.geometry) })
        }
        if !zones.isEmpty { c.rawan = try write("rawan.geojson", zones.map { ($0.props, $0.geometry) }) }
        if !patrols.isEmpty { c.patrols = [try write("patrols.geojson", patrols.map { ($0.props, $0.geometry) })] }
        c.crs = "EPSG:\(epsg)"
        return c
    }

    /// Runs the analysis on the scene.
    func analyze(_ configure: (inout OperationConfig) -> Void = { _ in }) throws -> (AnalysisResult, AnalysisInputs, Warnings) {
        var c = try config()
        configure(&c)
        let parameters = try c.parameters()
        var warnings = Warnings()
        let inputs = try Pipeline.loadInputs(c, parameters: parameters, warnings: &warnings)
        let result = try CoverageAnalysis().run(inputs, parameters: parameters, warnings: &warnings)
        return (result, inputs, warnings)
    }
}

/// The area of a regular 32-gon of circumradius r: GEOS's round buffer of a point with 8 segments per
/// quarter circle, and the two caps of a line's buffer together.
func polygon32(_ r: Double) -> Double { 16 * r * r * sin(Double.pi / 16) }

/// Where the test fixtures are.
func fixture(_ name: String) -> String {
    Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!.path
}

/// The shared real boundaries (../shared/geodata), nil when absent.
func sharedGeodata(_ name: String) -> String? {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let path = root.appendingPathComponent("shared/geodata/\(name)").path
    return FileManager.default.fileExists(atPath: path) ? path : nil
}
