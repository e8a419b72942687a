/// Stale sites as hotspots (with tracks): a site of priority tinggi or sedang left without any unit
/// within its visit radius for longer than its limit.
///
/// Score = priority × 1,000,000 + unattended hours × 1,000 (capped at 999,999), on the same scale as
/// the other hotspots: an hour without a patrol weighs like a kilometre out of a patrol's reach, so a
/// KPU office left alone for 5.2 hours (5,200) ranks above a zone of its level whose uncovered part is
/// 2 km on a side (2,000). A tinggi site both uncovered and stale is one hotspot with the larger of
/// the two scores and both reasons.
extension HotspotRanking {
    public static func staleScore(level: Level, unattendedSeconds: Double) -> Double {
        score(level: level, gapMetres: unattendedSeconds / 3600 * 1000)
    }

    /// Score and reasons of a site that is a stale hotspot; nil for any other site.
    static func stale(_ s: SiteResult) -> (score: Double, reason: String, english: String, seconds: Double)? {
        guard let v = s.temporal, v.row.stale, s.site.priority >= .sedang else { return nil }
        let seconds = v.row.maxUnattendedSeconds
        let hours = JSONWriter.formatNumber(seconds / 3600, decimals: 1)
        let (name, nameEnglish) = displayNames[s.site.category] ?? ("Lokasi", "Site")
        let level = s.site.priority == .tinggi ? ("prioritas tinggi", "high priority") : ("prioritas sedang", "medium priority")
        let limit =
            v.limitSeconds.truncatingRemainder(dividingBy: 3600) == 0
            ? ("\(Int(v.limitSeconds / 3600)) jam", "\(Int(v.limitSeconds / 3600)) h")
            : (
                "\(JSONWriter.formatNumber(v.limitSeconds / 60, decimals: 1)) menit",
                "\(JSONWriter.formatNumber(v.limitSeconds / 60, decimals: 1)) min"
            )
        let radius = JSONWriter.formatNumber(v.visitRadius, decimals: 0)
        var reason = "\(name) tidak dikunjungi selama \(hours.replacingOccurrences(of: ".", with: ",")) jam"
        var english = "\(nameEnglish) unattended for \(hours) hours"
        if v.row.firstVisit == nil {
            reason += ": tidak ada unit dalam \(radius) m sepanjang jendela waktu"
            english += ": no unit within \(radius) m during the whole window"
        }
        reason += " (\(level.0), batas \(limit.0))"
        english += " (\(level.1), limit \(limit.1))"
        return (staleScore(level: s.site.priority, unattendedSeconds: seconds), reason, english, seconds)
    }

    /// Stale sites that are not already hotspots as uncovered tinggi sites.
    static func staleHotspots(_ sites: [SiteResult]) -> [Hotspot] {
        sites.compactMap { s in
            guard !(s.site.priority == .tinggi && !s.covered), let t = stale(s) else { return nil }
            return Hotspot(
                rank: 0, kind: .site, ref: s.site.id, name: s.site.name, level: s.site.priority, areaID: s.areaID,
                score: t.score, reason: t.reason, reasonEnglish: t.english, distance: s.distance, gapM2: nil,
                coveredShare: nil, category: s.site.category, geometry: .point(s.site.point), unattendedSeconds: t.seconds)
        }
    }

    /// Adds the stale reasons to the hotspot of an uncovered tinggi site that is also stale.
    static func addStale(_ s: SiteResult, to h: inout Hotspot) {
        guard let t = stale(s) else { return }
        h.score = max(h.score, t.score)
        h.reason += "; " + t.reason
        h.reasonEnglish += "; " + t.english
        h.unattendedSeconds = t.seconds
    }

    /// How reasons name a site category (Indonesian, English).
    static let displayNames: [SiteCategory: (String, String)] = [
        .kpu: ("KPU", "KPU"), .bawaslu: ("Bawaslu", "Bawaslu"), .partai: ("Kantor partai", "Party office"),
        .tps: ("TPS", "TPS"), .pleno: ("Lokasi pleno", "Vote-count venue"), .gudang: ("Gudang logistik", "Logistics warehouse"),
        .kampanye: ("Lokasi kampanye", "Campaign venue"), .kediaman: ("Kediaman", "Residence"), .lainnya: ("Lokasi", "Site"),
    ]
}
