import Foundation

/// Builds GeoJSON and JSON text for the fixtures (RFC 7946: lon/lat, exterior rings CCW).
enum GeoJSONText {
    typealias Position = (lon: Double, lat: Double)

    static func number(_ value: Double) -> String {
        let rounded = (value * 1e7).rounded() / 1e7
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)
    }

    static func string(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out + "\""
    }

    static func optional(_ text: String?) -> String { text.map(string) ?? "null" }
    static func optional(_ value: Double?) -> String { value.map(number) ?? "null" }

    static func position(_ p: Position) -> String { "[\(number(p.lon)),\(number(p.lat))]" }

    /// A ring, closed by repeating its first position.
    static func ring(_ positions: [Position]) -> String {
        "[" + (positions + [positions[0]]).map(position).joined(separator: ",") + "]"
    }

    static func point(_ p: Position) -> String { "{\"type\":\"Point\",\"coordinates\":\(position(p))}" }

    static func polygon(_ rings: [[Position]]) -> String {
        "{\"type\":\"Polygon\",\"coordinates\":[" + rings.map(ring).joined(separator: ",") + "]}"
    }

    static func multiPolygon(_ polygons: [[[Position]]]) -> String {
        "{\"type\":\"MultiPolygon\",\"coordinates\":["
            + polygons.map { "[" + $0.map(ring).joined(separator: ",") + "]" }.joined(separator: ",") + "]}"
    }

    /// A feature; `properties` are key/JSON-text pairs kept in order.
    static func feature(_ geometry: String, _ properties: [(String, String)]) -> String {
        "{\"type\":\"Feature\",\"geometry\":\(geometry),\"properties\":{"
            + properties.map { "\(string($0.0)):\($0.1)" }.joined(separator: ",") + "}}"
    }

    static func collection(_ features: [String]) -> String {
        "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n"
    }

    static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { "\(string($0.0)):\($0.1)" }.joined(separator: ",") + "}"
    }

    static func array(_ elements: [String]) -> String { "[" + elements.joined(separator: ",") + "]" }
}

/// Metres ↔ degrees near a latitude, for building fixture shapes (spherical, good enough here).
struct LocalMetres {
    let origin: GeoJSONText.Position
    var metresPerDegreeLat: Double { 110_574 }
    var metresPerDegreeLon: Double { 111_320 * cos(origin.lat * .pi / 180) }

    func position(east: Double, north: Double) -> GeoJSONText.Position {
        (origin.lon + east / metresPerDegreeLon, origin.lat + north / metresPerDegreeLat)
    }

    func metres(_ p: GeoJSONText.Position) -> (east: Double, north: Double) {
        ((p.lon - origin.lon) * metresPerDegreeLon, (p.lat - origin.lat) * metresPerDegreeLat)
    }

    /// A circle of `radius` metres around `centre`, CCW, `segments` positions.
    func circle(_ centre: GeoJSONText.Position, radius: Double, segments: Int = 32) -> [GeoJSONText.Position] {
        let c = metres(centre)
        return (0..<segments).map { index in
            let angle = 2 * Double.pi * Double(index) / Double(segments)
            return position(east: c.east + radius * cos(angle), north: c.north + radius * sin(angle))
        }
    }

    /// The buffer of the segment `a`–`b` by `radius` metres (a stadium), CCW.
    func stadium(_ a: GeoJSONText.Position, _ b: GeoJSONText.Position, radius: Double) -> [GeoJSONText.Position] {
        let pa = metres(a)
        let pb = metres(b)
        let heading = atan2(pb.north - pa.north, pb.east - pa.east)
        var ring: [GeoJSONText.Position] = []
        for index in 0...16 {  // around b, from the right side to the left side
            let angle = heading - .pi / 2 + .pi * Double(index) / 16
            ring.append(position(east: pb.east + radius * cos(angle), north: pb.north + radius * sin(angle)))
        }
        for index in 0...16 {  // around a, back to the right side
            let angle = heading + .pi / 2 + .pi * Double(index) / 16
            ring.append(position(east: pa.east + radius * cos(angle), north: pa.north + radius * sin(angle)))
        }
        return ring
    }

    /// Distance in metres from `p` to the segment `a`–`b`.
    func distance(_ p: GeoJSONText.Position, toSegment a: GeoJSONText.Position, _ b: GeoJSONText.Position) -> Double {
        let pp = metres(p)
        let pa = metres(a)
        let pb = metres(b)
        let dx = pb.east - pa.east
        let dy = pb.north - pa.north
        let length = dx * dx + dy * dy
        let t = length == 0 ? 0 : max(0, min(1, ((pp.east - pa.east) * dx + (pp.north - pa.north) * dy) / length))
        let ex = pp.east - (pa.east + t * dx)
        let ey = pp.north - (pa.north + t * dy)
        return (ex * ex + ey * ey).squareRoot()
    }
}
