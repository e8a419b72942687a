import CakupanGEOS
import CakupanGeometry
import CakupanRecommend
import Foundation

/// Places new posts (`--recommend`): builds the demand and the candidates from an analysis, their
/// cover sets through a grid, solves exactly with CBC (CakupanRecommend), ranks the posts by what each
/// adds, and measures coverage before and after.
public enum Recommender {
    public static func run(_ r: AnalysisResult, inputs: AnalysisInputs, config: RecommendConfig, warnings: inout Warnings) throws
        -> Recommendations?
    {
        guard let mode = config.mode else { return nil }
        let clock = ContinuousClock()
        let start = clock.now
        let radius = config.postRadius ?? r.parameters.radius
        var frames = MetricFrames(r)
        let demand = try DemandPoints.make(r, weights: config.weight, frames: &frames)
        let fromFile = !inputs.candidates.isEmpty
        let candidatePoints = fromFile ? inputs.candidates.map(\.point) : demand.map(\.point)
        let sets = try CoverSets(demand: demand, candidates: candidatePoints, radius: radius, frames: &frames)
        let problem: CoverageProblem
        do {
            problem = try CoverageProblem(weights: demand.map(\.weight), candidates: candidatePoints.count, covers: sets.covers)
        } catch {
            throw CakupanError.internal("recommendation model: \(error.localizedDescription)")
        }
        let timeLimit = config.solveTime ?? Defaults.solveTime
        var ranking: [RankedPost] = []
        var objective = 0.0
        var bound = 0.0
        var optimal = true
        var gap = 0.0
        var solver = "none"
        var greedy: Double? = nil
        var uncoverable: [Int] = []
        var coverable = 0.0
        var requested: Int? = nil
        do {
            switch mode {
            case .posts(let n):
                requested = n
                let m = try maximalCovering(problem, posts: n, timeLimitSeconds: timeLimit)
                ranking = m.ranking
                (objective, bound, optimal, gap) = (m.objective, m.bestBound, m.optimal, m.gapPercent)
                solver = m.solver
                greedy = m.greedyObjective
                uncoverable = m.uncoverable
                coverable = m.coverableWeight
            case .cover:
                let must = demand.indices.filter { demand[$0].cause == .uncovered && demand[$0].level == .tinggi }
                let s = try setCovering(problem, mustCover: must, timeLimitSeconds: timeLimit)
                ranking = try rankByMarginalGain(s.selected, in: problem)
                objective = ranking.reduce(0) { $0 + $1.gain }
                (bound, optimal) = (Double(s.bestBound), s.optimal)
                gap = s.selected.isEmpty ? 0 : 100 * Double(s.selected.count - s.bestBound) / Double(s.selected.count)
                solver = s.solver
                uncoverable = s.uncoverable
                let reachable = Set(problem.covers.flatMap { $0 })
                coverable = demand.indices.filter { reachable.contains(Int32($0)) }.reduce(0) { $0 + demand[$1].weight }
            }
        } catch {
            throw CakupanError.internal("recommendation solver: \(error.localizedDescription)")
        }
        var solverName = solver
        var version: String? = nil
        if solver.hasPrefix("CBC ") {
            solverName = "CBC"
            version = String(solver.dropFirst(4))
        }

        var posts = try makePosts(
            ranking, r: r, inputs: inputs, demand: demand, fromFile: fromFile,
            points: candidatePoints, frames: &frames)
        PostReasons.write(&posts, r: r, demand: demand)
        let covered = Set(ranking.flatMap(\.newlyCovered))
        let before = CoverageChange(
            sitesCovered: r.totals.sitesCovered, highCovered: r.totals.highCovered, staleAttended: 0,
            zoneCoveredM2: r.zones.reduce(0) { $0 + $1.coveredM2 })
        var after = before
        for i in covered {
            let d = demand[i]
            guard case .site = d.ref else { continue }
            switch d.cause {
            case .uncovered:
                after.sitesCovered += 1
                if d.level == .tinggi { after.highCovered += 1 }
            case .stale: after.staleAttended += 1
            case .zoneGap: break
            }
        }
        after.zoneCoveredM2 += try zoneGain(posts.map(\.point), r: r, radius: radius, frames: &frames)
        if demand.isEmpty {
            warnings.add(
                "--recommend: nothing to recommend: no site is uncovered or stale and no rawan zone is under-covered",
                kind: .recommendations)
        } else if !uncoverable.isEmpty {
            warnings.add(
                "--recommend: \(uncoverable.count) demand point\(uncoverable.count == 1 ? "" : "s") (the first: \(demandID(demand[uncoverable[0]], r))) \(uncoverable.count == 1 ? "is" : "are") farther than \(JSONWriter.formatNumber(radius, decimals: 0)) m from every candidate: no post can reach \(uncoverable.count == 1 ? "it" : "them")",
                kind: .recommendations)
        }
        var instance: RecommendInstance? = nil
        if case .posts(let n) = mode, let d = sets.demandXY, let c = sets.candidateXY {
            instance = RecommendInstance(
                radius: radius, posts: n, demandX: d.map(\.x), demandY: d.map(\.y), weights: demand.map(\.weight),
                candidateX: c.map(\.x), candidateY: c.map(\.y), objective: objective,
                selected: ranking.map(\.candidate), nonzeros: sets.pairs)
        }
        let elapsed = clock.now - start
        return Recommendations(
            mode: mode == .cover ? .cover : .posts, postsRequested: requested, postRadius: radius,
            weights: Dictionary(uniqueKeysWithValues: Level.allCases.map { ($0, config.weight($0)) }),
            candidateSource: fromFile ? "file" : "demand", candidateCount: candidatePoints.count, demand: demand, posts: posts,
            objective: objective, bound: bound, optimal: optimal, gapPercent: gap, solver: solverName, solverVersion: version,
            greedyObjective: greedy, coverableWeight: coverable, demandWeight: demand.reduce(0) { $0 + $1.weight },
            uncoverable: uncoverable, timeLimit: timeLimit,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18,
            coverPairs: sets.pairs, before: before, after: after, instance: instance)
    }

    /// The id a demand point is known by: the site's or the zone's.
    static func demandID(_ d: DemandPoint, _ r: AnalysisResult) -> String {
        switch d.ref {
        case .site(let i): r.sites[i].site.id
        case .zone(let i): r.zones[i].zone.id
        }
    }

    static func demandName(_ d: DemandPoint, _ r: AnalysisResult) -> String? {
        switch d.ref {
        case .site(let i): r.sites[i].site.name
        case .zone(let i): r.zones[i].zone.name
        }
    }

    private static func makePosts(
        _ ranking: [RankedPost], r: AnalysisResult, inputs: AnalysisInputs, demand: [DemandPoint],
        fromFile: Bool, points: [Coordinate], frames: inout MetricFrames
    ) throws -> [RecommendedPost] {
        let chosen = ranking.map { points[$0.candidate] }
        let areaOf = try Containment.areas(of: chosen, in: inputs.areas.map(\.geometry))
        let nearest = try nearestPatrol(chosen, areaIDs: areaOf.map { $0.map { inputs.areas[$0].id } }, inputs: inputs, frames: &frames)
        return ranking.enumerated().map { n, post in
            let j = post.candidate
            var sites: [String] = []
            var zones: [String] = []
            for i in post.newlyCovered {
                switch demand[i].ref {
                case .site(let s): sites.append(r.sites[s].site.id)
                case .zone(let z): zones.append(r.zones[z].zone.id)
                }
            }
            let id = fromFile ? inputs.candidates[j].id : demandID(demand[j], r)
            let name = fromFile ? inputs.candidates[j].name : demandName(demand[j], r)
            return RecommendedPost(
                rank: n + 1, id: id, placeName: name, point: points[j], gain: post.gain,
                newlyCovered: post.newlyCovered, siteIDs: sites, zoneIDs: zones,
                areaID: areaOf[n].map { inputs.areas[$0].id }, nearestPatrolMetres: nearest[n],
                reason: "", reasonEnglish: "")
        }
    }

    /// Each post's distance to the nearest patrol line, measured in its area's CRS (true metres in
    /// per-zone mode); nil without patrols.
    private static func nearestPatrol(_ points: [Coordinate], areaIDs: [String?], inputs: AnalysisInputs, frames: inout MetricFrames) throws
        -> [Double?]
    {
        guard !inputs.patrols.isEmpty, !points.isEmpty else { return points.map { _ in nil } }
        var out = [Double?](repeating: nil, count: points.count)
        let byEPSG = Dictionary(grouping: points.indices, by: { frames.epsg(areaID: areaIDs[$0], at: points[$0]) })
        for epsg in byEPSG.keys.sorted() {
            let members = byEPSG[epsg]!
            let frame = try frames.frame(epsg)
            var patrols = inputs.patrols
            if frames.perZone, let box = Envelope(members.map { points[$0] }) {
                patrols = patrols.filter { p in
                    guard let e = p.geometry.envelope else { return false }
                    return e.maxX >= box.minX - 3 && e.minX <= box.maxX + 3
                }
            }
            guard !patrols.isEmpty else { continue }
            let lines = try patrols.map { try frame.projector.geos($0.geometry, $0.source.location) }
            let tree = try GEOSSTRtree(lines, in: frame.geos)
            for i in members {
                let p = try GEOSGeometry(.point(try frame.projector.project(points[i])), in: frame.geos)
                guard let n = try tree.nearest(to: p) else { continue }
                out[i] = try lines[n].distance(to: p) / frame.k(points[i])
            }
        }
        return out
    }

    /// Area of the rawan zones' gaps (Σ over zones, m², true m² in per-zone mode) that the posts'
    /// circles cover.
    private static func zoneGain(_ posts: [Coordinate], r: AnalysisResult, radius: Double, frames: inout MetricFrames) throws -> Double {
        guard !posts.isEmpty else { return 0 }
        var total = 0.0
        let quads = r.parameters.quadrantSegments
        for z in r.zones {
            guard let gap = z.gap, let centre = z.geometry.envelope?.center else { continue }
            let frame = try frames.frame(frames.epsg(areaID: z.areaID, at: centre))
            var g = try frame.projector.geos(gap, z.zone.source.location)
            if try !g.isValid() { g = try g.makeValid() }
            guard let box = try g.envelope() else { continue }
            var circles: [GEOSGeometry] = []
            for p in posts {
                let k = try frame.k(p)
                let q = try frame.projector.project(p)
                let reach = radius * k
                guard q.x >= box.minX - reach, q.x <= box.maxX + reach, q.y >= box.minY - reach, q.y <= box.maxY + reach else { continue }
                circles.append(try GEOSGeometry(.point(q), in: frame.geos).buffer(reach, quadrantSegments: quads))
            }
            guard !circles.isEmpty else { continue }
            let union = try GEOSGeometry.collection(circles, in: frame.geos).unaryUnion()
            total += try frame.trueArea(g.intersection(union).area(), at: centre)
        }
        return total
    }
}
