import CakupanSchema
import Foundation

/// One small shape per site category, drawn with `<use>` so that each site costs one short element.
/// The size shrinks as sites get denser: radius ≈ 0.28·√(frame area / number of sites), between
/// 1.6 and 4.5 px.
struct SiteSymbols: Sendable {
    /// Half the symbol's size, px.
    let radiusPx: Double

    init(siteCount: Int, frame: ScreenBox) {
        let spacing = (frame.width * frame.height / Double(max(siteCount, 1))).squareRoot()
        radiusPx = min(max(0.28 * spacing, 1.6), 4.5)
    }

    /// Outline width, px.
    var strokePx: Double { min(max(radiusPx * 0.3, 0.6), 1.3) }

    /// The `id` of the category's symbol in `<defs>`.
    static func id(_ category: SiteCategory) -> String { "ck-s-\(category.rawValue)" }

    /// Path data of the category's shape centred on 0,0.
    func path(_ category: SiteCategory) -> String {
        let r = radiusPx
        func p(_ points: [(Double, Double)]) -> String {
            SVGPathData.rings([points.map { TenthPoint(ScreenPoint(x: $0.0 * r, y: $0.1 * r)) }])
        }
        switch category {
        case .tps:  // circle
            let rr = SVGNumber.px(r)
            let d = SVGNumber.px(2 * r)
            return "M-\(rr) 0a\(rr) \(rr) 0 1 0 \(d) 0a\(rr) \(rr) 0 1 0-\(d) 0z"
        case .kpu:  // square
            return p([(-0.85, -0.85), (0.85, -0.85), (0.85, 0.85), (-0.85, 0.85)])
        case .bawaslu:  // diamond
            return p([(0, -1.15), (1.15, 0), (0, 1.15), (-1.15, 0)])
        case .partai:  // triangle up
            return p([(0, -1.2), (1.1, 0.85), (-1.1, 0.85)])
        case .pleno:  // triangle down
            return p([(-1.1, -0.85), (1.1, -0.85), (0, 1.2)])
        case .gudang:  // wide rectangle (a warehouse)
            return p([(-1.2, -0.6), (1.2, -0.6), (1.2, 0.75), (-1.2, 0.75)])
        case .kampanye:  // five-pointed star
            var points: [(Double, Double)] = []
            for index in 0..<10 {
                let angle = Double(index) * .pi / 5 - .pi / 2
                let radius = index.isMultiple(of: 2) ? 1.3 : 0.55
                points.append((radius * cos(angle), radius * sin(angle)))
            }
            return p(points)
        case .kediaman:  // house
            return p([(0, -1.2), (1.05, -0.2), (1.05, 0.95), (-1.05, 0.95), (-1.05, -0.2)])
        case .lainnya:  // plus
            let a = 0.35
            let b = 1.1
            return p([(-a, -b), (a, -b), (a, -a), (b, -a), (b, a), (a, a), (a, b), (-a, b), (-a, a), (-b, a), (-b, -a), (-a, -a)])
        }
    }
}
