import Foundation

/// The roles an input file can play.
public enum InputRole: String, CaseIterable, Sendable {
    case areas, sites, rawan, patrols, tracks
    /// Candidate places for new posts (`--candidates`): any point layer; polygons give their interior point.
    case candidates

    /// The flag that names files of this role (`--sites`), and the one that maps their fields.
    public var flag: String { "--\(rawValue)" }
    public var fieldsFlag: String {
        switch self {
        case .areas: "--area-fields"
        case .sites: "--site-fields"
        case .rawan: "--rawan-fields"
        case .patrols: "--patrol-fields"
        case .tracks: "--track-fields"
        case .candidates: "--candidate-fields"
        }
    }
}

/// A value a role reads from a column (or property) of its files, when automatic detection cannot
/// know which column holds it (`--site-fields "name=Nama TPS,lat=LINTANG,lon=BUJUR"`).
public enum RoleField: String, CaseIterable, Sendable, Hashable {
    case id, name, category, priority, lon, lat
    /// One column holding "lat, lon" (Google Maps order).
    case coordinates
    case wkt, radius, level, unit, time, date
}

/// One input file of a role, as the user named it: the path, optionally one layer of it (a KML/KMZ
/// folder, a GeoPackage table, a spreadsheet sheet), explicit column names for role fields, and
/// defaults for the properties of its rows (a KPU office list with `kategori: kpu`).
public struct InputSpec: Sendable, Equatable, CustomStringConvertible {
    /// The path (resolved against the YAML file's folder when it came from one).
    public var path: String
    /// The layer to read; nil reads every layer that holds the role's kind of geometry.
    public var layer: String?
    /// Explicit columns for role fields; others are detected.
    public var fields: [RoleField: String]
    /// Property values for rows that lack them (`kategori` → `kpu`), keys as the role reads them.
    public var defaults: [String: String]

    public init(path: String, layer: String? = nil, fields: [RoleField: String] = [:], defaults: [String: String] = [:]) {
        self.path = path
        self.layer = layer
        self.fields = fields
        self.defaults = defaults
    }

    /// `peta.kmz#Lokasi Strategis` → path `peta.kmz`, layer `Lokasi Strategis`. A text naming an
    /// existing file as a whole (a file name with `#` in it) is that file.
    public init(parsing text: String, resolve: (String) -> String = { $0 }) {
        let whole = resolve(text)
        if let hash = text.lastIndex(of: "#"), !FileManager.default.fileExists(atPath: whole) {
            let layer = String(text[text.index(after: hash)...]).trimmingCharacters(in: .whitespaces)
            self.init(path: resolve(String(text[..<hash])), layer: layer.isEmpty ? nil : layer)
        } else {
            self.init(path: whole)
        }
    }

    /// The file as named in messages: `peta.kmz#Lokasi Strategis`.
    public var description: String { layer.map { "\(path)#\($0)" } ?? path }

    /// Parses `name=Nama TPS,lat=LINTANG,lon=BUJUR` (`:` also separates a key from its column).
    public static func fields(parsing text: String, _ fail: (String) -> CakupanError) throws -> [RoleField: String] {
        var out: [RoleField: String] = [:]
        for part in text.split(separator: ",") {
            guard let sep = part.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                throw fail("'\(part)' should be field=column, for example name=Nama TPS")
            }
            let key = part[..<sep].trimmingCharacters(in: .whitespaces).lowercased()
            let column = part[part.index(after: sep)...].trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
            guard let field = RoleField(rawValue: key) else {
                throw fail("'\(key)' is not a field; the fields are \(RoleField.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard !column.isEmpty else { throw fail("'\(key)=' names no column") }
            out[field] = column
        }
        return out
    }
}
