import ArgumentParser
import Cakupan

/// GPS tracks: the fix files and how visits are read from them.
struct TrackOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Timed GPS fixes: CSV, spreadsheet, GPX, points with a time (repeatable).", valueName: "file[#layer]"))
    var tracks: [String] = []

    @Option(
        name: .customLong("track-fields"),
        help: ArgumentHelp("Columns of fix fields, e.g. \"unit=Plat Nomor,date=Tanggal,time=Jam\".", valueName: "k=col,..."),
        transform: Parse.fields(.tracks))
    var trackFields: [RoleField: String]?

    @Option(
        name: .customLong("time-format"),
        help: ArgumentHelp("How ambiguous fix times are written, e.g. \"%d/%m/%Y %H:%M\".", valueName: "format"))
    var timeFormat: String?

    @Option(help: ArgumentHelp("Zone of times without an offset: WIB (default), WITA, WIT or +hh:mm.", valueName: "zone"))
    var timezone: String?

    @Option(help: ArgumentHelp("Start of the window (ISO 8601 or local '2024-11-27 06:00'; default: first fix).", valueName: "time"))
    var from: String?

    @Option(help: ArgumentHelp("End of the window (default: the last fix).", valueName: "time"))
    var to: String?

    @Option(name: .customLong("max-fix-gap"), help: ArgumentHelp("Fixes further apart split a track (default 5m).", valueName: "duration"))
    var maxFixGap: String?

    @Option(
        name: .customLong("max-speed"),
        help: ArgumentHelp("A fix implying more is a jump (default \(Int(Defaults.maxSpeedKmh)) km/h).", valueName: "km/h"))
    var maxSpeed: String?

    @Option(name: .customLong("merge-gap"), help: ArgumentHelp("Visits closer than this merge (default 2m).", valueName: "duration"))
    var mergeGap: String?

    @Option(
        name: .customLong("visit-radius"),
        help: ArgumentHelp("A unit this close to a site visits it (default \(Int(Defaults.visitRadius)) m).", valueName: "metres"))
    var visitRadius: String?

    @Option(
        name: .customLong("radius-for"),
        help: ArgumentHelp("Visit radius of one category, e.g. gudang=300 (repeatable).", valueName: "cat=metres"))
    var radiusFor: [String] = []

    @Option(name: .customLong("max-unattended"), help: ArgumentHelp("Stale after this without a unit (default 2h).", valueName: "duration"))
    var maxUnattended: String?

    @Option(
        name: .customLong("max-unattended-for"),
        help: ArgumentHelp("Stale limit of one category, e.g. kpu=1h (repeatable).", valueName: "cat=duration"))
    var maxUnattendedFor: [String] = []

    @Option(help: ArgumentHelp("Only these local hours count each day, e.g. 22:00-06:00.", valueName: "HH:MM-HH:MM"))
    var shift: String?

    func apply(to c: inout OperationConfig) throws {
        c.temporal = try TemporalConfig.fromFlags(
            tracks: [], timezone: timezone, from: from, to: to, maxFixGap: maxFixGap, maxSpeed: maxSpeed,
            mergeGap: mergeGap, visitRadius: visitRadius, radiusFor: radiusFor, maxUnattended: maxUnattended,
            maxUnattendedFor: maxUnattendedFor, shift: shift)
        c.temporal.trackInputs = tracks.map { text in
            var spec = InputSpec(parsing: text)
            spec.fields = trackFields ?? [:]
            return spec
        }
        c.timeFormat = timeFormat
    }
}
