/// The knobs of an analysis. Distances in metres.
public struct AnalysisParameters: Sendable, Equatable {
    /// Default patrol coverage radius, metres (a patrol's radius_m overrides it).
    public var radius: Double = Defaults.radius
    /// Radius of rawan zones given as points without radius_m, metres.
    public var rawanRadius: Double = Defaults.rawanRadius
    /// A zone covered less than this share (0…1) is a hotspot.
    public var minZoneCoverage: Double = Defaults.minZoneCoverage
    /// How the projected CRS is chosen.
    public var crs: CRSMode = .auto
    /// Segments per quarter circle in buffers (GEOS's default, 8: a circle is a 32-gon).
    public var quadrantSegments: Int = 8
    /// A field to take area names from instead of the default list.
    public var areaNameField: String?

    public init() {}

    /// Refuses values that cannot be meant.
    public func validate() throws {
        func check(_ value: Double, _ name: String) throws {
            guard value.isFinite, value > 0 else { throw CakupanError.usage("\(name) must be a positive number of metres, got \(value)") }
            guard value <= RoleParser.maximumRadius else {
                throw CakupanError.usage("\(name) \(value) m is larger than \(Int(RoleParser.maximumRadius)) m; is it in metres?")
            }
        }
        try check(radius, "--radius")
        try check(rawanRadius, "--rawan-radius")
        guard minZoneCoverage.isFinite, (0...1).contains(minZoneCoverage) else {
            throw CakupanError.usage("--min-zone-coverage must be between 0 and 1 (a share, e.g. 0.8), got \(minZoneCoverage)")
        }
    }
}
