/// Why each post was chosen, in the operation's terms, in Bahasa Indonesia and in English:
/// "Pos 1 di dekat Kantor Camat Bukit Serindit: menjangkau 4 lokasi prioritas tinggi (KPU, Panwaslu,
/// pleno); kini 3,9 km dari patroli terdekat".
enum PostReasons {
    static func write(_ posts: inout [RecommendedPost], r: AnalysisResult, demand: [DemandPoint]) {
        for n in posts.indices {
            let p = posts[n]
            var id: [String] = []
            var en: [String] = []
            for level in [Level.tinggi, .sedang, .rendah] {
                let sites = p.newlyCovered.filter { demand[$0].cause == .uncovered && demand[$0].level == level }
                guard !sites.isEmpty else { continue }
                let kinds = categories(
                    sites.compactMap { i -> SiteCategory? in
                        if case .site(let s) = demand[i].ref { return r.sites[s].site.category }
                        return nil
                    })
                id.append("\(sites.count) lokasi prioritas \(level.name) tak terjangkau patroli (\(kinds))")
                en.append("\(sites.count) \(english(level))-priority site\(sites.count == 1 ? "" : "s") no patrol covers (\(kinds))")
            }
            let stale = p.newlyCovered.filter { demand[$0].cause == .stale }
            if !stale.isEmpty {
                id.append("\(stale.count) lokasi yang terlalu lama tak didatangi patroli")
                en.append("\(stale.count) site\(stale.count == 1 ? "" : "s") left unattended too long")
            }
            let zones = p.newlyCovered.compactMap { i -> String? in
                if case .zone(let z) = demand[i].ref { return r.zones[z].zone.name ?? r.zones[z].zone.id }
                return nil
            }
            if !zones.isEmpty {
                let named = zones.prefix(3).joined(separator: ", ") + (zones.count > 3 ? ", …" : "")
                id.append("celah \(zones.count) zona rawan (\(named))")
                en.append("the gap of \(zones.count) rawan zone\(zones.count == 1 ? "" : "s") (\(named))")
            }
            let place = p.placeName ?? p.id
            var reason = "Pos \(p.rank) di dekat \(place): " + (id.isEmpty ? "tidak menambah cakupan" : "menjangkau " + joined(id, "dan"))
            var reasonEnglish = "Post \(p.rank) near \(place): " + (en.isEmpty ? "adds no coverage" : "reaches " + joined(en, "and"))
            if let d = p.nearestPatrolMetres {
                reason += "; kini \(distance(d, comma: true)) dari patroli terdekat"
                reasonEnglish += "; now \(distance(d, comma: false)) from the nearest patrol"
            }
            posts[n].reason = reason
            posts[n].reasonEnglish = reasonEnglish
        }
    }

    /// Category names as officers write them, each once, in order of first appearance.
    static func categories(_ list: [SiteCategory]) -> String {
        var seen: [String] = []
        for c in list {
            let name =
                switch c {
                case .kpu: "KPU"
                case .bawaslu: "Bawaslu/Panwaslu"
                case .tps: "TPS"
                default: c.rawValue
                }
            if !seen.contains(name) { seen.append(name) }
        }
        return seen.joined(separator: ", ")
    }

    static func joined(_ parts: [String], _ and: String) -> String {
        parts.count <= 1 ? parts.joined() : parts.dropLast().joined(separator: ", ") + " \(and) " + parts.last!
    }

    /// "850 m" or "3,9 km" (decimal comma in Bahasa Indonesia).
    static func distance(_ metres: Double, comma: Bool) -> String {
        let s =
            metres < 1000
            ? JSONWriter.formatNumber(metres, decimals: 0) + " m" : JSONWriter.formatNumber(metres / 1000, decimals: 1) + " km"
        return comma ? s.replacingOccurrences(of: ".", with: ",") : s
    }

    static func english(_ level: Level) -> String {
        switch level {
        case .tinggi: "high"
        case .sedang: "medium"
        case .rendah: "low"
        }
    }
}
