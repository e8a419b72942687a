import Foundation

/// A grid of areas with irregular shared boundaries, like real kecamatan: each edge between two
/// grid nodes is subdivided and displaced sideways by a smooth, deterministic wiggle that vanishes
/// at its ends, so neighbouring areas share their boundary exactly.
struct WigglyGrid {
    let columns: Int
    let rows: Int
    /// South-west corner and cell size, degrees.
    let west: Double
    let south: Double
    let cellDegrees: Double
    /// Points per edge (more = more detailed boundaries).
    let pointsPerEdge: Int

    func node(_ i: Int, _ j: Int) -> GeoJSONText.Position {
        let inner = i > 0 && i < columns && j > 0 && j < rows
        let jitter = inner ? 0.22 * cellDegrees : 0
        return (
            west + Double(i) * cellDegrees + jitter * Self.noise(i, j, 1), south + Double(j) * cellDegrees + jitter * Self.noise(i, j, 2)
        )
    }

    /// The edge from `a` to `b`, without its last position.
    func edge(_ a: GeoJSONText.Position, _ b: GeoJSONText.Position, seed: Int) -> [GeoJSONText.Position] {
        let dx = b.lon - a.lon
        let dy = b.lat - a.lat
        let length = (dx * dx + dy * dy).squareRoot()
        let phase1 = Self.noise(seed, 7, 3) * .pi
        let phase2 = Self.noise(seed, 11, 5) * .pi
        return (0..<pointsPerEdge).map { k in
            let t = Double(k) / Double(pointsPerEdge)
            let wiggle =
                0.06 * sin(.pi * t)
                * (sin(2 * .pi * 1.5 * t + phase1) + 0.35 * sin(2 * .pi * 5 * t + phase2)
                    + 0.08 * Self.noise(seed, k, 9))
            return (a.lon + dx * t - dy / length * wiggle * length, a.lat + dy * t + dx / length * wiggle * length)
        }
    }

    /// The CCW exterior ring of cell (i, j).
    func cell(_ i: Int, _ j: Int) -> [GeoJSONText.Position] {
        let sw = node(i, j)
        let se = node(i + 1, j)
        let ne = node(i + 1, j + 1)
        let nw = node(i, j + 1)
        let bottom = edge(sw, se, seed: 2 * (j * 1000 + i))  // stored west→east
        let top = edge(nw, ne, seed: 2 * ((j + 1) * 1000 + i))  // stored west→east
        let left = edge(sw, nw, seed: 2 * (j * 1000 + i) + 1)  // stored south→north
        let right = edge(se, ne, seed: 2 * (j * 1000 + i + 1) + 1)  // stored south→north
        return bottom + right + reversedEdge(top, end: ne) + reversedEdge(left, end: nw)
    }

    /// An edge stored a→b walked from b back to a, without a.
    private func reversedEdge(_ points: [GeoJSONText.Position], end: GeoJSONText.Position) -> [GeoJSONText.Position] {
        Array(([end] + points.dropFirst().reversed()))
    }

    /// A deterministic value in −1…1.
    static func noise(_ a: Int, _ b: Int, _ c: Int) -> Double {
        var h = UInt64(bitPattern: Int64(a &* 73_856_093 ^ b &* 19_349_663 ^ c &* 83_492_791))
        h ^= h >> 33
        h &*= 0xff51afd7ed558ccd
        h ^= h >> 33
        h &*= 0xc4ceb9fe1a85ec53
        h ^= h >> 33
        return Double(h % 2_000_001) / 1_000_000 - 1
    }
}
