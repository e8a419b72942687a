import Testing

@testable import CakupanBriefing

@Suite struct TextFormattingTests {
    let id = NumberText(.id)
    let en = NumberText(.en)

    @Test func numbersFollowTheLanguage() {
        #expect(id.integer(25_000) == "25.000")
        #expect(en.integer(25_000) == "25,000")
        #expect(id.integer(-1_234_567) == "-1.234.567")
        #expect(id.percent(0.8534) == "85,3%")
        #expect(en.percent(0.8534) == "85.3%")
        #expect(en.percent(1) == "100.0%")
        #expect(id.fixed(0.05, digits: 1) == "0,1")
        #expect(id.distance(847) == "850 m")
        #expect(id.distance(1_240) == "1,2 km")
        #expect(en.distance(12_600) == "13 km")
        #expect(en.scaleLength(0.5) == "500 m")
        #expect(en.scaleLength(20) == "20 km")
    }

    @Test func timesAreShownInTheirOwnOffset() {
        let id = TimeText(language: .id)
        let en = TimeText(language: .en)
        #expect(id.window(from: "2024-11-27T06:00:00+07:00", to: "2024-11-27T18:00:00+07:00") == "27 November 2024, 06.00–18.00 WIB")
        #expect(
            en.window(from: "2024-11-27T06:00:00+08:00", to: "2024-11-28T06:00:00+08:00")
                == "27 November 2024 06:00 WITA – 28 November 2024 06:00 WITA")
        #expect(id.moment("2024-02-14T13:05:00Z") == "14 Februari 2024 13.05 UTC")
        #expect(id.moment("kemarin") == "kemarin")
        #expect(id.hourLabel("2024-11-27T06:00:00+09:00") == "06")
        #expect(id.duration(19_800, .indonesian) == "5 j 30 mnt")
        #expect(en.duration(1_500, .english) == "25 min")
    }

    @Test func escapesMarkup() {
        #expect(XMLText.escape("A & B <\"C\">") == "A &amp; B &lt;&quot;C&quot;&gt;")
    }

    @Test func timelineMaximumIsFourRoundSteps() {
        #expect(TimelineChart.roundMaximum(0) == 4)
        #expect(TimelineChart.roundMaximum(3) == 4)
        #expect(TimelineChart.roundMaximum(12) == 20)
        #expect(TimelineChart.roundMaximum(18) == 20)
        #expect(TimelineChart.roundMaximum(37) == 40)
        #expect(TimelineChart.roundMaximum(41) == 80)
    }
}
