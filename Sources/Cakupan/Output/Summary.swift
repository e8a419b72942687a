/// summary.json: inputs, CRS, parameters, totals, the per-area table, the hotspots, the temporal
/// figures (with tracks) and the warnings.
public enum Summary {
    public static let version = "0.1.0"

    public static func json(_ r: AnalysisResult, inputs: AnalysisInputs, operation: String?, warnings: Warnings) -> JSONValue {
        let t = r.totals
        var files = JSONObject()
        for role in ["areas", "sites", "rawan"] {
            let of = inputs.files.filter { $0.role == role }
            if of.count == 1 {
                files[role] = .object(JSONObject([("path", .string(of[0].path)), ("features", .int(of[0].features))]))
            } else if of.count > 1 {
                // Several files of one role: the total, then each file.
                files[role] = .object(
                    JSONObject([
                        ("path", .string(of.map(\.path).joined(separator: "; "))), ("features", .int(of.reduce(0) { $0 + $1.features })),
                        ("files", .array(of.map { .object(JSONObject([("path", .string($0.path)), ("features", .int($0.features))])) })),
                    ]))
            } else {
                files[role] = .null
            }
        }
        files["patrols"] = .array(
            inputs.files.filter { $0.role == "patrols" }.map {
                .object(JSONObject([("path", .string($0.path)), ("features", .int($0.features))]))
            })
        let mode: String = r.perZone ? "per-zone" : (r.parameters.crs == .auto ? "auto" : "fixed")
        let zones = r.zonesUsed.map { z in
            JSONValue.object(
                JSONObject([
                    ("epsg", .int(z.epsg)), ("name", .string(z.name)),
                    ("areas", .int(r.areas.filter { $0.epsg == z.epsg }.count)),
                ]))
        }
        let counts = warnings.counts.keys.sorted().map { ($0.rawValue, JSONValue.int(warnings.counts[$0]!)) }
        return .object(
            JSONObject(
                [
                    ("tool", .string("cakupan")), ("version", .string(version)), ("operation", .str(operation)),
                    ("inputs", .object(files)),
                    (
                        "crs",
                        .object(
                            JSONObject([
                                ("mode", .string(mode)), ("epsg", r.perZone ? .null : .int(r.crs.epsg)),
                                ("name", .string(r.perZone ? "WGS 84 / UTM, per area (zone of each area's centre)" : r.crs.name)),
                                ("zones", .array(zones)),
                                ("scale_corrected", .bool(r.perZone)),
                            ]))
                    ),
                    (
                        "parameters",
                        .object(
                            JSONObject([
                                ("radius_m", .num(r.parameters.radius, 3)), ("rawan_radius_m", .num(r.parameters.rawanRadius, 3)),
                                ("min_zone_coverage", .num(r.parameters.minZoneCoverage, 6)),
                                ("quadrant_segments", .int(r.parameters.quadrantSegments)),
                            ]))
                    ),
                    (
                        "totals",
                        .object(
                            JSONObject([
                                ("areas", .int(t.areas)), ("area_m2", .num(t.areaM2, 2)), ("covered_m2", .num(t.coveredM2, 2)),
                                ("coverage_share", .num(t.areaM2 > 0 ? t.coveredM2 / t.areaM2 : nil, 6)),
                                ("coverage_m2", .num(t.coverageM2, 2)), ("patrols", .int(t.patrols)),
                                ("sites_total", .int(t.sitesTotal)), ("sites_covered", .int(t.sitesCovered)),
                                ("high_total", .int(t.highTotal)), ("high_covered", .int(t.highCovered)),
                                ("zones", .int(t.zones)), ("rawan_m2", .num(t.rawanM2, 2)), ("rawan_covered_m2", .num(t.rawanCoveredM2, 2)),
                                ("rawan_covered_share", .num(t.rawanM2 > 0 ? t.rawanCoveredM2 / t.rawanM2 : nil, 6)),
                                ("hotspots", .int(t.hotspots)),
                            ]))
                    ),
                    ("areas", .array(r.areas.map { .object(JSONObject(ResultLayers.areaFields($0))) })),
                    (
                        "hotspots",
                        .array(r.hotspots.map { .object(JSONObject(ResultLayers.hotspotFields($0, temporal: r.temporal != nil))) })
                    ),
                ] + (TemporalOutput.summary(r).map { [("temporal", $0)] } ?? [])
                    + (r.recommendations.map { [("recommendations", ResultLayers.recommendationSummary($0, r))] } ?? []) + [
                        ("warning_counts", .object(JSONObject(counts))),
                        ("warnings", .array(warnings.messages.map(JSONValue.string))),
                    ]))
    }
}
