import CakupanGEOS
import CakupanGeometry
import CakupanPROJ
import CakupanTemporal
import Foundation

/// What one pass over the fix files produced: the tracks drawn as patrols, and the engine's result
/// (`stream.result()`, still being finished while the coverage is computed).
struct TemporalPass {
    let stream: TemporalStream
    var patrols: [Patrol]
    var gaps: [TrackGap]
    var gapsTotal: Int
    var jumps: [TrackJump]
    var files: [TrackFileSummary]
    /// The units with accepted fixes, sorted.
    var unitNames: [String]
    var lineVertices: Int
    /// Fixes that came later than the reorder window for their unit (0 when read with `exactOrder`).
    var lateFixes: Int
}

/// Wires the visit engine (CakupanTemporal) into a run: one projected CRS, sites, zones and areas in
/// metres, the fix files read in batches and projected with PROJ, each unit's track drawn as a patrol
/// line, and the results attached to the `AnalysisResult`.
enum TemporalAnalysis {
    /// The one projected CRS the run will measure in, as `CoverageAnalysis` will choose it. Temporal
    /// analysis needs a single CRS: inputs reaching more than 3° of longitude beyond the chosen UTM
    /// zone (per-zone mode, `AnalysisPlan`) are refused.
    static func singleCRS(_ inputs: AnalysisInputs, _ parameters: AnalysisParameters) throws -> ProjectedCRS {
        var scratch = Warnings()  // the run chooses again and warns then
        let crs = try CoverageAnalysis().chooseCRS(inputs, mode: parameters.crs, warnings: &scratch)
        if parameters.crs == .auto, let zone = UTM.zone(epsg: crs.epsg), let all = CoverageAnalysis.envelope(inputs, areasOnly: false) {
            let (west, east) = UTM.edges(zone: zone)
            let beyond = max(west - all.minX, all.maxX - east)
            if beyond > 3 {
                throw CakupanError.usage(
                    "temporal analysis (--tracks) needs one projected CRS, but the inputs reach \(JSONWriter.formatNumber(beyond, decimals: 1))° of longitude beyond UTM zone \(zone), so each area would be analysed in its own zone; give --crs EPSG:nnnn (one CRS in metres for the whole operation) or split the operation by UTM zone"
                )
            }
        }
        return crs
    }

    /// Reads every fix file once, feeding the engine and the line drawer.
    /// With `exactOrder`, every fix is held until the end and sorted per unit (exact for any order,
    /// memory grows with the fixes); otherwise fixes are put in place within the reorder window.
    /// Fixes dated more than a day after `now` (the run's moment, passed in) are a broken clock's.
    static func run(
        _ settings: TemporalSettings, _ inputs: AnalysisInputs, crs: ProjectedCRS,
        _ parameters: AnalysisParameters, exactOrder: Bool = false, now: Date = Date(),
        warnings: inout Warnings
    ) throws -> TemporalPass {
        do {
            return try compute(
                settings, inputs, crs: crs, parameters, exactOrder: exactOrder,
                notAfter: now.timeIntervalSince1970 + 86_400, warnings: &warnings)
        } catch let error as GEOSError {
            throw CakupanError.internal("\(error)")
        } catch let error as PROJError {
            throw CakupanError.internal("\(error)")
        } catch let error as TemporalError {
            throw CakupanError.internal(error.localizedDescription)
        }
    }

    private static func compute(
        _ settings: TemporalSettings, _ inputs: AnalysisInputs, crs: ProjectedCRS,
        _ parameters: AnalysisParameters, exactOrder: Bool, notAfter: Double,
        warnings: inout Warnings
    ) throws -> TemporalPass {
        var clock = PhaseClock()
        let job = try JobContext(AnalysisGroup(epsg: crs.epsg, scaleCorrected: false))
        let forward = try CoordinateTransformer(from: "EPSG:4326", to: "EPSG:\(crs.epsg)", context: job.proj)
        let inverse = try CoordinateTransformer(from: "EPSG:\(crs.epsg)", to: "EPSG:4326", context: job.proj)

        var sitePoints = inputs.sites.map(\.point)
        try forward.transform(&sitePoints)
        let sites = zip(inputs.sites, sitePoints).map { s, p in
            TemporalSite(
                id: s.id, x: p.x, y: p.y, radius: settings.radius(for: s.category),
                maxUnattended: settings.limit(for: s.category))
        }
        let zones = try inputs.zones.map { z in
            let (g, _) = try GroupWork.zoneGeometry(z, job, quads: parameters.quadrantSegments)
            return region(z.id, try g.buffer(settings.visitRadius, quadrantSegments: parameters.quadrantSegments).value())
        }
        let areas = try inputs.areas.map { a in
            let (g, _) = try GroupWork.valid(job.projector.geos(a.geometry, a.source.location), a.source.location, job)
            return region(a.id, try g.value())
        }
        var engineParameters = settings.engineParameters(threads: Parallel.workers)
        if exactOrder { engineParameters.reorderWindow = .infinity }
        let engine = try VisitEngine(sites: sites, zones: zones, areas: areas, parameters: engineParameters)
        let lines = TrackLineDrawer(
            maxFixGap: settings.maxFixGap, maxSpeed: settings.maxSpeedKmh / 3.6,
            reorderWindow: engineParameters.reorderWindow, tolerance: TemporalSettings.simplifyTolerance,
            passTolerance: TemporalSettings.repeatTolerance)
        clock.lap("temporal: sites, zones and areas")

        let stream = TemporalStream(engine: engine, lines: lines)
        var unitFile: [String] = []
        var files: [TrackFileSummary] = []
        var coordinates: [Coordinate] = []
        // On an error the batch still in the stream's queues is let finish before the error goes up.
        // (Not on success: the engine then finishes its results on its own queue while the coverage
        // is computed, and `attach` waits for them.)
        var streamed = false
        defer { if !streamed { stream.wait() } }
        for spec in settings.trackInputs {
            let path = spec.path
            let reader = TemporalFixReader(spec, settings: settings, notAfter: notAfter)
            let summary = try reader.read(warnings: &warnings) { batch, origin in
                coordinates.removeAll(keepingCapacity: true)
                for r in batch {
                    guard (-180...180).contains(r.lon), (-90...90).contains(r.lat) else {
                        let swapped = (-90...90).contains(r.lon) && (-180...180).contains(r.lat)
                        throw CakupanError.input(
                            origin.location(r.line),
                            "lon \(r.lon), lat \(r.lat) is not a position on Earth (longitude −180…180, latitude −90…90)\(swapped ? "; are lon and lat swapped?" : "")"
                        )
                    }
                    coordinates.append(Coordinate(x: r.lon, y: r.lat))
                }
                do { try forward.transform(&coordinates) } catch let error as PROJError {
                    let bad = coordinates.firstIndex { !$0.isFinite } ?? 0
                    throw CakupanError.input(origin.location(batch[bad].line), "cannot be projected to EPSG:\(crs.epsg): \(error)")
                }
                var projected = ProjectedFixes()
                projected.reserve(batch.count)
                for (r, p) in zip(batch, coordinates) {
                    projected.units.append(stream.number(r.unit, &projected))
                    projected.times.append(r.time)
                    projected.xs.append(p.x)
                    projected.ys.append(p.y)
                    projected.lines.append(r.line)
                }
                unitFile += projected.newNames.map { _ in path }
                try stream.submit(projected)
            }
            if summary.blankRows > 0 {
                warnings.add("\(path): \(summary.blankRows) blank row\(summary.blankRows == 1 ? "" : "s") skipped", kind: .skippedFeatures)
            }
            if summary.fixes == 0, summary.skippedFixes == 0 {
                throw CakupanError.input(InputLocation(file: path), "the tracks file has no GPS fixes")
            }
            files.append(summary)
        }
        if files.allSatisfy({ $0.fixes == 0 }) {
            throw CakupanError.input(
                InputLocation(file: settings.tracks.joined(separator: ", ")),
                "no GPS fix can be used: every fix was left out (see the warnings above)")
        }
        let pieces = try stream.finish()
        streamed = true
        clock.lap("temporal: read and stream fixes")
        let names = stream.names
        defer { clock.lap("temporal: track lines as patrols") }

        var patrols: [Patrol] = []
        var vertices = 0
        for (unit, unitPieces) in pieces.enumerated() where !unitPieces.isEmpty {
            var lonLat: [[Coordinate]] = []
            for piece in unitPieces {
                var copy = piece
                try inverse.transform(&copy)
                lonLat.append(copy)
                vertices += copy.count
            }
            let location = InputLocation(file: unitFile[unit])
            patrols.append(
                Patrol(
                    id: names[unit], geometry: lonLat.count == 1 ? .lineString(lonLat[0]) : .multiLineString(lonLat),
                    radius: parameters.radius,
                    source: InputFeature(location: location, properties: [(name: "unit", value: .string(names[unit]))], geometry: nil)))
        }

        let gaps = lines.gaps.map { TrackGap(unit: names[$0.unit], from: $0.from, to: $0.to) }
            .sorted { ($0.from, $0.unit) < ($1.from, $1.unit) }
        var jumpPoints = lines.jumps.map { Coordinate(x: $0.point.x, y: $0.point.y) }
        try inverse.transform(&jumpPoints)
        let jumps = zip(lines.jumps, jumpPoints).map { TrackJump(unit: names[$0.unit], time: $0.point.time, position: $1) }
            .sorted { ($0.time, $0.unit) < ($1.time, $1.unit) }
        return TemporalPass(
            stream: stream, patrols: patrols, gaps: Array(gaps.prefix(TemporalReport.listLimit)), gapsTotal: gaps.count,
            jumps: Array(jumps.prefix(TemporalReport.listLimit)), files: files, unitNames: names.sorted(),
            lineVertices: vertices,
            lateFixes: lines.lateFixes)
    }

    /// A (multi)polygon in metres as the engine's region.
    private static func region(_ id: String, _ g: Geometry) -> TemporalRegion {
        TemporalRegion(
            id: id,
            polygons: g.polygons.map { p in
                MetricPolygon(exterior: p.exterior.map { SIMD2($0.x, $0.y) }, holes: p.holes.map { $0.map { SIMD2($0.x, $0.y) } })
            })
    }

    /// Puts the pass's figures on the result's sites, zones and areas, and ranks the hotspots again
    /// with the stale sites among them.
    static func attach(
        _ pass: TemporalPass, _ settings: TemporalSettings, to r: inout AnalysisResult,
        inputs: AnalysisInputs, _ parameters: AnalysisParameters, warnings: inout Warnings
    ) {
        var clock = PhaseClock()
        let t = pass.stream.result()
        clock.lap("temporal: engine results (waited for)")
        for i in r.sites.indices {
            let category = r.sites[i].site.category
            r.sites[i].temporal = SiteVisits(
                row: t.sites[i], visitRadius: settings.radius(for: category),
                limitSeconds: settings.limit(for: category))
        }
        for i in r.zones.indices {
            r.zones[i].attendedShare = t.zones[i].share
            r.zones[i].hotspotRank = nil
        }
        for i in r.areas.indices {
            r.areas[i].patrolSeconds = t.areas[i].patrolSeconds
            r.areas[i].patrolMetres = t.areas[i].distanceMetres
            r.areas[i].hotspots = 0
        }
        r.hotspots = HotspotRanking(minZoneCoverage: parameters.minZoneCoverage).rank(sites: r.sites, zones: &r.zones)
        let areaIndex = Dictionary(inputs.areas.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for h in r.hotspots {
            if let id = h.areaID, let i = areaIndex[id] { r.areas[i].hotspots += 1 }
        }
        r.totals.hotspots = r.hotspots.count
        r.temporal = TemporalReport(
            result: t, settings: settings, gaps: pass.gaps, gapsTotal: pass.gapsTotal,
            jumps: pass.jumps, files: pass.files, lineVertices: pass.lineVertices, unitNames: pass.unitNames)
    }
}
