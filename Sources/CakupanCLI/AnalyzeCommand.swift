import ArgumentParser
import Cakupan
import Foundation

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyze patrol coverage and write result layers.",
        discussion: """
            Give the inputs as flags, or an operation YAML file naming the same things (keys: name, areas, \
            sites, rawan, patrols, radius, rawan_radius, min_zone_coverage, crs, out, area_name, and for GPS \
            fixes tracks, timezone, from, to, max_fix_gap, max_speed, merge_gap, visit_radius, radius_for, \
            max_unattended, max_unattended_for, shift; history; paths relative to the YAML file). Flags override the \
            YAML file.

            Input roles:
              areas    Polygons (kecamatan or desa). Name from the first of nama, name, kecamatan, NAME_3,
                       WADMKC, shapeName (or --area-name); id from kode, id, or feature order.
              sites    Points. Optional nama/name, kategori/category (kpu, bawaslu, partai, tps, pleno,
                       gudang, kampanye, kediaman, lainnya), prioritas/priority (tinggi/sedang/rendah,
                       high/medium/low or 3/2/1; default sedang). Id from id/kode or feature order.
              rawan    Polygons, or points with a radius (field radius_m, else --rawan-radius). Level from
                       tingkat/level (default sedang).
              patrols  Lines (planned routes) or GPX tracks; repeatable. Id from name/id or
                       '<file>#<n>'; field radius_m overrides --radius for that patrol.
              tracks   Timed GPS fixes; repeatable: CSV with unit, time, lon, lat columns; GPX tracks
                       (unit = track name, else file name); points with a time field (time, timestamp,
                       waktu) and a unit field. Visits per site, attendance per zone, patrol hours and
                       km per area; each unit's track also counts as a patrol line. Writes visits.csv.
            CSV: lon/lat columns (lon, lng, long, longitude, bujur, x / lat, latitude, lintang, y) or a WKT
            column; ',' or ';' separators; decimal commas; UTF-8 with or without BOM.
            A file without a CRS is taken as EPSG:4326 (WGS 84 lon/lat), with a warning.

            Output (--out, default ./cakupan-out): areas.geojson, sites.geojson, zones.geojson,
            coverage.geojson, gaps.geojson, hotspots.geojson, summary.json; written to a temporary folder
            and moved into place only when everything succeeded.
            """)

    @Argument(help: "An operation YAML file (optional).")
    var operation: String?

    @Option(help: "Area polygons (kecamatan/desa).")
    var areas: String?

    @Option(help: "Strategic sites (points).")
    var sites: String?

    @Option(help: "Rawan zones (polygons, or points with radius_m).")
    var rawan: String?

    @Option(help: "Patrol routes or GPS tracks (repeatable).")
    var patrols: [String] = []

    @Option(help: "Patrol coverage radius in metres (default 500).")
    var radius: Double?

    @Option(name: .customLong("rawan-radius"), help: "Radius in metres of rawan zones given as points without radius_m (default 300).")
    var rawanRadius: Double?

    @Option(name: .customLong("min-zone-coverage"), help: "A rawan zone covered less than this share (0–1) is a hotspot (default 0.8).")
    var minZoneCoverage: Double?

    @Option(help: "Projected CRS for metric work: auto (UTM zone of the areas' centre) or EPSG:nnnn (default auto).")
    var crs: String?

    @Option(help: "Output folder (default ./cakupan-out).")
    var out: String?

    @Option(name: .customLong("area-name"), help: "Field holding area names (default: nama, name, kecamatan, NAME_3, WADMKC, shapeName).")
    var areaName: String?

    @Option(help: "Operation name shown in the summary.")
    var name: String?

    @Option(help: "Output formats besides GeoJSON, comma-separated: kml (Google Earth, My Maps), gpkg (QGIS). GeoJSON is always written.")
    var format: String = "geojson"

    @Flag(help: "Also write briefing.html (self-contained, prints on A4) and briefing.svg (the map).")
    var briefing = false

    @Option(help: "Briefing language: id (Bahasa Indonesia, default) or en.")
    var lang: String = "id"

    @Flag(name: .shortAndLong, help: "Print nothing on stdout.")
    var quiet = false

    @Flag(inversion: .prefixedNo, help: "Show a progress line on stderr for runs longer than a couple of seconds (default: on when stderr is a terminal).")
    var progress: Bool?

    @Option(help: "Timed GPS fixes (CSV unit,time,lon,lat; GPX; points with a time field); repeatable.")
    var tracks: [String] = []

    @Option(help: "Time zone of times written without an offset, and of the outputs: WIB/Asia/Jakarta (default), WITA, WIT, or +hh:mm.")
    var timezone: String?

    @Option(help: "Start of the time window (ISO 8601, or local time like '2024-11-27 06:00'); default: the first fix.")
    var from: String?

    @Option(help: "End of the time window; default: the last fix.")
    var to: String?

    @Option(name: .customLong("max-fix-gap"), help: "Fixes further apart split a track: no presence across the gap (default 5m; e.g. 300s, 300).")
    var maxFixGap: String?

    @Option(name: .customLong("max-speed"), help: "A fix implying a faster move (km/h) is a GPS jump and is dropped (default 150).")
    var maxSpeed: String?

    @Option(name: .customLong("merge-gap"), help: "Visits of one unit to one site less than this apart merge (default 2m).")
    var mergeGap: String?

    @Option(name: .customLong("visit-radius"), help: "A unit within this many metres of a site is visiting it (default 500).")
    var visitRadius: String?

    @Option(name: .customLong("radius-for"), help: "Visit radius for one site category, e.g. gudang=300 (repeatable).")
    var radiusFor: [String] = []

    @Option(name: .customLong("max-unattended"), help: "A site without a unit for longer is stale (default 2h; e.g. 90m).")
    var maxUnattended: String?

    @Option(name: .customLong("max-unattended-for"), help: "Stale limit for one site category, e.g. kpu=1h (repeatable).")
    var maxUnattendedFor: [String] = []

    @Option(help: "Only these local hours count each day, e.g. 22:00-06:00 (crossing midnight).")
    var shift: String?

    @Option(help: "Also add this run to a history store: a .gpkg file (created when missing) or PG:\"dbname=… host=…\" (PostGIS). A rerun of the same window replaces it. See `cakupan history`.")
    var history: String?

    func run() throws {
        PhaseClock.startRun()
        var flags = OperationConfig()
        flags.name = name
        flags.areas = areas
        flags.sites = sites
        flags.rawan = rawan
        flags.patrols = patrols
        flags.radius = radius
        flags.rawanRadius = rawanRadius
        flags.minZoneCoverage = minZoneCoverage
        flags.crs = crs
        flags.out = out
        flags.areaName = areaName
        flags.history = history
        flags.temporal = try TemporalConfig.fromFlags(
            tracks: tracks, timezone: timezone, from: from, to: to, maxFixGap: maxFixGap, maxSpeed: maxSpeed,
            mergeGap: mergeGap, visitRadius: visitRadius, radiusFor: radiusFor, maxUnattended: maxUnattended,
            maxUnattendedFor: maxUnattendedFor, shift: shift)
        let base = try operation.map { try OperationConfig.load(path: $0) } ?? OperationConfig()
        let config = base.overridden(by: flags)
        let parameters = try config.parameters()
        // The store is checked before the analysis: a bad store stops the run before any work.
        let historyStore = try config.history.map { target in
            try HistoryRun.checkWindow(config)
            return try HistoryStore.open(target: target)
        }

        var warnings = Warnings()
        defer {
            for w in warnings.messages { FileHandle.standardError.write(Data("cakupan: warning: \(w)\n".utf8)) }
        }
        let showProgress = progress ?? (isatty(2) == 1)
        InputReader.progressMode = progress.map { $0 ? .always : .never } ?? .automatic
        let (result, inputs) = try Operation.analyze(config, parameters: parameters, progress: Progress(enabled: showProgress), warnings: &warnings)
        var clock = PhaseClock()
        let outPath = config.out ?? "cakupan-out"
        let formats = try ExportFormat.parse(format)
        let language = try BriefingStep.language(lang)
        var files = Operation.files(result, inputs: inputs, operation: config.name, warnings: warnings)
        files += try Exports.files(result, formats: formats)
        if briefing { files += try BriefingStep.files(from: files, language: language) }
        clock.lap("output files made")
        try AtomicFolder.write(files, to: URL(fileURLWithPath: outPath))
        clock.lap("output folder written")
        if !quiet {
            print(TextReport.render(result, operation: config.name, outputFolder: outPath) + TemporalOutput.text(result), terminator: "")
        }
        if let historyStore {
            // After the result folder is in place: a failed append leaves the results, and says so.
            do {
                let run = try HistoryRun.make(result: result, config: config)
                try historyStore.append(run)
                if !quiet { print("History: run of \(run.day) (\(run.windowFrom) – \(run.windowTo)) added to \(historyStore.displayName)") }
            } catch let error as CakupanError {
                let message = "the results were written to \(outPath), but the run was not added to the history: \(error)"
                throw error.isUserError ? CakupanError.usage(message) : CakupanError.internal(message)
            }
        }
    }
}
