import CakupanGDAL
import Foundation
import Testing

@testable import Cakupan

/// Reading fixes: the hand-written streaming CSV reader against OGR's CSV driver on the same file,
/// every row turned into (unit, time, lon, lat) alike. A measurement, not a check: it runs only
/// when CAKUPAN_BENCH_FIXES names a fixes CSV, and prints the figures (build with -c release):
///
///     head -n 1000001 /tmp/gps/fixes.csv > /tmp/fixes1m.csv
///     CAKUPAN_BENCH_FIXES=/tmp/fixes1m.csv swift test -c release --filter TemporalBenchmark
@Suite struct TemporalBenchmarkTests {
    static let path = ProcessInfo.processInfo.environment["CAKUPAN_BENCH_FIXES"]

    @Test(.enabled(if: path != nil)) func fixCSVReaderAgainstOGR() throws {
        let path = try #require(Self.path)
        func clock() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

        var t = clock()
        var rows = 0
        var checksum = 0.0
        var warnings = Warnings()
        _ = try TemporalFixReader(path: path, utcOffset: 7 * 3600).read(warnings: &warnings) { batch, _ in
            for r in batch {
                rows += 1
                checksum += r.time + r.lon + r.lat + Double(r.unit.utf8.count)
            }
        }
        let swift = clock() - t

        t = clock()
        var ogrRows = 0
        var ogrChecksum = 0.0
        let dataset = try VectorDataset(path: path)
        let layer = try #require(dataset.layer(0))
        let names = layer.info.fieldNames.map { $0.lowercased() }
        let (u, tm, x, y) = (
            names.firstIndex(of: "unit")!, names.firstIndex(of: "time")!, names.firstIndex(of: "lon")!, names.firstIndex(of: "lat")!
        )
        try layer.forEachFeature { f in
            let unit = f.values[u].text ?? ""
            let time = try TemporalSettings.moment(f.values[tm].text ?? "", "time", 7 * 3600)
            let lon = Double(f.values[x].text ?? "") ?? .nan
            let lat = Double(f.values[y].text ?? "") ?? .nan
            ogrRows += 1
            ogrChecksum += time + lon + lat + Double(unit.utf8.count)
        }
        let ogr = clock() - t
        #expect(rows == ogrRows)
        #expect(abs(checksum - ogrChecksum) <= 1e-6 * abs(checksum))
        print(
            "fixes benchmark: \(rows) rows; FixCSVReader \(String(format: "%.2f", swift)) s (\(String(format: "%.2f", Double(rows) / swift / 1e6)) M rows/s); OGR CSV \(String(format: "%.2f", ogr)) s (\(String(format: "%.2f", Double(rows) / ogr / 1e6)) M rows/s); OGR/FixCSVReader \(String(format: "%.1f", ogr / swift))x"
        )
    }
}
