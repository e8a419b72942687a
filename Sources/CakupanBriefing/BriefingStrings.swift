import CakupanSchema
/// Every user-facing string of the briefing, one table per language.
struct BriefingStrings: Sendable {
    // Page
    let htmlLanguage: String
    let untitledOperation: String
    let briefingKind: String
    let window: String
    let analysisCRS: String
    let source: String
    let keyFigures: String
    let areaCoverage: String
    let sitesCovered: String
    let highCovered: String
    let rawanCovered: String
    let hotspots: String
    let patrols: String
    let notAvailable: String
    let notes: String
    let printHint: String

    // Map and legend
    let mapTitle: String
    let legend: String
    let coverageByArea: String
    let patrolCoverage: String
    /// "within 500 m of a patrol", given the radius text.
    let withinRadius: @Sendable (String) -> String
    let rawanZones: String
    let gap: String
    let sites: String
    let siteCovered: String
    let siteUncovered: String
    let staleMark: String
    let hotspotNumbered: String
    let scale: String
    let north: String
    let east: String
    let west: String
    let northHemisphere: String
    let southHemisphere: String
    let displayProjection: String
    let hotspotsShown: String

    // Tables
    let areaTableTitle: String
    let areaTableNote: String
    let coveragePercent: String
    let sitesCoveredOfTotal: String
    let highCoveredOfTotal: String
    let rawanCoveragePercent: String
    let hotspotCount: String
    let total: String
    let hotspotTableTitle: String
    let rank: String
    let name: String
    let reason: String
    let distanceToPatrol: String
    let noHotspots: String

    // Temporal
    let temporalTitle: String
    let timelineTitle: String
    let attendedSites: String
    let hour: String
    let staleTitle: String
    let category: String
    let priority: String
    let longestUnattended: String
    let lastVisit: String
    let neverVisited: String
    let noStaleSites: String
    let hoursAbbreviation: String
    let minutesAbbreviation: String

    let levels: [Level: String]
    let categories: [SiteCategory: String]
    /// Text that stands for "of" in "12 of 30 shown".
    let of: String

    static func forLanguage(_ language: BriefingLanguage) -> BriefingStrings {
        switch language {
        case .id: indonesian
        case .en: english
        }
    }

    static let indonesian = BriefingStrings(
        htmlLanguage: "id",
        untitledOperation: "Operasi pengamanan",
        briefingKind: "Bahan apel: cakupan patroli",
        window: "Waktu",
        analysisCRS: "CRS analisis",
        source: "Sumber",
        keyFigures: "Ringkasan",
        areaCoverage: "Wilayah terjangkau",
        sitesCovered: "Lokasi terjangkau",
        highCovered: "Prioritas tinggi terjangkau",
        rawanCovered: "Zona rawan terjangkau",
        hotspots: "Hotspot",
        patrols: "Patroli",
        notAvailable: "—",
        notes: "Catatan analisis",
        printHint: "Cetak: A4 lanskap",
        mapTitle: "Peta cakupan patroli",
        legend: "Legenda",
        coverageByArea: "Cakupan wilayah per",
        patrolCoverage: "Jangkauan patroli",
        withinRadius: { "dalam \($0) dari patroli" },
        rawanZones: "Zona rawan",
        gap: "Celah (zona rawan tak terjangkau)",
        sites: "Lokasi strategis",
        siteCovered: "terjangkau (garis hijau)",
        siteUncovered: "tak terjangkau (garis merah)",
        staleMark: "terlalu lama tanpa patroli",
        hotspotNumbered: "Hotspot, nomor = peringkat",
        scale: "Skala",
        north: "U",
        east: "BT",
        west: "BB",
        northHemisphere: "LU",
        southHemisphere: "LS",
        displayProjection: "Peta: proyeksi ekuirektangular lokal",
        hotspotsShown: "hotspot ditampilkan",
        areaTableTitle: "Cakupan per",
        areaTableNote: "Diurutkan dari cakupan terendah.",
        coveragePercent: "Cakupan wilayah",
        sitesCoveredOfTotal: "Lokasi terjangkau / total",
        highCoveredOfTotal: "Prioritas tinggi terjangkau / total",
        rawanCoveragePercent: "Cakupan zona rawan",
        hotspotCount: "Hotspot",
        total: "Jumlah",
        hotspotTableTitle: "Daftar hotspot (peringkat)",
        rank: "No.",
        name: "Nama",
        reason: "Alasan",
        distanceToPatrol: "Jarak ke patroli terdekat",
        noHotspots: "Tidak ada hotspot.",
        temporalTitle: "Kehadiran patroli menurut waktu",
        timelineTitle: "Lokasi yang didatangi patroli per jam",
        attendedSites: "lokasi",
        hour: "Jam",
        staleTitle: "Lokasi terlalu lama tanpa patroli",
        category: "Kategori",
        priority: "Prioritas",
        longestUnattended: "Terlama tanpa patroli",
        lastVisit: "Kunjungan terakhir",
        neverVisited: "belum pernah",
        noStaleSites: "Tidak ada lokasi yang terlalu lama tanpa patroli.",
        hoursAbbreviation: "j",
        minutesAbbreviation: "mnt",
        levels: [.tinggi: "Tinggi", .sedang: "Sedang", .rendah: "Rendah"],
        categories: [
            .kpu: "Kantor KPU", .bawaslu: "Kantor Bawaslu", .partai: "Kantor partai", .tps: "TPS",
            .pleno: "Lokasi pleno", .gudang: "Gudang logistik", .kampanye: "Lokasi kampanye",
            .kediaman: "Kediaman tokoh", .lainnya: "Lainnya",
        ],
        of: "dari")

    static let english = BriefingStrings(
        htmlLanguage: "en",
        untitledOperation: "Security operation",
        briefingKind: "Briefing: patrol coverage",
        window: "Time",
        analysisCRS: "Analysis CRS",
        source: "Source",
        keyFigures: "ResultSummary",
        areaCoverage: "Area covered",
        sitesCovered: "Sites covered",
        highCovered: "High-priority sites covered",
        rawanCovered: "Rawan zones covered",
        hotspots: "Hotspots",
        patrols: "Patrols",
        notAvailable: "—",
        notes: "Analysis notes",
        printHint: "Print: A4 landscape",
        mapTitle: "Patrol coverage map",
        legend: "Legend",
        coverageByArea: "Area coverage per",
        patrolCoverage: "Patrol coverage",
        withinRadius: { "within \($0) of a patrol" },
        rawanZones: "Rawan (vulnerable) zones",
        gap: "Gap (rawan zone out of reach)",
        sites: "Strategic sites",
        siteCovered: "covered (green outline)",
        siteUncovered: "out of reach (red outline)",
        staleMark: "without a patrol too long",
        hotspotNumbered: "Hotspot, number = rank",
        scale: "Scale",
        north: "N",
        east: "E",
        west: "W",
        northHemisphere: "N",
        southHemisphere: "S",
        displayProjection: "Map: local equirectangular projection",
        hotspotsShown: "hotspots shown",
        areaTableTitle: "Coverage per",
        areaTableNote: "Lowest coverage first.",
        coveragePercent: "Area covered",
        sitesCoveredOfTotal: "Sites covered / total",
        highCoveredOfTotal: "High priority covered / total",
        rawanCoveragePercent: "Rawan zones covered",
        hotspotCount: "Hotspots",
        total: "Total",
        hotspotTableTitle: "Hotspots (ranked)",
        rank: "No.",
        name: "Name",
        reason: "Reason",
        distanceToPatrol: "Distance to nearest patrol",
        noHotspots: "No hotspots.",
        temporalTitle: "Patrol presence over time",
        timelineTitle: "Sites attended by a patrol, per hour",
        attendedSites: "sites",
        hour: "Hour",
        staleTitle: "Sites left without a patrol too long",
        category: "Category",
        priority: "Priority",
        longestUnattended: "Longest without patrol",
        lastVisit: "Last visit",
        neverVisited: "never",
        noStaleSites: "No site was left without a patrol too long.",
        hoursAbbreviation: "h",
        minutesAbbreviation: "min",
        levels: [.tinggi: "High", .sedang: "Medium", .rendah: "Low"],
        categories: [
            .kpu: "KPU office", .bawaslu: "Bawaslu office", .partai: "Party office", .tps: "Polling station (TPS)",
            .pleno: "Vote tally venue", .gudang: "Logistics warehouse", .kampanye: "Campaign venue",
            .kediaman: "Residence of a figure", .lainnya: "Other",
        ],
        of: "of")

    func level(_ level: Level) -> String { levels[level] ?? level.rawValue }
    func category(_ category: SiteCategory) -> String { categories[category] ?? category.rawValue }
}
