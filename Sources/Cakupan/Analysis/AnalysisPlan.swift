import CakupanGEOS
import CakupanGeometry
import Foundation

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

    /// How far (degrees, about 55 km) around a group's inputs patrols are taken into that group, besides
    /// those in its strip: beyond the largest radius (50 km). A site farther than that from every patrol
    /// of its group gets its distance from the nearest patrol of the group.
    static let patrolMargin = 0.5

    static func make(_ inputs: AnalysisInputs, crs: ProjectedCRS, mode: CRSMode, warnings: inout Warnings) throws -> AnalysisPlan {
        let siteArea = try Containment.areas(of: inputs.sites.map(\.point), in: inputs.areas.map(\.geometry))
        let context = GEOSContext()
        let zonePoints = try inputs.zones.map { z -> Coordinate in
            switch z.shape {
            case .circle(let c, _): return c
            case .polygon(let g): return (try? InteriorPoint.of(g, in: context)) ?? g.envelope!.center
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
        // or their own position outside every area. North and south variants of a zone are the same
        // projection (only the false northing differs), so a zone is one group, using the hemisphere
        // of most of its areas.
        let areaEPSG = inputs.areas.map { UTM.epsg(for: $0.geometry.envelope!.center) }
        func zoneOf(_ epsg: Int) -> Int { epsg % 100 }
        var byZone: [Int: AnalysisGroup] = [:]
        var southVotes: [Int: Int] = [:]
        func empty(_ zone: Int) -> AnalysisGroup { AnalysisGroup(epsg: 32700 + zone, scaleCorrected: true) }
        // Appending in place (subscript with default) keeps this linear: a copy-modify-store of the
        // group would copy its index arrays for every site.
        for (i, e) in areaEPSG.enumerated() {
            byZone[zoneOf(e), default: empty(zoneOf(e))].areas.append(i)
            southVotes[zoneOf(e), default: 0] += e >= 32700 ? 1 : -1
        }
        for (i, s) in inputs.sites.enumerated() {
            let z = zoneOf(siteArea[i].map { areaEPSG[$0] } ?? UTM.epsg(for: s.point))
            byZone[z, default: empty(z)].sites.append(i)
        }
        for (i, p) in zonePoints.enumerated() {
            let z = zoneOf(zoneArea[i].map { areaEPSG[$0] } ?? UTM.epsg(for: p))
            byZone[z, default: empty(z)].zones.append(i)
        }
        var groups = byZone.keys.sorted().map { z -> AnalysisGroup in
            var g = byZone[z]!
            g.epsg = (southVotes[z, default: 0] >= 0 ? 32700 : 32600) + z
            return g
        }
        assignStrips(&groups)
        // Patrols: those reaching into the group's strip (for its share of the coverage layer) or near
        // its inputs (for their coverage and nearest-patrol distances).
        let patrolBoxes = inputs.patrols.map { $0.geometry.envelope! }
        // For the strip: the patrol's box grown by its radius (in degrees, generously), so a patrol
        // just outside the strip whose buffer reaches into it still counts there.
        let reachBoxes = inputs.patrols.map { p -> Envelope in
            let box = p.geometry.envelope!
            let dLat = p.radius / 110_000 * 1.01
            let latitude = min(89, max(abs(box.minY), abs(box.maxY)) + dLat)
            let dLon = p.radius / (111_000 * cos(latitude * .pi / 180)) * 1.01
            return Envelope(minX: box.minX - dLon, minY: box.minY - dLat, maxX: box.maxX + dLon, maxY: box.maxY + dLat)
        }
        for gi in groups.indices {
            var coords: [Coordinate] = groups[gi].areas.flatMap { inputs.areas[$0].geometry.allCoordinates }
            coords += groups[gi].sites.map { inputs.sites[$0].point }
            coords += groups[gi].zones.map { zonePoints[$0] }
            let strip = groups[gi].strip!
            let near = Envelope(coords).map { box in
                Envelope(
                    minX: box.minX - patrolMargin, minY: box.minY - patrolMargin, maxX: box.maxX + patrolMargin,
                    maxY: box.maxY + patrolMargin)
            }
            func touches(_ p: Envelope, _ b: Envelope) -> Bool {
                p.maxX >= b.minX && p.minX <= b.maxX && p.maxY >= b.minY && p.minY <= b.maxY
            }
            groups[gi].patrols = patrolBoxes.indices.filter { i in
                touches(reachBoxes[i], strip) || near.map { touches(patrolBoxes[i], $0) } ?? false
            }
        }
        return AnalysisPlan(groups: groups, perZone: true, siteArea: siteArea, zoneArea: zoneArea)
    }

    /// Gives each group (one per zone, sorted by zone) the longitudes whose coverage it reports: its
    /// zone's, extended halfway across zones no group uses, and unbounded at the two ends.
    static func assignStrips(_ groups: inout [AnalysisGroup]) {
        let zones = groups.map { $0.epsg % 100 }
        for i in groups.indices {
            let (west, east) = UTM.edges(zone: zones[i])
            let w = i == 0 ? -180.0 : (UTM.edges(zone: zones[i - 1]).east + west) / 2
            let e = i == zones.count - 1 ? 180.0 : (east + UTM.edges(zone: zones[i + 1]).west) / 2
            groups[i].strip = Envelope(minX: w, minY: -90, maxX: e, maxY: 90)
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

}
