import CakupanGEOS
import CakupanGeometry

/// Measures a chunk of a group's sites against the group's patrol lines: nearest patrol, distance,
/// covered. Needs no union, so it runs while the coverage is being unioned.
struct SiteJob: Sendable {
    let group: AnalysisGroup
    let sites: ArraySlice<Int>

    func run(_ inputs: AnalysisInputs, _ plan: AnalysisPlan, _ buffered: [BufferedPatrol]) throws -> JobOutput {
        var out = JobOutput()
        let job = try JobContext(group)
        let lines = try buffered.map { try GEOSGeometry($0.line, in: job.geos) }
        let lineTree = try GEOSSTRtree(lines, in: job.geos)
        let patrolIDs = group.patrols.map { inputs.patrols[$0].id }
        let radii = group.patrols.map { inputs.patrols[$0].radius }
        let planarRadii = buffered.map(\.planarRadius)
        let maxPlanar = planarRadii.max() ?? 0
        var prepared = [GEOSPreparedGeometry?](repeating: nil, count: lines.count)
        func distance(_ j: Int, _ point: GEOSGeometry) throws -> Double {
            if prepared[j] == nil { prepared[j] = try GEOSPreparedGeometry(lines[j]) }
            return try prepared[j]!.distance(to: point)
        }
        for i in sites {
            let site = inputs.sites[i]
            let planar = try job.projector.project(site.point)
            let point = try GEOSGeometry(.point(planar), in: job.geos)
            func box(_ reach: Double) throws -> GEOSGeometry {
                try GEOSGeometry.rectangle(
                    Envelope(minX: planar.x - reach, minY: planar.y - reach, maxX: planar.x + reach, maxY: planar.y + reach), in: job.geos)
            }
            let k = try job.k(site.point)
            var r = SiteResult(site: site, covered: false)
            // Search boxes growing by 4× until one holds a patrol; then one box reaching the nearest
            // patrol's distance plus the largest radius holds every patrol that could be nearer or cover
            // the site. Distances come from prepared lines (indexed facets), cached per line.
            var reach = max(maxPlanar, 100)
            var hits = lineTree.query(try box(reach))
            while hits.isEmpty && reach < 2e7 && !lines.isEmpty {
                reach *= 4
                hits = lineTree.query(try box(reach))
            }
            if !hits.isEmpty {
                var d: [Int: Double] = [:]
                for j in hits { d[j] = try distance(j, point) }
                let final = d.values.min()! + maxPlanar
                if final > reach {
                    for j in lineTree.query(try box(final)) where d[j] == nil { d[j] = try distance(j, point) }
                }
                let best = d.values.min()!
                // Equally near patrols (routes sharing a road): the first in input order.
                let nearest = d.filter { $0.value <= best + 1e-6 }.keys.min()!
                r.distance = best / k
                r.nearestPatrol = patrolIDs[nearest]
                r.radius = radii[nearest]
                // In true metres at the site (k there), like `distance`: covered when the true
                // distance is within the patrol's radius. (Not the buffer's planar radius, drawn with k
                // at the patrol: along a long route k changes, by 0.1 % across a zone.)
                let shortfall = d.map { $0.value / k - radii[$0.key] }.min()!
                r.shortfall = shortfall
                r.covered = shortfall <= 0
            }
            r.areaID = plan.siteArea[i].map { inputs.areas[$0].id }
            out.sites.append((i, r))
        }
        return out
    }
}

/// Measures a chunk of a group's areas and zones against the group's unions, clipping through the
/// STRtree of the unions' parts: each area or zone meets only the coverage parts near it.
struct AreaZoneJob: Sendable {
    let group: AnalysisGroup
    let areas: ArraySlice<Int>
    let zones: ArraySlice<Int>

    func run(_ inputs: AnalysisInputs, _ plan: AnalysisPlan, _ unions: GroupCoverage, quads: Int) throws -> JobOutput {
        var out = JobOutput()
        let job = try JobContext(group)
        let geos = job.geos
        let coverage = try PolygonIndex(GEOSGeometry(unions.coverage, in: geos))
        if !areas.isEmpty {
            let rawan = try PolygonIndex(GEOSGeometry(unions.zoneUnion, in: geos))
            let rawanCovered = try PolygonIndex(GEOSGeometry(unions.rawanCovered, in: geos))
            for i in areas {
                let a = inputs.areas[i]
                let (g, repaired) = try GroupWork.valid(job.projector.geos(a.geometry, a.source.location), a.source.location, job)
                if let repaired {
                    out.warnings.add(
                        "\(a.source.location): area '\(a.id)' polygon is invalid (\(repaired)); repaired with make-valid",
                        kind: .repairedPolygons)
                }
                let centre = a.geometry.envelope!.center
                out.areas.append(
                    (
                        i,
                        AreaResult(
                            area: a, epsg: group.epsg, areaM2: try job.trueArea(g.area(), at: centre),
                            coveredM2: try job.trueArea(coverage.intersectionArea(g), at: centre),
                            rawanM2: try job.trueArea(rawan.intersectionArea(g), at: centre),
                            rawanCoveredM2: try job.trueArea(rawanCovered.intersectionArea(g), at: centre))
                    ))
            }
        }
        for i in zones {
            let z = inputs.zones[i]
            let (g, repaired) = try GroupWork.zoneGeometry(z, job, quads: quads)
            if let repaired {
                out.warnings.add(
                    "\(z.source.location): rawan zone '\(z.id)' polygon is invalid (\(repaired)); repaired with make-valid",
                    kind: .repairedPolygons)
            }
            let centre: Coordinate
            let geometry: Geometry
            switch z.shape {
            case .polygon(let lonLat):
                geometry = lonLat
                centre = lonLat.envelope!.center
            case .circle(let c, _):
                geometry = try job.projector.lonLat(g)
                centre = c
            }
            let planar = try g.area()
            if planar <= 0 { out.warnings.add("\(z.source.location): rawan zone '\(z.id)' has no area", kind: .emptyZones) }
            let gap = try coverage.difference(g)
            let gapPlanar = try gap.area()
            out.zones.append(
                (
                    i,
                    ZoneResult(
                        zone: z, geometry: geometry, areaM2: try job.trueArea(planar, at: centre),
                        coveredM2: try job.trueArea(max(0, planar - gapPlanar), at: centre),
                        areaID: plan.zoneArea[i].map { inputs.areas[$0].id },
                        gap: gapPlanar > 0 ? try job.projector.lonLat(gap) : nil)
                ))
        }
        return out
    }
}
