import CakupanGEOS
import CakupanGeometry
import CakupanPROJ

/// Computes patrol coverage, per-area figures, site distances, zone gaps and hotspots in one projected
/// CRS. Owns one GEOS and one PROJ context: use it from one task.
public final class CoverageAnalysis {
    private let geos = GEOSContext()
    private let proj = PROJContext()

    public init() {}

    /// Picks the projected CRS: `--crs` when fixed, else the UTM zone of the centre of the areas'
    /// bounding box (of all inputs when there are no areas). Warns when inputs reach more than 3° of
    /// longitude beyond the zone's edges.
    public func chooseCRS(_ inputs: AnalysisInputs, mode: CRSMode, warnings: inout Warnings) throws -> ProjectedCRS {
        let all = Self.envelope(inputs, areasOnly: false)
        let epsg: Int
        switch mode {
        case .epsg(let code): epsg = code
        case .auto:
            guard let box = Self.envelope(inputs, areasOnly: true) ?? all else {
                throw CakupanError.usage("no input has any geometry: nothing to analyze")
            }
            epsg = UTM.epsg(for: box.center)
        }
        let projector = try Projector(epsg: epsg, geos: geos, proj: proj)
        if let zone = UTM.zone(epsg: epsg), let all {
            let (west, east) = UTM.edges(zone: zone)
            let beyond = max(west - all.minX, all.maxX - east)
            if beyond > 3 {
                warnings.add("inputs reach \(JSONWriter.formatNumber(beyond, decimals: 1))° of longitude beyond UTM zone \(zone) (\(JSONWriter.formatNumber(west, decimals: 0))°…\(JSONWriter.formatNumber(east, decimals: 0))°E): distances and areas there are distorted by more than 0.5 %", kind: "crs_distortion")
            }
        }
        return ProjectedCRS(epsg: epsg, name: projector.name)
    }

    static func envelope(_ inputs: AnalysisInputs, areasOnly: Bool) -> Envelope? {
        var coords: [Coordinate] = inputs.areas.flatMap { $0.geometry.allCoordinates }
        if !areasOnly {
            coords += inputs.sites.map(\.point)
            coords += inputs.patrols.flatMap { $0.geometry.allCoordinates }
            for z in inputs.zones {
                switch z.shape {
                case .polygon(let g): coords += g.allCoordinates
                case .circle(let c, _): coords.append(c)
                }
            }
        }
        return Envelope(coords)
    }

    /// Runs the whole analysis.
    public func run(_ inputs: AnalysisInputs, parameters: AnalysisParameters, warnings: inout Warnings) throws -> AnalysisResult {
        try parameters.validate()
        let crs = try chooseCRS(inputs, mode: parameters.crs, warnings: &warnings)
        let p = try Projector(epsg: crs.epsg, geos: geos, proj: proj)
        do {
            return try compute(inputs, parameters: parameters, crs: crs, projector: p, warnings: &warnings)
        } catch let error as GEOSError {
            throw CakupanError.internal("\(error)")
        } catch let error as PROJError {
            throw CakupanError.internal("\(error)")
        }
    }

    private func compute(_ inputs: AnalysisInputs, parameters: AnalysisParameters, crs: ProjectedCRS, projector p: Projector, warnings: inout Warnings) throws -> AnalysisResult {
        let quads = parameters.quadrantSegments

        // Patrols and their coverage: the unary union of every patrol's buffer.
        let patrolGeoms = try inputs.patrols.map { try p.geos($0.geometry, $0.source.location) }
        let buffers = try zip(inputs.patrols, patrolGeoms).map { try $1.buffer($0.radius, quadrantSegments: quads) }
        let coverageGeom = try GEOSGeometry.collection(buffers, in: geos).unaryUnion()
        let coverage = try PolygonIndex(coverageGeom)
        let patrolTree = try GEOSSTRtree(patrolGeoms, in: geos)
        let radii = inputs.patrols.map(\.radius)
        let maxRadius = radii.max() ?? 0

        // Areas, validated and repaired, indexed for point-in-area look-ups.
        let areaGeoms = try inputs.areas.map { try valid(p.geos($0.geometry, $0.source.location), $0.source.location, "area", &warnings) }
        let areaTree = try GEOSSTRtree(areaGeoms, in: geos)
        var preparedAreas: [Int: GEOSPreparedGeometry] = [:]
        func areaIndex(containing point: GEOSGeometry) throws -> Int? {
            for i in areaTree.query(point) {
                if preparedAreas[i] == nil { preparedAreas[i] = try GEOSPreparedGeometry(areaGeoms[i]) }
                if try preparedAreas[i]!.covers(point) { return i }
            }
            return nil
        }

        // Zones: polygons as given (repaired when invalid), points as circles.
        var zoneGeoms: [GEOSGeometry] = []
        for z in inputs.zones {
            switch z.shape {
            case .polygon(let g): zoneGeoms.append(try valid(p.geos(g, z.source.location), z.source.location, "rawan zone", &warnings))
            case .circle(let c, let r): zoneGeoms.append(try p.geos(.point(c), z.source.location).buffer(r, quadrantSegments: quads))
            }
        }
        let zoneUnion = try GEOSGeometry.collection(zoneGeoms, in: geos).unaryUnion()
        let rawan = try PolygonIndex(zoneUnion)
        let rawanCovered = try PolygonIndex(coverage.intersection(zoneUnion) ?? GEOSGeometry(.multiPolygon([]), in: geos))

        var areas = try zip(inputs.areas, areaGeoms).map { area, g in
            AreaResult(area: area, epsg: crs.epsg, areaM2: try g.area(), coveredM2: try coverage.intersectionArea(g),
                       rawanM2: try rawan.intersectionArea(g), rawanCoveredM2: try rawanCovered.intersectionArea(g))
        }

        // Sites: nearest patrol, covered by any patrol within its own radius, containing area.
        var sites: [SiteResult] = []
        sites.reserveCapacity(inputs.sites.count)
        for site in inputs.sites {
            let point = try p.geos(.point(site.point), site.source.location)
            var result = SiteResult(site: site, covered: false)
            if let nearest = try patrolTree.nearest(to: point) {
                let d = try patrolGeoms[nearest].distance(to: point)
                result.distance = d
                result.nearestPatrol = inputs.patrols[nearest].id
                result.radius = radii[nearest]
                var shortfall = d - radii[nearest]
                if maxRadius > radii[nearest] {
                    // Other patrols with a larger radius may cover the site though farther away.
                    let reach = try point.buffer(max(shortfall, 0) + maxRadius, quadrantSegments: 1)
                    for i in patrolTree.query(reach) where i != nearest {
                        shortfall = min(shortfall, try patrolGeoms[i].distance(to: point) - radii[i])
                    }
                }
                result.shortfall = shortfall
                result.covered = shortfall <= 0
            }
            if let a = try areaIndex(containing: point) {
                result.areaID = inputs.areas[a].id
                areas[a].sitesTotal += 1
                if result.covered { areas[a].sitesCovered += 1 }
                if site.priority == .tinggi {
                    areas[a].highTotal += 1
                    if result.covered { areas[a].highCovered += 1 }
                }
            }
            sites.append(result)
        }

        // Zones: covered part, gap, containing area.
        var zones: [ZoneResult] = []
        for (z, g) in zip(inputs.zones, zoneGeoms) {
            let areaM2 = try g.area()
            if areaM2 <= 0 { warnings.add("\(z.source.location): rawan zone '\(z.id)' has no area", kind: "empty_zones") }
            let gapGeom = try coverage.difference(g)
            let gapM2 = try gapGeom.area()
            let geometry: Geometry
            switch z.shape {
            case .polygon(let lonLat): geometry = lonLat
            case .circle: geometry = try p.lonLat(g)
            }
            let where_ = try areaIndex(containing: g.pointOnSurface()).map { inputs.areas[$0].id }
            zones.append(ZoneResult(zone: z, geometry: geometry, areaM2: areaM2, coveredM2: max(0, areaM2 - gapM2),
                                    areaID: where_, gap: gapM2 > 0 ? try p.lonLat(gapGeom) : nil))
        }

        let hotspots = HotspotRanking(minZoneCoverage: parameters.minZoneCoverage).rank(sites: sites, zones: &zones)
        for h in hotspots {
            if let id = h.areaID, let i = areas.firstIndex(where: { $0.area.id == id }) { areas[i].hotspots += 1 }
        }

        var totals = Totals()
        totals.areas = areas.count
        totals.areaM2 = areas.map(\.areaM2).reduce(0, +)
        totals.coveredM2 = areas.map(\.coveredM2).reduce(0, +)
        totals.coverageM2 = try coverageGeom.area()
        totals.patrols = inputs.patrols.count
        totals.sitesTotal = sites.count
        totals.sitesCovered = sites.filter(\.covered).count
        totals.highTotal = sites.filter { $0.site.priority == .tinggi }.count
        totals.highCovered = sites.filter { $0.site.priority == .tinggi && $0.covered }.count
        totals.zones = zones.count
        totals.rawanM2 = try zoneUnion.area()
        totals.rawanCoveredM2 = try rawanCovered.whole.area()
        totals.hotspots = hotspots.count

        let coverageLonLat = inputs.patrols.isEmpty ? nil : try p.lonLat(coverageGeom)
        return AnalysisResult(crs: crs, parameters: parameters, areas: areas, sites: sites, zones: zones,
                              coverage: coverageLonLat, totals: totals, hotspots: hotspots)
    }

    /// The geometry, repaired with make-valid (keeping its polygons) and warned about when invalid.
    private func valid(_ g: GEOSGeometry, _ location: InputLocation, _ role: String, _ warnings: inout Warnings) throws -> GEOSGeometry {
        if try g.isValid() { return g }
        let reason = try g.validityReason()
        let repaired = try g.makeValid()
        let polygons = try repaired.value().polygons
        guard !polygons.isEmpty else {
            throw CakupanError.input(location, "\(role) polygon is invalid (\(reason)) and has no area once repaired")
        }
        warnings.add("\(location): \(role) polygon is invalid (\(reason)); repaired with make-valid", kind: "repaired_polygons")
        return try GEOSGeometry(.multiPolygon(polygons), in: geos)
    }
}
