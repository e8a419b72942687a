import CakupanGEOS
import CakupanGeometry
import CakupanPROJ

/// The buffered patrols of a group, as projected values (computed once, shared by that group's jobs).
struct BufferedPatrol: Sendable {
    var line: Geometry
    var buffer: Geometry
    /// The radius drawn in the projected plane: the patrol's radius times the local scale factor.
    var planarRadius: Double
}

/// Per-job results, keyed by input index; values only.
struct JobOutput: Sendable {
    var areas: [(Int, AreaResult)] = []
    var sites: [(Int, SiteResult)] = []
    var zones: [(Int, ZoneResult)] = []
    var warnings = Warnings()
    /// Set by the coverage job of a group.
    var coverage: GroupCoverage?
}

/// A group's unions: the coverage, the rawan zones, and their intersection, as projected values for
/// clipping areas and zones; plus the group's share of the coverage layer and of the totals.
struct GroupCoverage: Sendable {
    var coverage: Geometry
    var zoneUnion: Geometry
    var rawanCovered: Geometry
    var lonLat: Geometry?
    var areaM2: Double
    var rawanM2: Double
    var rawanCoveredM2: Double
}

/// The GEOS/PROJ state of one job: contexts, projector and scale factor. Lives inside one task.
final class JobContext {
    let geos = GEOSContext()
    let proj = PROJContext()
    let projector: Projector
    private let scale: ScaleFactor?

    init(_ group: AnalysisGroup) throws {
        projector = try Projector(epsg: group.epsg, geos: geos, proj: proj)
        scale = group.scaleCorrected ? try ScaleFactor(definition: "EPSG:\(group.epsg)", context: proj) : nil
    }

    /// The projection's scale factor at a lon/lat point; 1 when the group measures in the plane.
    func k(_ at: Coordinate) throws -> Double { try scale?.at(at) ?? 1 }

    /// Converts a projected-plane area to m²: divided by k² (conformal projection) at `at`.
    func trueArea(_ planar: Double, at: Coordinate) throws -> Double {
        let s = try k(at)
        return planar / (s * s)
    }
}

enum GroupWork {
    /// Projects and buffers `patrols` (indices into `inputs.patrols`) in the group's CRS.
    static func buffers(_ group: AnalysisGroup, _ patrols: ArraySlice<Int>, _ inputs: AnalysisInputs, quads: Int) throws -> [BufferedPatrol] {
        let job = try JobContext(group)
        return try patrols.map { i in
            let patrol = inputs.patrols[i]
            let line = try job.projector.geos(patrol.geometry, patrol.source.location)
            let r = patrol.radius * (try job.k(patrol.geometry.envelope!.center))
            return BufferedPatrol(line: try line.value(), buffer: try line.buffer(r, quadrantSegments: quads).value(), planarRadius: r)
        }
    }

    /// The group's coverage: the unary union of all its buffers, clipped to its strip, with the rawan
    /// totals of its zones.
    static func coverage(_ group: AnalysisGroup, _ buffered: [BufferedPatrol], _ inputs: AnalysisInputs, quads: Int) throws -> GroupCoverage {
        let job = try JobContext(group)
        let geos = job.geos
        let buffers = try buffered.map { try GEOSGeometry($0.buffer, in: geos) }
        var union = try GEOSGeometry.collection(buffers, in: geos).unaryUnion()
        let zones = try group.zones.map { try zoneGeometry(inputs.zones[$0], job, quads: quads).geos }
        var zoneUnion = try GEOSGeometry.collection(zones, in: geos).unaryUnion()
        let fullCoverage = try union.value(), fullZoneUnion = try zoneUnion.value()
        let fullRawanCovered = try zoneUnion.isEmpty || union.isEmpty ? Geometry.multiPolygon([]) : try zoneUnion.intersection(union).value()
        var lonLat: Geometry? = buffered.isEmpty ? nil : try job.projector.lonLat(union)
        if let strip = group.strip {
            // Keep this group's part only, so parts from neighbouring zones do not overlap; measure it
            // back in the group's CRS, part by part with the local scale factor.
            let clip = try GEOSGeometry(.polygon(Polygon(exterior: [
                Coordinate(x: strip.minX, y: strip.minY), Coordinate(x: strip.maxX, y: strip.minY),
                Coordinate(x: strip.maxX, y: strip.maxY), Coordinate(x: strip.minX, y: strip.maxY)])), in: geos)
            func clipped(_ projected: GEOSGeometry) throws -> (GEOSGeometry, Geometry?) {
                if try projected.isEmpty { return (projected, nil) }
                let ll = try GEOSGeometry(job.projector.lonLat(projected), in: geos).intersection(clip)
                let polys = try ll.value().polygons
                let back = try job.projector.geos(.multiPolygon(polys), InputLocation(file: "coverage"))
                return (back, polys.isEmpty ? nil : .multiPolygon(polys))
            }
            (union, lonLat) = try clipped(union)
            (zoneUnion, _) = try clipped(zoneUnion)
        }
        func measured(_ g: GEOSGeometry) throws -> Double {
            if try g.isEmpty { return 0 }
            guard group.scaleCorrected else { return try g.area() }
            return try g.parts().reduce(0.0) { sum, part in
                let c = try job.projector.lonLat(part.centroid())
                return sum + (try job.trueArea(part.area(), at: c.points.first ?? Coordinate(x: 0, y: 0)))
            }
        }
        let rawanCovered = try zoneUnion.isEmpty || union.isEmpty ? nil : try zoneUnion.intersection(union)
        return GroupCoverage(coverage: fullCoverage, zoneUnion: fullZoneUnion, rawanCovered: fullRawanCovered,
                             lonLat: lonLat, areaM2: try measured(union), rawanM2: try measured(zoneUnion),
                             rawanCoveredM2: try rawanCovered.map(measured) ?? 0)
    }

    /// A zone's projected polygon (circles drawn with the radius times the local scale factor).
    static func zoneGeometry(_ z: RawanZone, _ job: JobContext, quads: Int) throws -> (geos: GEOSGeometry, repaired: String?) {
        switch z.shape {
        case .polygon(let g):
            let projected = try job.projector.geos(g, z.source.location)
            return try valid(projected, z.source.location, job)
        case .circle(let c, let r):
            return (try job.projector.geos(.point(c), z.source.location).buffer(r * job.k(c), quadrantSegments: quads), nil)
        }
    }

    /// The geometry, repaired with make-valid (keeping its polygons) when invalid, with GEOS's reason.
    static func valid(_ g: GEOSGeometry, _ location: InputLocation, _ job: JobContext) throws -> (geos: GEOSGeometry, repaired: String?) {
        if try g.isValid() { return (g, nil) }
        let reason = try g.validityReason()
        let polygons = try g.makeValid().value().polygons
        guard !polygons.isEmpty else {
            throw CakupanError.input(location, "polygon is invalid (\(reason)) and has no area once repaired")
        }
        return (try GEOSGeometry(.multiPolygon(polygons), in: job.geos), reason)
    }
}
