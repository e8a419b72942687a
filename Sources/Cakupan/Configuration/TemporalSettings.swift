import CakupanTemporal

/// The temporal settings of a run with every default filled in and every time read: what the engine,
/// the outputs and summary.json use.
public struct TemporalSettings: Sendable, Equatable {
    public var tracks: [String] { trackInputs.map(\.path) }
    /// The fix files with their layers and field mappings.
    public var trackInputs: [InputSpec]
    /// The time zone as named in the outputs (`Asia/Jakarta`, `WITA`, `+08:00`, …).
    public var timezone: String
    /// Seconds east of UTC.
    public var utcOffset: Int
    /// Window bounds, epoch seconds; nil = the first / last kept fix.
    public var from: Double?
    public var to: Double?
    /// Seconds.
    public var maxFixGap: Double = Defaults.maxFixGap
    public var maxSpeedKmh: Double = Defaults.maxSpeedKmh
    /// Seconds.
    public var mergeGap: Double = Defaults.mergeGap
    /// Metres.
    public var visitRadius: Double = Defaults.visitRadius
    public var radiusFor: [SiteCategory: Double] = [:]
    /// Seconds.
    public var maxUnattended: Double = Defaults.maxUnattended
    public var maxUnattendedFor: [SiteCategory: Double] = [:]
    public var shift: DailyShift?
    /// The shift as written (`22:00-06:00`), nil without one.
    public var shiftText: String?
    /// How fix times are written (`--time-format`); nil detects them.
    public var timeFormat: TimeFormat?

    /// Douglas–Peucker tolerance (metres, projected) of the patrol lines drawn from tracks.
    public static let simplifyTolerance = 10.0
    /// Repeated passes of a unit within this many metres of its drawn lines are drawn once
    /// (`TrackLineDrawer`).
    public static let repeatTolerance = 25.0

    /// The default time zone, Western Indonesian Time (WIB, +07:00).
    public static let defaultTimezone = Defaults.timezone

    /// Resolves a configuration: the time zone first, then `from`/`to` read in it; `timeFormat` is
    /// `OperationConfig.timeFormat` (`--time-format`).
    public init(_ c: TemporalConfig, timeFormat: String? = nil) throws {
        trackInputs = c.trackInputs
        self.timeFormat = try timeFormat.map(Self.timeFormat)
        for spec in trackInputs {
            let other = spec.fields.keys.filter { FixField(rawValue: $0.rawValue) == nil }.map(\.rawValue).sorted()
            if !other.isEmpty {
                throw CakupanError.usage(
                    "--track-fields for \(spec): \(other.joined(separator: ", ")) cannot be mapped for GPS fixes; the fields are unit, time, date, lat, lon"
                )
            }
        }
        let zone = c.timezone ?? Self.defaultTimezone
        do { utcOffset = try UTCOffset.seconds(named: zone) } catch {
            throw CakupanError.usage(
                "--timezone '\(zone)' is not a time zone; use WIB (Asia/Jakarta), WITA (Asia/Makassar), WIT (Asia/Jayapura), UTC, or an offset such as +08:00"
            )
        }
        let lowered = zone.trimmingCharacters(in: .whitespaces).lowercased()
        timezone = UTCOffset.names.first { $0.name.lowercased() == lowered }?.name ?? ISOTime.offsetText(utcOffset)
        from = try c.from.map { try Self.moment($0, "--from / from", utcOffset) }
        to = try c.to.map { try Self.moment($0, "--to / to", utcOffset) }
        if let from, let to, to < from {
            throw CakupanError.usage("--to (\(c.to!)) is before --from (\(c.from!))")
        }
        if let v = c.maxFixGap { maxFixGap = v }
        if let v = c.maxSpeed { maxSpeedKmh = v }
        if let v = c.mergeGap { mergeGap = v }
        if let v = c.visitRadius { visitRadius = v }
        if let v = c.maxUnattended { maxUnattended = v }
        for (k, v) in c.radiusFor { if let cat = SiteCategory(rawValue: k) { radiusFor[cat] = v } }
        for (k, v) in c.maxUnattendedFor { if let cat = SiteCategory(rawValue: k) { maxUnattendedFor[cat] = v } }
        if let text = c.shift {
            do { shift = try DailyShift(parsing: text) } catch {
                throw CakupanError.usage("--shift '\(text)' is not a daily shift; write HH:MM-HH:MM, for example 22:00-06:00")
            }
            shiftText = text.trimmingCharacters(in: .whitespaces)
        }
    }

    /// `--time-format` read, or a usage error saying what is wrong with it.
    static func timeFormat(_ text: String) throws -> TimeFormat {
        do { return try TimeFormat(text) } catch let error as TemporalError {
            throw CakupanError.usage("--time-format: \(error.localizedDescription)")
        }
    }

    /// A moment given as ISO 8601 with an offset, local time in the run's zone, or a date alone
    /// (local midnight).
    static func moment(_ text: String, _ name: String, _ offset: Int) throws -> Double {
        if let t = TimestampParser.parse(text, utcOffset: offset) { return t }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.count == 10, let t = TimestampParser.parse(trimmed + " 00:00", utcOffset: offset) { return t }
        throw CakupanError.usage(
            "\(name) '\(text)' is not a time; write ISO 8601 such as 2024-11-27T06:00:00+07:00, or local time such as 2024-11-27 06:00 (read in --timezone)"
        )
    }

    /// The visit radius of a site category, metres.
    public func radius(for category: SiteCategory) -> Double { radiusFor[category] ?? visitRadius }

    /// The stale limit of a site category, seconds.
    public func limit(for category: SiteCategory) -> Double { maxUnattendedFor[category] ?? maxUnattended }

    /// The engine's parameters.
    func engineParameters(threads: Int) -> TemporalParameters {
        TemporalParameters(
            maxFixGap: maxFixGap, maxSpeed: maxSpeedKmh / 3.6, mergeGap: mergeGap, from: from, to: to,
            shift: shift, utcOffset: utcOffset, threads: max(1, min(64, threads)))
    }
}
