import Cakupan
import CakupanGEOS
import CakupanGeometry
import CakupanPROJ
import Testing

/// Areas of the real boundaries in ../shared/geodata against the figures in its README (km², computed
/// in UTM). Skipped, saying so, when the folder is absent.
///
/// The README's figures are of whole kabupaten/kota: the ADM2 outline for Palembang, Muara Enim and
/// OKU Timur, and for Sumatera Selatan the union of its 241 kecamatan (which overlap slightly, being
/// simplified independently, so their plain sum is 0.4 % larger).
@Suite struct RealBoundaryTests {
    func analyze(_ path: String) throws -> AnalysisResult {
        var c = OperationConfig()
        c.areas = path
        var w = Warnings()
        let inputs = try Pipeline.loadInputs(c, parameters: try c.parameters(), warnings: &w)
        let r = try CoverageAnalysis().run(inputs, parameters: try c.parameters(), warnings: &w)
        #expect(w.counts[WarningKind(rawValue: "repaired_polygons")!] == nil)
        return r
    }

    @Test(arguments: [("Kota Palembang", 352.0), ("Kabupaten Muara Enim", 6_760.0), ("Kabupaten Ogan Komering Ulu Timur", 3_410.0)])
    func kabupatenAreasMatchTheREADME(name: String, km2: Double) throws {
        guard let path = sharedGeodata("sumsel_kabkota_adm2.geojson") else {
            print("SKIPPED kabupatenAreasMatchTheREADME(\(name)): ../shared/geodata is absent")
            return
        }
        let r = try analyze(path)
        #expect(r.crs.epsg == 32748)
        #expect(r.areas.count == 17)
        let area = try #require(r.areas.first { $0.area.name == name })
        // The README rounds to the km²: agree within 1 km² or 0.1 %.
        #expect(abs(area.areaM2 / 1e6 - km2) <= max(1, km2 * 0.001), "\(name): \(area.areaM2 / 1e6) km²")
    }

    @Test func kotaKupang() throws {
        guard let path = sharedGeodata("kota_kupang_adm2.geojson"), let kec = sharedGeodata("kota_kupang_kecamatan_adm3.geojson") else {
            print("SKIPPED kotaKupang: ../shared/geodata is absent")
            return
        }
        let r = try analyze(path)
        #expect(r.crs.epsg == 32751)
        #expect(abs(r.totals.areaM2 / 1e6 - 159) < 1)
        let k = try analyze(kec)
        #expect(k.areas.count == 6)
        #expect(k.areas.allSatisfy { $0.area.name != nil && $0.epsg == 32751 })
    }

    /// Sumatera Selatan: 241 kecamatan whose union is 86,372 km².
    @Test func sumateraSelatanUnion() throws {
        guard let path = sharedGeodata("sumsel_kecamatan_adm3.geojson") else {
            print("SKIPPED sumateraSelatanUnion: ../shared/geodata is absent")
            return
        }
        let r = try analyze(path)
        #expect(r.areas.count == 241)
        let geos = GEOSContext()
        let t = try CoordinateTransformer(from: "EPSG:4326", to: "EPSG:32748", context: PROJContext())
        let parts = try r.areas.map { try GEOSGeometry(t.transform($0.area.geometry), in: geos) }
        let union = try GEOSGeometry.collection(parts, in: geos).unaryUnion().area() / 1e6
        #expect(abs(union - 86_372) <= 86.372, "union \(union) km²")
        // The plain sum counts the slivers where neighbours overlap twice.
        #expect(r.totals.areaM2 / 1e6 > union)
    }
}
