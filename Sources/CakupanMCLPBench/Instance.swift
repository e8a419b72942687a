import Foundation

/// A maximal covering instance in metric coordinates (metres), in the JSON format the peer
/// (`benchmarks/peers/mclp_peer.py`) reads: columns of numbers, so 25,000 points stay small.
///
///     {"radius_m": 3000, "posts": 25,
///      "demand": {"x": [...], "y": [...], "weight": [...]},
///      "candidates": {"x": [...], "y": [...]}}
struct Instance: Codable {
    struct Demand: Codable {
        var x: [Double]
        var y: [Double]
        var weight: [Double]
    }
    struct Candidates: Codable {
        var x: [Double]
        var y: [Double]
    }
    /// Coverage radius in metres: a candidate covers a demand point at distance ≤ radius.
    var radius_m: Double
    var posts: Int
    var demand: Demand
    var candidates: Candidates

    func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(self).write(to: URL(fileURLWithPath: path))
    }

    static func read(from path: String) throws -> Instance {
        try JSONDecoder().decode(Instance.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

/// SplitMix64, so the same seed gives the same instance everywhere.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Instance {
    /// A seeded instance in a `sideMetres` square: demand like TPS around towns (80 % in `towns`
    /// clusters, normal with a 1–4 km spread, 20 % scattered), weights 1, 2 or 3; candidate posts half near
    /// demand (within 1 km of a random demand point), half anywhere. Points are rounded to the centimetre.
    static func generate(
        demand: Int, candidates: Int, radius: Double, posts: Int, seed: UInt64,
        sideMetres: Double = 100_000, towns: Int = 60
    ) -> Instance {
        var rng = SplitMix64(state: seed)
        func uniform(_ r: Range<Double>) -> Double { Double.random(in: r, using: &rng) }
        func normal() -> Double {  // Box–Muller
            let u = max(uniform(0..<1), 1e-300)
            let v = uniform(0..<1)
            return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
        }
        func clamp(_ v: Double) -> Double { (min(max(v, 0), sideMetres) * 100).rounded() / 100 }
        let centres = (0..<towns).map { _ in (x: uniform(0..<sideMetres), y: uniform(0..<sideMetres), spread: uniform(1000..<4000)) }
        var dx: [Double] = []
        var dy: [Double] = []
        var w: [Double] = []
        for _ in 0..<demand {
            if uniform(0..<1) < 0.8 {
                let town = centres[Int.random(in: 0..<towns, using: &rng)]
                dx.append(clamp(town.x + town.spread * normal()))
                dy.append(clamp(town.y + town.spread * normal()))
            } else {
                dx.append(clamp(uniform(0..<sideMetres)))
                dy.append(clamp(uniform(0..<sideMetres)))
            }
            w.append(Double(Int.random(in: 1...3, using: &rng)))
        }
        var cx: [Double] = []
        var cy: [Double] = []
        for k in 0..<candidates {
            if k % 2 == 0, demand > 0 {
                let i = Int.random(in: 0..<demand, using: &rng)
                cx.append(clamp(dx[i] + uniform(-1000..<1000)))
                cy.append(clamp(dy[i] + uniform(-1000..<1000)))
            } else {
                cx.append(clamp(uniform(0..<sideMetres)))
                cy.append(clamp(uniform(0..<sideMetres)))
            }
        }
        return Instance(radius_m: radius, posts: posts, demand: Demand(x: dx, y: dy, weight: w), candidates: Candidates(x: cx, y: cy))
    }
}
