import Cakupan
import CakupanGeometry
import Foundation
import Testing

@Suite struct InputTests {
    func sites(_ path: String) throws -> ([Site], Warnings) {
        var c = OperationConfig()
        c.sites = path
        var w = Warnings()
        let inputs = try Pipeline.loadInputs(c, parameters: try c.parameters(), warnings: &w)
        return (inputs.sites, w)
    }

    func inputError(_ body: () throws -> Void) -> String? {
        do { try body() } catch let e as CakupanError {
            guard e.isUserError else { return "internal: \(e)" }
            return "\(e)"
        } catch { return "unexpected \(error)" }
        return nil
    }

    /// Excel export: BOM, CRLF, `;`, decimal commas, mixed-case categories and priorities.
    @Test func excelCSVWithSemicolonsAndDecimalCommas() throws {
        let (s, w) = try sites(fixture("sites_excel.csv"))
        #expect(s.map(\.id) == ["S1", "S2", "S3"])
        #expect(s[0].point == Coordinate(x: 104.75, y: -2.98))
        #expect(s[1].point == Coordinate(x: 104.76, y: -2.99))
        #expect(s.map(\.category) == [.kpu, .tps, .gudang])
        #expect(s.map(\.priority) == [.tinggi, .rendah, .tinggi])
        #expect(s[0].name == "KPU Kabupaten")
        #expect(!w.messages.contains { $0.contains("no coordinate reference system") })
    }

    @Test func commaCSVWithXYColumnsAndEnglishValues() throws {
        let (s, _) = try sites(fixture("sites_comma.csv"))
        #expect(s.map(\.point) == [Coordinate(x: 104.75, y: -2.98), Coordinate(x: 104.70, y: -2.90)])
        #expect(s.map(\.priority) == [.tinggi, .sedang])
    }

    @Test func wktColumn() throws {
        let (s, _) = try sites(fixture("sites_wkt.csv"))
        #expect(s.map(\.point) == [Coordinate(x: 104.75, y: -2.98)])
    }

    @Test func nonNumericValueNamesRowAndField() {
        let message = inputError { _ = try sites(fixture("sites_bad_number.csv")) }
        #expect(message?.contains("sites_bad_number.csv, row 2 (line 3), field 'bujur': '104,7x' is not a number") == true)
    }

    @Test func swappedLatLonIsDetected() {
        let message = inputError { _ = try sites(fixture("sites_swapped.csv")) }
        #expect(message?.contains("row 1") == true)
        #expect(message?.contains("look swapped") == true)
    }

    @Test func missingFile() {
        let message = inputError { _ = try sites("/nonexistent/sites.csv") }
        #expect(message == "/nonexistent/sites.csv: file not found")
    }

    @Test func unknownPriorityIsRefusedWithItsField() throws {
        let s = try Scene()
        s.sites = [("\"id\":\"a\",\"prioritas\":\"urgent\"", Coordinate(x: 0, y: 0))]
        let message = inputError { _ = try s.analyze() }
        #expect(message?.contains("feature 1, field 'prioritas': 'urgent' is not a priority") == true)
    }

    @Test func pointAreaIsRefused() throws {
        let s = try Scene()
        s.areas = [("\"kode\":\"A\"", .point(Coordinate(x: 0, y: 0)))]
        let message = inputError { _ = try s.analyze() }
        #expect(message?.contains("an area must be a polygon") == true)
    }

    @Test func polygonSiteBecomesItsInteriorPointWithAWarning() throws {
        let s = try Scene()
        s.siteShapes = [("\"id\":\"a\"", .polygon(Polygon(exterior: Scene.rect(0, 0, 100, 100))))]
        s.areas = [("\"kode\":\"A\"", .polygon(Polygon(exterior: Scene.rect(-10, -10, 200, 200))))]
        s.patrols = [("\"name\":\"P\"", Scene.line((50, -300), (50, -200)))]
        let (r, _, w) = try s.analyze()
        #expect(r.sites.count == 1)
        #expect(r.sites[0].areaID == "A")
        // The interior point of the 100 m square lies 250 m from the patrol's end (50, −200)… on x = 50.
        #expect(abs(r.sites[0].distance! - 250) < 1e-3)  // the interior point is found in lon/lat, not in metres
        #expect(w.counts[WarningKind(rawValue: "coerced_geometries")!] == 1)
    }

    @Test func bowTieAreaIsRepairedAndWarned() throws {
        let s = try Scene()
        let bowTie = [
            Coordinate(x: 0, y: 0), Coordinate(x: 1000, y: 1000), Coordinate(x: 1000, y: 0), Coordinate(x: 0, y: 1000),
            Coordinate(x: 0, y: 0),
        ]
        s.areas = [("\"kode\":\"BT\"", .polygon(Polygon(exterior: bowTie)))]
        let (r, _, w) = try s.analyze()
        #expect(abs(r.areas[0].areaM2 - 500_000) < 0.01)
        #expect(w.counts[WarningKind(rawValue: "repaired_polygons")!] == 1)
        #expect(w.messages.contains { $0.contains("feature 1") && $0.contains("Self-intersection") })
    }

    @Test func duplicateIdsAreWarned() throws {
        let s = try Scene()
        s.sites = [("\"id\":\"same\"", Coordinate(x: 0, y: 0)), ("\"id\":\"same\"", Coordinate(x: 10, y: 0))]
        let (_, _, w) = try s.analyze()
        #expect(w.counts[WarningKind(rawValue: "duplicate_ids")!] == 1)
    }

    @Test func yamlPathsAreRelativeToTheFileAndFlagsOverride() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cakupan-yaml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let yaml = dir.appendingPathComponent("op.yaml")
        try "name: Uji\nareas: data/kec.geojson\npatrols:\n  - a.kml\n  - b.gpx\nradius: 750\ncrs: EPSG:32748\n".write(
            to: yaml, atomically: true, encoding: .utf8)
        let c = try OperationConfig.load(path: yaml.path)
        #expect(c.areas == dir.appendingPathComponent("data/kec.geojson").path)
        #expect(c.patrols == [dir.appendingPathComponent("a.kml").path, dir.appendingPathComponent("b.gpx").path])
        var flags = OperationConfig()
        flags.radius = 300
        let merged = c.overridden(by: flags)
        #expect(try merged.parameters().radius == 300)
        #expect(try merged.parameters().crs == .epsg(32748))
        try "nmae: typo\n".write(to: yaml, atomically: true, encoding: .utf8)
        #expect(inputError { _ = try OperationConfig.load(path: yaml.path) }?.contains("field 'nmae': unknown key") == true)
    }

    @Test(arguments: [0.0, -5, 100_000, .nan])
    func absurdRadiusIsRefused(radius: Double) {
        var c = OperationConfig()
        c.radius = radius
        #expect(throws: CakupanError.self) { _ = try c.parameters() }
    }
}
