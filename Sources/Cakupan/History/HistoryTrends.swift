import CakupanGDAL

/// The tables of a store as read, by column name.
struct HistoryData {
    struct Table {
        var fields: [String] = []
        var rows: [[FieldValue]] = []

        init() {}
        init(_ t: (fields: [String], rows: [[FieldValue]])) {
            fields = t.fields
            rows = t.rows
        }

        /// Row accessors by column name (missing columns read as null).
        func column(_ name: String) -> ([FieldValue]) -> FieldValue {
            guard let i = fields.firstIndex(of: name) else { return { _ in .null } }
            return { $0[i] }
        }
    }

    var runs = Table(), sites = Table(), areas = Table(), zones = Table()

    init() {}
    init(
        runs: (fields: [String], rows: [[FieldValue]]), sites: (fields: [String], rows: [[FieldValue]]),
        areas: (fields: [String], rows: [[FieldValue]]), zones: (fields: [String], rows: [[FieldValue]])
    ) {
        self.runs = Table(runs)
        self.sites = Table(sites)
        self.areas = Table(areas)
        self.zones = Table(zones)
    }
}

extension FieldValue {
    var double: Double? {
        switch self {
        case .real(let d): d
        case .integer(let i): Double(i)
        case .string(let s): Double(s)
        default: nil
        }
    }
    var int: Int? { double.map { Int($0) } }
    var flag: Bool? {
        switch self {
        case .bool(let b): b
        case .integer(let i): i != 0
        case .string(let s): ["1", "true", "t"].contains(s.lowercased())
        default: nil
        }
    }
}

/// Day-by-day figures of the runs in a history store, per operation (`HistoryStore.trends`). Each
/// calendar day from an operation's first to its last run has an entry; a day without a run is
/// missing (nil), never zero. When a day has several runs (different windows), the one whose window
/// ends last counts.
public struct HistoryTrends: Sendable {
    /// A streak of this many days in a row makes a site neglected; the last this many days with a run
    /// decide whether a zone's attendance is falling.
    public var days: Int
    public var operations: [OperationTrend]

    public struct OperationTrend: Sendable {
        public var operation: String
        /// Every calendar day from the first run to the last, YYYY-MM-DD.
        public var days: [String]
        /// Parallel to `days`; nil for a day without a run.
        public var totals: [DayTotals?]
        public var areas: [AreaTrend]
        public var zones: [ZoneTrend]
        /// Sites stale or uncovered at least `days` days in a row: ongoing streaks first, then by priority
        /// (tinggi first), longer first, then by id.
        public var neglectedSites: [SiteStreak]
        /// Zones whose attended share fell on each of their last `days` days with a run.
        public var fallingZones: [ZoneTrend] { zones.filter(\.falling) }
        public var missingDays: Int { totals.filter { $0 == nil }.count }
    }

    public struct DayTotals: Sendable, Equatable {
        public var runID: String
        public var windowFrom: String
        public var windowTo: String
        public var sitesTotal: Int?
        public var sitesCovered: Int?
        public var highTotal: Int?
        public var highCovered: Int?
        public var areaCoverageShare: Double?
        public var staleSites: Int?
        public var siteShare: Double? { share(sitesCovered, sitesTotal) }
        public var highShare: Double? { share(highCovered, highTotal) }
    }

    public struct AreaDay: Sendable, Equatable {
        public var coverageShare: Double?
        public var sitesTotal: Int?
        public var sitesCovered: Int?
        public var highTotal: Int?
        public var highCovered: Int?
        public var patrolHours: Double?
        public var siteShare: Double? { share(sitesCovered, sitesTotal) }
        public var highShare: Double? { share(highCovered, highTotal) }
    }

    public struct AreaTrend: Sendable {
        public var id: String
        public var name: String?
        /// Parallel to the operation's `days`.
        public var values: [AreaDay?]
    }

    public struct ZoneTrend: Sendable {
        public var id: String
        public var name: String?
        public var level: String?
        public var areaID: String?
        /// Attended share per day, parallel to `days`; nil on missing days (and without tracks).
        public var attended: [Double?]
        public var falling: Bool
        /// Last minus first of the values that decided `falling`; nil with fewer than two.
        public var change: Double?
    }

    public struct SiteStreak: Sendable, Equatable {
        public var id: String
        public var name: String?
        public var category: String?
        public var priority: String?
        public var areaID: String?
        public var from: String
        public var to: String
        public var length: Int
        /// The streak runs up to the operation's last day.
        public var ongoing: Bool
        public var staleDays: Int
        public var uncoveredDays: Int
    }

    /// A zone is falling when its share dropped by at least this much (1 percentage point) over the
    /// deciding days.
    public static let minimumFall = 0.01
}

private func share(_ a: Int?, _ b: Int?) -> Double? {
    guard let a, let b, b > 0 else { return nil }
    return Double(a) / Double(b)
}

extension HistoryTrends {
    /// Computes the trends of every operation in `data` (only `operation` when given).
    init(_ data: HistoryData, days: Int, operation: String?) {
        self.days = days
        let r = data.runs
        let runID = r.column("run_id")
        let op = r.column("operation")
        let day = r.column("day")
        let windowTo = r.column("window_to")
        let recorded = r.column("recorded_at")
        var byOperation: [String: [[FieldValue]]] = [:]
        for row in r.rows {
            let name = op(row).text ?? ""
            if operation == nil || operation == name { byOperation[name, default: []].append(row) }
        }
        operations = byOperation.keys.sorted().map { name in
            // The run that counts for each day: the window ending last, then the latest recorded.
            var chosen: [String: [FieldValue]] = [:]
            for row in byOperation[name]! {
                guard let d = day(row).text else { continue }
                if let old = chosen[d] {
                    let a = (windowTo(old).text ?? "", recorded(old).text ?? "", runID(old).text ?? "")
                    let b = (windowTo(row).text ?? "", recorded(row).text ?? "", runID(row).text ?? "")
                    if b <= a { continue }
                }
                chosen[d] = row
            }
            return Self.trend(name, chosen, data, days: days)
        }
    }

    private static func trend(_ name: String, _ chosen: [String: [FieldValue]], _ data: HistoryData, days n: Int) -> OperationTrend {
        let r = data.runs
        let calendar = CalendarDays.range(chosen.keys)
        let col = { r.column($0) }
        let totals: [DayTotals?] = calendar.map { d in
            chosen[d].map { row in
                DayTotals(
                    runID: col("run_id")(row).text ?? "", windowFrom: col("window_from")(row).text ?? "",
                    windowTo: col("window_to")(row).text ?? "", sitesTotal: col("sites_total")(row).int,
                    sitesCovered: col("sites_covered")(row).int, highTotal: col("high_total")(row).int,
                    highCovered: col("high_covered")(row).int, areaCoverageShare: col("area_coverage_share")(row).double,
                    staleSites: col("stale_sites")(row).int)
            }
        }
        var dayOfRun: [String: Int] = [:]
        for (i, t) in totals.enumerated() { if let t { dayOfRun[t.runID] = i } }

        /// Rows of `table` of the chosen runs, grouped by `key`, in first-seen order, with their day index.
        func group(_ table: HistoryData.Table, _ key: String) -> [(id: String, rows: [(Int, [FieldValue])])] {
            let run = table.column("run_id")
            let k = table.column(key)
            var order: [String] = []
            var rows: [String: [(Int, [FieldValue])]] = [:]
            for row in table.rows {
                guard let i = run(row).text.flatMap({ dayOfRun[$0] }), let id = k(row).text else { continue }
                if rows[id] == nil { order.append(id) }
                rows[id, default: []].append((i, row))
            }
            return order.sorted().map { ($0, rows[$0]!) }
        }
        func latest(_ rows: [(Int, [FieldValue])], _ get: ([FieldValue]) -> FieldValue) -> String? {
            rows.max { $0.0 < $1.0 }.flatMap { get($0.1).text }
        }

        let a = data.areas
        let areas = group(a, "area_id").map { id, rows -> AreaTrend in
            var values = [AreaDay?](repeating: nil, count: calendar.count)
            for (i, row) in rows {
                values[i] = AreaDay(
                    coverageShare: a.column("coverage_share")(row).double, sitesTotal: a.column("sites_total")(row).int,
                    sitesCovered: a.column("sites_covered")(row).int, highTotal: a.column("high_total")(row).int,
                    highCovered: a.column("high_covered")(row).int, patrolHours: a.column("patrol_hours")(row).double)
            }
            return AreaTrend(id: id, name: latest(rows, a.column("name")), values: values)
        }

        let z = data.zones
        let zones = group(z, "zone_id").map { id, rows -> ZoneTrend in
            var attended = [Double?](repeating: nil, count: calendar.count)
            for (i, row) in rows { attended[i] = z.column("attended_share")(row).double }
            let deciding = Array(attended.compactMap { $0 }.suffix(max(2, n)))
            let strictlyFalling = deciding.count >= max(2, n) && zip(deciding, deciding.dropFirst()).allSatisfy { $1 < $0 }
            let change = deciding.count >= 2 ? deciding.last! - deciding.first! : nil
            return ZoneTrend(
                id: id, name: latest(rows, z.column("name")), level: latest(rows, z.column("level")),
                areaID: latest(rows, z.column("area_id")), attended: attended,
                falling: strictlyFalling && (change ?? 0) <= -minimumFall, change: change)
        }

        let s = data.sites
        var streaks: [SiteStreak] = []
        for (id, rows) in group(s, "site_id") {
            // Per day: nil = no record (breaks a streak), else (stale, uncovered).
            var state = [(stale: Bool, uncovered: Bool)?](repeating: nil, count: calendar.count)
            for (i, row) in rows {
                state[i] = (s.column("stale")(row).flag ?? false, !(s.column("covered")(row).flag ?? true))
            }
            var start: Int? = nil
            for i in 0...calendar.count {
                let bad = i < calendar.count && state[i].map { $0.stale || $0.uncovered } == true
                if bad {
                    if start == nil { start = i }
                    continue
                }
                guard let s0 = start else { continue }
                start = nil
                let length = i - s0
                guard length >= n else { continue }
                let span = state[s0..<i].compactMap { $0 }
                streaks.append(
                    SiteStreak(
                        id: id, name: latest(rows, s.column("name")), category: latest(rows, s.column("category")),
                        priority: latest(rows, s.column("priority")), areaID: latest(rows, s.column("area_id")),
                        from: calendar[s0], to: calendar[i - 1], length: length, ongoing: i == calendar.count,
                        staleDays: span.filter(\.stale).count, uncoveredDays: span.filter(\.uncovered).count))
            }
        }
        let rank = ["tinggi": 0, "sedang": 1, "rendah": 2]
        streaks.sort {
            ($0.ongoing ? 0 : 1, rank[$0.priority ?? ""] ?? 3, -$0.length, $0.id, $0.from)
                < ($1.ongoing ? 0 : 1, rank[$1.priority ?? ""] ?? 3, -$1.length, $1.id, $1.from)
        }
        return OperationTrend(operation: name, days: calendar, totals: totals, areas: areas, zones: zones, neglectedSites: streaks)
    }
}

/// Calendar days as YYYY-MM-DD text (proleptic Gregorian, days since 1970-01-01).
enum CalendarDays {
    /// Every day from the earliest to the latest of `days` (text that is not a date is left out).
    static func range<S: Sequence>(_ days: S) -> [String] where S.Element == String {
        let numbers = days.compactMap(number)
        guard let lo = numbers.min(), let hi = numbers.max() else { return [] }
        return (lo...hi).map(text)
    }

    static func number(_ day: String) -> Int? {
        let parts = day.split(separator: "-").map { Int($0) }
        guard parts.count == 3, let y = parts[0], let m = parts[1], let d = parts[2], (1...12).contains(m), (1...31).contains(d) else {
            return nil
        }
        // Howard Hinnant's days_from_civil.
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func text(_ n: Int) -> String {
        let (y, m, d) = ISOTime.civil(days: Int64(n))
        func pad(_ v: Int64, _ w: Int) -> String { String(repeating: "0", count: max(0, w - String(v).count)) + String(v) }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }
}

extension HistoryStore {
    /// The trends of the runs in the store (of `operation` only, when given); `days`: how many days in
    /// a row make a site neglected and a zone's attendance falling (default 3).
    public func trends(days: Int = 3, operation: String? = nil) throws -> HistoryTrends {
        guard days >= 1 else { throw CakupanError.usage("--days must be at least 1, got \(days)") }
        return HistoryTrends(try load(), days: days, operation: operation)
    }
}
