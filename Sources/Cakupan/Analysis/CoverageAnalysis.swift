import CakupanGEOS
import CakupanGeometry
import CakupanPROJ

/// Computes patrol coverage, per-area figures, site distances, zone gaps and hotspots in one projected
/// CRS. Owns one GEOS and one PROJ context: use it from one task.
public final class CoverageAnalysis {
    private let geos = GEOSContext()
    private let proj = PROJContext()
    private let progress: Progress

    public init(progress: Progress = Progress(enabled: false)) {
        self.progress = progress
    }

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
        if case .epsg = mode, let zone = UTM.zone(epsg: epsg), let all {
            let (west, east) = UTM.edges(zone: zone)
            let beyond = max(west - all.minX, all.maxX - east)
            if beyond > 3 {
                warnings.add(
                    "inputs reach \(JSONWriter.formatNumber(beyond, decimals: 1))° of longitude beyond UTM zone \(zone) (\(JSONWriter.formatNumber(west, decimals: 0))°…\(JSONWriter.formatNumber(east, decimals: 0))°E): distances and areas there are distorted by more than 0.5 %",
                    kind: .crsDistortion)
            }
        }
        return ProjectedCRS(epsg: epsg, name: projector.name)
    }

    /// The coverage layer from the groups' strip-clipped pieces: polygons touching a strip's edge are
    /// unioned with their neighbours across it; the others are disjoint already and kept as they are.
    static func joinStrips(_ coverages: [GroupCoverage], _ groups: [AnalysisGroup]) throws -> Geometry? {
        let pieces = coverages.map(\.lonLat)
        if pieces.count <= 1 { return pieces.first ?? nil }
        var inner: [Polygon] = []
        var edge: [Polygon] = []
        for (piece, group) in zip(pieces, groups) {
            guard let piece, let strip = group.strip else { continue }
            for p in piece.polygons {
                guard let e = Envelope(p.exterior) else { continue }
                let touches = e.minX <= strip.minX + 1e-9 || e.maxX >= strip.maxX - 1e-9
                if touches { edge.append(p) } else { inner.append(p) }
            }
        }
        if !edge.isEmpty {
            let context = GEOSContext()
            let parts = try edge.map { try GEOSGeometry(.polygon($0), in: context) }
            inner += try GEOSGeometry.collection(parts, in: context).unaryUnion().value().polygons
        }
        return inner.isEmpty ? nil : .multiPolygon(inner)
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

    /// Runs the whole analysis: plans the groups (one CRS, or one UTM zone per area), buffers the
    /// patrols of each group in parallel, measures chunks of areas, sites and zones in parallel (one
    /// GEOS and PROJ context per task), and combines the results in input order.
    public func run(_ inputs: AnalysisInputs, parameters: AnalysisParameters, warnings: inout Warnings) throws -> AnalysisResult {
        try parameters.validate()
        let crs = try chooseCRS(inputs, mode: parameters.crs, warnings: &warnings)
        do {
            return try compute(inputs, parameters: parameters, crs: crs, warnings: &warnings)
        } catch let error as GEOSError {
            throw CakupanError.internal("\(error)")
        } catch let error as PROJError {
            throw CakupanError.internal("\(error)")
        }
    }

    private func compute(_ inputs: AnalysisInputs, parameters: AnalysisParameters, crs: ProjectedCRS, warnings: inout Warnings) throws
        -> AnalysisResult
    {
        let quads = parameters.quadrantSegments
        var clock = PhaseClock()
        let progress = self.progress
        defer { progress.finish() }
        progress.begin("finding the area of each site", total: 0)
        let plan = try AnalysisPlan.make(inputs, crs: crs, mode: parameters.crs, warnings: &warnings)
        clock.lap("plan (containment)")
        let workers = Parallel.workers

        // Phase 1: buffers of each group, in chunks of patrols.
        var bufferJobList: [(group: Int, patrols: ArraySlice<Int>)] = []
        for (gi, g) in plan.groups.enumerated() {
            // Many small chunks: a GPS unit's track costs far more than a route, and tracks come last.
            for r in Parallel.chunks(g.patrols.count, parts: workers * 8) { bufferJobList.append((gi, g.patrols[r])) }
        }
        let bufferJobs = bufferJobList
        progress.begin("buffering patrols", total: bufferJobs.count)
        let bufferParts = try Parallel.map(bufferJobs.count) { j in
            defer { progress.advance() }
            return try GroupWork.buffers(plan.groups[bufferJobs[j].group], bufferJobs[j].patrols, inputs, quads: quads)
        }
        var bufferedByGroup: [[BufferedPatrol]] = Array(repeating: [], count: plan.groups.count)
        for (j, part) in bufferParts.enumerated() { bufferedByGroup[bufferJobs[j].group] += part }
        let buffered = bufferedByGroup
        clock.lap("buffers")

        // Phase 2: per group, the unions (of the buffers, in halves, and of the zones), while chunks of
        // sites are measured against the lines; then each group's coverage from its unions.
        enum Job: Sendable { case coverage(Int), union(Int, [Int]), zones(Int), sites(Int, SiteJob) }
        // With fewer groups than cores (one CRS), the group's buffers are unioned in two halves and its
        // zones apart, on separate cores (`GroupWork.halves`); with several groups (per-zone mode)
        // their unions already keep the cores busy, and splitting only added work (national
        // benchmark: 27 s instead of 24.6 s for this phase), so each group's coverage is one task.
        let split = plan.groups.count < workers
        var jobList: [Job] = []
        for (gi, g) in plan.groups.enumerated() {
            if split {
                for half in GroupWork.halves(buffered[gi]) { jobList.append(.union(gi, half)) }
                jobList.append(.zones(gi))
            } else {
                jobList.append(.coverage(gi))
            }
            for r in Parallel.chunks(g.sites.count, parts: workers) { jobList.append(.sites(gi, SiteJob(group: g, sites: g.sites[r]))) }
        }
        let jobs = jobList
        progress.begin("union of coverage, sites", total: jobs.count)
        let phase2 = try Parallel.map(jobs.count) { j -> JobOutput in
            defer { progress.advance() }
            var out = JobOutput()
            switch jobs[j] {
            case .coverage(let gi):
                out.coverage = try GroupWork.coverage(plan.groups[gi], buffered[gi], inputs, quads: quads)
            case .union(let gi, let members):
                out.union = try GroupWork.union(plan.groups[gi], buffered[gi], members)
            case .zones(let gi):
                out.union = try GroupWork.zoneUnion(plan.groups[gi], inputs, quads: quads)
            case .sites(let gi, let job):
                out = try job.run(inputs, plan, buffered[gi])
            }
            return out
        }
        var coverageByGroup: [GroupCoverage?] = Array(repeating: nil, count: plan.groups.count)
        var partsByGroup: [[Geometry]] = Array(repeating: [], count: plan.groups.count)
        var zonesByGroup: [Geometry] = Array(repeating: .multiPolygon([]), count: plan.groups.count)
        for (j, out) in phase2.enumerated() {
            switch jobs[j] {
            case .coverage(let gi): coverageByGroup[gi] = out.coverage
            case .union(let gi, _): partsByGroup[gi].append(out.union!)
            case .zones(let gi): zonesByGroup[gi] = out.union!
            case .sites: break
            }
        }
        let (finished, parts, zoneUnions) = (coverageByGroup, partsByGroup, zonesByGroup)
        let unions = try Parallel.map(plan.groups.count) { gi in
            try finished[gi] ?? GroupWork.coverage(plan.groups[gi], parts: parts[gi], zones: zoneUnions[gi])
        }
        clock.lap("unions and sites")

        // Phase 3: chunks of areas and zones clipped against the unions.
        var areaZoneList: [(Int, AreaZoneJob)] = []
        for (gi, g) in plan.groups.enumerated() {
            let a = Parallel.chunks(g.areas.count, parts: workers)
            let z = Parallel.chunks(g.zones.count, parts: workers)
            for c in 0..<max(a.count, z.count) {
                areaZoneList.append(
                    (gi, AreaZoneJob(group: g, areas: c < a.count ? g.areas[a[c]] : [], zones: c < z.count ? g.zones[z[c]] : [])))
            }
        }
        let areaZoneJobs = areaZoneList
        progress.begin("areas and zones", total: areaZoneJobs.count)
        let phase3 = try Parallel.map(areaZoneJobs.count) { j in
            defer { progress.advance() }
            return try areaZoneJobs[j].1.run(inputs, plan, unions[areaZoneJobs[j].0], quads: quads)
        }
        let outputs = phase2 + phase3
        clock.lap("areas and zones")

        // Combine in input order.
        var areaSlots = [AreaResult?](repeating: nil, count: inputs.areas.count)
        var siteSlots = [SiteResult?](repeating: nil, count: inputs.sites.count)
        var zoneSlots = [ZoneResult?](repeating: nil, count: inputs.zones.count)
        let coverages = unions
        for out in outputs {
            for (i, r) in out.areas { areaSlots[i] = r }
            for (i, r) in out.sites { siteSlots[i] = r }
            for (i, r) in out.zones { zoneSlots[i] = r }
            warnings.append(contentsOf: out.warnings)
        }
        var areas = areaSlots.map { $0! }
        let sites = siteSlots.map { $0! }
        var zones = zoneSlots.map { $0! }
        let areaIndex = Dictionary(inputs.areas.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (i, s) in sites.enumerated() {
            guard let a = plan.siteArea[i] else { continue }
            areas[a].sitesTotal += 1
            if s.covered { areas[a].sitesCovered += 1 }
            if s.site.priority == .tinggi {
                areas[a].highTotal += 1
                if s.covered { areas[a].highCovered += 1 }
            }
        }
        let hotspots = HotspotRanking(minZoneCoverage: parameters.minZoneCoverage).rank(sites: sites, zones: &zones)
        for h in hotspots {
            if let id = h.areaID, let i = areaIndex[id] { areas[i].hotspots += 1 }
        }

        var totals = Totals()
        totals.areas = areas.count
        totals.areaM2 = areas.map(\.areaM2).reduce(0, +)
        totals.coveredM2 = areas.map(\.coveredM2).reduce(0, +)
        totals.coverageM2 = coverages.map(\.areaM2).reduce(0, +)
        totals.patrols = inputs.patrols.count
        totals.sitesTotal = sites.count
        totals.sitesCovered = sites.filter(\.covered).count
        totals.highTotal = sites.filter { $0.site.priority == .tinggi }.count
        totals.highCovered = sites.filter { $0.site.priority == .tinggi && $0.covered }.count
        totals.zones = zones.count
        totals.rawanM2 = coverages.map(\.rawanM2).reduce(0, +)
        totals.rawanCoveredM2 = coverages.map(\.rawanCoveredM2).reduce(0, +)
        totals.hotspots = hotspots.count

        let coverage = try Self.joinStrips(coverages, plan.groups)
        clock.lap("combine")
        let zonesUsed = try plan.groups.map { g in
            ProjectedCRS(epsg: g.epsg, name: try CRSInfo(definition: "EPSG:\(g.epsg)", context: proj).name)
        }
        return AnalysisResult(
            crs: crs, parameters: parameters, areas: areas, sites: sites, zones: zones,
            coverage: coverage, totals: totals, hotspots: hotspots,
            perZone: plan.perZone, zonesUsed: zonesUsed)
    }

}
