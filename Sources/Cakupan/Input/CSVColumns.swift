import CakupanGDAL
import CakupanGeometry

/// Which columns of a table (CSV, spreadsheet sheet, attribute table) hold the coordinates: a lon/lat
/// pair, one "lat, lon" column (Google Maps order), or a WKT column; detected from the names the field
/// files use (Indonesian and English, any case, spaces and underscores alike), or named explicitly
/// (`--site-fields lat=LINTANG,lon=BUJUR`). Values may be decimal (point or comma), DMS or DDM, with
/// N/S/E/W or LU/LS/BT/BB (`CoordinateText`).
struct CSVColumns {
    var lonIndex: Int?
    var latIndex: Int?
    var lonName: String?
    var latName: String?
    var pairIndex: Int?
    var pairName: String?
    var wktIndex: Int?
    var wktName: String?
    var hasLonLat: Bool { (lonIndex != nil && latIndex != nil) || pairIndex != nil }

    static let lonNames = ["lon", "lng", "long", "longitude", "bujur", "x", "koordinatx", "bujurtimur", "koordinatbujur"]
    static let latNames = ["lat", "latitude", "lintang", "y", "koordinaty", "lintangselatan", "koordinatlintang"]
    static let pairNames = [
        "koordinat", "titikkoordinat", "coordinates", "coordinate", "coords", "latlong", "latlon", "latlng",
        "lokasigps", "koordinatgps", "titikgps", "gps",
    ]
    static let wktNames = ["wkt", "geometry", "geom", "thegeom"]
    /// Every name (as `key`) that marks a coordinate column.
    static let coordinateNames = Set(lonNames + latNames + pairNames + wktNames)

    /// A column name reduced for matching: lowercase, without spaces, underscores, dots, hyphens,
    /// slashes and brackets ("Titik Koordinat" and "titik_koordinat" are the same).
    static func key(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { !" _-./()[],\t".unicodeScalars.contains($0) }.map(Character.init))
    }

    /// Finds the coordinate columns; `nil` when the table has none (and no explicit mapping).
    /// - Parameter fieldsFlag: the flag that maps this role's fields, for messages.
    init?(fieldNames: [String], fields: [RoleField: String], location: InputLocation, fieldsFlag: String) throws {
        let keys = fieldNames.map(Self.key)
        func explicit(_ field: RoleField) throws -> Int? {
            guard let wanted = fields[field] else { return nil }
            guard let i = fieldNames.firstIndex(where: { $0 == wanted }) ?? keys.firstIndex(of: Self.key(wanted)) else {
                throw CakupanError.input(
                    location,
                    "\(fieldsFlag) \(field.rawValue)=\(wanted): no such column; the columns are: \(fieldNames.joined(separator: ", "))")
            }
            return i
        }
        func find(_ names: [String]) -> Int? {
            for n in names { if let i = keys.firstIndex(of: n) { return i } }
            return nil
        }
        let mapped = try (lon: explicit(.lon), lat: explicit(.lat), pair: explicit(.coordinates), wkt: explicit(.wkt))
        if mapped.lon != nil || mapped.lat != nil || mapped.pair != nil || mapped.wkt != nil {
            lonIndex = mapped.lon
            latIndex = mapped.lat
            pairIndex = mapped.pair
            wktIndex = mapped.wkt
            if (lonIndex == nil) != (latIndex == nil) {
                throw CakupanError.input(
                    location, "\(fieldsFlag) maps only one of lat and lon; map both, for example lat=LINTANG,lon=BUJUR")
            }
        } else {
            lonIndex = find(Self.lonNames)
            latIndex = find(Self.latNames)
            wktIndex = find(Self.wktNames)
            if lonIndex == nil || latIndex == nil {
                pairIndex = find(Self.pairNames)
                if pairIndex == nil, wktIndex == nil, lonIndex != nil || latIndex != nil {
                    let missing =
                        lonIndex == nil ? "longitude (lon, lng, long, longitude, bujur or x)" : "latitude (lat, latitude, lintang or y)"
                    throw CakupanError.input(
                        location,
                        "missing the \(missing) column; the columns are: \(fieldNames.joined(separator: ", ")). Name it with \(fieldsFlag) \"\(lonIndex == nil ? "lon" : "lat")=COLUMN\""
                    )
                }
                lonIndex = nil
                latIndex = nil
            }
        }
        lonName = lonIndex.map { fieldNames[$0] }
        latName = latIndex.map { fieldNames[$0] }
        pairName = pairIndex.map { fieldNames[$0] }
        wktName = wktIndex.map { fieldNames[$0] }
        if !hasLonLat && wktIndex == nil { return nil }
    }

    /// The refusal for a table without coordinate columns.
    static func missing(fieldNames: [String], location: InputLocation, fieldsFlag: String) -> CakupanError {
        CakupanError.input(
            location,
            "no coordinate columns: expected longitude and latitude columns (lon/longitude/bujur/x and lat/latitude/lintang/y), one \"lat, lon\" column (koordinat, titik koordinat), or a WKT column; the columns are: \(fieldNames.joined(separator: ", ")). Name them with \(fieldsFlag) \"lat=COLUMN,lon=COLUMN\" (or coordinates=COLUMN)"
        )
    }

    func geometry(values: [FieldValue], gdalGeometry: Geometry?, location: InputLocation) throws -> Geometry? {
        if let pairIndex {
            let text = values[pairIndex].text ?? ""
            if InputFeature.trimmed(text).isEmpty { return nil }
            guard let (lat, lon) = CoordinateText.pair(text) else {
                throw CakupanError.input(
                    location.with(field: pairName),
                    "'\(text)' is not a \"latitude, longitude\" pair (expected for example -10.1632, 123.5960 as Google Maps copies it)")
            }
            return .point(Coordinate(x: lon, y: lat))
        }
        if let lonIndex, let latIndex {
            let lonText = values[lonIndex].text ?? ""
            let latText = values[latIndex].text ?? ""
            if InputFeature.trimmed(lonText).isEmpty && InputFeature.trimmed(latText).isEmpty {
                return nil
            }
            func what(_ text: String) -> String {
                InputFeature.trimmed(text).isEmpty
                    ? "is empty, but the other coordinate is given" : "'\(text)' is not a number (nor a coordinate)"
            }
            guard let lon = CoordinateText.degrees(lonText, axis: .longitude) else {
                throw CakupanError.input(
                    location.with(field: lonName),
                    "\(what(lonText)) (expected a longitude such as 123.596, 123,596, 123°35'45.6\"E or 123.596 BT)")
            }
            guard let lat = CoordinateText.degrees(latText, axis: .latitude) else {
                throw CakupanError.input(
                    location.with(field: latName),
                    "\(what(latText)) (expected a latitude such as -10.163, -10,163, 10°09'47.5\"S or 10.163 LS)")
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
