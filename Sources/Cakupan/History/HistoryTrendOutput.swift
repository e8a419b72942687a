import Foundation

/// trend.csv, trend.json and the printed trend table of `cakupan history`.
public enum HistoryTrendOutput {
    /// trend.csv: one row per operation, day and scope (the total, then each kecamatan). A day without a
    /// run has status `missing` and empty figures.
    public static func csv(_ t: HistoryTrends) -> Data {
        var lines = [
            "operation,day,status,run_id,scope,id,name,sites_total,sites_covered,site_coverage,high_total,high_covered,high_coverage,area_coverage,stale_sites,patrol_hours"
        ]
        func n(_ v: Double?, _ d: Int = 4) -> String { v.map { JSONWriter.formatNumber($0, decimals: d) } ?? "" }
        func i(_ v: Int?) -> String { v.map(String.init) ?? "" }
        for o in t.operations {
            for (k, day) in o.days.enumerated() {
                let op = field(o.operation)
                guard let d = o.totals[k] else {
                    lines.append("\(op),\(day),missing,,total,,,,,,,,,,,")
                    continue
                }
                lines.append(
                    [
                        op, day, "ok", d.runID, "total", "", "", i(d.sitesTotal), i(d.sitesCovered), n(d.siteShare),
                        i(d.highTotal), i(d.highCovered), n(d.highShare), n(d.areaCoverageShare), i(d.staleSites), "",
                    ].joined(separator: ","))
                for a in o.areas {
                    guard let v = a.values[k] else { continue }
                    lines.append(
                        [
                            op, day, "ok", d.runID, "kecamatan", field(a.id), field(a.name ?? ""), i(v.sitesTotal), i(v.sitesCovered),
                            n(v.siteShare), i(v.highTotal), i(v.highCovered), n(v.highShare), n(v.coverageShare), "",
                            n(v.patrolHours, 2),
                        ].joined(separator: ","))
                }
            }
        }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    private static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// trend.json: per operation the days, the totals per day (null when missing), each kecamatan's
    /// figures per day, each zone's attended share per day, the neglected sites and the falling zones.
    public static func json(_ t: HistoryTrends, store: String) -> Data {
        func share(_ v: Double?) -> JSONValue { .num(v, 4) }
        func int(_ v: Int?) -> JSONValue { v.map(JSONValue.int) ?? .null }
        let operations = t.operations.map { o -> JSONValue in
            let totals = o.totals.enumerated().map { k, d -> JSONValue in
                guard let d else { return .object(JSONObject([("day", .string(o.days[k])), ("status", .string("missing"))])) }
                return .object(
                    JSONObject([
                        ("day", .string(o.days[k])), ("status", .string("ok")), ("run_id", .string(d.runID)),
                        ("window", .object(JSONObject([("from", .string(d.windowFrom)), ("to", .string(d.windowTo))]))),
                        ("sites_total", int(d.sitesTotal)), ("sites_covered", int(d.sitesCovered)), ("site_coverage", share(d.siteShare)),
                        ("high_total", int(d.highTotal)), ("high_covered", int(d.highCovered)), ("high_coverage", share(d.highShare)),
                        ("area_coverage", share(d.areaCoverageShare)), ("stale_sites", int(d.staleSites)),
                    ]))
            }
            let areas = o.areas.map { a -> JSONValue in
                .object(
                    JSONObject([
                        ("id", .string(a.id)), ("name", .str(a.name)),
                        ("area_coverage", .array(a.values.map { share($0?.coverageShare) })),
                        ("site_coverage", .array(a.values.map { share($0?.siteShare) })),
                        ("high_coverage", .array(a.values.map { share($0?.highShare) })),
                        ("patrol_hours", .array(a.values.map { .num($0?.patrolHours, 2) })),
                    ]))
            }
            func zone(_ z: HistoryTrends.ZoneTrend) -> JSONValue {
                .object(
                    JSONObject([
                        ("id", .string(z.id)), ("name", .str(z.name)), ("level", .str(z.level)), ("area", .str(z.areaID)),
                        ("attended_share", .array(z.attended.map(share))), ("change", share(z.change)), ("falling", .bool(z.falling)),
                    ]))
            }
            let neglected = o.neglectedSites.map { s -> JSONValue in
                .object(
                    JSONObject([
                        ("id", .string(s.id)), ("name", .str(s.name)), ("category", .str(s.category)), ("priority", .str(s.priority)),
                        ("area", .str(s.areaID)), ("from", .string(s.from)), ("to", .string(s.to)), ("days", .int(s.length)),
                        ("ongoing", .bool(s.ongoing)), ("stale_days", .int(s.staleDays)), ("uncovered_days", .int(s.uncoveredDays)),
                    ]))
            }
            return .object(
                JSONObject([
                    ("operation", .string(o.operation)), ("days", .array(o.days.map(JSONValue.string))),
                    ("missing_days", .int(o.missingDays)), ("totals", .array(totals)), ("areas", .array(areas)),
                    ("neglected_sites", .array(neglected)), ("falling_zones", .array(o.fallingZones.map(zone))),
                    ("zones", .array(o.zones.map(zone))),
                ]))
        }
        let root = JSONValue.object(
            JSONObject([
                ("tool", .string("cakupan")), ("version", .string(Summary.version)), ("store", .string(store)),
                ("streak_days", .int(t.days)), ("operations", .array(operations)),
            ]))
        return Data((JSONWriter.pretty(root) + "\n").utf8)
    }

    /// The trend as printed on stdout.
    public static func text(_ t: HistoryTrends, store: String) -> String {
        func pct(_ v: Double?) -> String { v.map { JSONWriter.formatNumber($0 * 100, decimals: 1) + "%" } ?? "–" }
        func ratio(_ a: Int?, _ b: Int?, _ s: Double?) -> String {
            guard let a, let b else { return "–" }
            return "\(a)/\(b) \(pct(s))"
        }
        func padded(_ s: String, _ w: Int) -> String { s.count >= w ? s : s + String(repeating: " ", count: w - s.count) }
        guard !t.operations.isEmpty else { return "History \(store): no runs yet.\n" }
        var out = ""
        for o in t.operations {
            out += "History \(store) — \(o.operation.isEmpty ? "(unnamed operation)" : o.operation)\n"
            out +=
                "\(o.days.count) day\(o.days.count == 1 ? "" : "s"), \(o.days.first ?? "") to \(o.days.last ?? ""), \(o.days.count - o.missingDays) with a run, \(o.missingDays) missing\n\n"
            out +=
                padded("day", 12) + padded("sites covered", 18) + padded("tinggi covered", 18) + padded("area coverage", 15)
                + "stale sites\n"
            for (k, day) in o.days.enumerated() {
                guard let d = o.totals[k] else {
                    out += padded(day, 12) + "missing (no run)\n"
                    continue
                }
                out +=
                    padded(day, 12) + padded(ratio(d.sitesCovered, d.sitesTotal, d.siteShare), 18)
                    + padded(ratio(d.highCovered, d.highTotal, d.highShare), 18) + padded(pct(d.areaCoverageShare), 15)
                    + (d.staleSites.map(String.init) ?? "–") + "\n"
            }
            if !o.areas.isEmpty {
                out += "\nKecamatan: sites covered per day (\(o.days.first ?? "") … \(o.days.last ?? ""); – = no run)\n"
                for a in o.areas {
                    let values = a.values.map { v in
                        v.flatMap { $0.siteShare }.map { JSONWriter.formatNumber($0 * 100, decimals: 0) + "%" } ?? "–"
                    }
                    out += "  " + padded("\(a.id) \(a.name ?? "")", 32) + values.joined(separator: " ") + "\n"
                }
            }
            out +=
                "\nSites stale or uncovered \(t.days) or more days in a row: \(o.neglectedSites.isEmpty ? "none" : String(o.neglectedSites.count))\n"
            for s in o.neglectedSites.prefix(listLimit) {
                let what = [s.priority, s.category, s.areaID.map { "area \($0)" }].compactMap { $0 }.joined(separator: ", ")
                out +=
                    "  \(s.id) \(s.name ?? "") (\(what)): \(s.from) to \(s.to), \(s.length) days\(s.ongoing ? ", still" : "")"
                    + " (stale \(s.staleDays), uncovered \(s.uncoveredDays))\n"
            }
            if o.neglectedSites.count > listLimit { out += "  … and \(o.neglectedSites.count - listLimit) more in trend.json\n" }
            let falling = o.fallingZones
            out +=
                "\nRawan zones whose attended share fell on each of their last \(max(2, t.days)) days with a run: \(falling.isEmpty ? "none" : String(falling.count))\n"
            for z in falling {
                let values = z.attended.compactMap { $0 }.suffix(max(2, t.days)).map { pct($0) }.joined(separator: " → ")
                out += "  \(z.id) \(z.name ?? "") (\(z.level ?? "")): \(values)\n"
            }
            out += "\n"
        }
        return out
    }

    /// How many neglected sites the printed trend lists (trend.json has them all).
    public static let listLimit = 20

    /// Writes trend.csv and trend.json into `folder`, each to a temporary file beside it renamed into
    /// place, so a reader never sees half a file.
    public static func write(_ t: HistoryTrends, store: String, to folder: URL) throws {
        let fm = FileManager.default
        do { try fm.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw CakupanError.usage("output folder \(folder.path) cannot be created (\(error.localizedDescription))")
        }
        for (name, data) in [("trend.csv", csv(t)), ("trend.json", json(t, store: store))] {
            let final = folder.appendingPathComponent(name)
            let temporary = folder.appendingPathComponent(".\(name).tmp-\(getpid())")
            do {
                try data.write(to: temporary)
                guard rename(temporary.path, final.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
            } catch {
                try? fm.removeItem(at: temporary)
                throw CakupanError.usage("\(final.path) cannot be written (\(error.localizedDescription))")
            }
        }
    }
}
