import CakupanGDAL
import CakupanGeometry

/// Encodes lon/lat geometries and features as RFC 7946 GeoJSON: positions [lon, lat] with at most
/// 7 decimals (about 1 cm), exterior rings counter-clockwise and holes clockwise (§3.1.6), no `crs`
/// member (§4), a `bbox` on the FeatureCollection (§5).
public enum GeoJSONEncoding {
    public static let decimals = 7

    static func position(_ c: Coordinate) -> JSONValue {
        .array([.number(c.x, decimals: decimals), .number(c.y, decimals: decimals)])
    }

    static func line(_ cs: [Coordinate]) -> JSONValue { .array(cs.map(position)) }

    /// Rings closed and wound per RFC 7946 §3.1.6.
    static func polygon(_ p: Polygon) -> JSONValue {
        func closed(_ r: [Coordinate]) -> [Coordinate] {
            guard let first = r.first, r.last != first else { return r }
            return r + [first]
        }
        let exterior = Ring.oriented(closed(p.exterior), counterClockwise: true)
        let holes = p.holes.map { Ring.oriented(closed($0), counterClockwise: false) }
        return .array(([exterior] + holes).map(line))
    }

    public static func geometry(_ g: Geometry) -> JSONValue {
        func object(_ type: String, _ coordinates: JSONValue) -> JSONValue {
            .object(JSONObject([("type", .string(type)), ("coordinates", coordinates)]))
        }
        switch g {
        case .point(let c): return object("Point", position(c))
        case .lineString(let cs): return object("LineString", line(cs))
        case .polygon(let p): return object("Polygon", polygon(p))
        case .multiPoint(let cs): return object("MultiPoint", line(cs))
        case .multiLineString(let ls): return object("MultiLineString", .array(ls.map(line)))
        case .multiPolygon(let ps): return object("MultiPolygon", .array(ps.map(polygon)))
        case .collection(let gs):
            return .object(JSONObject([("type", .string("GeometryCollection")), ("geometries", .array(gs.map(geometry)))]))
        }
    }

    /// An input attribute as JSON.
    public static func value(_ v: FieldValue) -> JSONValue {
        switch v {
        case .null: .null
        case .integer(let i): .int(Int(i))
        case .real(let d): .double(d)
        case .string(let s): .string(s)
        case .bool(let b): .bool(b)
        }
    }

    /// A feature: geometry (may be nil) and properties in order.
    public static func feature(_ geometry: Geometry?, _ properties: JSONObject) -> JSONValue {
        .object(
            JSONObject([
                ("type", .string("Feature")),
                ("properties", .object(properties)),
                ("geometry", geometry.map(Self.geometry) ?? .null),
            ]))
    }

    /// A FeatureCollection written one feature per line, with the bbox of all geometries
    /// [west, south, east, north] rounded like the positions.
    public static func featureCollection(_ features: [(geometry: Geometry?, properties: JSONObject)]) -> String {
        String(decoding: featureCollectionBytes(features), as: UTF8.self)
    }

    /// The same, as UTF-8 bytes.
    public static func featureCollectionBytes(_ features: [(geometry: Geometry?, properties: JSONObject)]) -> [UInt8] {
        let part = encodedFeatures(features, afterOthers: false)
        return assemble([part], empty: features.isEmpty)
    }

    /// The same for `count` items whose features `make` builds a range at a time: the ranges are
    /// built and written on all cores, and joined in order (the same bytes as one pass). For the big
    /// layers (820,000 sites in the national benchmark) this also means the features of only a few
    /// ranges exist at a time.
    static func featureCollectionBytes(
        count: Int, _ make: @Sendable (Range<Int>) -> [(geometry: Geometry?, properties: JSONObject)]
    ) -> [UInt8] {
        let ranges = Parallel.chunks(count, parts: count < 20_000 ? 1 : 16 * Parallel.workers)
        // `try!`: the body does not throw (Parallel.map's signature allows it for other callers).
        let parts = try! Parallel.map(ranges.count) { i in
            encodedFeatures(make(ranges[i]), afterOthers: i > 0)
        }
        return assemble(parts, empty: count == 0)
    }

    /// Features written one per line, each after a line break (and a comma when `afterOthers` or
    /// after the first), with the envelope of their geometries.
    private static func encodedFeatures(
        _ features: [(geometry: Geometry?, properties: JSONObject)], afterOthers: Bool
    ) -> (bytes: [UInt8], box: Envelope?) {
        var out: [UInt8] = []
        out.reserveCapacity(features.count * 300)
        var box: Envelope? = nil
        for (i, f) in features.enumerated() {
            if let e = f.geometry?.envelope { box = box.map { $0.union(e) } ?? e }
            out.append(contentsOf: (i == 0 && !afterOthers ? "\n" : ",\n").utf8)
            JSONWriter.compact(feature(f.geometry, f.properties), into: &out)
        }
        return (out, box)
    }

    /// The FeatureCollection around encoded features, with the bbox of all of them.
    private static func assemble(_ parts: [(bytes: [UInt8], box: Envelope?)], empty: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(parts.reduce(200) { $0 + $1.bytes.count })
        out.append(contentsOf: "{\"type\":\"FeatureCollection\"".utf8)
        var box: Envelope? = nil
        for part in parts {
            if let e = part.box { box = box.map { $0.union(e) } ?? e }
        }
        if let box {
            out.append(contentsOf: ",\"bbox\":".utf8)
            JSONWriter.compact(.array([box.minX, box.minY, box.maxX, box.maxY].map { .number($0, decimals: decimals) }), into: &out)
        }
        out.append(contentsOf: ",\"features\":[".utf8)
        for part in parts { out.append(contentsOf: part.bytes) }
        out.append(contentsOf: (empty ? "]}\n" : "\n]}\n").utf8)
        return out
    }
}
