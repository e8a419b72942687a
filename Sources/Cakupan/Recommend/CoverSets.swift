import CakupanGeometry
import Foundation

/// Which demand points each candidate reaches, built sparse through a uniform grid of cells one reach
/// wide (a candidate's demand lies in its own cell or the 8 around it): never a dense matrix.
///
/// Distances are measured as every other distance in Cakupan: in the analysis CRS, metres in the
/// plane; in per-zone mode in the demand point's UTM zone, divided by the scale factor k at the demand
/// point (true metres), exactly as a site's `covered` is decided (`SiteJob`): reached when
/// planar distance ≤ radius × k.
struct CoverSets {
    /// Per candidate, ascending demand indices.
    var covers: [[Int32]]
    /// Planar coordinates in the single analysis CRS (nil in per-zone mode), for the peer's instance.
    var demandXY: [Coordinate]?
    var candidateXY: [Coordinate]?

    init(demand: [DemandPoint], candidates: [Coordinate], radius: Double, frames: inout MetricFrames) throws {
        covers = [[Int32]](repeating: [], count: candidates.count)
        let groups = Dictionary(grouping: demand.indices, by: { demand[$0].epsg })
        var singleDemand: [Coordinate]? = nil
        var singleCandidates: [Coordinate]? = nil
        for epsg in groups.keys.sorted() {
            let members = groups[epsg]!.sorted()
            let frame = try frames.frame(epsg)
            let planar = try members.map { try frame.projector.project(demand[$0].point) }
            let reach = try members.map { radius * (try frame.k(demand[$0].point)) }
            // In per-zone mode only candidates within a few degrees of the group's demand are projected
            // into its zone (farther ones cannot reach; far outside a zone UTM is not defined well).
            var candidateIndices = Array(candidates.indices)
            if frames.perZone, let box = Envelope(members.map { demand[$0].point }) {
                candidateIndices = candidateIndices.filter { c in
                    let p = candidates[c]
                    return p.x >= box.minX - 2 && p.x <= box.maxX + 2 && p.y >= box.minY - 2 && p.y <= box.maxY + 2
                }
            }
            let candidatePlanar = try candidateIndices.map { try frame.projector.project(candidates[$0]) }
            let cell = max(reach.max() ?? radius, 1e-9)
            func key(_ p: Coordinate) -> SIMD2<Int64> {
                SIMD2(Int64((p.x / cell).rounded(.down)), Int64((p.y / cell).rounded(.down)))
            }
            var grid: [SIMD2<Int64>: [Int32]] = [:]
            for (n, p) in candidatePlanar.enumerated() where p.x.isFinite && p.y.isFinite {
                grid[key(p), default: []].append(Int32(n))
            }
            for (m, i) in members.enumerated() {
                let p = planar[m]
                let r2 = reach[m] * reach[m]
                let k = key(p)
                for dy in Int64(-1)...1 {
                    for dx in Int64(-1)...1 {
                        guard let list = grid[SIMD2(k.x + dx, k.y + dy)] else { continue }
                        for n in list {
                            let q = candidatePlanar[Int(n)]
                            let ddx = q.x - p.x
                            let ddy = q.y - p.y
                            if ddx * ddx + ddy * ddy <= r2 { covers[candidateIndices[Int(n)]].append(Int32(i)) }
                        }
                    }
                }
            }
            if !frames.perZone {
                var d = [Coordinate](repeating: Coordinate(x: 0, y: 0), count: demand.count)
                for (m, i) in members.enumerated() { d[i] = planar[m] }
                singleDemand = d
                singleCandidates = candidatePlanar
            }
        }
        for j in covers.indices where covers[j].count > 1 { covers[j].sort() }
        if !frames.perZone {
            demandXY = singleDemand ?? []
            if singleCandidates == nil {
                let frame = try frames.frame(frames.single)
                singleCandidates = try candidates.map { try frame.projector.project($0) }
            }
            candidateXY = singleCandidates
        }
    }

    var pairs: Int { covers.reduce(0) { $0 + $1.count } }
}
