import CakupanGeometry

/// How the projected CRS for metric work is chosen.
public enum CRSMode: Sendable, Equatable, CustomStringConvertible {
    /// WGS 84 / UTM zone of the centre of the areas' bounding box (of all inputs without areas).
    case auto
    /// A fixed EPSG code, e.g. 32748.
    case epsg(Int)

    /// Parses "auto", "EPSG:32748" or "32748".
    public init(parsing raw: String) throws {
        let s = raw.trimmingCharacters(in: .whitespaces)
        if s.lowercased() == "auto" {
            self = .auto
            return
        }
        let digits = s.uppercased().hasPrefix("EPSG:") ? String(s.dropFirst(5)) : s
        guard let code = Int(digits), code > 0 else {
            throw CakupanError.usage("--crs '\(raw)' is not understood; use auto or EPSG:nnnn (for example EPSG:32748)")
        }
        self = .epsg(code)
    }

    public var description: String {
        switch self {
        case .auto: "auto"
        case .epsg(let c): "EPSG:\(c)"
        }
    }
}

/// WGS 84 / UTM zone arithmetic.
public enum UTM {
    /// The UTM zone number (1…60) containing `longitude` (degrees): floor((lon + 180) / 6) + 1.
    public static func zone(longitude: Double) -> Int {
        let z = Int(((longitude + 180) / 6).rounded(.down)) + 1
        return min(max(z, 1), 60)
    }

    /// EPSG code of WGS 84 / UTM for the zone containing `c` (lon/lat): 32600 + zone north of the
    /// equator (latitude ≥ 0), 32700 + zone south of it.
    public static func epsg(for c: Coordinate) -> Int {
        (c.y >= 0 ? 32600 : 32700) + zone(longitude: c.x)
    }

    /// The west and east edges of a zone, in degrees of longitude.
    public static func edges(zone: Int) -> (west: Double, east: Double) {
        let west = Double(zone - 1) * 6 - 180
        return (west, west + 6)
    }

    /// The zone of a WGS 84 / UTM EPSG code, nil for other codes.
    public static func zone(epsg: Int) -> Int? {
        if (32601...32660).contains(epsg) { return epsg - 32600 }
        if (32701...32760).contains(epsg) { return epsg - 32700 }
        return nil
    }
}
