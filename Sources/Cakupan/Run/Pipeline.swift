import CakupanTemporal
import Foundation

/// The one pipeline of a run, which the CLI, the tests and the fuzz harness all call:
///
///     RunRequest ─► loadInputs ─► analyze (tracks ─► coverage ─► hotspots) ─► files ─► RunOutcome
///
/// `run` reads and analyzes and makes every file of the result folder in memory; `ResultFolderWriter`
/// then puts them in place in one atomic step. The CRS is chosen once per run, inside `analyze`.
public enum Pipeline {
    /// Reads, analyzes and makes the files of one run (nothing is written to disk).
    public static func run(_ request: RunRequest, services: RunServices = RunServices()) throws -> RunOutcome {
        try Parallel.$configured.withValue(services.threads) { try runBound(request, services: services) }
    }

    private static func runBound(_ request: RunRequest, services: RunServices) throws -> RunOutcome {
        let parameters = try request.config.parameters()
        InputReader.progressMode = services.readProgress
        var warnings = Warnings()
        var (result, inputs) = try analyze(
            request.config, parameters: parameters, progress: services.progress, now: services.clock(),
            warnings: &warnings)
        var clock = PhaseClock()
        if request.config.recommend.mode != nil {
            result.recommendations = try Recommender.run(result, inputs: inputs, config: request.config.recommend, warnings: &warnings)
            clock.lap("recommendations")
        }
        var files = files(result, inputs: inputs, operation: request.config.name, warnings: warnings)
        files += try Exports.files(result, formats: request.formats)
        if let language = request.briefing { files += try BriefingFiles.make(from: files, language: language) }
        clock.lap("output files made")
        return RunOutcome(result: result, inputs: inputs, warnings: warnings, files: files.map { ResultFile(name: $0.name, data: $0.data) })
    }

    /// `run`, then the files written to `folder` in one atomic step (`ResultFolderWriter`).
    @discardableResult
    public static func run(_ request: RunRequest, writingTo folder: URL, services: RunServices = RunServices()) throws -> RunOutcome {
        let outcome = try run(request, services: services)
        var clock = PhaseClock()
        try ResultFolderWriter.write(outcome.files, to: folder)
        clock.lap("output folder written")
        return outcome
    }

    /// Reads every input file of `config` into role values. The files are read at the same time, one
    /// task each (its own GDAL dataset and PROJ context): the national benchmark's 820,000-site CSV
    /// and 50,000-route GeoJSON took 10 s one after the other. Warnings and errors come out as if the
    /// files had been read in order (areas, sites, rawan, patrols; each role's files in the order
    /// given): the first failing file's error, after the warnings of the files before it. Several files
    /// of one role are joined; ids that clash across them are prefixed with the file's name.
    public static func loadInputs(_ config: OperationConfig, parameters: AnalysisParameters, warnings: inout Warnings) throws
        -> AnalysisInputs
    {
        var clock = PhaseClock()
        defer { clock.lap("read inputs") }
        let baseRoles = RoleParser(
            areaNameField: parameters.areaNameField, defaultRadius: parameters.radius, rawanRadius: parameters.rawanRadius)
        enum Parsed: Sendable { case areas([Area]), sites([Site]), zones([RawanZone]), patrols([Patrol]), candidates([Candidate]) }
        var jobList: [(role: InputRole, spec: InputSpec)] = []
        // Candidates are read only for a recommendation (else a warning says they do nothing).
        let roles: [InputRole] = [.areas, .sites, .rawan, .patrols] + (config.recommend.mode == nil ? [] : [.candidates])
        for role in roles {
            for spec in config.inputs(role) { jobList.append((role, spec)) }
        }
        let jobs = jobList
        let results = try Parallel.map(jobs.count) { j -> (Result<Parsed, Error>, Warnings) in
            var w = Warnings()
            let (role, spec) = jobs[j]
            let path = spec.description
            var roles = baseRoles
            roles.fields = spec.fields
            let result = Result<Parsed, Error> {
                func features(_ preference: LayerPreference, _ name: String) throws -> [InputFeature] {
                    var fs = try InputReader().read(
                        spec, displayPath: path, preference: preference, fieldsFlag: role.fieldsFlag, warnings: &w)
                    if fs.isEmpty { throw CakupanError.input(InputLocation(file: path), "the \(name) layer is empty: it has no features") }
                    if !spec.defaults.isEmpty { fs = fs.map { $0.withDefaults(spec.defaults) } }
                    try roles.checkMapped(fs, flag: role.fieldsFlag)
                    return fs
                }
                switch role {
                case .areas: return .areas(try roles.areas(features(.polygons, "areas"), warnings: &w))
                case .sites: return .sites(try roles.sites(features(.points, "sites"), warnings: &w))
                case .rawan: return .zones(try roles.zones(features(.polygons, "rawan"), warnings: &w))
                case .candidates: return .candidates(try roles.candidates(features(.points, "candidates"), warnings: &w))
                case .patrols, .tracks:
                    let stem = ((spec.path as NSString).lastPathComponent as NSString).deletingPathExtension
                    return .patrols(try roles.patrols(features(.lines, "patrols"), fileStem: stem, warnings: &w))
                }
            }
            return (result, w)
        }
        var inputs = AnalysisInputs()
        var seen: [InputRole: Set<String>] = [:]
        /// Ids of a later file of the role that an earlier file already used get the file's name first.
        func unique(_ ids: [String], _ role: InputRole, _ spec: InputSpec) -> [String] {
            let stem = ((spec.path as NSString).lastPathComponent as NSString).deletingPathExtension
            let clashes = ids.filter { seen[role, default: []].contains($0) }
            var out = ids
            if !clashes.isEmpty {
                out = ids.map { seen[role, default: []].contains($0) ? "\(stem):\($0)" : $0 }
                warnings.add(
                    "\(spec.description): \(clashes.count) id\(clashes.count == 1 ? "" : "s") already used by an earlier \(role.rawValue) file (the first: '\(clashes[0])'); prefixed with '\(stem):' to keep them apart",
                    kind: .duplicateIds)
            }
            seen[role, default: []].formUnion(out)
            return out
        }
        for (j, (result, fileWarnings)) in results.enumerated() {
            warnings.append(contentsOf: fileWarnings)
            let (role, spec) = jobs[j]
            /// The role's values with ids that clash with an earlier file's prefixed.
            func prefixed<Value: IdentifiedRoleValue>(_ values: [Value]) -> [Value] {
                var out = values
                for (i, id) in unique(values.map(\.id), role, spec).enumerated() { out[i].id = id }
                return out
            }
            let count: Int
            switch try result.get() {
            case .areas(let areas):
                inputs.areas += prefixed(areas)
                count = areas.count
            case .sites(let sites):
                inputs.sites += prefixed(sites)
                count = sites.count
            case .zones(let zones):
                inputs.zones += prefixed(zones)
                count = zones.count
            case .patrols(let patrols):
                inputs.patrols += patrols
                count = patrols.count
            case .candidates(let candidates):
                inputs.candidates += prefixed(candidates)
                count = candidates.count
            }
            inputs.files.append(InputFileSummary(role: role.rawValue, path: spec.description, features: count))
        }
        if config.recommend.mode == nil && (!config.candidateInputs.isEmpty || config.recommend.hasSettings) {
            warnings.add(
                "recommendation options (--candidates, --post-radius, --weight, --solve-time) have no effect without --recommend",
                kind: .unusedOptions)
        }
        if inputs.areas.isEmpty && inputs.sites.isEmpty && inputs.zones.isEmpty {
            throw CakupanError.usage("nothing to analyze: give at least one of --areas, --sites or --rawan")
        }
        FarAway.warn(inputs, warnings: &warnings)
        return inputs
    }

    /// The files of a result folder, by name (visits.csv too when the run had tracks).
    public static func files(_ r: AnalysisResult, inputs: AnalysisInputs, operation: String?, warnings: Warnings) -> [(
        name: String, data: Data
    )] {
        func layer(_ name: String, _ features: [ResultLayers.Feature]) -> (String, Data) {
            (name, Data(GeoJSONEncoding.featureCollectionBytes(features)))
        }
        /// A layer of one feature per item, built and written in parallel ranges.
        func layer<Item: Sendable>(_ name: String, _ items: [Item], _ feature: @escaping @Sendable (Item) -> ResultLayers.Feature) -> (
            String, Data
        ) {
            (name, Data(GeoJSONEncoding.featureCollectionBytes(count: items.count) { items[$0].map(feature) }))
        }
        let visits = r.temporal.map { [("visits.csv", TemporalOutput.visitsCSV($0))] } ?? []
        let posts = r.recommendations.map { [layer("recommendations.geojson", ResultLayers.recommendations($0, r))] } ?? []
        return [
            layer("areas.geojson", r.areas, ResultLayers.area),
            layer("sites.geojson", r.sites) { ResultLayers.site($0, r) },
            layer("zones.geojson", r.zones, ResultLayers.zone),
            layer("coverage.geojson", ResultLayers.coverage(r)),
            layer("gaps.geojson", ResultLayers.gaps(r)),
            layer("hotspots.geojson", ResultLayers.hotspots(r)),
        ] + posts + [
            ("summary.json", Data(JSONWriter.pretty(Summary.json(r, inputs: inputs, operation: operation, warnings: warnings)).utf8))
        ] + visits
    }

    /// Reads the inputs and analyzes them; with `config.temporal.tracks`, reads the GPS fixes first:
    /// visits per site, attendance per zone, patrol effort per area, and each unit's track added to
    /// the patrols before the coverage is computed.
    public static func analyze(
        _ config: OperationConfig, parameters: AnalysisParameters, progress: Progress = Progress(enabled: false),
        now: Date = Date(), warnings: inout Warnings
    ) throws -> (result: AnalysisResult, inputs: AnalysisInputs) {
        let inputs = try loadInputs(config, parameters: parameters, warnings: &warnings)
        let temporal = config.temporal
        guard !temporal.tracks.isEmpty else {
            if temporal.hasSettings {
                warnings.add(
                    "temporal options (--timezone, --from, --to, --visit-radius, --max-unattended, --shift, …) have no effect without --tracks",
                    kind: .unusedOptions)
            }
            return (try CoverageAnalysis(progress: progress).run(inputs, parameters: parameters, warnings: &warnings), inputs)
        }
        let settings = try TemporalSettings(temporal, timeFormat: config.timeFormat)
        // The CRS comes from the other inputs (the tracks are not read yet); without areas the tracks
        // can move the centre into another zone: then the fixes are read again in that zone.
        var crs = try TemporalAnalysis.singleCRS(inputs, parameters)
        var passWarnings = Warnings()
        var pass = try TemporalAnalysis.run(settings, inputs, crs: crs, parameters, now: now, warnings: &passWarnings)
        // Fixes later than the reorder window would start runs overlapping the unit's others in time
        // (its hours counted twice): read the tracks again holding every fix until the end.
        let late = pass.lateFixes
        if late > 0 {
            _ = pass.stream.result()
            passWarnings = Warnings()
            pass = try TemporalAnalysis.run(settings, inputs, crs: crs, parameters, exactOrder: true, now: now, warnings: &passWarnings)
        }
        var clock = PhaseClock()
        var all = inputs
        all.patrols += pass.patrols
        let chosen = try TemporalAnalysis.singleCRS(all, parameters)
        if chosen.epsg != crs.epsg {
            _ = pass.stream.result()
            crs = chosen
            passWarnings = Warnings()
            pass = try TemporalAnalysis.run(settings, inputs, crs: crs, parameters, exactOrder: late > 0, now: now, warnings: &passWarnings)
            all = inputs
            all.patrols += pass.patrols
            guard try TemporalAnalysis.singleCRS(all, parameters).epsg == crs.epsg else {
                throw CakupanError.usage("the tracks move the operation between UTM zones; give --crs EPSG:nnnn")
            }
        }
        warnings.append(contentsOf: passWarnings)
        if late > 0 {
            warnings.add(
                "tracks: \(late) fix\(late == 1 ? "" : "es") came more than \(Int(TemporalParameters().reorderWindow)) s out of time order for their unit (the file is not sorted by time); the tracks were read a second time holding every fix until the end, so the results are exact, at the cost of memory that grows with the number of fixes",
                kind: .lateFixes)
        }
        clock.lap("temporal: CRS checked again with the tracks")
        var result = try CoverageAnalysis(progress: progress).run(all, parameters: parameters, warnings: &warnings)
        TemporalAnalysis.attach(pass, settings, to: &result, inputs: all, parameters, warnings: &warnings)
        return (result, all)
    }
}
