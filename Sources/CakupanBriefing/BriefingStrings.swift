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

    // Recommended posts and hotspot actions
    let recommendedPosts: String
    let postNumbered: String
    /// "post reach 500 m", given the radius text.
    let postReach: @Sendable (String) -> String
    let postWord: String
    let near: String
    let gain: String
    let covers: String
    let zonesWord: String
    let coverageBeforeAfter: String
    let before: String
    let after: String
    let change: String
    let staleWithPost: String
    let zoneAreaCovered: String
    /// "Weight covered: 40 of 120; optimal (proven); CBC 2.10", given the covered, the total, the
    /// quality and the solver texts.
    let weightCovered: String
    let optimalProven: String
    /// "within 1.5 % of the best bound", given the percent text.
    let withinGap: @Sendable (String) -> String
    let unreachable: String
    /// The cover mode's goal, given the number of posts text.
    let coverGoal: @Sendable (String) -> String
    let noPosts: String
    let postRankedNote: String
    let weights: String
    let actionsTitle: String
    let actionsNote: String
    let cause: String
    let hotspotsByRank: String
    let action: String
    let causeUncovered: String
    let causeStale: String
    let causeZoneGap: String
    let addRoute: String
    let addVisits: String
    let widenRoute: String
    let outsideAreas: String
    let more: String
    let moreGroups: String
    let fullListInFile: String

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
        recommendedPosts: "Pos baru yang disarankan",
        postNumbered: "Pos disarankan, nomor = urutan",
        postReach: { "jangkauan pos \($0)" },
        postWord: "Pos",
        near: "Di dekat",
        gain: "Bobot tambahan",
        covers: "Menjangkau",
        zonesWord: "zona",
        coverageBeforeAfter: "Cakupan sebelum dan sesudah pos baru",
        before: "Sebelum",
        after: "Sesudah",
        change: "Selisih",
        staleWithPost: "Lokasi terlalu lama tanpa patroli yang dijaga pos",
        zoneAreaCovered: "Luas zona rawan terjangkau",
        weightCovered: "Bobot terjangkau",
        optimalProven: "optimal (terbukti)",
        withinGap: { "paling jauh \($0) dari batas terbaik" },
        unreachable: "tak terjangkau calon pos mana pun",
        coverGoal: { "\($0) pos: jumlah paling sedikit yang menjangkau setiap lokasi prioritas tinggi tak terjangkau patroli." },
        noPosts: "Tidak ada pos yang disarankan: tidak ada kebutuhan yang terjangkau calon pos.",
        postRankedNote: "Urutan = tambahan cakupan terbesar lebih dulu: tempatkan personel di Pos 1 lebih dulu.",
        weights: "Bobot",
        actionsTitle: "Tindakan per kecamatan",
        actionsNote:
            "Hotspot dikelompokkan menurut kecamatan dan sebab, dengan pos baru yang menjangkaunya atau perubahan patroli yang menyelesaikannya.",
        cause: "Sebab",
        hotspotsByRank: "Hotspot (peringkat)",
        action: "Tindakan",
        causeUncovered: "Lokasi tak terjangkau patroli",
        causeStale: "Lokasi terlalu lama tanpa patroli",
        causeZoneGap: "Zona rawan kurang terjangkau",
        addRoute: "tambah atau geser rute patroli ke sana",
        addVisits: "tambah kunjungan patroli (sambang) di jam kosong",
        widenRoute: "perluas rute patroli melewati zona",
        outsideAreas: "(di luar kecamatan)",
        more: "lainnya",
        moreGroups: "kelompok lainnya",
        fullListInFile: "daftar lengkap di hotspots.geojson",
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
        recommendedPosts: "Recommended new posts",
        postNumbered: "Recommended post, number = order",
        postReach: { "post reach \($0)" },
        postWord: "Post",
        near: "Near",
        gain: "Weight added",
        covers: "Covers",
        zonesWord: "zones",
        coverageBeforeAfter: "Coverage before and after the new posts",
        before: "Before",
        after: "After",
        change: "Change",
        staleWithPost: "Sites left unattended too long, now under a post",
        zoneAreaCovered: "Rawan zone area covered",
        weightCovered: "Weight covered",
        optimalProven: "optimal (proven)",
        withinGap: { "within \($0) of the best bound" },
        unreachable: "no candidate post reaches",
        coverGoal: { "\($0) posts: the fewest that reach every high-priority site no patrol covers." },
        noPosts: "No posts recommended: no candidate post reaches any demand.",
        postRankedNote: "Order = largest added coverage first: staff Post 1 first.",
        weights: "Weights",
        actionsTitle: "Actions per kecamatan",
        actionsNote:
            "Hotspots grouped by kecamatan and cause, with the new post that reaches them or the patrol change that resolves them.",
        cause: "Cause",
        hotspotsByRank: "Hotspots (rank)",
        action: "Action",
        causeUncovered: "Sites no patrol covers",
        causeStale: "Sites left unattended too long",
        causeZoneGap: "Under-covered rawan zones",
        addRoute: "add or move a patrol route there",
        addVisits: "add patrol visits in the empty hours",
        widenRoute: "route a patrol through the zone",
        outsideAreas: "(outside every kecamatan)",
        more: "more",
        moreGroups: "more groups",
        fullListInFile: "the full list is in hotspots.geojson",
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

    func cause(_ cause: HotspotCause) -> String {
        switch cause {
        case .uncovered: causeUncovered
        case .stale: causeStale
        case .zoneGap: causeZoneGap
        }
    }

    /// The patrol change that resolves a group of hotspots no recommended post reaches.
    func patrolChange(_ cause: HotspotCause) -> String {
        switch cause {
        case .uncovered: addRoute
        case .stale: addVisits
        case .zoneGap: widenRoute
        }
    }
    func category(_ category: SiteCategory) -> String { categories[category] ?? category.rawValue }
}
