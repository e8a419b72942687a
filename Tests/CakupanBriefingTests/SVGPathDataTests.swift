import Testing

@testable import CakupanBriefing

@Suite struct SVGPathDataTests {
    @Test func writesRelativeCompactPathsOnTheTenthPixelGrid() {
        let ring = [TenthPoint(x: 123, y: 45), TenthPoint(x: 128, y: 45), TenthPoint(x: 128, y: 30), TenthPoint(x: 100, y: 10)]
        #expect(SVGPathData.rings([ring]) == "M12.3 4.5h.5v-1.5l-2.8-2z")
    }

    @Test func separatesNumbersOnlyWhereNeeded() {
        let ring = [TenthPoint(x: 0, y: 0), TenthPoint(x: 10, y: 20), TenthPoint(x: 25, y: 25), TenthPoint(x: 5, y: -5)]
        #expect(SVGPathData.rings([ring, ring]) == "M0 0l1 2 1.5 .5-2-3zM0 0l1 2 1.5 .5-2-3z")
    }

    @Test func roundsToOneDecimal() {
        #expect(SVGNumber.px(12.345) == "12.3")
        #expect(SVGNumber.px(-0.05) == "-.1")
        #expect(SVGNumber.px(0.04) == "0")
        #expect(SVGNumber.px(1400) == "1400")
    }
}
