/// Which header column holds unit, time, lon and lat.
struct FixCSVColumns {
    /// The four needed roles, in the order the reader stores them.
    enum Role: Int, CaseIterable {
        case unit, time, lon, lat

        var name: String {
            switch self {
            case .unit: "unit"
            case .time: "time"
            case .lon: "lon"
            case .lat: "lat"
            }
        }

        /// Accepted header names, most specific first (compared lowercased, spaces and `-` as `_`).
        var aliases: [String] {
            switch self {
            case .unit: ["unit", "unit_id", "kendaraan", "callsign"]
            case .time: ["time", "timestamp", "waktu"]
            case .lon: ["lon", "lng", "long", "longitude", "bujur", "x"]
            case .lat: ["lat", "latitude", "lintang", "y"]
            }
        }
    }

    /// Column index per role (indexed by `Role.rawValue`).
    let index: [Int]
    /// Header text per role, as written.
    let names: [String]

    /// Matches the header; when several columns fit a role, the best-ranked alias wins, then the
    /// leftmost column.
    /// - Throws: `TemporalError.missingColumn` for the first role without a column.
    init(header: [String], file: String) throws {
        let normalized = header.map { name in
            String(name.trimmingSpaces().lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
        }
        var index: [Int] = []
        var names: [String] = []
        for role in Role.allCases {
            var best: (rank: Int, column: Int)?
            for (column, name) in normalized.enumerated() {
                guard let rank = role.aliases.firstIndex(of: name) else { continue }
                if best == nil || rank < best!.rank { best = (rank, column) }
            }
            guard let best else {
                throw TemporalError.missingColumn(file: file, line: 1, role: role.name, accepted: role.aliases)
            }
            index.append(best.column)
            names.append(header[best.column].trimmingSpaces())
        }
        self.index = index
        self.names = names
    }
}
