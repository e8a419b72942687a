import CakupanGEOS
import CakupanGeometry

/// The demand for new posts, from an analysis: uncovered sites, stale sites (with GPS tracks) and one
/// point inside the gap of each rawan zone covered less than `--min-zone-coverage`.
enum DemandPoints {
    /// In input order: sites first (by site order), then zone gaps (by zone order).
    static func make(_ r: AnalysisResult, weights: (Level) -> Double, frames: inout MetricFrames) throws -> [DemandPoint] {
        var out: [DemandPoint] = []
        for (i, s) in r.sites.enumerated() {
            let cause: DemandPoint.Cause
            if !s.covered { cause = .uncovered } else if s.temporal?.row.stale == true { cause = .stale } else { continue }
            out.append(
                DemandPoint(
                    ref: .site(i), cause: cause, level: s.site.priority, point: s.site.point,
                    weight: weights(s.site.priority), areaID: s.areaID,
                    epsg: frames.epsg(areaID: s.areaID, at: s.site.point)))
        }
        for (i, z) in r.zones.enumerated() where z.areaM2 > 0 && z.coveredShare < r.parameters.minZoneCoverage {
            guard let gap = z.gap, let centre = gap.envelope?.center else { continue }
            let epsg = frames.epsg(areaID: z.areaID, at: centre)
            let point = try frames.frame(epsg).pointOnSurface(gap)
            out.append(
                DemandPoint(
                    ref: .zone(i), cause: .zoneGap, level: z.zone.level, point: point,
                    weight: weights(z.zone.level), areaID: z.areaID, epsg: epsg))
        }
        return out
    }
}

/// The projected CRSs of a run, as the analysis measured: one CRS, or (per-zone mode) the UTM zone of
/// each area with distances divided by the local scale factor k (true metres).
struct MetricFrames {
    let perZone: Bool
    let single: Int
    /// Area id → the EPSG code it was measured in.
    let areaEPSG: [String: Int]
    /// UTM zone number → the EPSG code of the group using it.
    let zoneEPSG: [Int: Int]
    private var cache: [Int: JobContext] = [:]

    init(_ r: AnalysisResult) {
        perZone = r.perZone
        single = r.crs.epsg
        areaEPSG = Dictionary(r.areas.map { ($0.area.id, $0.epsg) }, uniquingKeysWith: { a, _ in a })
        zoneEPSG = Dictionary(r.zonesUsed.map { ($0.epsg % 100, $0.epsg) }, uniquingKeysWith: { a, _ in a })
    }

    /// Where the analysis measured something in the area `areaID` (else at `point`).
    func epsg(areaID: String?, at point: Coordinate) -> Int {
        guard perZone else { return single }
        if let id = areaID, let e = areaEPSG[id] { return e }
        let own = UTM.epsg(for: point)
        return zoneEPSG[own % 100] ?? own
    }

    /// The GEOS/PROJ state of one CRS (made once).
    mutating func frame(_ epsg: Int) throws -> JobContext {
        if let c = cache[epsg] { return c }
        let c = try JobContext(AnalysisGroup(epsg: epsg, scaleCorrected: perZone))
        cache[epsg] = c
        return c
    }
}

extension JobContext {
    /// GEOS point-on-surface of a lon/lat polygon, computed in this CRS, back in lon/lat.
    func pointOnSurface(_ lonLat: Geometry) throws -> Coordinate {
        let g = try projector.geos(lonLat, InputLocation(file: "gap"))
        let p = try (g.isValid() ? g : g.makeValid()).pointOnSurface()
        guard case .point(let c) = try projector.lonLat(p) else { return lonLat.envelope!.center }
        return c
    }
}
