import CakupanGeometry

/// Builds the features of each output layer from an analysis result. Input properties come first;
/// added properties follow (replacing an input property of the same name in place).
public enum ResultLayers {
    public typealias Feature = (geometry: Geometry?, properties: JSONObject)

    static func inputProperties(_ f: InputFeature) -> JSONObject {
        var o = JSONObject()
        for p in f.properties { o[p.name] = GeoJSONEncoding.value(p.value) }
        return o
    }

    static func m2(_ v: Double?) -> JSONValue { .num(v, 2) }
    static func metres(_ v: Double?) -> JSONValue { .num(v, 3) }
    static func share(_ v: Double?) -> JSONValue { .num(v, 6) }

    /// The added properties of an area (also the rows of summary.json's per-area table).
    public static func areaFields(_ a: AreaResult) -> [(String, JSONValue)] {
        [
            ("id", .string(a.area.id)), ("name", .str(a.area.name)),
            ("area_m2", m2(a.areaM2)), ("covered_m2", m2(a.coveredM2)), ("coverage_share", share(a.coverageShare)),
            ("rawan_m2", m2(a.rawanM2)), ("rawan_covered_m2", m2(a.rawanCoveredM2)),
            ("rawan_covered_share", share(a.rawanCoveredShare)),
            ("sites_total", .int(a.sitesTotal)), ("sites_covered", .int(a.sitesCovered)),
            ("high_total", .int(a.highTotal)), ("high_covered", .int(a.highCovered)),
            ("hotspots", .int(a.hotspots)), ("epsg", .int(a.epsg)),
        ] + TemporalOutput.areaFields(a)
    }

    public static func areas(_ r: AnalysisResult) -> [Feature] {
        r.areas.map(area)
    }

    static func area(_ a: AreaResult) -> Feature {
        var o = inputProperties(a.area.source)
        for (k, v) in areaFields(a) { o[k] = v }
        return (a.area.geometry, o)
    }

    public static func sites(_ r: AnalysisResult) -> [Feature] {
        r.sites.map { site($0, r) }
    }

    static func site(_ s: SiteResult, _ r: AnalysisResult) -> Feature {
        var o = inputProperties(s.site.source)
        for (k, v) in [
            ("id", .string(s.site.id)), ("name", .str(s.site.name)),
            ("category", .string(s.site.category.rawValue)), ("priority", .string(s.site.priority.name)),
            ("radius_m", metres(s.radius)), ("distance_m", metres(s.distance)), ("covered", .bool(s.covered)),
            ("nearest_patrol", .str(s.nearestPatrol)), ("area", .str(s.areaID)),
        ] as [(String, JSONValue)] { o[k] = v }
        if let v = s.temporal, let t = r.temporal {
            for (k, value) in TemporalOutput.siteFields(v, offset: t.settings.utcOffset) { o[k] = value }
        }
        return (.point(s.site.point), o)
    }

    public static func zones(_ r: AnalysisResult) -> [Feature] {
        r.zones.map(zone)
    }

    static func zone(_ z: ZoneResult) -> Feature {
        var o = inputProperties(z.zone.source)
        var radius: Double? = nil
        if case .circle(_, let rr) = z.zone.shape { radius = rr }
        for (k, v) in [
            ("id", .string(z.zone.id)), ("name", .str(z.zone.name)), ("level", .string(z.zone.level.name)),
            ("source", .string(radius == nil ? "polygon" : "point")), ("radius_m", metres(radius)),
            ("area_m2", m2(z.areaM2)), ("covered_m2", m2(z.coveredM2)), ("covered_share", share(z.coveredShare)),
            ("area", .str(z.areaID)), ("hotspot_rank", z.hotspotRank.map(JSONValue.int) ?? .null),
        ] + TemporalOutput.zoneFields(z) as [(String, JSONValue)] { o[k] = v }
        return (z.geometry, o)
    }

    public static func coverage(_ r: AnalysisResult) -> [Feature] {
        guard let g = r.coverage else { return [] }
        return [(g, JSONObject([("area_m2", m2(r.totals.coverageM2)), ("radius_m", metres(r.parameters.radius)),
                                ("patrols", .int(r.totals.patrols))]))]
    }

    public static func gaps(_ r: AnalysisResult) -> [Feature] {
        r.zones.compactMap { z in
            guard let gap = z.gap else { return nil }
            return (gap, JSONObject([("zone", .string(z.zone.id)), ("name", .str(z.zone.name)),
                                     ("level", .string(z.zone.level.name)), ("gap_m2", m2(z.gapM2)), ("area", .str(z.areaID))]))
        }
    }

    /// With `temporal` (the run had tracks), also `unattended_s` (stale sites; null otherwise).
    public static func hotspotFields(_ h: Hotspot, temporal: Bool = false) -> [(String, JSONValue)] {
        [
            ("rank", .int(h.rank)), ("kind", .string(h.kind.rawValue)), ("ref", .string(h.ref)), ("name", .str(h.name)),
            ("level", .string(h.level.name)), ("area", .str(h.areaID)), ("score", .num(h.score, 2)),
            ("reason", .string(h.reason)), ("reason_en", .string(h.reasonEnglish)),
            ("distance_m", metres(h.distance)), ("gap_m2", m2(h.gapM2)), ("covered_share", share(h.coveredShare)),
            ("category", .str(h.category?.rawValue)),
        ] + (temporal ? [("unattended_s", TemporalOutput.seconds(h.unattendedSeconds))] : [])
    }

    public static func hotspots(_ r: AnalysisResult) -> [Feature] {
        r.hotspots.map { h in (h.geometry, JSONObject(hotspotFields(h, temporal: r.temporal != nil))) }
    }
}
