/// One polygon in metric coordinates: an exterior ring and its holes.
///
/// Rings may be given closed (last point = first) or open, in either orientation.
public struct MetricPolygon: Hashable, Sendable {
    /// The outer boundary, metres.
    public var exterior: [SIMD2<Double>]
    /// Holes, metres.
    public var holes: [[SIMD2<Double>]]

    public init(exterior: [SIMD2<Double>], holes: [[SIMD2<Double>]] = []) {
        self.exterior = exterior
        self.holes = holes
    }

    /// Every ring, exterior first.
    var rings: [[SIMD2<Double>]] { [exterior] + holes }
}

/// A rawan zone (already buffered by the caller) or an area (kecamatan): one or more polygons.
///
/// Inside means inside under the even–odd rule over all rings of all polygons, which is the usual
/// meaning for a valid (multi)polygon whose parts do not overlap.
public struct TemporalRegion: Hashable, Sendable {
    /// The zone's or area's id, repeated in its result row.
    public var id: String
    /// The parts of a multipolygon (one element for a plain polygon), metres.
    public var polygons: [MetricPolygon]

    public init(id: String, polygons: [MetricPolygon]) {
        self.id = id
        self.polygons = polygons
    }
}
