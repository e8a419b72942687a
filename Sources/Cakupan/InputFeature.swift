import CakupanGDAL
import CakupanGeometry

/// One feature of an input file after reading: its attributes as given, and its geometry in
/// WGS 84 longitude/latitude (degrees), whatever the file's CRS was.
public struct InputFeature: Sendable {
    public var location: InputLocation
    /// Attribute fields in file order.
    public var properties: [(name: String, value: FieldValue)]
    /// Geometry in lon/lat degrees; nil when the feature has none.
    public var geometry: Geometry?

    public init(location: InputLocation, properties: [(name: String, value: FieldValue)], geometry: Geometry?) {
        self.location = location
        self.properties = properties
        self.geometry = geometry
    }

    /// The first non-empty value among `names`, matched case-insensitively, with the field's real name.
    public func field(_ names: [String]) -> (name: String, value: FieldValue)? {
        for wanted in names {
            if let p = properties.first(where: { $0.name.caseInsensitiveCompare(wanted) == .orderedSame }) {
                if let t = p.value.text, !t.trimmingCharacters(in: .whitespaces).isEmpty { return p }
            }
        }
        return nil
    }

    /// The text of the first non-empty field among `names`.
    public func text(_ names: [String]) -> String? {
        field(names)?.value.text?.trimmingCharacters(in: .whitespaces)
    }
}

import Foundation
