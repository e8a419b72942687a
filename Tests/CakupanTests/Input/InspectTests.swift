import Foundation
import Testing

/// `cakupan inspect`: what each role would read from field files, checked on the field corpus.
@Suite struct InspectTests {
    static func file(_ path: String) -> String { FieldCase.root.appendingPathComponent(path).path }

    /// A My Maps export: each folder read as the role its geometry suits, with the fields found and
    /// the first rows as understood.
    @Test func myMapsLayersAndRoles() throws {
        let r = try CLITests.run(["inspect", Self.file("mymaps-kml-layers/peta_pengamanan.kml")])
        #expect(r.status == 0, "\(r.stderr)")
        for text in [
            "layer 'Lokasi Strategis'", "read as: sites", "category ← kategori", "priority ← prioritas",
            "1 | KPU Kota Kupang | kpu | tinggi | -10.163194, 123.596",
            "layer 'Zona Rawan'", "--rawan FILE#Zona Rawan", "layer 'Rute Patroli'", "read as: patrols",
            "Patroli Sabhara Pagi | radius 500 m",
        ] {
            #expect(r.stdout.contains(text), "inspect lacks \"\(text)\": \(r.stdout)")
        }
    }

    /// A sheet with a title block: the header found, LINTANG/BUJUR mapped, rows as read.
    @Test func spreadsheetHeaderBelowTitle() throws {
        let r = try CLITests.run(["inspect", Self.file("xlsx-title-block/tps_oebobo.xlsx")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("columns: NO, NAMA, ALAMAT, KELURAHAN, LINTANG, BUJUR"), "\(r.stdout)")
        #expect(r.stdout.contains("lon ← BUJUR") && r.stdout.contains("lat ← LINTANG"), "\(r.stdout)")
        #expect(r.stdout.contains("1 | TPS 001 Oetete | lainnya | sedang | -10.195742, 123.628218"), "\(r.stdout)")
    }

    /// A fleet export: the unit, date, time and coordinate columns found.
    @Test func gpsSheetColumns() throws {
        let r = try CLITests.run(["inspect", Self.file("gps-polres-sheet/rekap_gps_27112024.csv")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("read as: tracks"), "\(r.stdout)")
        #expect(
            r.stdout.contains("unit ← Plat Nomor") && r.stdout.contains("date ← Tanggal") && r.stdout.contains("time ← Jam"), "\(r.stdout)")
    }

    /// Columns detection cannot know: refused, naming the columns and the flag; with the mapping, read.
    @Test func refusalNamesTheFixAndMappingReads() throws {
        let bad = try CLITests.run(["inspect", Self.file("mapping-missing/titik_pengamanan.csv")])
        #expect(bad.status == 2)
        #expect(bad.stdout.contains("REFUSED") && bad.stdout.contains("Titik_Y") && bad.stdout.contains("--site-fields"), "\(bad.stdout)")
        let good = try CLITests.run([
            "inspect", Self.file("mapping-missing/titik_pengamanan.csv"), "--fields", "lat=Titik_Y,lon=Titik_X,name=Keterangan Lokasi",
        ])
        #expect(good.status == 0, "\(good.stdout) \(good.stderr)")
        #expect(good.stdout.contains("lat ← Titik_Y") && good.stdout.contains("name ← Keterangan Lokasi"), "\(good.stdout)")
    }

    /// A layer that is not there: the file's layers listed.
    @Test func missingLayerListsTheLayers() throws {
        let r = try CLITests.run(["inspect", Self.file("mymaps-kml-layers/peta_pengamanan.kml") + "#Posko"])
        #expect(r.status == 2)
        #expect(r.stdout.contains("'Lokasi Strategis'") && r.stdout.contains("'Rute Patroli'"), "\(r.stdout)")
    }
}
