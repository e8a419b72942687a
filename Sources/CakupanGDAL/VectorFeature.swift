import CakupanGeometry

/// One feature read from a vector layer: attributes in field order and the geometry as a plain value,
/// in the layer's own CRS and axis order as stored (x = easting/longitude).
public struct VectorFeature: Sendable {
    /// 0-based position in the layer, in reading order.
    public var index: Int
    /// The feature id GDAL reports (for CSV the data row number, 1 = first row after the header).
    public var fid: Int64
    /// Field values, parallel to the layer's `fieldNames`.
    public var values: [FieldValue]
    /// The geometry, nil when the feature has none.
    public var geometry: Geometry?
    /// Why the geometry could not be read (nil when fine or absent).
    public var geometryProblem: String?
    /// Indices of the text fields whose bytes were not UTF-8 and were read as Windows-1252.
    public var recodedFields: [Int] = []
    /// Errors GDAL reported while reading this feature (its geometry or fields may be incomplete).
    public var readErrors: [String] = []
}

extension VectorFeature {
    /// A feature made from values already read (a spreadsheet row below its header).
    public init(index: Int, fid: Int64, values: [FieldValue]) {
        self.init(index: index, fid: fid, values: values, geometry: nil, geometryProblem: nil)
    }
}

/// A layer's description.
public struct VectorLayerInfo: Sendable {
    public var name: String
    /// The OGR geometry type name ("Point", "Line String", "Unknown (any)", "None").
    public var geometryType: String
    public var fieldNames: [String]
    /// True when a field name was not UTF-8 and was read as Windows-1252.
    public var recodedFieldNames = false
    /// The layer's CRS as WKT2, nil when the file declares none.
    public var crsWKT: String?
    /// Feature count when cheap to know (-1 when GDAL would have to scan).
    public var featureCount: Int
}
