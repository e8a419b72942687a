import Cakupan
import Foundation
import Testing

/// Field files on the real kelurahan of Kota Kupang (../shared/geodata; skipped, saying so, when that
/// folder is not beside the project): a spreadsheet with a title block and a My Maps folder as sites.
@Suite struct RealBoundaryFieldTests {
    @Test func kupangKelurahanWithFieldSites() throws {
        guard let kelurahan = sharedGeodata("kota_kupang_kelurahan_adm4.geojson") else {
            print("skipped: ../shared/geodata/kota_kupang_kelurahan_adm4.geojson is not beside the project")
            return
        }
        var config = OperationConfig()
        config.areas = kelurahan
        config.siteInputs = [
            InputSpec(path: FieldCase.root.appendingPathComponent("xlsx-title-block/tps_oebobo.xlsx").path),
            InputSpec(parsing: FieldCase.root.appendingPathComponent("mymaps-kml-layers/peta_pengamanan.kml").path + "#Lokasi Strategis"),
        ]
        let outcome = try Pipeline.run(RunRequest(config: config))
        let r = outcome.result
        // The README of shared/geodata: 51 kelurahan, 159 km², UTM zone 51S.
        #expect(r.areas.count == 51)
        #expect(r.crs.epsg == 32751)
        #expect(abs(r.totals.areaM2 / 1e6 - 159) / 159 < 0.01, "\(r.totals.areaM2 / 1e6) km²")
        // Area names are the kelurahan names (the layer's `nama`, not its kecamatan).
        let data = try #require(FileManager.default.contents(atPath: kelurahan))
        let names = try #require(
            ((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["features"] as? [[String: Any]])?
                .compactMap { ($0["properties"] as? [String: Any])?["nama"] as? String })
        #expect(r.areas.map(\.area.name) == names)
        // 10 TPS from the sheet and 8 strategic sites from the folder. The corpus draws its own simplified
        // kecamatan, so a site may fall just outside the real boundary: all but at most one are inside,
        // and the per-area counts add up with the ones outside.
        #expect(r.sites.count == 18)
        let outside = r.sites.filter { $0.areaID == nil }.count
        #expect(outside <= 1, "\(r.sites.filter { $0.areaID == nil }.map(\.site.name))")
        #expect(r.areas.map(\.sitesTotal).reduce(0, +) + outside == 18)
        #expect(outcome.warnings.counts[.farOutside] == nil)
    }
}
