/// The files a Cakupan run may write into its result folder (docs/outputs.md). A rerun into the
/// same folder removes the ones it did not write this time, so the folder describes one run; any
/// other file there (an officer's notes) is never touched.
public enum ResultFileNames {
    public static let manifest = "manifest.json"
    public static let summary = "summary.json"
    /// The recommended posts (`--recommend`); the only optional layer.
    public static let recommendations = "recommendations.geojson"
    public static let layers = [
        "areas.geojson", "sites.geojson", "zones.geojson", "coverage.geojson", "gaps.geojson", "hotspots.geojson",
        recommendations,
    ]
    public static let visits = "visits.csv"
    public static let kml = "cakupan.kml"
    public static let geoPackage = "cakupan.gpkg"
    public static let briefingHTML = "briefing.html"
    public static let briefingSVG = "briefing.svg"

    /// Every name Cakupan writes.
    public static let all: Set<String> = Set(
        layers + [manifest, summary, visits, kml, geoPackage, briefingHTML, briefingSVG])
}
