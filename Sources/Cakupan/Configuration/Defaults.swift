/// Every default of a run, declared once: the configuration types start from these values and the
/// command line's help text shows them.
public enum Defaults {
    /// Patrol coverage radius, metres.
    public static let radius = 500.0
    /// Radius of rawan zones given as points without radius_m, metres.
    public static let rawanRadius = 300.0
    /// A zone covered less than this share (0…1) is a hotspot.
    public static let minZoneCoverage = 0.8
    /// Output folder.
    public static let out = "cakupan-out"
    /// Time zone of times written without an offset (WIB).
    public static let timezone = "Asia/Jakarta"
    /// Fixes further apart split a track, seconds.
    public static let maxFixGap = 300.0
    /// A fix implying a faster move is a GPS jump, km/h.
    public static let maxSpeedKmh = 150.0
    /// Visits of one unit less than this apart merge, seconds.
    public static let mergeGap = 120.0
    /// A unit this close to a site is visiting it, metres.
    public static let visitRadius = 500.0
    /// A site without a unit for longer is stale, seconds.
    public static let maxUnattended = 7200.0
}

extension Defaults {
    /// Demand weight of a site's priority or a rawan zone's level in post recommendations.
    public static let recommendWeights: [Level: Double] = [.tinggi: 3, .sedang: 2, .rendah: 1]
    /// Time limit of the exact solver (CBC) for post recommendations, seconds.
    public static let solveTime = 30.0
}
