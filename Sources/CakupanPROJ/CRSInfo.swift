import CPROJ

/// What PROJ says about a coordinate reference system definition ("EPSG:32748", WKT, PROJJSON).
public struct CRSInfo: Hashable, Sendable {
    /// The CRS's name, e.g. "WGS 84 / UTM zone 48S".
    public var name: String
    /// The EPSG code when the CRS is identified as one.
    public var epsg: Int?
    /// True for a geographic (lon/lat) CRS.
    public var isGeographic: Bool
    /// True for a projected CRS.
    public var isProjected: Bool

    /// Parses `definition` with `proj_create`. Throws `PROJError.unknownCRS` when PROJ cannot.
    public init(definition: String, context: PROJContext) throws {
        guard let pj = proj_create(context.handle, definition) else {
            throw PROJError.unknownCRS(definition: definition, message: context.lastError())
        }
        let crs = PROJObject(context: context, owning: pj)
        guard proj_is_crs(crs.pointer) != 0 else {
            throw PROJError.unknownCRS(definition: definition, message: "not a coordinate reference system")
        }
        name = proj_get_name(crs.pointer).map { String(cString: $0) } ?? "unnamed"
        let type = proj_get_type(crs.pointer)
        isGeographic = type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS
        isProjected = type == PJ_TYPE_PROJECTED_CRS
        if let auth = proj_get_id_auth_name(crs.pointer, 0), String(cString: auth) == "EPSG",
            let code = proj_get_id_code(crs.pointer, 0)
        {
            epsg = Int(String(cString: code))
        } else if let identified = Self.identifyEPSG(crs) {
            epsg = identified
        } else {
            epsg = nil
        }
    }

    /// Looks the CRS up in PROJ's database (`proj_identify`); accepts only a 100 % match.
    private static func identifyEPSG(_ crs: PROJObject) -> Int? {
        var confidence: UnsafeMutablePointer<Int32>? = nil
        guard let list = proj_identify(crs.context.handle, crs.pointer, "EPSG", nil, &confidence) else { return nil }
        defer {
            proj_list_destroy(list)
            proj_int_list_destroy(confidence)
        }
        guard proj_list_get_count(list) > 0, let confidence, confidence[0] == 100,
            let match = proj_list_get(crs.context.handle, list, 0)
        else { return nil }
        defer { proj_destroy(match) }
        return proj_get_id_code(match, 0).flatMap { Int(String(cString: $0)) }
    }
}
