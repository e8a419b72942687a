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
            (ResultKeys.id, .string(a.area.id)), (ResultKeys.name, .str(a.area.name)),
            (ResultKeys.areaM2, m2(a.areaM2)), (ResultKeys.coveredM2, m2(a.coveredM2)), (ResultKeys.coverageShare, share(a.coverageShare)),
            (ResultKeys.rawanM2, m2(a.rawanM2)), (ResultKeys.rawanCoveredM2, m2(a.rawanCoveredM2)),
            (ResultKeys.rawanCoveredShare, share(a.rawanCoveredShare)),
            (ResultKeys.sitesTotal, .int(a.sitesTotal)), (ResultKeys.sitesCovered, .int(a.sitesCovered)),
            (ResultKeys.highTotal, .int(a.highTotal)), (ResultKeys.highCovered, .int(a.highCovered)),
            (ResultKeys.hotspots, .int(a.hotspots)), (ResultKeys.epsg, .int(a.epsg)),
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
            (ResultKeys.id, .string(s.site.id)), (ResultKeys.name, .str(s.site.name)),
            (ResultKeys.category, .string(s.site.category.rawValue)), (ResultKeys.priority, .string(s.site.priority.name)),
            (ResultKeys.radiusM, metres(s.radius)), (ResultKeys.distanceM, metres(s.distance)), (ResultKeys.covered, .bool(s.covered)),
            (ResultKeys.nearestPatrol, .str(s.nearestPatrol)), (ResultKeys.area, .str(s.areaID)),
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
            (ResultKeys.id, .string(z.zone.id)), (ResultKeys.name, .str(z.zone.name)), (ResultKeys.level, .string(z.zone.level.name)),
            (ResultKeys.source, .string(radius == nil ? "polygon" : "point")), (ResultKeys.radiusM, metres(radius)),
            (ResultKeys.areaM2, m2(z.areaM2)), (ResultKeys.coveredM2, m2(z.coveredM2)), (ResultKeys.coveredShare, share(z.coveredShare)),
            (ResultKeys.area, .str(z.areaID)), (ResultKeys.hotspotRank, z.hotspotRank.map(JSONValue.int) ?? .null),
        ] + TemporalOutput.zoneFields(z) as [(String, JSONValue)] { o[k] = v }
        return (z.geometry, o)
    }

    public static func coverage(_ r: AnalysisResult) -> [Feature] {
        guard let g = r.coverage else { return [] }
        return [
            (
                g,
                JSONObject([
                    (ResultKeys.areaM2, m2(r.totals.coverageM2)), (ResultKeys.radiusM, metres(r.parameters.radius)),
                    (ResultKeys.patrols, .int(r.totals.patrols)),
                ])
            )
        ]
    }

    public static func gaps(_ r: AnalysisResult) -> [Feature] {
        r.zones.compactMap { z in
            guard let gap = z.gap else { return nil }
            return (
                gap,
                JSONObject([
                    (ResultKeys.zone, .string(z.zone.id)), (ResultKeys.name, .str(z.zone.name)),
                    (ResultKeys.level, .string(z.zone.level.name)), (ResultKeys.gapM2, m2(z.gapM2)), (ResultKeys.area, .str(z.areaID)),
                ])
            )
        }
    }

    /// With `temporal` (the run had tracks), also `unattended_s` (stale sites; null otherwise).
    public static func hotspotFields(_ h: Hotspot, temporal: Bool = false) -> [(String, JSONValue)] {
        [
            (ResultKeys.rank, .int(h.rank)), (ResultKeys.kind, .string(h.kind.rawValue)), (ResultKeys.ref, .string(h.ref)),
            (ResultKeys.name, .str(h.name)),
            (ResultKeys.level, .string(h.level.name)), (ResultKeys.area, .str(h.areaID)), (ResultKeys.score, .num(h.score, 2)),
            (ResultKeys.reason, .string(h.reason)), (ResultKeys.reasonEn, .string(h.reasonEnglish)),
            (ResultKeys.distanceM, metres(h.distance)), (ResultKeys.gapM2, m2(h.gapM2)), (ResultKeys.coveredShare, share(h.coveredShare)),
            (ResultKeys.category, .str(h.category?.rawValue)),
        ] + (temporal ? [(ResultKeys.unattendedS, TemporalOutput.seconds(h.unattendedSeconds))] : [])
    }

    public static func hotspots(_ r: AnalysisResult) -> [Feature] {
        r.hotspots.map { h in (h.geometry, JSONObject(hotspotFields(h, temporal: r.temporal != nil))) }
    }
}
