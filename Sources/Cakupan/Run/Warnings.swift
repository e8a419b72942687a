/// What a warning is about, counted in summary.json `warning_counts` (docs/robustness.md lists them).
public enum WarningKind: String, Sendable, CaseIterable, Comparable {
    /// A feature without geometry, a point in a patrol file, a patrol line of fewer than 2 points, a row at 0,0.
    case skippedFeatures = "skipped_features"
    /// A layer (or some of its features) of a multi-layer file left out because it holds another kind of geometry.
    case skippedLayers = "skipped_layers"
    /// A polygon site replaced by its interior point; a collection reduced to its polygons/lines.
    case coercedGeometries = "coerced_geometries"
    /// An invalid polygon repaired with GEOS make-valid.
    case repairedPolygons = "repaired_polygons"
    /// A polygon ring closed.
    case closedRings = "closed_rings"
    /// Text that was not UTF-8 (Windows-1252, UTF-16) read and converted.
    case recodedText = "recoded_text"
    /// Two features of a role with the same id (kept; across files, prefixed).
    case duplicateIds = "duplicate_ids"
    /// A site category outside the vocabulary, counted as lainnya.
    case unknownCategories = "unknown_categories"
    /// A file without a CRS, taken as EPSG:4326.
    case assumedCRS = "assumed_crs"
    /// A warning from GDAL that names no feature.
    case gdalWarnings = "gdal_warnings"
    /// A zone with no area.
    case emptyZones = "empty_zones"
    /// Inputs far outside the chosen UTM zone.
    case crsDistortion = "crs_distortion"
    /// Features more than 100 km outside the areas.
    case farOutside = "far_outside"
    /// Options that have no effect in this run.
    case unusedOptions = "unused_options"
    /// GPS fixes later than the reorder window (the tracks were read again exactly).
    case lateFixes = "late_fixes"
    /// A fix file without a unit column (the file's name is the unit).
    case tracksWithoutUnit = "tracks_without_unit"
    /// GPS fixes left out: no time.
    case skippedFixes = "skipped_fixes"
    /// GPS tracks without any time (a Garmin saved track).
    case untimedTracks = "untimed_tracks"
    /// Fixes dated before 2000 or after the run: an unset device clock.
    case unsetClockFixes = "unset_clock_fixes"
    /// Something the recommendation step could not do (a site no candidate reaches).
    case recommendations = "recommendations"

    public static func < (a: WarningKind, b: WarningKind) -> Bool { a.rawValue < b.rawValue }
}

/// Warnings collected during a run, in the order they happened. Printed to stderr by the CLI and kept
/// in summary.json. Repairs and skips are also counted by kind.
public struct Warnings: Sendable {
    public private(set) var messages: [String] = []
    /// Count per kind, for summary.json.
    public private(set) var counts: [WarningKind: Int] = [:]

    public init() {}

    public mutating func add(_ message: String, kind: WarningKind? = nil) {
        messages.append(message)
        if let kind { counts[kind, default: 0] += 1 }
    }

    public mutating func append(contentsOf other: Warnings) {
        messages += other.messages
        for (k, v) in other.counts { counts[k, default: 0] += v }
    }
}
