import CakupanGDAL
import CakupanGeometry

/// One feature of an input file after reading: its attributes as given, and its geometry in
/// WGS 84 longitude/latitude (degrees), whatever the file's CRS was.
///
/// The field names are one array shared by every feature of a layer (copy-on-write), so a feature
/// costs its values only: two million CSV rows are held in a few hundred MB, not gigabytes.
public struct InputFeature: Sendable {
    public var location: InputLocation
    /// Field names in file order (shared by the features of a layer).
    public private(set) var fieldNames: [String]
    /// Field values, parallel to `fieldNames`.
    public private(set) var values: [FieldValue]
    /// Geometry in lon/lat degrees; nil when the feature has none.
    public var geometry: Geometry?
    /// The file gave a geometry with no positions (`POINT EMPTY`; GDAL reads a GeoJSON point with NaN
    /// so), which `geometry` holds as nil.
    public var geometryWasEmpty = false

    public init(location: InputLocation, properties: [(name: String, value: FieldValue)], geometry: Geometry?) {
        self.init(location: location, fieldNames: properties.map(\.name), values: properties.map(\.value), geometry: geometry)
    }

    /// - Parameter fieldNames: the layer's names, passed as the same array for every feature.
    public init(location: InputLocation, fieldNames: [String], values: [FieldValue], geometry: Geometry?) {
        precondition(fieldNames.count == values.count, "one value per field")
        self.location = location
        self.fieldNames = fieldNames
        self.values = values
        self.geometry = geometry
    }

    /// Attribute fields in file order.
    public var properties: [(name: String, value: FieldValue)] {
        get { zip(fieldNames, values).map { (name: $0, value: $1) } }
        set {
            fieldNames = newValue.map(\.name)
            values = newValue.map(\.value)
        }
    }

    /// The first non-empty value among `names`, matched case-insensitively, with the field's real name.
    public func field(_ names: [String]) -> (name: String, value: FieldValue)? {
        for wanted in names {
            if let i = fieldNames.firstIndex(where: { Self.equalIgnoringASCIICase($0, wanted) }) {
                if let t = values[i].text, !Self.trimmed(t).isEmpty { return (fieldNames[i], values[i]) }
            }
        }
        return nil
    }

    /// The text of the first non-empty field among `names`.
    public func text(_ names: [String]) -> String? {
        field(names)?.value.text.map(Self.trimmed)
    }

    /// Case-insensitive equality for field names, byte by byte for ASCII (the names Cakupan looks for):
    /// this runs a dozen times per feature.
    static func equalIgnoringASCIICase(_ a: String, _ b: String) -> Bool {
        let x = a.utf8
        let y = b.utf8
        guard x.count == y.count else { return false }
        for (p, q) in zip(x, y) where p != q {
            if p >= 0x80 || q >= 0x80 { return a.lowercased() == b.lowercased() }
            let lp = p >= 0x41 && p <= 0x5A ? p | 0x20 : p
            let lq = q >= 0x41 && q <= 0x5A ? q | 0x20 : q
            if lp != lq { return false }
        }
        return true
    }

    /// `s` without leading and trailing blanks (spaces, tabs, no-break and other Unicode spaces).
    static func trimmed(_ s: String) -> String {
        func blank(_ c: Unicode.Scalar) -> Bool {
            c == " " || c == "\t" || (c.value >= 0x80 && c.properties.generalCategory == .spaceSeparator)
        }
        let scalars = s.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return s }
        if !blank(first) && !blank(last) { return s }
        guard let start = scalars.firstIndex(where: { !blank($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !blank($0) })!
        return String(scalars[start...end])
    }
}

extension InputFeature {
    /// The feature with `defaults` (property name → text) added where it has no such field or the
    /// field is empty: a KPU office list given `kategori: kpu, prioritas: tinggi` in the YAML file.
    func withDefaults(_ defaults: [String: String]) -> InputFeature {
        var copy = self
        var names = fieldNames
        var vals = values
        for key in defaults.keys.sorted() {
            if let i = names.firstIndex(where: { Self.equalIgnoringASCIICase($0, key) }) {
                if Self.trimmed(vals[i].text ?? "").isEmpty { vals[i] = .string(defaults[key]!) }
            } else {
                names.append(key)
                vals.append(.string(defaults[key]!))
            }
        }
        copy.properties = zip(names, vals).map { (name: $0, value: $1) }
        return copy
    }
}
