/// Everything the map draws, already on the canvas: projected, fitted to the frame, simplified to
/// 0.5 px and rounded to 0.1 px. Built once per briefing.
struct MapScene: Sendable {
    /// The canvas, px (SVG user units): A4-landscape proportions with room for the page header.
    static let canvasWidth = 1400.0
    static let canvasHeight = 900.0
    /// The map frame (data and coordinate ticks) and the legend panel beside it.
    static let frame = ScreenBox(minX: 76, minY: 14, maxX: 1086, maxY: 862)
    static let legendPanel = ScreenBox(minX: 1104, minY: 14, maxX: 1390, maxY: 862)

    let transform: ScreenTransform
    /// Per area of the folder (same order), its polygons on screen.
    let areas: [[ScreenPolygon]]
    let coverage: [ScreenPolygon]
    let zones: [(record: ZoneRecord, shape: [ScreenPolygon])]
    let gaps: [(record: GapRecord, shape: [ScreenPolygon])]
    let sites: [(record: SiteRecord, point: TenthPoint)]
    /// The first `hotspotLimit` hotspots by rank, each at its site or inside its gap.
    let hotspots: [(record: HotspotRecord, point: ScreenPoint)]
    let symbols: SiteSymbols
    /// The recommended posts by rank, at their points (none when the folder has no recommendations).
    let posts: [(record: PostRecord, point: ScreenPoint)]
    /// How far a post reaches, px at the whole map; nil when summary.json does not say.
    let postReachPx: Double?

    init(folder: ResultFolder, hotspotLimit: Int) {
        var positions: [LonLat] = []
        for area in folder.areas { positions += area.geometry.positions }
        for polygon in folder.coverage { positions += polygon.rings.first ?? [] }
        for zone in folder.zones { positions += zone.geometry.positions }
        for site in folder.sites { positions.append(site.location) }
        for hotspot in folder.hotspots { positions += hotspot.geometry.positions }
        for post in folder.posts ?? [] { positions.append(post.location) }
        let transform = ScreenTransform(fitting: positions, into: Self.frame)
        let simplifier = ScreenSimplifier()
        self.transform = transform
        areas = folder.areas.map { simplifier.polygons($0.geometry, transform) }
        coverage = folder.coverage.compactMap { simplifier.polygon($0, transform) }
        zones = folder.zones.map { ($0, simplifier.polygons($0.geometry, transform)) }
        gaps = folder.gaps.map { ($0, simplifier.polygons($0.geometry, transform)) }
        sites = folder.sites.map { ($0, TenthPoint(transform.point($0.location))) }
        hotspots = folder.hotspots.prefix(max(hotspotLimit, 0)).compactMap { hotspot in
            switch hotspot.geometry {
            case .point(let point):
                return (hotspot, transform.point(point))
            case .polygons(let polygons):
                if let inside = InteriorPoint.ofLargest(simplifier.polygons(hotspot.geometry, transform)) {
                    return (hotspot, inside)
                }
                // The gap is too small to draw: put the number at the middle of its positions.
                let points = polygons.flatMap { $0.rings.first ?? [] }.map(transform.point)
                guard !points.isEmpty else { return nil }
                let x = points.map(\.x).reduce(0, +) / Double(points.count)
                let y = points.map(\.y).reduce(0, +) / Double(points.count)
                return (hotspot, ScreenPoint(x: x, y: y))
            case .none:
                return nil
            }
        }
        symbols = SiteSymbols(siteCount: folder.sites.count, frame: Self.frame)
        posts = (folder.posts ?? []).map { ($0, transform.point($0.location)) }
        postReachPx = folder.summary.recommendations?.postRadiusM.map { $0 * transform.pixelsPerMetre }
    }
}
