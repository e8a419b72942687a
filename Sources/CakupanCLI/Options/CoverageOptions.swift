import ArgumentParser
import Cakupan

/// Coverage: radii, the hotspot threshold and the CRS.
struct CoverageOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp("Patrol coverage radius (default \(Int(Defaults.radius)) m).", valueName: "metres"),
        transform: Parse.metres("--radius"))
    var radius: Double?

    @Option(
        name: .customLong("rawan-radius"),
        help: ArgumentHelp("Radius of point zones (default \(Int(Defaults.rawanRadius)) m).", valueName: "metres"),
        transform: Parse.metres("--rawan-radius"))
    var rawanRadius: Double?

    @Option(
        name: .customLong("min-zone-coverage"),
        help: ArgumentHelp("Zone coverage below this: hotspot (default \(Defaults.minZoneCoverage)).", valueName: "share"),
        transform: Parse.share("--min-zone-coverage"))
    var minZoneCoverage: Double?

    @Option(
        help: ArgumentHelp("Metric CRS: auto (UTM zone of the areas' centre) or EPSG:nnnn (default auto).", valueName: "crs"),
        transform: Parse.crs)
    var crs: String?

    func apply(to c: inout OperationConfig) {
        c.radius = radius
        c.rawanRadius = rawanRadius
        c.minZoneCoverage = minZoneCoverage
        c.crs = crs
    }
}
