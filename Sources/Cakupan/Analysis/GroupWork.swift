import CakupanGEOS
import CakupanGeometry
import CakupanPROJ

/// The buffered patrols of a group, as projected values (computed once, shared by that group's jobs).
struct BufferedPatrol: Sendable {
    var line: Geometry
    /// The buffer; a collection of overlapping polygons for a multi-line (`partwiseBuffer`), fit only
    /// as input to a union.
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
    /// Set by the union jobs of a group split in parts (of some of its buffers, or of its zones).
    var union: Geometry?
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
    static func buffers(_ group: AnalysisGroup, _ patrols: ArraySlice<Int>, _ inputs: AnalysisInputs, quads: Int) throws -> [BufferedPatrol]
    {
        let job = try JobContext(group)
        return try patrols.map { i in
            let patrol = inputs.patrols[i]
            let line = try job.projector.geos(patrol.geometry, patrol.source.location)
            let r = patrol.radius * (try job.k(patrol.geometry.envelope!.center))
            return BufferedPatrol(
                line: try line.value(), buffer: try partwiseBuffer(line, r, quads: quads, job.geos).value(), planarRadius: r)
        }
    }

    /// The buffer of a line; of a multi-line, the collection of its parts' buffers, left for the
    /// group's cascaded union to merge (the same set: buffering distributes over union). GEOS buffers
    /// a multi-line by noding the offset curves of all its parts at once, which grows badly with many
    /// overlapping parts: a GPS unit's day drawn as a few hundred pieces along the same roads took
    /// seconds that way (gps-day: buffers 7.1 s → 3.6 s part by part with a union per unit, less
    /// without it).
    static func partwiseBuffer(_ line: GEOSGeometry, _ r: Double, quads: Int, _ geos: GEOSContext) throws -> GEOSGeometry {
        let parts = try line.parts()
        guard parts.count > 1 else { return try line.buffer(r, quadrantSegments: quads) }
        let buffers = try parts.map { try $0.buffer(r, quadrantSegments: quads) }
        return try GEOSGeometry.collection(buffers, in: geos)
    }

    /// The unary union of some of a group's buffers (indices into `buffered`), as a value.
    static func union(_ group: AnalysisGroup, _ buffered: [BufferedPatrol], _ members: [Int]) throws -> Geometry {
        let job = try JobContext(group)
        let buffers = try members.map { try GEOSGeometry(buffered[$0].buffer, in: job.geos) }
        return try GEOSGeometry.collection(buffers, in: job.geos).unaryUnion().value()
    }

    /// The unary union of a group's rawan zones (projected polygons), as a value.
    static func zoneUnion(_ group: AnalysisGroup, _ inputs: AnalysisInputs, quads: Int) throws -> Geometry {
        let job = try JobContext(group)
        let zones = try group.zones.map { try zoneGeometry(inputs.zones[$0], job, quads: quads).geos }
        return try GEOSGeometry.collection(zones, in: job.geos).unaryUnion().value()
    }

    /// The buffers in one piece, or, when there are many, in a western and an eastern half (by the
    /// centre of each buffer's envelope; ties by input order), as indices into `buffered`. GEOS's
    /// cascaded union runs on one thread and was the longest step of a province run (3,000 buffers:
    /// 1.05 s of 2.6 s); each half's union takes about half of that, the two run on two cores, and
    /// joining them took 0.06 s (they overlap only along the seam).
    static func halves(_ buffered: [BufferedPatrol]) -> [[Int]] {
        guard buffered.count >= 200 else { return [Array(buffered.indices)] }
        let centres = buffered.map { $0.buffer.envelope.map { ($0.minX + $0.maxX) / 2 } ?? 0 }
        let order = buffered.indices.sorted { (centres[$0], $0) < (centres[$1], $1) }
        let middle = order.count / 2
        return [Array(order[..<middle]).sorted(), Array(order[middle...]).sorted()]
    }

    /// The group's coverage: the unary union of all its buffers, clipped to its strip, with the rawan
    /// totals of its zones, in one task.
    static func coverage(_ group: AnalysisGroup, _ buffered: [BufferedPatrol], _ inputs: AnalysisInputs, quads: Int) throws -> GroupCoverage
    {
        let job = try JobContext(group)
        let buffers = try buffered.map { try GEOSGeometry($0.buffer, in: job.geos) }
        let union = try GEOSGeometry.collection(buffers, in: job.geos).unaryUnion()
        let zones = try group.zones.map { try zoneGeometry(inputs.zones[$0], job, quads: quads).geos }
        return try finish(group, job, union, try GEOSGeometry.collection(zones, in: job.geos).unaryUnion())
    }

    /// The same from unions made in other tasks: of the buffers in parts (`halves`, joined here) and
    /// of the zones.
    static func coverage(_ group: AnalysisGroup, parts: [Geometry], zones: Geometry) throws -> GroupCoverage {
        let job = try JobContext(group)
        var union = try GEOSGeometry(parts.first ?? .multiPolygon([]), in: job.geos)
        for part in parts.dropFirst() { union = try union.union(try GEOSGeometry(part, in: job.geos)) }
        return try finish(group, job, union, try GEOSGeometry(zones, in: job.geos))
    }

    /// Clips the coverage to the group's strip and measures it, the zones and their covered part.
    private static func finish(
        _ group: AnalysisGroup, _ job: JobContext, _ coverage: GEOSGeometry,
        _ zoneUnion: GEOSGeometry
    ) throws -> GroupCoverage {
        let geos = job.geos
        var union = coverage
        // Each zone belongs to exactly one group, so the zones' union is counted whole (not clipped to
        // the strip); its covered part uses the group's whole coverage.
        let rawanCoveredGeom = try zoneUnion.isEmpty || union.isEmpty ? nil : try zoneUnion.intersection(union)
        let fullCoverage = try union.value()
        let fullZoneUnion = try zoneUnion.value()
        let fullRawanCovered = try rawanCoveredGeom?.value() ?? Geometry.multiPolygon([])
        if let strip = group.strip, !(try union.isEmpty) {
            // Keep this group's part only, so parts from neighbouring zones do not overlap: the strip's
            // meridians, densified and projected, clip only the parts that cross them.
            let clip = try stripPolygon(strip, job)
            let prepared = try GEOSPreparedGeometry(clip)
            var kept: [GEOSGeometry] = []
            for part in try union.parts() {
                if try prepared.contains(part) {
                    kept.append(part)
                } else if try prepared.intersects(part) {
                    kept += try part.intersection(clip).value().polygons.map { try GEOSGeometry(.polygon($0), in: geos) }
                }
            }
            union = try GEOSGeometry.collection(kept, of: .multiPolygon, in: geos)
        }
        let lonLat: Geometry? = try union.isEmpty ? nil : try job.projector.lonLat(union)
        func measured(_ g: GEOSGeometry) throws -> Double {
            if try g.isEmpty { return 0 }
            guard group.scaleCorrected else { return try g.area() }
            return try g.parts().reduce(0.0) { sum, part in
                let c = try job.projector.lonLat(part.centroid())
                return sum + (try job.trueArea(part.area(), at: c.points.first ?? Coordinate(x: 0, y: 0)))
            }
        }
        return GroupCoverage(
            coverage: fullCoverage, zoneUnion: fullZoneUnion, rawanCovered: fullRawanCovered,
            lonLat: lonLat, areaM2: try measured(union), rawanM2: try measured(zoneUnion),
            rawanCoveredM2: try rawanCoveredGeom.map(measured) ?? 0)
    }

    /// A group's strip as a polygon in the group's projected CRS: its meridians and parallels densified
    /// every 0.25° (meridians away from the central meridian are curves in UTM), limited to 30° either
    /// side of the central meridian and 80° of latitude, where the projection is still well-behaved.
    static func stripPolygon(_ strip: Envelope, _ job: JobContext) throws -> GEOSGeometry {
        let cm = Double(job.projector.epsg % 100) * 6 - 183
        let w = max(strip.minX, cm - 30)
        let e = min(strip.maxX, cm + 30)
        let s = max(strip.minY, -80)
        let n = min(strip.maxY, 80)
        func steps(_ a: Double, _ b: Double) -> [Double] {
            let k = max(1, Int(((b - a) / 0.25).rounded(.up)))
            return (0...k).map { a + (b - a) * Double($0) / Double(k) }
        }
        var ring = steps(w, e).map { Coordinate(x: $0, y: s) }
        ring += steps(s, n).dropFirst().map { Coordinate(x: e, y: $0) }
        ring += steps(w, e).reversed().dropFirst().map { Coordinate(x: $0, y: n) }
        ring += steps(s, n).reversed().dropFirst().map { Coordinate(x: w, y: $0) }
        return try job.projector.geos(.polygon(Polygon(exterior: ring)), InputLocation(file: "strip"))
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
