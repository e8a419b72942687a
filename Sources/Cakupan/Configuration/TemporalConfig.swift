import CakupanTemporal
import Foundation
import Yams

/// The temporal part of an operation: GPS fix files and how to read visits from them, as given in
/// operation.yaml (keys below) or on the command line (`--tracks`, `--timezone`, …). Values are
/// parsed and checked where they are read, so an error names the YAML key or the flag; `from`, `to`
/// and `shift` stay text until the time zone is known (`TemporalSettings`).
public struct TemporalConfig: Sendable, Equatable {
    /// Fix files: CSV (unit, time, lon, lat), GPX tracks, or point layers with a time field.
    public var trackInputs: [InputSpec] = []
    /// The fix files' paths (one file each when set).
    public var tracks: [String] {
        get { trackInputs.map(\.path) }
        set { trackInputs = newValue.map { InputSpec(path: $0) } }
    }
    /// `--timezone`: WIB (Asia/Jakarta, default), WITA, WIT, or an offset such as +08:00.
    public var timezone: String?
    /// Start and end of the analysis window, ISO 8601 or local time (in `timezone`).
    public var from: String?
    public var to: String?
    /// Seconds; consecutive fixes further apart split a track (default 300).
    public var maxFixGap: Double?
    /// km/h; a faster implied move is a GPS jump (default 150).
    public var maxSpeed: Double?
    /// Seconds; visits of one unit to one site closer than this merge (default 120).
    public var mergeGap: Double?
    /// Metres; a unit this close to a site is at it (default 500).
    public var visitRadius: Double?
    /// Visit radius per site category (`SiteCategory.rawValue` → metres).
    public var radiusFor: [String: Double] = [:]
    /// Seconds a site may go without a unit before it is stale (default 7200).
    public var maxUnattended: Double?
    /// Stale limit per site category (`SiteCategory.rawValue` → seconds).
    public var maxUnattendedFor: [String: Double] = [:]
    /// Daily shift `HH:MM-HH:MM` in local time; only those hours count.
    public var shift: String?

    public init() {}

    /// The operation.yaml keys of the temporal analysis.
    static let keys = [
        "tracks", "timezone", "from", "to", "max_fix_gap", "max_speed", "merge_gap", "visit_radius",
        "radius_for", "max_unattended", "max_unattended_for", "shift",
    ]

    /// Whether any setting besides `tracks` is given (they do nothing without tracks).
    var hasSettings: Bool {
        timezone != nil || from != nil || to != nil || maxFixGap != nil || maxSpeed != nil || mergeGap != nil
            || visitRadius != nil || !radiusFor.isEmpty || maxUnattended != nil || !maxUnattendedFor.isEmpty || shift != nil
    }

    /// This configuration with every value set in `flags` taking precedence (per category for the
    /// per-category maps).
    public func overridden(by flags: TemporalConfig) -> TemporalConfig {
        var c = self
        if !flags.trackInputs.isEmpty { c.trackInputs = flags.trackInputs }
        c.timezone = flags.timezone ?? timezone
        c.from = flags.from ?? from
        c.to = flags.to ?? to
        c.maxFixGap = flags.maxFixGap ?? maxFixGap
        c.maxSpeed = flags.maxSpeed ?? maxSpeed
        c.mergeGap = flags.mergeGap ?? mergeGap
        c.visitRadius = flags.visitRadius ?? visitRadius
        c.radiusFor.merge(flags.radiusFor) { _, flag in flag }
        c.maxUnattended = flags.maxUnattended ?? maxUnattended
        c.maxUnattendedFor.merge(flags.maxUnattendedFor) { _, flag in flag }
        c.shift = flags.shift ?? shift
        return c
    }

    // MARK: Command line

    /// The settings given as command-line flags; errors name the flag.
    public static func fromFlags(
        tracks: [String], timezone: String?, from: String?, to: String?, maxFixGap: String?, maxSpeed: String?,
        mergeGap: String?, visitRadius: String?, radiusFor: [String], maxUnattended: String?,
        maxUnattendedFor: [String], shift: String?
    ) throws -> TemporalConfig {
        func fail(_ flag: String) -> (String) -> CakupanError { { CakupanError.usage("\(flag) \($0)") } }
        var c = TemporalConfig()
        c.tracks = tracks
        c.timezone = try timezone.map { try checkedTimezone($0, fail("--timezone")) }
        c.from = from
        c.to = to
        c.maxFixGap = try maxFixGap.map { try checkedDuration($0, fail("--max-fix-gap")) }
        c.maxSpeed = try maxSpeed.map { try checkedSpeed($0, fail("--max-speed")) }
        c.mergeGap = try mergeGap.map { try checkedDuration($0, fail("--merge-gap")) }
        c.visitRadius = try visitRadius.map { try checkedRadius($0, fail("--visit-radius")) }
        for item in radiusFor {
            let (category, value) = try categoryValue(item, fail("--radius-for"), example: "gudang=300")
            c.radiusFor[category] = try checkedRadius(value, fail("--radius-for \(category)="))
        }
        c.maxUnattended = try maxUnattended.map { try checkedLimit($0, fail("--max-unattended")) }
        for item in maxUnattendedFor {
            let (category, value) = try categoryValue(item, fail("--max-unattended-for"), example: "kpu=1h")
            c.maxUnattendedFor[category] = try checkedLimit(value, fail("--max-unattended-for \(category)="))
        }
        c.shift = try shift.map { try checkedShift($0, fail("--shift")) }
        return c
    }

    // MARK: operation.yaml

    /// Reads the temporal keys of an operation.yaml from its text. The YAML is composed again
    /// rather than loaded, so scalars stay as written: `22:00-06:00` is not a base-60 number and
    /// `2024-11-27 06:00` is not turned into a UTC date.
    static func load(yaml text: String, location: InputLocation, resolve: (String) -> String) throws -> TemporalConfig {
        var c = TemporalConfig()
        guard let root = try? Yams.compose(yaml: text), let map = root.mapping else { return c }
        func fail(_ key: String) -> (String) -> CakupanError {
            { CakupanError.input(location.with(field: key), $0) }
        }
        func scalar(_ key: String) throws -> String? {
            guard let node = map[key] else { return nil }
            guard let s = node.scalar else { throw fail(key)("expected a single value") }
            if s.tag == Tag(.null) || (s.string.isEmpty && s.style == .plain) || s.string == "~" || s.string == "null" {
                return nil
            }
            return s.string.trimmingCharacters(in: .whitespaces)
        }
        c.timezone = try scalar("timezone").map { try checkedTimezone($0, fail("timezone")) }
        c.from = try scalar("from")
        c.to = try scalar("to")
        c.maxFixGap = try scalar("max_fix_gap").map { try checkedDuration($0, fail("max_fix_gap")) }
        c.maxSpeed = try scalar("max_speed").map { try checkedSpeed($0, fail("max_speed")) }
        c.mergeGap = try scalar("merge_gap").map { try checkedDuration($0, fail("merge_gap")) }
        c.visitRadius = try scalar("visit_radius").map { try checkedRadius($0, fail("visit_radius")) }
        c.maxUnattended = try scalar("max_unattended").map { try checkedLimit($0, fail("max_unattended")) }
        c.shift = try scalar("shift").map { try checkedShift($0, fail("shift")) }
        /// `key: {gudang: 300, kpu: 400}` or `key: ["gudang=300", …]`.
        func perCategory(_ key: String, example: String, _ check: (String, @escaping (String) -> CakupanError) throws -> Double) throws
            -> [String: Double]
        {
            guard let node = map[key] else { return [:] }
            var out: [String: Double] = [:]
            if let m = node.mapping {
                for (k, v) in m {
                    guard let name = k.scalar?.string, let value = v.scalar?.string else {
                        throw fail(key)("expected category: value pairs, for example \(example.replacingOccurrences(of: "=", with: ": "))")
                    }
                    let (category, _) = try categoryValue("\(name)=\(value)", fail(key), example: example)
                    out[category] = try check(value, fail("\(key).\(category)"))
                }
            } else if let list = node.sequence {
                for item in list {
                    guard let text = item.scalar?.string else { throw fail(key)("expected entries like \(example)") }
                    let (category, value) = try categoryValue(text, fail(key), example: example)
                    out[category] = try check(value, fail("\(key).\(category)"))
                }
            } else if let text = node.scalar?.string, !text.isEmpty {
                for part in text.split(separator: ",") {
                    let (category, value) = try categoryValue(String(part), fail(key), example: example)
                    out[category] = try check(value, fail("\(key).\(category)"))
                }
            }
            return out
        }
        c.radiusFor = try perCategory("radius_for", example: "gudang=300", checkedRadius)
        c.maxUnattendedFor = try perCategory("max_unattended_for", example: "kpu=1h", checkedLimit)
        return c
    }

    // MARK: Value checks (shared by flags and YAML)

    static func checkedTimezone(_ text: String, _ fail: (String) -> CakupanError) throws -> String {
        do { _ = try UTCOffset.seconds(named: text) } catch {
            throw fail(
                "'\(text)' is not a time zone; use WIB (Asia/Jakarta), WITA (Asia/Makassar), WIT (Asia/Jayapura), UTC, or an offset such as +08:00"
            )
        }
        return text
    }

    static func checkedDuration(_ text: String, _ fail: (String) -> CakupanError) throws -> Double {
        guard let s = TemporalDuration.seconds(text), s >= 0 else {
            throw fail("'\(text)' is not a duration; write it like 5m, 300s, 300 (seconds), 2h or 1h30m")
        }
        return s
    }

    /// A stale limit: a duration, and a bare number below a minute is refused as a likely unit slip.
    static func checkedLimit(_ text: String, _ fail: (String) -> CakupanError) throws -> Double {
        let s = try checkedDuration(text, fail)
        if s < 60, TemporalDuration.isBareNumber(text) {
            throw fail("'\(text)' would be \(text) seconds; write the unit, for example \(text)h or \(text)m")
        }
        guard s > 0 else { throw fail("'\(text)': the limit must be longer than 0") }
        return s
    }

    static func checkedSpeed(_ text: String, _ fail: (String) -> CakupanError) throws -> Double {
        var t = text.lowercased().trimmingCharacters(in: .whitespaces)
        for suffix in ["km/h", "kmh", "kph", "km/jam"] where t.hasSuffix(suffix) {
            t = String(t.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
        }
        guard let v = NumberParsing.decimal(t), v.isFinite, v > 0 else {
            throw fail("'\(text)' is not a speed in km/h greater than 0 (for example 150)")
        }
        return v
    }

    public static func checkedRadius(_ text: String, _ fail: (String) -> CakupanError) throws -> Double {
        guard let r = Quantity.metres(text), r > 0 else {
            throw fail("'\(text)' is not a radius: give a positive number of metres, greater than 0 (for example 500, 500m or 1,5 km)")
        }
        guard r <= RoleParser.maximumRadius else {
            throw fail("\(text.trimmingCharacters(in: .whitespaces)) is larger than \(Int(RoleParser.maximumRadius)) m; is it in metres?")
        }
        return r
    }

    static func checkedShift(_ text: String, _ fail: (String) -> CakupanError) throws -> String {
        do { _ = try DailyShift(parsing: text) } catch {
            throw fail(
                "'\(text)' is not a daily shift; write HH:MM-HH:MM in local time, for example 22:00-06:00 (crossing midnight) or 06:00-18:00"
            )
        }
        return text
    }

    /// `gudang=300` (or `gudang:300`) → (category raw value, "300").
    static func categoryValue(_ text: String, _ fail: (String) -> CakupanError, example: String) throws -> (String, String) {
        guard let sep = text.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
            throw fail("'\(text)' should be category=value, for example \(example)")
        }
        let name = text[..<sep].trimmingCharacters(in: .whitespaces)
        let value = text[text.index(after: sep)...].trimmingCharacters(in: .whitespaces)
        guard let category = SiteCategory(parsing: name), !name.isEmpty else {
            throw fail(
                "'\(name)' is not a site category; the categories are \(SiteCategory.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return (category.rawValue, value)
    }
}

/// Durations as people write them: `300` (seconds), `300s`, `5m`, `2h`, `1h30m`, `1.5h`, `90 menit`,
/// `2 jam`. Units: s/sec/detik, m/min/menit, h/hr/jam.
enum TemporalDuration {
    static func seconds(_ text: String) -> Double? {
        let t = text.lowercased().trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return nil }
        if let bare = NumberParsing.decimal(t) { return bare.isFinite ? bare : nil }
        var total = 0.0
        var rest = Substring(t)
        let units: [(String, Double)] = [
            ("detik", 1), ("menit", 60), ("jam", 3600), ("sec", 1), ("min", 60), ("hr", 3600),
            ("s", 1), ("m", 60), ("h", 3600),
        ]
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " }
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }
            guard !number.isEmpty, let value = NumberParsing.decimal(String(number)) else { return nil }
            rest = rest.dropFirst(number.count).drop { $0 == " " }
            guard let unit = units.first(where: { rest.hasPrefix($0.0) }) else { return nil }
            rest = rest.dropFirst(unit.0.count)
            total += value * unit.1
        }
        return total.isFinite ? total : nil
    }

    static func isBareNumber(_ text: String) -> Bool {
        NumberParsing.decimal(text.trimmingCharacters(in: .whitespaces)) != nil
    }
}
