import Testing

@testable import CakupanTemporal

@Suite struct TimestampParserTests {
    @Test func civilDateMatchesKnownEpochs() {
        #expect(CivilDate.days(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilDate.days(year: 2000, month: 3, day: 1) == 11_017)
        #expect(CivilDate.days(year: 2024, month: 11, day: 27) * 86_400 == Int(november27UTC))
        #expect(CivilDate.days(year: 1969, month: 12, day: 31) == -1)
    }

    @Test(arguments: [
        ("2024-11-27 08:00", UTCOffset.wita),  // WITA
        ("2024-11-27 07:00", UTCOffset.wib),  // WIB
        ("2024-11-27 09:00:00", UTCOffset.wit),  // WIT
        ("2024-11-27T00:00:00Z", UTCOffset.wib),  // offset in the text wins
        ("2024-11-27T07:00:00+07:00", UTCOffset.wit),
        ("2024-11-27T08:00:00+0800", 0),
        ("2024-11-26T23:00:00-01", 0),
        ("2024-11-27T07:00:00 +07:00", 0),
        ("  2024-11-27t07:00+07:00 ", 0),
        ("2024/11/27 07:00:00", UTCOffset.wib),
        ("1732665600", UTCOffset.wit),  // epoch seconds: no zone applies
    ])
    func readsTheSameInstant(text: String, offset: Int) {
        #expect(TimestampParser.parse(text, utcOffset: offset) == november27UTC)
    }

    @Test func readsFractionalSecondsAndOffsets() {
        #expect(TimestampParser.parse("2024-11-27T08:30:00+07:00", utcOffset: 0) == november27UTC + 5400)
        #expect(TimestampParser.parse("2024-11-27T01:30:00.250Z", utcOffset: 0) == november27UTC + 5400.25)
        #expect(TimestampParser.parse("2024-11-27 08:30:00,5", utcOffset: UTCOffset.wib) == november27UTC + 5400.5)
        #expect(TimestampParser.parse("1732665600.75", utcOffset: 0) == november27UTC + 0.75)
        #expect(TimestampParser.parse("2024-02-29 00:00Z", utcOffset: 0) != nil)
    }

    @Test(arguments: [
        "", "garbage", "2024-13-01 00:00", "2024-02-30 10:00", "2023-02-29 10:00", "2024-11-27",
        "27/11/2024 08:00", "2024-11-27 24:00", "2024-11-27 08:60", "2024-11-27T08:00:00+25:00",
        "2024-11-27T08:00:00+07:00x", "2024", "17326656", "2024-11-27 08:00:00.",
    ])
    func refusesWhatIsNotATimestamp(text: String) {
        #expect(TimestampParser.parse(text, utcOffset: UTCOffset.wib) == nil)
    }

    @Test func badTimestampErrorNamesLineAndField() {
        #expect(throws: TemporalError.badTimestamp(file: nil, line: 7, field: "waktu", value: "kemarin")) {
            _ = try TimestampParser.parse("kemarin", utcOffset: UTCOffset.wib, line: 7, field: "waktu")
        }
    }
}
