import CakupanGDAL
import CakupanGeometry
import CakupanPROJ

/// Refuses coordinates that cannot be right for the CRS a layer claims, saying what they look like
/// and how to fix the file:
/// - NaN or infinite values;
/// - in a lon/lat layer (no CRS, or a geographic one), |longitude| > 180 or |latitude| > 90: swapped
///   axes (said with confidence when every position of the layer lands in Indonesia only once swapped:
///   |x| ≤ 15 and y in 94…142) or projected metres without a CRS;
/// - in a projected layer, a feature whose every position is within ±180/±90: degrees under a wrong .prj.
///
/// After the first bad position the rest of the layer (up to `scanLimit` features) is only scanned
/// for its extent, so that the message can speak about the whole layer.
struct CoordinateCheck {
    struct Context {
        var file: String
        var layer: String
        var driver: String
        var csvColumns: CSVColumns?
    }

    /// Thrown out of the feature loop when enough of the layer has been scanned.
    struct ScanDone: Error {}

    private enum Mode {
        case lonLat(declared: String?)
        case projected(name: String)
        case unchecked
    }

    static let scanLimit = 100_000
    /// Where swapped Indonesian positions fall: x = latitude (−11…6), y = longitude (95…141).
    static let swappedIndonesia = Envelope(minX: -15, minY: 94, maxX: 15, maxY: 142)

    private let mode: Mode
    private let context: Context
    private var extent: Envelope?
    private var firstBad: (location: InputLocation, position: Coordinate)?
    private var scanned = 0

    init(declared: CRSInfo?, context: Context) {
        self.context = context
        if let declared {
            if declared.isGeographic {
                mode = .lonLat(declared: declared.name)
            } else if declared.isProjected {
                mode = .projected(name: declared.name)
            } else {
                mode = .unchecked
            }
        } else {
            mode = .lonLat(declared: nil)
        }
    }

    /// The error to throw once the layer has been read (nil when every position was fine).
    var error: CakupanError? {
        guard let firstBad else { return nil }
        return .input(firstBad.location, lonLatMessage(firstBad.position))
    }

    /// True once a bad position was found: the feature is then only scanned for the layer's extent.
    mutating func isScanningOnly(_ feature: VectorFeature) throws -> Bool {
        guard firstBad != nil else { return false }
        scanned += 1
        if scanned > Self.scanLimit { throw ScanDone() }
        var g = feature.geometry
        if let columns = context.csvColumns {
            g = try? columns.geometry(values: feature.values, gdalGeometry: g, location: InputLocation(file: context.file))
        }
        if let g { Self.visit(g) { c in if c.isFinite { expand(c) } } }
        return true
    }

    /// Checks one feature's geometry as read (before any transformation). Throws at once for
    /// non-finite values and for degrees under a projected CRS; returns true when a lon/lat position
    /// is out of range (the error comes after the scan, from `error`).
    mutating func inspect(_ g: Geometry, location: InputLocation) throws -> Bool {
        var nonFinite: Coordinate?
        var outOfRange: Coordinate?
        var allDegreeLike = true
        var local: Envelope?
        Self.visit(g) { c in
            guard c.isFinite else {
                if nonFinite == nil { nonFinite = c }
                return
            }
            if local == nil { local = Envelope(minX: c.x, minY: c.y, maxX: c.x, maxY: c.y) } else { local!.expand(to: c) }
            if abs(c.x) > 180 || abs(c.y) > 90 {
                allDegreeLike = false
                if outOfRange == nil { outOfRange = c }
            }
        }
        if let bad = nonFinite {
            throw CakupanError.input(location, "coordinate (\(bad.x), \(bad.y)) is not a finite number (NaN or infinite)")
        }
        switch mode {
        case .lonLat:
            if let local { extent = extent.map { $0.union(local) } ?? local }
            if let outOfRange {
                firstBad = (location, outOfRange)
                return true
            }
        case .projected(let name):
            if allDegreeLike, let c = g.allCoordinates.first {
                throw CakupanError.input(location, degreesUnderProjectedMessage(c, crsName: name))
            }
        case .unchecked:
            break
        }
        return false
    }

    private mutating func expand(_ c: Coordinate) {
        if extent == nil { extent = Envelope(minX: c.x, minY: c.y, maxX: c.x, maxY: c.y) } else { extent!.expand(to: c) }
    }

    /// Calls `body` with every position of `g`, without building an array.
    static func visit(_ g: Geometry, _ body: (Coordinate) -> Void) {
        switch g {
        case .point(let c): body(c)
        case .lineString(let cs), .multiPoint(let cs): cs.forEach(body)
        case .polygon(let p):
            p.exterior.forEach(body)
            for h in p.holes { h.forEach(body) }
        case .multiLineString(let ls): for l in ls { l.forEach(body) }
        case .multiPolygon(let ps):
            for p in ps {
                p.exterior.forEach(body)
                for h in p.holes { h.forEach(body) }
            }
        case .collection(let gs): for member in gs { visit(member, body) }
        }
    }

    // MARK: Messages

    private var isCSV: Bool { context.driver == "CSV" }
    private var quotedFile: String { context.file.contains(" ") ? "\"\(context.file)\"" : context.file }

    private func lonLatMessage(_ bad: Coordinate) -> String {
        let position = "(\(Self.number(bad.x)), \(Self.number(bad.y)))"
        if let extent, Self.swappedIndonesia.encloses(extent) {
            return
                "position \(position) has a latitude beyond ±90°, and every position of this layer (x \(Self.number(extent.minX))…\(Self.number(extent.maxX)), y \(Self.number(extent.minY))…\(Self.number(extent.maxY))) lands in Indonesia only with x and y exchanged: longitude and latitude look swapped. \(swapFix)"
        }
        if abs(bad.x) <= 90 && abs(bad.y) <= 180 {
            return "latitude \(Self.number(bad.y)) is beyond ±90°: longitude and latitude look swapped. \(swapFix)"
        }
        if case .lonLat(let declared?) = mode {
            return
                "coordinate \(position) is not longitude/latitude although the file declares \(declared) (degrees): it looks like projected metres; the file's CRS declaration is wrong: assign the right one (for example ogr2ogr -a_srs EPSG:32748 fixed.gpkg \(quotedFile))"
        }
        return
            "coordinate \(position) is not longitude/latitude: it looks like projected metres, but the file declares no CRS. \(projectedFix)"
    }

    private var swapFix: String {
        if let c = context.csvColumns {
            if let lon = c.lonName, let lat = c.latName, c.hasLonLat {
                return
                    "Exchange the headers of columns '\(lon)' and '\(lat)': longitude (bujur) is about 95…141 in Indonesia, latitude (lintang) about −11…6."
            }
            return "Well-known text is POINT(longitude latitude): exchange the two numbers."
        }
        let start = context.driver == "GeoJSON" ? "GeoJSON positions are [longitude, latitude] (RFC 7946 section 3.1.1). " : ""
        return
            "\(start)Fix the file with: ogr2ogr -dialect SQLite -sql \"SELECT SwapCoordinates(geometry) AS geometry, * FROM \\\"\(context.layer)\\\"\" fixed.geojson \(quotedFile)"
    }

    private var projectedFix: String {
        switch context.driver {
        case "ESRI Shapefile":
            return "Add the .prj file that came with it (same name as the .shp), so Cakupan can transform it."
        case "CSV":
            let lon = context.csvColumns?.lonName ?? "x"
            let lat = context.csvColumns?.latName ?? "y"
            return
                "CSV coordinates must be longitude/latitude degrees; convert them first, for example: ogr2ogr -s_srs EPSG:32748 -t_srs EPSG:4326 -oo X_POSSIBLE_NAMES=\(lon) -oo Y_POSSIBLE_NAMES=\(lat) fixed.geojson \(quotedFile) (EPSG:327nn is WGS 84 / UTM zone nn south, 326nn north)."
        case "GeoJSON":
            return
                "RFC 7946 GeoJSON is WGS 84 longitude/latitude; convert it, for example: ogr2ogr -s_srs EPSG:32748 -t_srs EPSG:4326 fixed.geojson \(quotedFile) (EPSG:327nn is WGS 84 / UTM zone nn south, 326nn north)."
        default:
            return
                "Declare its CRS, or convert it: ogr2ogr -s_srs EPSG:32748 -t_srs EPSG:4326 fixed.geojson \(quotedFile) (EPSG:327nn is WGS 84 / UTM zone nn south)."
        }
    }

    private func degreesUnderProjectedMessage(_ c: Coordinate, crsName: String) -> String {
        let fix =
            context.driver == "ESRI Shapefile"
            ? "the .prj file does not belong to this shapefile: replace it with the right one (for degrees, WGS 84: ogr2ogr -a_srs EPSG:4326 fixed.shp \(quotedFile)) or delete it"
            : "the declared CRS is wrong: assign the right one (for degrees, WGS 84: ogr2ogr -a_srs EPSG:4326 fixed.gpkg \(quotedFile))"
        return
            "the file declares \(crsName), in metres, but the coordinates (\(Self.number(c.x)), \(Self.number(c.y))) look like longitude/latitude degrees; \(fix)"
    }

    static func number(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    }
}

extension Envelope {
    fileprivate func encloses(_ other: Envelope) -> Bool {
        other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY
    }
}
