import Testing

@testable import CakupanTemporal

@Suite struct TimeZoneAndShiftTests {
    @Test(arguments: [
        ("WIB", 25_200), ("wib", 25_200), ("Asia/Jakarta", 25_200), ("Asia/Pontianak", 25_200),
        ("WITA", 28_800), ("Asia/Makassar", 28_800), ("WIT", 32_400), ("asia/jayapura", 32_400),
        ("UTC", 0), ("+08:00", 28_800), ("+0800", 28_800), ("+8", 28_800), ("UTC+9", 32_400),
        ("-03:30", -12_600), ("+5:30", 19_800),
    ])
    func readsZoneNamesAndOffsets(name: String, seconds: Int) throws {
        #expect(try UTCOffset.seconds(named: name) == seconds)
    }

    @Test(arguments: ["Asia/Tokyo", "", "+15:00", "+08:0:0", "08:00", "WIBB"])
    func refusesUnknownZones(name: String) {
        #expect(throws: TemporalError.unknownTimeZone(name)) { try UTCOffset.seconds(named: name) }
    }

    @Test func readsShifts() throws {
        let night = try DailyShift(parsing: "22:00-06:00")
        #expect(night.startSecond == 79_200)
        #expect(night.endSecond == 21_600)
        #expect(night.durationSeconds == 8 * 3600)
        #expect(try DailyShift(parsing: "08-16").durationSeconds == 8 * 3600)
        #expect(try DailyShift(parsing: "06:00-24:00").durationSeconds == 18 * 3600)
        #expect(throws: TemporalError.badShift("10:00-10:00")) { try DailyShift(parsing: "10:00-10:00") }
        #expect(throws: TemporalError.badShift("25:00-06:00")) { try DailyShift(parsing: "25:00-06:00") }
        #expect(throws: TemporalError.badShift("malam")) { try DailyShift(parsing: "malam") }
    }

    @Test func nightShiftOccurrencesInWIB() throws {
        let night = try DailyShift(parsing: "22:00-06:00")
        // 2024-11-27 20:00 WIB to 2024-11-29 08:00 WIB: two nights.
        let from = november27UTC + 13 * 3600
        let to = from + 36 * 3600
        let spans = night.occurrences(from: from, to: to, utcOffset: UTCOffset.wib)
        #expect(spans.count == 2)
        #expect(spans.first == TimeSpan(start: november27UTC + 15 * 3600, end: november27UTC + 23 * 3600))
        #expect(spans.last == TimeSpan(start: november27UTC + 39 * 3600, end: november27UTC + 47 * 3600))
        #expect(night.overlapSeconds(from: from, to: to, utcOffset: UTCOffset.wib) == 16 * 3600)
    }
}
