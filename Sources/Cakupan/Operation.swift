import Foundation

/// One whole run: read the inputs of a configuration, analyze, and write the result folder.
public enum Operation {
    /// Reads every input file of `config` into role values.
    public static func loadInputs(_ config: OperationConfig, parameters: AnalysisParameters, warnings: inout Warnings) throws -> AnalysisInputs {
        var clock = PhaseClock()
        defer { clock.lap("read inputs") }
        let reader = InputReader()
        let roles = RoleParser(areaNameField: parameters.areaNameField, defaultRadius: parameters.radius, rawanRadius: parameters.rawanRadius)
        var inputs = AnalysisInputs()
        func features(_ path: String, _ preference: LayerPreference, role: String) throws -> [InputFeature] {
            let fs = try reader.read(path: path, displayPath: path, preference: preference, warnings: &warnings)
            if fs.isEmpty { throw CakupanError.input(InputLocation(file: path), "the \(role) layer is empty: it has no features") }
            return fs
        }
        if let path = config.areas {
            inputs.areas = try roles.areas(features(path, .polygons, role: "areas"), warnings: &warnings)
            inputs.files.append(InputFileSummary(role: "areas", path: path, features: inputs.areas.count))
        }
        if let path = config.sites {
            inputs.sites = try roles.sites(features(path, .points, role: "sites"), warnings: &warnings)
            inputs.files.append(InputFileSummary(role: "sites", path: path, features: inputs.sites.count))
        }
        if let path = config.rawan {
            inputs.zones = try roles.zones(features(path, .polygons, role: "rawan"), warnings: &warnings)
            inputs.files.append(InputFileSummary(role: "rawan", path: path, features: inputs.zones.count))
        }
        for path in config.patrols {
            let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            let patrols = try roles.patrols(features(path, .lines, role: "patrols"), fileStem: stem, warnings: &warnings)
            inputs.patrols += patrols
            inputs.files.append(InputFileSummary(role: "patrols", path: path, features: patrols.count))
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
        let visits = r.temporal.map { [("visits.csv", TemporalOutput.visitsCSV($0))] } ?? []
        return [
            layer("areas.geojson", ResultLayers.areas(r)),
            layer("sites.geojson", ResultLayers.sites(r)),
            layer("zones.geojson", ResultLayers.zones(r)),
            layer("coverage.geojson", ResultLayers.coverage(r)),
            layer("gaps.geojson", ResultLayers.gaps(r)),
            layer("hotspots.geojson", ResultLayers.hotspots(r)),
            ("summary.json", Data(JSONWriter.pretty(Summary.json(r, inputs: inputs, operation: operation, warnings: warnings)).utf8)),
        ] + visits
    }
}
