/// A strategic site's category, as docs/outputs.md lists them (sites.geojson `category`).
public enum ResultSiteCategory: String, Sendable, CaseIterable, Hashable {
    case kpu, bawaslu, partai, tps, pleno, gudang, kampanye, kediaman, lainnya
}

/// A priority (of a site) or a level (of a rawan zone or hotspot): `tinggi`, `sedang`, `rendah`.
public enum ResultLevel: String, Sendable, CaseIterable, Hashable {
    case tinggi, sedang, rendah
}

/// What a hotspot points at (hotspots.geojson `kind`).
public enum HotspotKind: String, Sendable, CaseIterable, Hashable {
    case zone, site
}
