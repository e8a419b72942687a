import CakupanSchema

/// An SVG bar chart of attended sites per hour (summary.json `temporal.hourly`), 1000×260 px:
/// a bar per hour labelled with its count, hour labels below, a round y-axis maximum.
struct TimelineChart {
    let hours: [TemporalSummary.Hour]
    let strings: BriefingStrings
    let numbers: NumberText
    let time: TimeText

    static let width = 1000.0
    static let height = 260.0
    private let plot = ScreenBox(minX: 56, minY: 16, maxX: 990, maxY: 220)

    func svg() -> String {
        let maximum = Self.roundMaximum(hours.map(\.attendedSites).max() ?? 0)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\""
        out += " width=\"\(Int(Self.width))\" height=\"\(Int(Self.height))\" font-family=\"\(MapDrawing.fontFamily)\" font-size=\"12\""
        out += " role=\"img\" aria-label=\"\(XMLText.escape(strings.timelineTitle))\">\n"
        // Grid lines and y labels at quarters of the maximum.
        for quarter in 0...4 {
            let value = maximum * quarter / 4
            let y = plot.maxY - plot.height * Double(quarter) / 4
            out +=
                "<path d=\"M\(SVGNumber.px(plot.minX)) \(SVGNumber.px(y))H\(SVGNumber.px(plot.maxX))\" stroke=\"\(quarter == 0 ? "#555" : "#ddd")\" stroke-width=\"1\"/>"
            out +=
                "<text x=\"\(SVGNumber.px(plot.minX - 6))\" y=\"\(SVGNumber.px(y + 4))\" text-anchor=\"end\" fill=\"#444\">\(numbers.integer(value))</text>\n"
        }
        guard !hours.isEmpty, maximum > 0 else { return out + "</svg>\n" }
        let slot = plot.width / Double(hours.count)
        let barWidth = max(slot * 0.72, 1)
        let labelEvery = max(1, Int((Double(hours.count) / 24).rounded(.up)))
        out += "<g fill=\"\(Palette.coverageFill)\">\n"
        for (index, hour) in hours.enumerated() {
            let barHeight = plot.height * Double(hour.attendedSites) / Double(maximum)
            let x = plot.minX + slot * Double(index) + (slot - barWidth) / 2
            out +=
                "<rect x=\"\(SVGNumber.px(x))\" y=\"\(SVGNumber.px(plot.maxY - barHeight))\" width=\"\(SVGNumber.px(barWidth))\" height=\"\(SVGNumber.px(barHeight))\"><title>\(XMLText.escape(time.moment(hour.hour))): \(numbers.integer(hour.attendedSites)) \(XMLText.escape(strings.attendedSites))</title></rect>\n"
        }
        out += "</g>\n<g text-anchor=\"middle\" fill=\"\(Palette.ink)\">\n"
        for (index, hour) in hours.enumerated() where index % labelEvery == 0 {
            let x = plot.minX + slot * (Double(index) + 0.5)
            out +=
                "<text x=\"\(SVGNumber.px(x))\" y=\"\(SVGNumber.px(plot.maxY + 16))\">\(XMLText.escape(time.hourLabel(hour.hour)))</text>"
            if hours.count <= 36 {
                let barTop = plot.maxY - plot.height * Double(hour.attendedSites) / Double(maximum)
                out +=
                    "<text x=\"\(SVGNumber.px(x))\" y=\"\(SVGNumber.px(barTop - 4))\" font-size=\"11\">\(numbers.integer(hour.attendedSites))</text>"
            }
            out += "\n"
        }
        out +=
            "<text x=\"\(SVGNumber.px(plot.centre.x))\" y=\"\(SVGNumber.px(Self.height - 6))\" fill=\"#444\">\(XMLText.escape(strings.hour))</text>\n"
        out += "</g>\n</svg>\n"
        return out
    }

    /// Four times the smallest grid step of 1, 2 or 5 × 10ⁿ whose four steps reach `value`, so the
    /// quarter lines fall on whole numbers: 12 → 20, 37 → 40, 0…4 → 4.
    static func roundMaximum(_ value: Int) -> Int {
        var decade = 1
        while true {
            for factor in [1, 2, 5] where 4 * decade * factor >= value {
                return 4 * decade * factor
            }
            decade *= 10
        }
    }
}
