import Foundation

/// One whole run: read the inputs of a configuration, analyze, and write the result folder.
public enum Operation {
    /// Reads every input file of `config` into role values. The files are read at the same time, one
    /// task each (its own GDAL dataset and PROJ context): the national benchmark's 820,000-site CSV
    /// and 50,000-route GeoJSON took 10 s one after the other. Warnings and errors come out as if the
    /// files had been read in order (areas, sites, rawan, patrols): the first failing file's error,
    /// after the warnings of the files before it.
    public static func loadInputs(_ config: OperationConfig, parameters: AnalysisParameters, warnings: inout Warnings) throws -> AnalysisInputs {
        var clock = PhaseClock()
        defer { clock.lap("read inputs") }
        let roles = RoleParser(areaNameField: parameters.areaNameField, defaultRadius: parameters.radius, rawanRadius: parameters.rawanRadius)
        enum Role: Sendable { case areas, sites, rawan, patrols }
        enum Parsed: Sendable { case areas([Area]), sites([Site]), zones([RawanZone]), patrols([Patrol]) }
        var jobList: [(role: Role, path: String)] = []
        if let path = config.areas { jobList.append((.areas, path)) }
        if let path = config.sites { jobList.append((.sites, path)) }
        if let path = config.rawan { jobList.append((.rawan, path)) }
        for path in config.patrols { jobList.append((.patrols, path)) }
        let jobs = jobList
        let results = try Parallel.map(jobs.count) { j -> (Result<Parsed, Error>, Warnings) in
            var w = Warnings()
            let (role, path) = jobs[j]
            let result = Result<Parsed, Error> {
                func features(_ preference: LayerPreference, _ name: String) throws -> [InputFeature] {
                    let fs = try InputReader().read(path: path, displayPath: path, preference: preference, warnings: &w)
                    if fs.isEmpty { throw CakupanError.input(InputLocation(file: path), "the \(name) layer is empty: it has no features") }
                    return fs
                }
                switch role {
                case .areas: return .areas(try roles.areas(features(.polygons, "areas"), warnings: &w))
                case .sites: return .sites(try roles.sites(features(.points, "sites"), warnings: &w))
                case .rawan: return .zones(try roles.zones(features(.polygons, "rawan"), warnings: &w))
                case .patrols:
                    let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
                    return .patrols(try roles.patrols(features(.lines, "patrols"), fileStem: stem, warnings: &w))
                }
            }
            return (result, w)
        }
        var inputs = AnalysisInputs()
        for (j, (result, fileWarnings)) in results.enumerated() {
            warnings.append(contentsOf: fileWarnings)
            let path = jobs[j].path
            switch try result.get() {
            case .areas(let areas):
                inputs.areas = areas
                inputs.files.append(InputFileSummary(role: "areas", path: path, features: areas.count))
            case .sites(let sites):
                inputs.sites = sites
                inputs.files.append(InputFileSummary(role: "sites", path: path, features: sites.count))
            case .zones(let zones):
                inputs.zones = zones
                inputs.files.append(InputFileSummary(role: "rawan", path: path, features: zones.count))
            case .patrols(let patrols):
                inputs.patrols += patrols
                inputs.files.append(InputFileSummary(role: "patrols", path: path, features: patrols.count))
            }
        }
        if inputs.areas.isEmpty && inputs.sites.isEmpty && inputs.zones.isEmpty {
            throw CakupanError.usage("nothing to analyze: give at least one of --areas, --sites or --rawan")
        }
        return inputs
    }

    /// The files of a result folder, by name (visits.csv too when the run had tracks).
    public static func files(_ r: AnalysisResult, inputs: AnalysisInputs, operation: String?, warnings: Warnings) -> [(name: String, data: Data)] {
        func layer(_ name: String, _ features: [ResultLayers.Feature]) -> (String, Data) {
            (name, Data(GeoJSONEncoding.featureCollectionBytes(features)))
        }
        /// A layer of one feature per item, built and written in parallel ranges.
        func layer<Item: Sendable>(_ name: String, _ items: [Item], _ feature: @escaping @Sendable (Item) -> ResultLayers.Feature) -> (String, Data) {
            (name, Data(GeoJSONEncoding.featureCollectionBytes(count: items.count) { items[$0].map(feature) }))
        }
        let visits = r.temporal.map { [("visits.csv", TemporalOutput.visitsCSV($0))] } ?? []
        return [
            layer("areas.geojson", r.areas, ResultLayers.area),
            layer("sites.geojson", r.sites) { ResultLayers.site($0, r) },
            layer("zones.geojson", r.zones, ResultLayers.zone),
            layer("coverage.geojson", ResultLayers.coverage(r)),
            layer("gaps.geojson", ResultLayers.gaps(r)),
            layer("hotspots.geojson", ResultLayers.hotspots(r)),
            ("summary.json", Data(JSONWriter.pretty(Summary.json(r, inputs: inputs, operation: operation, warnings: warnings)).utf8)),
        ] + visits
    }
}
