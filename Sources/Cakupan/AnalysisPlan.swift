import CakupanGEOS
import CakupanGeometry

/// One projected CRS and the inputs measured in it.
struct AnalysisGroup: Sendable {
    var epsg: Int
    /// Distances and areas divided by the projection's local scale factor (per-zone mode), so they are
    /// true metres on the ellipsoid rather than metres in the projected plane.
    var scaleCorrected: Bool
    var areas: [Int] = []
    var sites: [Int] = []
    var zones: [Int] = []
    var patrols: [Int] = []
    /// The lon/lat box of this group's share of the coverage layer; nil for all of it.
    var strip: Envelope?
}

/// How an analysis is split: one CRS for everything, or (auto mode, inputs reaching more than 3° of
/// longitude beyond the centre's UTM zone) one UTM zone per area, by the area's own centre.
struct AnalysisPlan: Sendable {
    var groups: [AnalysisGroup]
    var perZone: Bool
    /// Index of the area containing each site (first in input order), nil outside every area.
    var siteArea: [Int?]
    /// Index of the area containing each zone's representative point.
    var zoneArea: [Int?]

    /// How far (degrees) around a group's inputs patrols are taken into that group: far enough for the
    /// largest radius (50 km) and for nearest-patrol distances of about 200 km.
    static let patrolMargin = 2.0

    static func make(_ inputs: AnalysisInputs, crs: ProjectedCRS, mode: CRSMode, warnings: inout Warnings) throws -> AnalysisPlan {
        let siteArea = try Containment.areas(of: inputs.sites.map(\.point), in: inputs.areas.map(\.geometry))
        let zonePoints = try inputs.zones.map { z -> Coordinate in
            switch z.shape {
            case .circle(let c, _): return c
            case .polygon(let g): return try Containment.representativePoint(g)
            }
        }
        let zoneArea = try Containment.areas(of: zonePoints, in: inputs.areas.map(\.geometry))

        let everything = CoverageAnalysis.envelope(inputs, areasOnly: false)
        var perZone = false
        if mode == .auto, let zone = UTM.zone(epsg: crs.epsg), let all = everything {
            let (west, east) = UTM.edges(zone: zone)
            perZone = max(west - all.minX, all.maxX - east) > 3
        }
        guard perZone else {
            var g = AnalysisGroup(epsg: crs.epsg, scaleCorrected: false)
            g.areas = Array(inputs.areas.indices)
            g.sites = Array(inputs.sites.indices)
            g.zones = Array(inputs.zones.indices)
            g.patrols = Array(inputs.patrols.indices)
            return AnalysisPlan(groups: [g], perZone: false, siteArea: siteArea, zoneArea: zoneArea)
        }

        // Per-zone: each area in the UTM zone of its own centre; sites and zones follow their area,
        // or their own position outside every area.
        let areaEPSG = inputs.areas.map { UTM.epsg(for: $0.geometry.envelope!.center) }
        var byEPSG: [Int: AnalysisGroup] = [:]
        func empty(_ epsg: Int) -> AnalysisGroup { AnalysisGroup(epsg: epsg, scaleCorrected: true) }
        // Appending in place (subscript with default) keeps this linear: a copy-modify-store of the
        // group would copy its index arrays for every site.
        for (i, e) in areaEPSG.enumerated() { byEPSG[e, default: empty(e)].areas.append(i) }
        for (i, s) in inputs.sites.enumerated() {
            let e = siteArea[i].map { areaEPSG[$0] } ?? UTM.epsg(for: s.point)
            byEPSG[e, default: empty(e)].sites.append(i)
        }
        for (i, p) in zonePoints.enumerated() {
            let e = zoneArea[i].map { areaEPSG[$0] } ?? UTM.epsg(for: p)
            byEPSG[e, default: empty(e)].zones.append(i)
        }
        var groups = byEPSG.keys.sorted().map { byEPSG[$0]! }
        let patrolBoxes = inputs.patrols.map { $0.geometry.envelope! }
        for gi in groups.indices {
            var coords: [Coordinate] = groups[gi].areas.flatMap { inputs.areas[$0].geometry.allCoordinates }
            coords += groups[gi].sites.map { inputs.sites[$0].point }
            coords += groups[gi].zones.map { zonePoints[$0] }
            guard let box = Envelope(coords) else { continue }
            let m = patrolMargin
            groups[gi].patrols = patrolBoxes.indices.filter { i in
                let p = patrolBoxes[i]
                return p.maxX >= box.minX - m && p.minX <= box.maxX + m && p.maxY >= box.minY - m && p.minY <= box.maxY + m
            }
        }
        assignStrips(&groups)
        return AnalysisPlan(groups: groups, perZone: true, siteArea: siteArea, zoneArea: zoneArea)
    }

    /// Gives each group the part of the world whose coverage it reports: its zone's longitudes (up to
    /// the neighbouring groups' zones, halfway across zones nobody uses; unbounded at the ends), split
    /// at the equator when the zone has groups on both sides of it.
    static func assignStrips(_ groups: inout [AnalysisGroup]) {
        let zones = Array(Set(groups.compactMap { UTM.zone(epsg: $0.epsg) })).sorted()
        for i in groups.indices {
            guard let z = UTM.zone(epsg: groups[i].epsg), let k = zones.firstIndex(of: z) else { continue }
            let (west, east) = UTM.edges(zone: z)
            let w = k == 0 ? -180.0 : (UTM.edges(zone: zones[k - 1]).east + west) / 2
            let e = k == zones.count - 1 ? 180.0 : (east + UTM.edges(zone: zones[k + 1]).west) / 2
            let north = groups[i].epsg < 32700
            let bothHemispheres = groups.contains { UTM.zone(epsg: $0.epsg) == z && ($0.epsg < 32700) != north }
            let (s, n) = !bothHemispheres ? (-90.0, 90.0) : (north ? (0.0, 90.0) : (-90.0, 0.0))
            groups[i].strip = Envelope(minX: w, minY: s, maxX: e, maxY: n)
        }
    }
}

/// Which area contains which point, decided in lon/lat (the same answer as in any projected CRS except
/// within millimetres of a boundary), in parallel over chunks of points.
enum Containment {
    static func areas(of points: [Coordinate], in areas: [Geometry]) throws -> [Int?] {
        if areas.isEmpty || points.isEmpty { return Array(repeating: nil, count: points.count) }
        let chunks = Parallel.chunks(points.count, parts: Parallel.workers)
        let parts = try Parallel.map(chunks.count) { c -> [Int?] in
            let context = GEOSContext()
            let geoms = try areas.map { a -> GEOSGeometry in
                let g = try GEOSGeometry(a, in: context)
                return try g.isValid() ? g : g.makeValid()
            }
            let tree = try GEOSSTRtree(geoms, in: context)
            var prepared: [Int: GEOSPreparedGeometry] = [:]
            return try chunks[c].map { i -> Int? in
                let p = try GEOSGeometry(.point(points[i]), in: context)
                for a in tree.query(p) {
                    if prepared[a] == nil { prepared[a] = try GEOSPreparedGeometry(geoms[a]) }
                    if try prepared[a]!.covers(p) { return a }
                }
                return nil
            }
        }
        return parts.flatMap { $0 }
    }

    /// A point inside a polygonal lon/lat geometry.
    static func representativePoint(_ g: Geometry) throws -> Coordinate {
        let context = GEOSContext()
        var geos = try GEOSGeometry(g, in: context)
        if try !geos.isValid() { geos = try geos.makeValid() }
        guard case .point(let c) = try geos.pointOnSurface().value() else { return g.envelope!.center }
        return c
    }
}
