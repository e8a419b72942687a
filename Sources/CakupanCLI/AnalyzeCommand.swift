import ArgumentParser
import Cakupan
import CakupanBriefing
import Foundation

/// `cakupan analyze`: reads the inputs, runs the one pipeline, writes the result folder.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyze patrol coverage and write the result folder.",
        discussion: """
            Inputs come as flags or in an operation YAML file (keys: name, areas,
            sites, rawan, patrols, tracks, radius, rawan_radius, min_zone_coverage,
            crs, out, area_name, time_format, timezone, from, to, max_fix_gap,
            max_speed, merge_gap, visit_radius, radius_for, max_unattended,
            max_unattended_for, shift, history, candidates, recommend, post_radius,
            weights, solve_time; paths relative to the YAML file). A role
            in YAML takes one path, a list, or entries such as
              sites:
                - {path: kpu.xlsx, defaults: {kategori: kpu, prioritas: tinggi}}
                - {path: peta.kmz, layer: Lokasi Strategis}

            Roles and the fields read (any case; first present wins):
              areas    Polygons. Name: nama, NAMOBJ, desa, kecamatan, name,
                       WADMKC, ... (the most specific level present).
              sites    Points, or rows with lat/lon, one "lat, lon" column,
                       DMS (10°09'47.5"S) or LS/BT values. Fields: nama,
                       kategori (kpu, bawaslu, partai, tps, pleno, gudang,
                       kampanye, kediaman, lainnya), prioritas (tinggi,
                       sedang, rendah; default sedang).
              rawan    Polygons, or points with radius_m; tingkat/level.
              patrols  Lines; radius_m overrides --radius per patrol.
              tracks   Timed fixes; unit, time (or date + time), lat, lon.
            Every file GDAL reads: GeoJSON, Shapefile, GeoPackage, KML/KMZ,
            GPX, FlatGeobuf, CSV, XLSX/ODS, and .zip archives of them.
            FILE#LAYER reads one layer (KML folder, GeoPackage table, sheet).
            A file without a CRS is taken as EPSG:4326 (lon/lat), with a
            warning. Distances: 500, 500m or 1,5 km; durations: 300, 5m, 2h.

            Output (--out, default ./cakupan-out): areas, sites, zones,
            coverage, gaps and hotspots as GeoJSON, summary.json, visits.csv
            (with tracks) and manifest.json, written in one step; files of an
            earlier run that this run does not write are removed, other files
            are kept.
            """)

    @OptionGroup(title: "Inputs") var inputs: InputOptions
    @OptionGroup(title: "Coverage") var coverage: CoverageOptions
    @OptionGroup(title: "GPS tracks") var tracks: TrackOptions
    @OptionGroup(title: "Recommendations") var recommend: RecommendOptions
    @OptionGroup(title: "Output") var output: OutputOptions
    @OptionGroup(title: "Briefing") var briefing: BriefingOptionGroup

    /// The run's configuration: the YAML file, then the flags over it.
    func configuration() throws -> OperationConfig {
        var flags = OperationConfig()
        inputs.apply(to: &flags)
        coverage.apply(to: &flags)
        try tracks.apply(to: &flags)
        try recommend.apply(to: &flags)
        flags.out = output.out
        flags.name = output.name
        flags.history = output.history
        var base = try inputs.operation.map { try OperationConfig.load(path: $0) } ?? OperationConfig()
        // Field mappings given as flags without files apply to the YAML file's entries.
        for role in InputRole.allCases where flags.inputs(role).isEmpty {
            let fields = role == .tracks ? tracks.trackFields : role == .candidates ? recommend.candidateFields : inputs.fieldsFor(role)
            if let fields { base.mapFields(fields, for: role) }
        }
        let config = base.overridden(by: flags)
        _ = try config.parameters()
        return config
    }

    func run() throws {
        PhaseClock.startRun()
        let config = try configuration()
        // The store is checked before the analysis: a bad store stops the run before any work.
        let historyStore = try config.history.map { target in
            try HistoryRun.checkWindow(config)
            return try HistoryStore.open(target: target)
        }
        let request = RunRequest(config: config, formats: output.format, briefing: briefing.briefing ? briefing.lang : nil)
        let showProgress = output.progress ?? (isatty(2) == 1)
        let services = RunServices(
            progress: Progress(enabled: showProgress),
            readProgress: output.progress.map { $0 ? .always : .never } ?? .automatic)
        let outPath = config.out ?? Defaults.out
        let outcome = try Pipeline.run(request, writingTo: URL(fileURLWithPath: outPath), services: services)
        for w in outcome.warnings.messages { FileHandle.standardError.write(Data("cakupan: warning: \(w)\n".utf8)) }
        try recommend.writeInstance(outcome.result.recommendations)
        if !output.quiet {
            let report = TextReport(language: briefing.lang == .en ? .en : .id)
            print(report.render(outcome.result, operation: config.name, outputFolder: outPath), terminator: "")
        }
        if let historyStore {
            // After the result folder is in place: a failed append leaves the results, and says so.
            do {
                let run = try HistoryRun.make(result: outcome.result, config: config)
                try historyStore.append(run)
                if !output.quiet {
                    print("History: run of \(run.day) (\(run.windowFrom) – \(run.windowTo)) added to \(historyStore.displayName)")
                }
            } catch let error as CakupanError {
                let message = "the results were written to \(outPath), but the run was not added to the history: \(error)"
                throw error.isUserError ? CakupanError.usage(message) : CakupanError.internal(message)
            }
        }
    }
}
