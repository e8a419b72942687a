import CakupanTemporal
import Foundation
import Testing

@Suite struct FixCSVReaderTests {
    /// Writes `bytes` to a fresh temporary file and returns its path.
    private func temporaryFile(_ bytes: [UInt8], name: String = "fixes.csv") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cakupan-temporal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    private func temporaryFile(_ text: String) throws -> String {
        try temporaryFile(Array(text.utf8))
    }

    private func readAll(_ path: String, chunkSize: Int = 1 << 20) throws -> ([FixRecord], FixCSVSummary) {
        var records: [FixRecord] = []
        let summary = try FixCSVReader(path: path, chunkSize: chunkSize).forEach { records.append($0) }
        return (records, summary)
    }

    @Test func semicolonsDecimalCommasBOMAndCRLF() throws {
        let text =
            "Kendaraan;Waktu;Bujur;Lintang\r\n"
            + "P-01;2024-11-27 08:00:00;106,8272;-6,1754\r\n"
            + "\"P;02\";2024-11-27T01:00:00Z;\" 106,9 \";-6,2\r\n"
            + ";;;\r\n"
            + "P-01;2024-11-27 08:00:30.5;106,8273;-6,1755\r\n"
        let path = try temporaryFile([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        for chunkSize in [1 << 20, 7, 1] {
            let (records, summary) = try readAll(path, chunkSize: chunkSize)
            #expect(summary.separator == ";")
            #expect(summary.unitColumn == "Kendaraan")
            #expect(summary.lonColumn == "Bujur")
            #expect(summary.rows == 3)
            #expect(summary.blankRows == 1)
            let eightWIB = november27UTC + 3600
            #expect(
                records == [
                    FixRecord(unit: "P-01", time: eightWIB, lon: 106.8272, lat: -6.1754, line: 2),
                    FixRecord(unit: "P;02", time: eightWIB, lon: 106.9, lat: -6.2, line: 3),
                    FixRecord(unit: "P-01", time: eightWIB + 30.5, lon: 106.8273, lat: -6.1755, line: 5),
                ])
        }
    }

    @Test func commasQuotesLoneCRAndNoFinalNewline() throws {
        let text =
            "callsign,TIMESTAMP,note,X,Y\r"
            + "\"Unit \"\"7\"\"\",1732665600,\"line\nbreak, inside\",500000.5,9300000\r"
            + "U8,2024-11-27T07:00:00+07:00,,1e3,-2.5E-1"
        let (records, summary) = try readAll(try temporaryFile(text), chunkSize: 5)
        #expect(summary.separator == ",")
        #expect(summary.lonColumn == "X")
        #expect(
            records == [
                FixRecord(unit: "Unit \"7\"", time: november27UTC, lon: 500_000.5, lat: 9_300_000, line: 2),
                FixRecord(unit: "U8", time: november27UTC, lon: 1000, lat: -0.25, line: 3),
            ])
    }

    @Test func timesWithoutOffsetUseTheConfiguredZone() throws {
        let path = try temporaryFile("unit,time,lon,lat\nA,2024-11-27 08:00,119.4,-5.1\n")
        var records: [FixRecord] = []
        try FixCSVReader(path: path, utcOffset: UTCOffset.wita).forEach { records.append($0) }
        #expect(records.first?.time == 1_732_665_600)
    }

    @Test func missingColumnIsNamed() throws {
        let path = try temporaryFile("unit,time,lon\nA,2024-11-27 08:00,106.8\n")
        #expect(
            throws: TemporalError.missingColumn(
                file: path, line: 1, role: "lat", accepted: ["lat", "latitude", "lintang", "y"])
        ) { try readAll(path) }
    }

    @Test func nonNumericCoordinateNamesLineAndColumn() throws {
        let path = try temporaryFile("unit,time,Lon,lat\nA,2024-11-27 08:00,106.8,-6.1\n\nA,2024-11-27 08:01,abc,-6.1\n")
        #expect(throws: TemporalError.notANumber(file: path, line: 4, column: "Lon", value: "abc")) {
            try readAll(path)
        }
    }

    @Test func badTimestampNamesLineAndField() throws {
        let path = try temporaryFile("unit;waktu;lon;lat\nA;27 Nov 2024 08:00;106,8;-6,1\n")
        #expect(throws: TemporalError.badTimestamp(file: path, line: 2, field: "waktu", value: "27 Nov 2024 08:00")) {
            try readAll(path)
        }
    }

    @Test func shortRowNamesTheMissingValue() throws {
        let path = try temporaryFile("unit,time,lon,lat\nA,2024-11-27 08:00,106.8\n")
        #expect(throws: TemporalError.missingValue(file: path, line: 2, column: "lat")) { try readAll(path) }
    }

    @Test func unreadableAndEmptyFiles() throws {
        #expect(throws: TemporalError.unreadable(file: "/nonexistent/fixes.csv", reason: "cannot open the file")) {
            try readAll("/nonexistent/fixes.csv")
        }
        let empty = try temporaryFile("")
        #expect(throws: TemporalError.emptyFile(file: empty)) { try readAll(empty) }
    }

    @Test func batchesCoverEveryRowInOrder() throws {
        var text = "unit,time,lon,lat\n"
        for index in 0..<1000 { text += "U\(index % 3),\(1_732_665_600 + index),\(index).5,-\(index)\n" }
        let path = try temporaryFile(text)
        var sizes: [Int] = []
        var lines: [Int] = []
        let summary = try FixCSVReader(path: path, chunkSize: 333).forEachBatch(maxCount: 300) { batch in
            sizes.append(batch.count)
            lines += batch.map(\.line)
        }
        #expect(sizes == [300, 300, 300, 100])
        #expect(lines == Array(2...1001))
        #expect(summary.rows == 1000)
    }
}
