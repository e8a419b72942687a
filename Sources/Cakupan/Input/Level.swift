/// Priority of a site or level of a rawan zone: tinggi (high) before sedang before rendah.
public enum Level: Int, Comparable, Sendable, CaseIterable {
    case rendah = 1
    case sedang = 2
    case tinggi = 3

    public var name: String {
        switch self {
        case .rendah: "rendah"
        case .sedang: "sedang"
        case .tinggi: "tinggi"
        }
    }

    public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }

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

/// The category of a strategic site.
public enum SiteCategory: String, CaseIterable, Sendable {
    case kpu, bawaslu, partai, tps, pleno, gudang, kampanye, kediaman, lainnya

    /// Parses a category name, accepting common Indonesian and English synonyms.
    public init?(parsing raw: String) {
        let s = raw.trimmingCharacters(in: .whitespaces).lowercased()
        if let exact = SiteCategory(rawValue: s) { self = exact; return }
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
