import CakupanGeometry
import Foundation

/// Flags and ranks hotspots.
///
/// A hotspot is every rawan zone whose covered share is below `minZoneCoverage`, and every uncovered
/// site of priority tinggi. Score = level × 1,000,000 + gap metres (capped at 999,999), where level is
/// 3 (tinggi), 2 (sedang) or 1 (rendah), and gap metres is √(uncovered m²) for a zone (the side of a
/// square of the uncovered area) and, for a site, how far it is from being covered (distance to the
/// patrol minus that patrol's radius; 999,999 when there are no patrols). Higher scores rank first, so
/// tinggi comes before sedang before rendah, and within a level the larger uncovered area or distance
/// comes first. Ties: zones before sites, then by id.
///
/// With GPS tracks, every stale site of priority tinggi or sedang is a hotspot too, scored priority ×
/// 1,000,000 + unattended hours × 1,000 (capped at 999,999; `staleScore`); a tinggi site both
/// uncovered and stale is one hotspot with the larger score and both reasons.
public struct HotspotRanking: Sendable {
    public var minZoneCoverage: Double

    public init(minZoneCoverage: Double) {
        self.minZoneCoverage = minZoneCoverage
    }

    static let gapCap = 999_999.0

    public static func score(level: Level, gapMetres: Double) -> Double {
        Double(level.weight) * 1_000_000 + min(max(gapMetres, 0), gapCap)
    }

    /// The ranked hotspots; sets `hotspotRank` on the zones that are hotspots.
    public func rank(sites: [SiteResult], zones: inout [ZoneResult]) -> [Hotspot] {
        var list: [(hotspot: Hotspot, zoneIndex: Int?)] = []
        for (i, z) in zones.enumerated() where z.areaM2 > 0 && z.coveredShare < minZoneCoverage {
            let pct = percent(z.coveredShare)
            let minPct = percent(minZoneCoverage)
            let km2 = JSONWriter.formatNumber(z.gapM2 / 1e6, decimals: 3)
            let h = Hotspot(
                rank: 0, kind: .zone, ref: z.zone.id, name: z.zone.name, level: z.zone.level, areaID: z.areaID,
                score: Self.score(level: z.zone.level, gapMetres: z.gapM2.squareRoot()),
                reason: "zona rawan \(z.zone.level.name): \(pct)% tercakup patroli (di bawah \(minPct)%), \(km2) km² belum tercakup",
                reasonEnglish: "rawan zone (\(english(z.zone.level))): \(pct)% covered by patrols (below \(minPct)%), \(km2) km² uncovered",
                distance: nil, gapM2: z.gapM2, coveredShare: z.coveredShare, category: nil,
                geometry: z.gap ?? z.geometry)
            list.append((h, i))
        }
        for s in sites where s.site.priority == .tinggi && !s.covered {
            let reason: String
            let english: String
            if let d = s.distance, let patrol = s.nearestPatrol {
                let m = JSONWriter.formatNumber(d, decimals: 0)
                reason = "\(s.site.category.rawValue) prioritas tinggi tidak tercakup: \(m) m dari patroli terdekat (\(patrol))"
                english = "high-priority \(s.site.category.rawValue) not covered: \(m) m from the nearest patrol (\(patrol))"
            } else {
                reason = "\(s.site.category.rawValue) prioritas tinggi tidak tercakup: tidak ada patroli"
                english = "high-priority \(s.site.category.rawValue) not covered: no patrols"
            }
            var h = Hotspot(
                rank: 0, kind: .site, ref: s.site.id, name: s.site.name, level: .tinggi, areaID: s.areaID,
                score: Self.score(level: .tinggi, gapMetres: s.shortfall ?? Self.gapCap),
                reason: reason, reasonEnglish: english, distance: s.distance, gapM2: nil, coveredShare: nil,
                category: s.site.category, geometry: .point(s.site.point))
            Self.addStale(s, to: &h)
            list.append((h, nil))
        }
        list += Self.staleHotspots(sites).map { ($0, nil) }
        list.sort { a, b in
            // Compare scores at the precision they are written with, so ties are real ties.
            let sa = (a.hotspot.score * 100).rounded()
            let sb = (b.hotspot.score * 100).rounded()
            if sa != sb { return sa > sb }
            if a.hotspot.kind != b.hotspot.kind { return a.hotspot.kind == .zone }
            return a.hotspot.ref < b.hotspot.ref
        }
        var ranked: [Hotspot] = []
        for (n, entry) in list.enumerated() {
            var h = entry.hotspot
            h.rank = n + 1
            if let zi = entry.zoneIndex { zones[zi].hotspotRank = n + 1 }
            ranked.append(h)
        }
        return ranked
    }

    private func percent(_ share: Double) -> String { JSONWriter.formatNumber(share * 100, decimals: 1) }

    private func english(_ level: Level) -> String {
        switch level {
        case .tinggi: "high"
        case .sedang: "medium"
        case .rendah: "low"
        }
    }
}
