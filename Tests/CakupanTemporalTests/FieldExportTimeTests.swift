import CakupanTemporal
import Foundation
import Testing

/// Times and columns as GPS exports from the field write them (issue 12, part 4). Expected epochs are
/// worked out independently (Python `calendar.timegm`): 2024-11-27T05:05:00Z = 1732683900,
/// 2024-12-05T14:00:00Z = 1733407200, 2024-05-12T14:00:00Z = 1715522400, 2024-11-26T23:03:00Z =
/// 1732662180. WITA is UTC+8.
@Suite struct FieldExportTimeTests {
    private func read(_ text: String, utcOffset: Int = UTCOffset.wita, format: TimeFormat? = nil) -> (Double?, TimeReader) {
        var reader = TimeReader(utcOffset: utcOffset, format: format)
        let time = reader.read(text, line: 2)
        return (time, reader)
    }

    @Test(arguments: ["27/11/2024 13:05:00", "27-11-2024 13:05", "27.11.2024 13:05:00", " 27/11/2024  13:05 "])
    func dayFirstDatesInLocalTime(text: String) {
        let (time, reader) = read(text)
        #expect(time == 1_732_683_900)
        #expect(reader.note.settled)
        #expect(!reader.isAmbiguous)
    }

    @Test func dayFirstWithOffsetIgnoresTheZone() {
        #expect(read("27/11/2024 05:05:00Z").0 == 1_732_683_900)
    }

    @Test func epochMillisecondsAndSeconds() {
        #expect(read("1732683900000").0 == 1_732_683_900)
        #expect(read("1732683900123").0 == 1_732_683_900.123)
        #expect(read("1732683900").0 == 1_732_683_900)
        #expect(TimestampParser.parse("1732683900000", utcOffset: 0) == 1_732_683_900)
        #expect(TimestampParser.parse("17326839000000", utcOffset: 0) == nil)  // 14 digits
    }

    @Test func ambiguousDatesAreNoted() {
        var reader = TimeReader(utcOffset: UTCOffset.wita)
        #expect(reader.read("05/12/2024 22:00", line: 2) == 1_733_407_200)  // read day-first meanwhile
        #expect(reader.isAmbiguous)
        #expect(reader.firstAmbiguous?.line == 2)
        #expect(reader.firstAmbiguous?.value == "05/12/2024 22:00")
        #expect(reader.read("13/12/2024 22:00", line: 3) != nil)  // a day above 12 settles it
        #expect(!reader.isAmbiguous)
        var same = TimeReader(utcOffset: 0)
        _ = same.read("05/05/2024 10:00", line: 2)  // day = month: the same date either way
        #expect(!same.isAmbiguous)
    }

    @Test func monthAbove12IsNotADayFirstDate() {
        #expect(read("11/27/2024 13:05").0 == nil)
    }

    @Test func timeFormatSettlesTheOrder() throws {
        #expect(read("05/12/2024 22:00", format: try TimeFormat("%d/%m/%Y %H:%M")).0 == 1_733_407_200)
        #expect(read("05/12/2024 22:00", format: try TimeFormat("%m/%d/%Y %H:%M")).0 == 1_715_522_400)
        #expect(read("05/12/24 22:00:00", format: try TimeFormat("%d/%m/%y %H:%M:%S")).0 == 1_733_407_200)
        #expect(read("2024.12.05-22.00", format: try TimeFormat("%Y.%m.%d-%H.%M")).0 == 1_733_407_200)
        #expect(read("05/12/2024 14:00Z", format: try TimeFormat("%d/%m/%Y %H:%M")).0 == 1_733_407_200)
        let (_, reader) = read("05/12/2024 22:00", format: try TimeFormat("%d/%m/%Y %H:%M"))
        #expect(!reader.isAmbiguous)
        #expect(read("2024-12-05 22:00", format: try TimeFormat("%d/%m/%Y %H:%M")).0 == nil)
    }

    @Test(arguments: ["%d/%m %H:%M", "%d/%m/%Y %Q", "%d/%m/%Y %"])
    func unusableTimeFormatsAreRefused(pattern: String) {
        #expect(throws: TemporalError.self) { try TimeFormat(pattern) }
    }

    @Test func suggestedFormatFollowsTheSample() {
        #expect(TimeReader.suggestedFormat(for: "05/12/2024 22:00") == "%d/%m/%Y %H:%M")
        #expect(TimeReader.suggestedFormat(for: "05-12-2024 22:00:15") == "%d-%m-%Y %H:%M:%S")
    }
}

@Suite struct FieldExportColumnTests {
    private func file(_ text: String, name: String = "fixes.csv") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cakupan-field-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private func readAll(_ reader: FixCSVReader) throws -> ([FixRecord], FixCSVSummary) {
        var records: [FixRecord] = []
        let summary = try reader.forEach { records.append($0) }
        return (records, summary)
    }

    @Test func polresSheetWithDateAndTimeColumns() throws {
        let path = try file("No;Plat Nomor;Tanggal;Jam;Lintang;Bujur\n1;DH 1017 KP;27/11/2024;13:05:00;-10,171260;123,607797\n")
        let (records, summary) = try readAll(FixCSVReader(path: path, utcOffset: UTCOffset.wita))
        #expect(records == [FixRecord(unit: "DH 1017 KP", time: 1_732_683_900, lon: 123.607797, lat: -10.17126, line: 2)])
        #expect(summary.unitColumn == "Plat Nomor")
        #expect(summary.dateColumn == "Tanggal")
        #expect(summary.timeColumn == "Jam")
    }

    @Test(arguments: ["device", "deviceId", "device_id", "IMEI", "nopol", "No Pol", "nama unit", "Unit_ID"])
    func unitColumnNames(name: String) throws {
        let path = try file("\(name),time,lat,lon\nDH 1,1732683900,-10.1,123.6\n")
        let (records, _) = try readAll(FixCSVReader(path: path))
        #expect(records.first?.unit == "DH 1")
    }

    @Test func traccarFixTimeWinsOverServerAndDeviceTime() throws {
        let path = try file(
            "id,deviceId,serverTime,deviceTime,fixTime,latitude,longitude\n"
                + "1,12,2024-11-26T23:09:00Z,2024-11-26T23:04:00Z,2024-11-26T23:03:00.000Z,-10.1,123.6\n")
        let (records, summary) = try readAll(FixCSVReader(path: path))
        #expect(records.first?.time == 1_732_662_180)
        #expect(records.first?.unit == "12")
        #expect(summary.timeColumn == "fixTime")
    }

    @Test func withoutUnitColumnTheFileNamesTheUnit() throws {
        let path = try file("time,lat,lon\n2024-11-27T13:05:00+08:00,-10.1,123.6\n", name: "patroli_bripka.csv")
        let (records, summary) = try readAll(FixCSVReader(path: path))
        #expect(records.first?.unit == "patroli_bripka")
        #expect(summary.unit == "patroli_bripka")
        #expect(summary.unitColumn == nil)
    }

    @Test func rowsWithoutTimeAreSkippedAndCounted() throws {
        let path = try file(
            "kendaraan,waktu,lat,lon\nA,2024-11-27 13:05,-10.1,123.6\nA,,-10.1,123.6\nA, ,-10.1,123.6\nA,1732683960,-10.1,123.6\n")
        let (records, summary) = try readAll(FixCSVReader(path: path, utcOffset: UTCOffset.wita))
        #expect(records.map(\.time) == [1_732_683_900, 1_732_683_960])
        #expect(summary.untimed == 2)
        #expect(summary.untimedLines == [3, 4])
    }

    @Test func ambiguousFileIsRefusedNamingColumnAndFirstRow() throws {
        let path = try file("Kendaraan,Waktu,Latitude,Longitude\nS1,05/12/2024 22:00,-10.1,123.6\nS1,06/12/2024 01:00,-10.1,123.6\n")
        #expect(throws: TemporalError.ambiguousDates(file: path, line: 2, column: "Waktu", value: "05/12/2024 22:00")) {
            try readAll(FixCSVReader(path: path, utcOffset: UTCOffset.wita))
        }
        let (records, _) = try readAll(
            FixCSVReader(
                path: path, utcOffset: UTCOffset.wita, timeFormat: try TimeFormat("%d/%m/%Y %H:%M")))
        #expect(records.map(\.time) == [1_733_407_200, 1_733_407_200 + 3 * 3600])
    }

    @Test func explicitMappingWins() throws {
        let path = try file("unit,Nopol,time,Jam GPS,lat,lon\nX,DH 2,2024-01-01 00:00,2024-11-27 13:05,-10.1,123.6\n")
        let (records, _) = try readAll(
            FixCSVReader(
                path: path, utcOffset: UTCOffset.wita, fields: [.unit: "nopol", .time: "Jam GPS"]))
        #expect(records == [FixRecord(unit: "DH 2", time: 1_732_683_900, lon: 123.6, lat: -10.1, line: 2)])
    }

    @Test func mappedColumnThatIsNotThereIsNamed() throws {
        let path = try file("unit,time,lat,lon\nX,1732683900,-10.1,123.6\n")
        #expect(
            throws: TemporalError.mappedColumnMissing(
                file: path, field: "unit", column: "Plat Nomor", header: ["unit", "time", "lat", "lon"])
        ) {
            try readAll(FixCSVReader(path: path, fields: [.unit: "Plat Nomor"]))
        }
    }
}
