import CakupanGDAL
import CakupanGeometry

/// Which columns of a CSV layer hold the coordinates: a lon/lat pair (detected case-insensitively,
/// Indonesian names included) or a WKT column. Values with decimal commas are accepted.
struct CSVColumns {
    var lonIndex: Int?
    var latIndex: Int?
    var lonName: String?
    var latName: String?
    var wktIndex: Int?
    var wktName: String?
    var hasLonLat: Bool { lonIndex != nil && latIndex != nil }

    init(fieldNames: [String], location: InputLocation) throws {
        func find(_ names: [String]) -> Int? {
            for n in names {
                if let i = fieldNames.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).lowercased() == n }) { return i }
            }
            return nil
        }
        lonIndex = find(InputReader.lonNames)
        latIndex = find(InputReader.latNames)
        wktIndex = find(InputReader.wktNames)
        lonName = lonIndex.map { fieldNames[$0] }
        latName = latIndex.map { fieldNames[$0] }
        wktName = wktIndex.map { fieldNames[$0] }
        if lonIndex == nil && latIndex == nil && wktIndex == nil {
            throw CakupanError.input(location, "no coordinate columns: expected a longitude column (lon, lng, long, longitude, bujur or x) and a latitude column (lat, latitude, lintang or y), or a WKT column; the columns are: \(fieldNames.joined(separator: ", "))")
        }
        if wktIndex == nil, lonIndex == nil || latIndex == nil {
            let missing = lonIndex == nil ? "longitude (lon, lng, long, longitude, bujur or x)" : "latitude (lat, latitude, lintang or y)"
            throw CakupanError.input(location, "missing the \(missing) column; the columns are: \(fieldNames.joined(separator: ", "))")
        }
    }

    func geometry(values: [FieldValue], gdalGeometry: Geometry?, location: InputLocation) throws -> Geometry? {
        if let lonIndex, let latIndex {
            let lonText = values[lonIndex].text ?? "", latText = values[latIndex].text ?? ""
            if InputFeature.trimmed(lonText).isEmpty && InputFeature.trimmed(latText).isEmpty {
                return nil
            }
            func what(_ text: String) -> String {
                InputFeature.trimmed(text).isEmpty ? "is empty, but the other coordinate is given" : "'\(text)' is not a number"
            }
            guard let lon = NumberParsing.decimal(lonText) else {
                throw CakupanError.input(location.with(field: lonName), "\(what(lonText)) (expected a longitude such as 104.75 or 104,75)")
            }
            guard let lat = NumberParsing.decimal(latText) else {
                throw CakupanError.input(location.with(field: latName), "\(what(latText)) (expected a latitude such as -2.98 or -2,98)")
            }
            return .point(Coordinate(x: lon, y: lat))
        }
        if let gdalGeometry { return gdalGeometry }
        guard let wktIndex, let text = values[wktIndex].text, !text.isEmpty else { return nil }
        switch OGRGeometryReader.parseWKT(text) {
        case .success(let g): return g
        case .failure:
            throw CakupanError.input(location.with(field: wktName), "'\(text.prefix(40))' is not well-known text (WKT) geometry")
        }
    }
}
