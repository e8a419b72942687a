import CakupanSchema
import Foundation

/// Reads an RFC 7946 FeatureCollection (§3.3) as the result folder writes it, keeping only what the
/// briefing draws. Structural errors name the JSON path: `features[3].geometry.coordinates[0]: …`.
enum GeoJSONFeatureCollection {
    /// Reads the file `name`; `build` turns each feature into a record, given a property reader whose
    /// messages say `feature i`.
    static func records<R>(
        file name: String, from files: ResultFiles, _ build: (GeoJSONFeature, PropertyReader) throws -> R
    ) throws -> [R] {
        let root = try JSONFileReading.read(file: name, from: files)
        let features = try GeoJSONStructure(file: name).features(root)
        return try features.enumerated().map { index, feature in
            let reader = PropertyReader(
                file: name, location: "feature \(index)", noun: "property", values: feature.properties)
            return try build(feature, reader)
        }
    }
}

/// An RFC 7946 Feature (§3.2): a geometry (possibly null) and its properties.
struct GeoJSONFeature {
    let geometry: MapGeometry
    let properties: JSONObject
}

/// The checks and conversions of GeoJSON structure for one file.
struct GeoJSONStructure {
    let file: String

    func failure(_ path: String, _ message: String) -> BriefingError {
        .invalidFile(file, detail: path.isEmpty ? message : "\(path): \(message)")
    }

    func features(_ root: JSONValue) throws -> [GeoJSONFeature] {
        guard case .object(let members) = root else { throw failure("", "must hold a JSON object, found \(root.kind)") }
        guard let type = members["type"] else { throw failure("", "missing key 'type'") }
        guard type == .string("FeatureCollection") else {
            throw failure("type", "expected \"FeatureCollection\", found \(type.preview)")
        }
        guard let list = members["features"] else { throw failure("", "missing key 'features'") }
        guard case .array(let elements) = list else { throw failure("features", "expected an array, found \(list.kind)") }
        return try elements.enumerated().map { index, element in
            let path = "features[\(index)]"
            guard case .object(let feature) = element else { throw failure(path, "expected an object, found \(element.kind)") }
            let geometry = try feature["geometry"].map { try self.geometry($0, path: path + ".geometry") } ?? .none
            var properties = JSONObject()
            switch feature["properties"] {
            case nil, .null?: break
            case .object(let members)?: properties = members
            case let other?: throw failure(path + ".properties", "expected an object or null, found \(other.kind)")
            }
            return GeoJSONFeature(geometry: geometry, properties: properties)
        }
    }

    /// Point, Polygon, MultiPolygon, a GeometryCollection of polygons, or null (§3.1).
    func geometry(_ value: JSONValue, path: String) throws -> MapGeometry {
        if value == .null { return .none }
        guard case .object(let members) = value else { throw failure(path, "expected an object or null, found \(value.kind)") }
        guard case .string(let type)? = members["type"] else { throw failure(path, "missing key 'type'") }
        let coordinatesPath = path + ".coordinates"
        switch type {
        case "Point":
            return .point(try position(members["coordinates"] ?? .null, path: coordinatesPath))
        case "Polygon":
            let rings = try array(members["coordinates"], path: coordinatesPath)
            return .polygons(rings.isEmpty ? [] : [try polygon(rings, path: coordinatesPath)])
        case "MultiPolygon":
            let polygons = try array(members["coordinates"], path: coordinatesPath)
            return .polygons(
                try polygons.enumerated().compactMap { index, element in
                    let rings = try array(element, path: "\(coordinatesPath)[\(index)]")
                    return rings.isEmpty ? nil : try polygon(rings, path: "\(coordinatesPath)[\(index)]")
                })
        case "GeometryCollection":
            let members = try array(members["geometries"], path: path + ".geometries")
            var polygons: [MapPolygon] = []
            for (index, member) in members.enumerated() {
                let memberPath = "\(path).geometries[\(index)]"
                guard case .polygons(let more) = try geometry(member, path: memberPath) else {
                    throw failure(memberPath, "a GeometryCollection may hold only polygons here")
                }
                polygons += more
            }
            return .polygons(polygons)
        default:
            throw failure(path + ".type", "unsupported geometry type \"\(type)\" (expected Point, Polygon or MultiPolygon)")
        }
    }

    private func array(_ value: JSONValue?, path: String) throws -> [JSONValue] {
        guard let value else { throw failure(path, "missing") }
        guard case .array(let elements) = value else { throw failure(path, "expected an array, found \(value.kind)") }
        return elements
    }

    /// RFC 7946 §3.1.1: longitude, latitude (an altitude may follow and is ignored).
    private func position(_ value: JSONValue, path: String) throws -> LonLat {
        guard case .array(let numbers) = value, numbers.count >= 2,
            let lon = numbers[0].numberValue, let lat = numbers[1].numberValue
        else { throw failure(path, "a position needs two numbers, found \(value.preview)") }
        return LonLat(lon: lon, lat: lat)
    }

    /// A polygon's rings; RFC 7946 §3.1.6 asks for at least four positions per ring.
    private func polygon(_ rings: [JSONValue], path: String) throws -> MapPolygon {
        MapPolygon(
            rings: try rings.enumerated().map { index, ring in
                let ringPath = "\(path)[\(index)]"
                let positions = try array(ring, path: ringPath)
                guard positions.count >= 4 else {
                    throw failure(ringPath, "a polygon ring needs at least 4 positions, found \(positions.count)")
                }
                return try positions.enumerated().map { try position($1, path: "\(ringPath)[\($0)]") }
            })
    }
}
