import Foundation

/// The vocabulary of the result schema, shared by the writer and the briefing (docs/outputs.md).
///
/// Priority of a site or level of a rawan zone or hotspot, as written: `tinggi`, `sedang`, `rendah`
/// (most urgent first). Ordered by `weight`.
public enum Level: String, Comparable, Sendable, CaseIterable, Hashable {
    case tinggi, sedang, rendah

    /// 3 tinggi, 2 sedang, 1 rendah (hotspot scores, recommendation weights).
    public var weight: Int {
        switch self {
        case .tinggi: 3
        case .sedang: 2
        case .rendah: 1
        }
    }

    /// The name as written in the outputs.
    public var name: String { rawValue }

    public static func < (a: Level, b: Level) -> Bool { a.weight < b.weight }

    /// Parses tinggi/sedang/rendah, high/medium/low or 3/2/1 (any case, surrounding spaces ignored).
    public init?(parsing raw: String) {
        switch raw.trimmingCharacters(in: .whitespaces).lowercased() {
        case "tinggi", "high", "3", "3.0", "t", "h": self = .tinggi
        case "sedang", "medium", "2", "2.0", "s", "m", "menengah": self = .sedang
        case "rendah", "low", "1", "1.0", "r", "l": self = .rendah
        default: return nil
        }
    }
}

/// The category of a strategic site (sites.geojson `category`).
public enum SiteCategory: String, CaseIterable, Sendable, Hashable {
    case kpu, bawaslu, partai, tps, pleno, gudang, kampanye, kediaman, lainnya

    /// Parses a category name, accepting common Indonesian and English synonyms.
    public init?(parsing raw: String) {
        let s = raw.trimmingCharacters(in: .whitespaces).lowercased()
        if let exact = SiteCategory(rawValue: s) {
            self = exact
            return
        }
        switch s {
        case "panwaslu", "panwascam", "election supervisor": self = .bawaslu
        case "parpol", "party", "kantor partai", "party office": self = .partai
        case "polling station", "tempat pemungutan suara": self = .tps
        case "ppk", "pleno ppk", "rekapitulasi", "vote count": self = .pleno
        case "logistik", "gudang logistik", "warehouse": self = .gudang
        case "campaign", "lokasi kampanye": self = .kampanye
        case "rumah", "residence", "home", "kediaman ketua": self = .kediaman
        case "other", "lain", "lain-lain", "": self = .lainnya
        default: return nil
        }
    }
}

/// What a hotspot points at (hotspots.geojson `kind`).
public enum HotspotKind: String, Sendable, CaseIterable, Hashable {
    case zone, site
}
