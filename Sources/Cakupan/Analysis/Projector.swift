import CakupanGEOS
import CakupanGeometry
import CakupanPROJ

/// Moves geometries between lon/lat and one projected CRS, and into GEOS. One per task.
final class Projector {
    let epsg: Int
    let name: String
    let geos: GEOSContext
    private let forward: CoordinateTransformer
    private let inverse: CoordinateTransformer

    init(epsg: Int, geos: GEOSContext, proj: PROJContext) throws {
        self.epsg = epsg
        self.geos = geos
        let crs: CRSInfo
        do { crs = try CRSInfo(definition: "EPSG:\(epsg)", context: proj) } catch {
            throw CakupanError.usage("EPSG:\(epsg) is not a coordinate reference system PROJ knows")
        }
        guard crs.isProjected else {
            throw CakupanError.usage(
                "EPSG:\(epsg) (\(crs.name)) is not a projected CRS; metric analysis needs one in metres, such as a WGS 84 / UTM zone (EPSG:327nn south of the equator)"
            )
        }
        name = crs.name
        forward = try CoordinateTransformer(from: "EPSG:4326", to: "EPSG:\(epsg)", context: proj)
        inverse = try CoordinateTransformer(from: "EPSG:\(epsg)", to: "EPSG:4326", context: proj)
    }

    /// A lon/lat value as a GEOS geometry in the projected CRS; problems are blamed on `location`.
    func geos(_ lonLat: Geometry, _ location: InputLocation) throws -> GEOSGeometry {
        do {
            return try GEOSGeometry(try forward.transform(lonLat), in: geos)
        } catch let error as PROJError {
            throw CakupanError.input(location, "cannot be projected to EPSG:\(epsg): \(error)")
        } catch let error as GEOSError {
            throw CakupanError.input(location, "\(error)")
        }
    }

    func project(_ c: Coordinate) throws -> Coordinate { try forward.transform(c) }

    /// A GEOS geometry in the projected CRS back to lon/lat.
    func lonLat(_ g: GEOSGeometry) throws -> Geometry {
        try inverse.transform(try g.value())
    }
}
