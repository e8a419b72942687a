import CakupanGDAL
import CakupanGeometry

/// Turns input features into areas, sites, zones and patrols: picks the id, name, category and level
/// fields, checks geometry types, applies documented coercions with a warning, and refuses the rest.
public struct RoleParser: Sendable {
    public var areaNameField: String?
    public var defaultRadius: Double
    public var rawanRadius: Double
    /// Explicit columns of one file (`--site-fields`, YAML `fields:`); detected names otherwise.
    public var fields: [RoleField: String] = [:]

    /// Area names, the most specific level first: a desa layer from BIG carries NAMOBJ (the desa),
    /// WADMKD (the desa again), WADMKC (its kecamatan), so the desa name wins.
    public static let areaNameFields = [
        "nama", "name", "NAMOBJ", "nama_desa", "nama desa", "desa", "kelurahan", "desa_kelurahan",
        "nama_kel", "WADMKD", "NAME_4", "kecamatan", "nama_kecamatan", "nama kecamatan", "WADMKC",
        "NAME_3", "shapeName",
    ]
    static let siteNameFields = [
        "nama", "name", "nama lokasi", "nama_lokasi", "nama tps", "nama_tps", "nama tempat",
        "nama_tempat", "nama kantor", "lokasi", "tempat",
    ]
    static let categoryFields = ["kategori", "category", "jenis", "jenis lokasi", "jenis_lokasi"]
    static let priorityFields = ["prioritas", "priority"]
    static let levelFields = ["tingkat", "level", "tingkat kerawanan", "tingkat_kerawanan", "kerawanan"]
    public static let maximumRadius = 50_000.0

    public init(areaNameField: String? = nil, defaultRadius: Double, rawanRadius: Double) {
        self.areaNameField = areaNameField
        self.defaultRadius = defaultRadius
        self.rawanRadius = rawanRadius
    }

    /// An id from the first of `names` (or the mapped id column), else the feature's 1-based order in
    /// its file.
    private func identifier(_ f: InputFeature, _ names: [String], order: Int) -> String {
        f.text(self.names(.id, names)) ?? String(order)
    }

    /// The column names to look in for a role field: the mapped one, or the detected `names`.
    func names(_ field: RoleField, _ detected: [String]) -> [String] {
        fields[field].map { [$0] } ?? detected
    }

    /// Refuses a mapped column that the features do not have (named with the columns they have).
    func checkMapped(_ features: [InputFeature], flag: String) throws {
        guard let first = features.first else { return }
        for (field, column) in fields.sorted(by: { $0.key.rawValue < $1.key.rawValue })
        where ![.lon, .lat, .coordinates, .wkt, .unit, .time, .date].contains(field) {
            if !first.fieldNames.contains(where: { InputFeature.equalIgnoringASCIICase($0, column) }) {
                throw CakupanError.input(
                    first.location.with(field: column),
                    "\(flag) \(field.rawValue)=\(column): no such column; the columns are: \(first.fieldNames.joined(separator: ", "))")
            }
        }
    }

    public func areas(_ features: [InputFeature], warnings: inout Warnings) throws -> [Area] {
        var out: [Area] = []
        for (i, f) in features.enumerated() {
            guard let g = f.geometry else {
                warnings.add(
                    "\(f.location): area has \(f.geometryWasEmpty ? "an empty geometry (no positions, or NaN ones)" : "no geometry"); skipped",
                    kind: .skippedFeatures)
                continue
            }
            let polygonal: Geometry
            switch g {
            case .polygon, .multiPolygon: polygonal = g
            case .collection where !g.polygons.isEmpty:
                polygonal = .multiPolygon(g.polygons)
                warnings.add("\(f.location): area is a geometry collection; only its polygons are used", kind: .coercedGeometries)
            default:
                throw CakupanError.input(
                    f.location, "an area must be a polygon (kecamatan or desa boundary), but this feature is a \(g.typeName)")
            }
            let name: String?
            if let field = areaNameField {
                guard f.properties.contains(where: { $0.name.caseInsensitiveCompare(field) == .orderedSame }) else {
                    throw CakupanError.input(
                        f.location.with(field: field),
                        "no such field for --area-name; the fields are: \(f.properties.map(\.name).joined(separator: ", "))")
                }
                name = f.text([field])
            } else {
                name = f.text(names(.name, Self.areaNameFields))
            }
            out.append(Area(id: identifier(f, ["kode", "id"], order: i + 1), name: name, geometry: polygonal, source: f))
        }
        try checkAnyUsable(out.count, of: features, role: "area")
        try checkUniqueIds(out.map(\.id), at: { out[$0].source.location }, role: "area", warnings: &warnings)
        return out
    }

    public func sites(_ features: [InputFeature], warnings: inout Warnings) throws -> [Site] {
        var out: [Site] = []
        for (i, f) in features.enumerated() {
            guard let point = try point(of: f, noun: "site", refusal: "a site must be a point", warnings: &warnings) else { continue }
            var category = SiteCategory.lainnya
            if let field = f.field(names(.category, Self.categoryFields)), let text = field.value.text {
                if let c = SiteCategory(parsing: text) {
                    category = c
                } else {
                    warnings.add(
                        "\(f.location.with(field: field.name)): unknown category '\(text)', counted as lainnya (known: \(SiteCategory.allCases.map(\.rawValue).joined(separator: ", ")))",
                        kind: .unknownCategories)
                }
            }
            let priority = try level(of: f, .priority, Self.priorityFields, noun: "priority")
            out.append(
                Site(
                    id: identifier(f, ["id", "kode"], order: i + 1), name: f.text(names(.name, Self.siteNameFields)),
                    category: category, priority: priority, point: point, source: f))
        }
        try checkAnyUsable(out.count, of: features, role: "site")
        try checkUniqueIds(out.map(\.id), at: { out[$0].source.location }, role: "site", warnings: &warnings)
        return out
    }

    /// Candidate post places: points (a polygon gives its interior point, with a warning); lines are
    /// refused. Ids and names are read as for sites.
    public func candidates(_ features: [InputFeature], warnings: inout Warnings) throws -> [Candidate] {
        var out: [Candidate] = []
        for (i, f) in features.enumerated() {
            guard
                let point = try point(
                    of: f, noun: "candidate", refusal: "a candidate post must be a point (or a polygon: its interior point is used)",
                    warnings: &warnings)
            else { continue }
            out.append(
                Candidate(
                    id: identifier(f, ["id", "kode"], order: i + 1), name: f.text(names(.name, Self.siteNameFields)),
                    point: point, source: f))
        }
        try checkAnyUsable(out.count, of: features, role: "candidate")
        try checkUniqueIds(out.map(\.id), at: { out[$0].source.location }, role: "candidate", warnings: &warnings)
        return out
    }

    /// A site's priority or a zone's level from its column: tinggi/sedang/rendah (or high/medium/low,
    /// 3/2/1); sedang when the feature has none.
    private func level(of f: InputFeature, _ field: RoleField, _ detected: [String], noun: String) throws -> Level {
        guard let found = f.field(names(field, detected)), let text = found.value.text else { return .sedang }
        guard let level = Level(parsing: text) else {
            throw CakupanError.input(
                f.location.with(field: found.name), "'\(text)' is not a \(noun); use tinggi, sedang or rendah (or high/medium/low, 3/2/1)")
        }
        return level
    }

    /// The point of a point-role feature (sites, candidates): a point, a one-point multipoint, or a
    /// polygon's interior point (with a warning); nil, with a warning, when it has no geometry.
    private func point(of f: InputFeature, noun: String, refusal: String, warnings: inout Warnings) throws -> Coordinate? {
        guard let g = f.geometry else {
            warnings.add(
                "\(f.location): \(noun) has \(f.geometryWasEmpty ? "an empty geometry (no positions, or NaN ones)" : "no coordinates"); skipped",
                kind: .skippedFeatures)
            return nil
        }
        switch g {
        case .point(let c): return c
        case .multiPoint(let cs) where cs.count == 1: return cs[0]
        case .polygon, .multiPolygon:
            let p = try InteriorPoint.of(g, location: f.location)
            warnings.add("\(f.location): \(noun) is a \(g.typeName); its interior point is used", kind: .coercedGeometries)
            return p
        default:
            throw CakupanError.input(f.location, "\(refusal), but this feature is a \(g.typeName)")
        }
    }

    public func zones(_ features: [InputFeature], warnings: inout Warnings) throws -> [RawanZone] {
        var out: [RawanZone] = []
        for (i, f) in features.enumerated() {
            guard let g = f.geometry else {
                warnings.add(
                    "\(f.location): rawan zone has \(f.geometryWasEmpty ? "an empty geometry (no positions, or NaN ones)" : "no geometry"); skipped",
                    kind: .skippedFeatures)
                continue
            }
            let shape: RawanZone.Shape
            switch g {
            case .polygon, .multiPolygon: shape = .polygon(g)
            case .point(let c): shape = .circle(c, radius: try radius(f, default: rawanRadius))
            case .multiPoint(let cs) where cs.count == 1: shape = .circle(cs[0], radius: try radius(f, default: rawanRadius))
            default:
                throw CakupanError.input(
                    f.location, "a rawan zone must be a polygon, or a point with a radius, but this feature is a \(g.typeName)")
            }
            let level = try level(of: f, .level, Self.levelFields, noun: "level")
            out.append(
                RawanZone(
                    id: identifier(f, ["id", "kode"], order: i + 1), name: f.text(names(.name, Self.siteNameFields)),
                    level: level, shape: shape, source: f))
        }
        try checkAnyUsable(out.count, of: features, role: "rawan zone")
        try checkUniqueIds(out.map(\.id), at: { out[$0].source.location }, role: "rawan zone", warnings: &warnings)
        return out
    }

    /// Patrols of one file; ids default to "<file stem>#<order>".
    public func patrols(_ features: [InputFeature], fileStem: String, warnings: inout Warnings) throws -> [Patrol] {
        var out: [Patrol] = []
        for (i, f) in features.enumerated() {
            guard let g = f.geometry else {
                warnings.add(
                    "\(f.location): patrol has \(f.geometryWasEmpty ? "an empty geometry (no positions, or NaN ones)" : "no geometry"); skipped",
                    kind: .skippedFeatures)
                continue
            }
            let lines = g.lines.filter { $0.count >= 2 }
            switch g {
            case .lineString where !lines.isEmpty, .multiLineString where !lines.isEmpty:
                if lines.count < g.lines.count {
                    warnings.add(
                        "\(f.location): patrol has \(g.lines.count - lines.count) line part(s) of fewer than 2 points; they are ignored",
                        kind: .coercedGeometries)
                }
            case .collection where !lines.isEmpty:
                warnings.add("\(f.location): patrol is a geometry collection; only its lines are used", kind: .coercedGeometries)
            case .point, .multiPoint:
                warnings.add("\(f.location): patrol is a \(g.typeName), not a route or track; skipped", kind: .skippedFeatures)
                continue
            case .polygon, .multiPolygon:
                throw CakupanError.input(f.location, "a patrol must be a line (route or GPS track), but this feature is a \(g.typeName)")
            default:
                warnings.add("\(f.location): patrol line has fewer than 2 points; skipped", kind: .skippedFeatures)
                continue
            }
            let geometry: Geometry = lines.count == 1 ? .lineString(lines[0]) : .multiLineString(lines)
            out.append(
                Patrol(
                    id: f.text(names(.name, ["name", "nama", "id"])) ?? "\(fileStem)#\(i + 1)", geometry: geometry,
                    radius: try radius(f, default: defaultRadius), source: f))
        }
        try checkAnyUsable(out.count, of: features, role: "patrol")
        return out
    }

    /// A file whose every feature was skipped is refused: an analysis without it would look complete.
    private func checkAnyUsable(_ used: Int, of features: [InputFeature], role: String) throws {
        guard used == 0, let first = features.first else { return }
        var location = first.location
        location.layer = nil
        location.feature = nil
        location.field = nil
        throw CakupanError.input(
            location, "none of its \(features.count) features is a usable \(role) (each was skipped: see the warnings above)")
    }

    /// The feature's radius_m, else `default`; refuses zero, negative and absurd values.
    func radius(_ f: InputFeature, default value: Double) throws -> Double {
        guard let field = f.field(names(.radius, ["radius_m"])), let text = field.value.text else { return value }
        let location = f.location.with(field: field.name)
        guard let r = NumberParsing.decimal(text) else {
            throw CakupanError.input(location, "'\(text)' is not a number of metres")
        }
        guard r > 0 else { throw CakupanError.input(location, "radius \(text) m must be greater than 0") }
        guard r <= Self.maximumRadius else {
            throw CakupanError.input(location, "radius \(text) m is larger than \(Int(Self.maximumRadius)) m; is it in metres?")
        }
        return r
    }

    /// Duplicate ids make results ambiguous: warned (they stay, told apart by order).
    private func checkUniqueIds(_ ids: [String], at location: (Int) -> InputLocation, role: String, warnings: inout Warnings) throws {
        var seen: [String: Int] = [:]
        seen.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() {
            if let firstIndex = seen[id] {
                let first = location(firstIndex)
                let location = location(i)
                warnings.add(
                    "\(location): \(role) id '\(id)' is also used by \(first.feature.map { "\(first.isCSVRow ? "row" : "feature") \($0)" } ?? "another feature"); results name both '\(id)'",
                    kind: .duplicateIds)
            } else {
                seen[id] = i
            }
        }
    }
}
