import CakupanSchema

/// Times of the temporal summary, written for people without a date library (and so without the
/// machine's time zone or locale): ISO 8601 strings such as `2024-11-27T06:00:00+07:00` are read
/// by position and shown in the offset they carry, `+07:00` as WIB, `+08:00` WITA, `+09:00` WIT.
/// Text that does not look like that is shown as written.
struct TimeText: Sendable {
    let language: BriefingLanguage

    typealias Parts = ISOTime.Parts

    static func parts(_ text: String) -> Parts? { ISOTime.parts(text) }

    private static let monthsID = [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ]
    private static let monthsEN = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    /// `27 November 2024`.
    func date(_ parts: Parts) -> String {
        let months = language == .id ? Self.monthsID : Self.monthsEN
        return "\(parts.day) \(months[parts.month - 1]) \(parts.year)"
    }

    /// `06.00` in Indonesian (PUEBI writes a point), `06:00` in English.
    func clock(_ parts: Parts) -> String {
        language == .id ? parts.clock.replacingColon(with: ".") : parts.clock
    }

    /// WIB/WITA/WIT for Indonesia's offsets, else `UTC+hh:mm` (`UTC` for `Z`).
    func zone(_ offset: String) -> String {
        switch offset {
        case "+07:00", "+0700": "WIB"
        case "+08:00", "+0800": "WITA"
        case "+09:00", "+0900": "WIT"
        case "Z", "+00:00": "UTC"
        case "": ""
        default: "UTC" + offset
        }
    }

    /// A moment: `27 November 2024 06.00 WIB`.
    func moment(_ text: String) -> String {
        guard let parts = Self.parts(text) else { return text }
        return [date(parts), clock(parts), zone(parts.offset)].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// A window: `27 November 2024, 06.00–18.00 WIB` on one day, else both moments in full.
    func window(from: String, to: String) -> String {
        guard let start = Self.parts(from), let end = Self.parts(to) else { return "\(from) – \(to)" }
        if start.year == end.year, start.month == end.month, start.day == end.day, start.offset == end.offset {
            let zone = zone(start.offset)
            return "\(date(start)), \(clock(start))–\(clock(end))" + (zone.isEmpty ? "" : " " + zone)
        }
        return "\(moment(from)) – \(moment(to))"
    }

    /// The hour of an hourly bucket for chart labels: `06`.
    func hourLabel(_ text: String) -> String {
        guard let parts = Self.parts(text) else { return text }
        return String(parts.clock.prefix(2))
    }

    /// A duration in seconds: `3 j 20 mnt` / `3 h 20 min`, minutes rounded.
    func duration(_ seconds: Double, _ strings: BriefingStrings) -> String {
        let minutes = Int((max(seconds, 0) / 60).rounded())
        let hours = minutes / 60
        let rest = minutes % 60
        if hours == 0 { return "\(rest) \(strings.minutesAbbreviation)" }
        return "\(hours) \(strings.hoursAbbreviation) \(rest) \(strings.minutesAbbreviation)"
    }
}

extension String {
    fileprivate func replacingColon(with replacement: Character) -> String {
        String(map { $0 == ":" ? replacement : $0 })
    }
}
