import CakupanTemporal
import Foundation

/// The temporal parts of the result folder: the fields added to sites, zones and areas, visits.csv,
/// summary.json's `temporal` object and the lines printed after the table. Times are ISO 8601 in the
/// run's time zone (`ISOTime`), durations seconds with at most 3 decimals.
public enum TemporalOutput {
    static func seconds(_ v: Double?) -> JSONValue { .num(v, 3) }

    static func time(_ t: Double?, _ offset: Int) -> JSONValue {
        guard let t, t.isFinite else { return .null }
        return .string(ISOTime.iso(t, offset: offset))
    }

    /// sites.geojson: visits, units, dwell_s, longest_dwell_s, first_visit, last_visit,
    /// max_unattended_s, stale, and the limits the site was judged by (visit_radius_m,
    /// unattended_limit_s).
    static func siteFields(_ v: SiteVisits, offset: Int) -> [(String, JSONValue)] {
        let row = v.row
        return [
            (ResultKeys.visits, .int(row.visits)), (ResultKeys.units, .int(row.units)),
            (ResultKeys.dwellS, seconds(row.dwellSeconds)), (ResultKeys.longestDwellS, seconds(row.longestDwellSeconds)),
            (ResultKeys.firstVisit, time(row.firstVisit, offset)), (ResultKeys.lastVisit, time(row.lastVisit, offset)),
            (ResultKeys.maxUnattendedS, seconds(row.maxUnattendedSeconds)), (ResultKeys.stale, .bool(row.stale)),
            (ResultKeys.visitRadiusM, .num(v.visitRadius, 3)), (ResultKeys.unattendedLimitS, seconds(v.limitSeconds)),
        ]
    }

    /// zones.geojson: attended_share.
    static func zoneFields(_ z: ZoneResult) -> [(String, JSONValue)] {
        guard let share = z.attendedShare else { return [] }
        return [(ResultKeys.attendedShare, .num(share, 6))]
    }

    /// areas.geojson (and summary.json's area table): patrol_hours (unit-hours), patrol_km.
    static func areaFields(_ a: AreaResult) -> [(String, JSONValue)] {
        guard let s = a.patrolSeconds, let m = a.patrolMetres else { return [] }
        return [(ResultKeys.patrolHours, .num(s / 3600, 3)), (ResultKeys.patrolKm, .num(m / 1000, 3))]
    }

    /// visits.csv: `site,unit,start,end,dwell_s`, one row per visit, by site (input order), start,
    /// unit. Fields with a separator, quote or line break are quoted (RFC 4180). The rows are written
    /// in contiguous chunks on all cores and joined in order (the same bytes as one pass: each row
    /// depends on its visit only); at 10⁷ fixes the file has millions of rows.
    static func visitsCSV(_ report: TemporalReport) -> Data {
        var clock = PhaseClock()
        defer { clock.lap("visits.csv") }
        let visits = report.result.visits
        let offset = report.settings.utcOffset
        let ranges = Parallel.chunks(visits.count, parts: visits.count < 100_000 ? 1 : 4 * Parallel.workers)
        // `try!`: visitRows does not throw (Parallel.map's signature allows it for other callers).
        var parts = try! Parallel.map(ranges.count) { visitRows(visits[ranges[$0]], offset: offset) }
        var data = Data()
        data.reserveCapacity(32 + parts.reduce(0) { $0 + $1.count })
        data.append(contentsOf: Array("site,unit,start,end,dwell_s\n".utf8))
        for index in parts.indices {
            data.append(parts[index])
            parts[index] = Data()  // let each part go once copied: the file can be hundreds of MB
        }
        return data
    }

    /// The rows of visits.csv for a run of visits.
    private static func visitRows(_ visits: ArraySlice<Visit>, offset: Int) -> Data {
        var data = Data()
        data.reserveCapacity(visits.count * 90)
        var siteBytes: [UInt8] = []
        var lastSite = -1
        var unitBytes: [String: [UInt8]] = [:]
        // Rows are written into a 1 MiB buffer through a pointer and handed to `data` when it fills.
        let capacity = 1 << 20
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var used = 0
        func put(_ bytes: [UInt8]) {
            bytes.withUnsafeBufferPointer { b in
                (buffer + used).update(from: b.baseAddress!, count: b.count)
                used += b.count
            }
        }
        for v in visits {
            if v.siteIndex != lastSite {
                lastSite = v.siteIndex
                siteBytes = Array(csvField(v.siteID).utf8)
            }
            let unit: [UInt8]
            if let bytes = unitBytes[v.unit] {
                unit = bytes
            } else {
                unit = Array(csvField(v.unit).utf8)
                unitBytes[v.unit] = unit
            }
            if used + siteBytes.count + unit.count + 2 * ISOTime.maxISOLength + 40 > capacity {
                data.append(buffer, count: used)
                used = 0
            }
            put(siteBytes)
            buffer[used] = 0x2C
            used += 1
            put(unit)
            buffer[used] = 0x2C
            used += 1
            used += ISOTime.writeISO(v.start, offset: offset, into: buffer + used)
            buffer[used] = 0x2C
            used += 1
            used += ISOTime.writeISO(v.end, offset: offset, into: buffer + used)
            buffer[used] = 0x2C
            used += 1
            used += writeMillis(v.dwellSeconds, into: buffer + used)
            buffer[used] = 0x0A
            used += 1
        }
        data.append(buffer, count: used)
        return data
    }

    /// Writes `seconds` (≥ 0) with at most 3 decimals, trailing zeros dropped, at `p` (room for 40
    /// bytes); returns the bytes written.
    static func writeMillis(_ seconds: Double, into p: UnsafeMutablePointer<UInt8>) -> Int {
        var bytes: [UInt8] = []
        guard seconds.isFinite, seconds >= 0, seconds < 1e15 else {
            bytes = Array(JSONWriter.formatNumber(seconds, decimals: 3).utf8)
            p.update(from: bytes, count: min(bytes.count, 40))
            return min(bytes.count, 40)
        }
        let millis = Int64((seconds * 1000).rounded())
        var whole = millis / 1000
        var digits = 0
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &scratch) { reversed in
            repeat {
                reversed[digits] = UInt8(48 + whole % 10)
                whole /= 10
                digits += 1
            } while whole > 0
            for k in 0..<digits { p[k] = reversed[digits - 1 - k] }
        }
        var i = digits
        var fraction = Int(millis % 1000)
        guard fraction != 0 else { return i }
        p[i] = 0x2E
        p[i + 1] = UInt8(48 + fraction / 100)
        i += 2
        fraction %= 100
        if fraction != 0 {
            p[i] = UInt8(48 + fraction / 10)
            i += 1
            if fraction % 10 != 0 {
                p[i] = UInt8(48 + fraction % 10)
                i += 1
            }
        }
        return i
    }

    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// summary.json `temporal`. The first members are the shape the briefing reads (window,
    /// timezone, fixes, kept_fixes, dropped_jumps, units, hourly, stale_sites); the rest follow.
    static func summary(_ r: AnalysisResult) -> JSONValue? {
        guard let report = r.temporal else { return nil }
        let t = report.result
        let s = report.settings
        let offset = s.utcOffset
        let window: JSONValue = .object(
            JSONObject([("from", time(t.window?.lowerBound, offset)), ("to", time(t.window?.upperBound, offset))]))
        let hourly = t.hourly.map {
            JSONValue.object(
                JSONObject([("hour", .string(ISOTime.iso($0.hourStart, offset: offset))), ("attended_sites", .int($0.attendedSites))]))
        }
        let stale = r.sites.filter { $0.temporal?.row.stale == true }.sorted { a, b in
            if a.site.priority != b.site.priority { return a.site.priority > b.site.priority }
            let ua = a.temporal!.row.maxUnattendedSeconds
            let ub = b.temporal!.row.maxUnattendedSeconds
            if ua != ub { return ua > ub }
            return a.site.id < b.site.id
        }.map { site in
            JSONValue.object(
                JSONObject([
                    ("id", .string(site.site.id)), ("name", .str(site.site.name)), ("category", .string(site.site.category.rawValue)),
                    ("priority", .string(site.site.priority.name)), ("max_unattended_s", seconds(site.temporal!.row.maxUnattendedSeconds)),
                    ("last_visit", time(site.temporal!.row.lastVisit, offset)),
                ]))
        }
        func perCategory(_ m: [SiteCategory: Double], _ decimals: Int) -> JSONValue {
            .object(JSONObject(m.keys.map(\.rawValue).sorted().map { ($0, .num(m[SiteCategory(rawValue: $0)!]!, decimals)) }))
        }
        return .object(
            JSONObject([
                ("window", window),
                ("timezone", .string(s.timezone)),
                ("fixes", .int(t.fixes)), ("kept_fixes", .int(t.keptFixes)), ("dropped_jumps", .int(t.droppedJumps)),
                ("units", .int(t.units)),
                ("hourly", .array(hourly)),
                ("stale_sites", .array(stale)),
                ("utc_offset", .string(ISOTime.offsetText(offset))),
                ("window_s", seconds(t.windowSeconds)),
                ("shift", .str(s.shiftText)),
                ("duplicate_fixes", .int(t.duplicateFixes)), ("reordered_fixes", .int(t.reorderedFixes)), ("late_fixes", .int(t.lateFixes)),
                ("visits", .int(t.visits.count)),
                ("sites_visited", .int(t.sites.filter { $0.visits > 0 }.count)),
                ("sites_stale", .int(stale.count)),
                ("gaps_total", .int(report.gapsTotal)),
                (
                    "gaps",
                    .array(
                        report.gaps.map { g in
                            .object(
                                JSONObject([
                                    ("unit", .string(g.unit)), ("from", time(g.from, offset)), ("to", time(g.to, offset)),
                                    ("duration_s", seconds(g.to - g.from)),
                                ]))
                        })
                ),
                (
                    "jumps",
                    .array(
                        report.jumps.map { j in
                            .object(
                                JSONObject([
                                    ("unit", .string(j.unit)), ("time", time(j.time, offset)),
                                    ("lon", .num(j.position.x, 7)), ("lat", .num(j.position.y, 7)),
                                ]))
                        })
                ),
                ("track_line_vertices", .int(report.lineVertices)),
                (
                    "tracks",
                    .array(
                        report.files.map { f in
                            .object(JSONObject([("path", .string(f.path)), ("fixes", .int(f.fixes))]))
                        })
                ),
                (
                    "parameters",
                    .object(
                        JSONObject([
                            ("max_fix_gap_s", seconds(s.maxFixGap)), ("max_speed_kmh", .num(s.maxSpeedKmh, 3)),
                            ("merge_gap_s", seconds(s.mergeGap)), ("visit_radius_m", .num(s.visitRadius, 3)),
                            ("radius_for", perCategory(s.radiusFor, 3)), ("max_unattended_s", seconds(s.maxUnattended)),
                            ("max_unattended_for", perCategory(s.maxUnattendedFor, 3)),
                            ("from", time(s.from, offset)), ("to", time(s.to, offset)),
                            ("simplify_tolerance_m", .num(TemporalSettings.simplifyTolerance, 3)),
                            ("repeat_tolerance_m", .num(TemporalSettings.repeatTolerance, 3)),
                        ]))
                ),
                ("unit_names", .array(report.unitNames.map { .string($0) })),
                ("skipped_fixes", .int(report.skippedFixes)),
            ]))
    }

    /// Lines printed on stdout after the coverage table, in the report's language.
    static func text(_ r: AnalysisResult, language: TextReport.Language) -> String {
        guard let report = r.temporal else { return "" }
        let id = language == .id
        let t = report.result
        let offset = report.settings.utcOffset
        func minutes(_ s: Double) -> String { TextReport(language: language).number(s / 60, 1) }
        var lines: [String] = [""]
        let window =
            t.window.map { "\(ISOTime.iso($0.lowerBound, offset: offset)) – \(ISOTime.iso($0.upperBound, offset: offset))" }
            ?? (id ? "tidak ada fix" : "no fixes")
        let shift = report.settings.shiftText.map { id ? ", sif \($0)" : ", shift \($0)" } ?? ""
        lines.append(
            id
                ? "Jejak GPS: \(t.fixes) fix dari \(t.units) unit, \(t.keptFixes) dipakai, \(t.droppedJumps) dibuang sebagai lompatan; rentang \(window)\(shift)"
                : "GPS tracks: \(t.fixes) fixes of \(t.units) units, \(t.keptFixes) kept, \(t.droppedJumps) dropped as jumps; window \(window)\(shift)"
        )
        for g in report.gaps.prefix(5) {
            let span = "\(ISOTime.iso(g.from, offset: offset)) – \(ISOTime.iso(g.to, offset: offset)) (\(minutes(g.to - g.from)) min)"
            lines.append(id ? "  jeda: \(g.unit) tanpa fix \(span)" : "  gap: \(g.unit) has no fixes \(span)")
        }
        if report.gapsTotal > 5 {
            lines.append(
                id ? "  … \(report.gapsTotal - 5) jeda lainnya di summary.json" : "  … \(report.gapsTotal - 5) more gaps in summary.json")
        }
        for j in report.jumps.prefix(5) {
            let at =
                "\(ISOTime.iso(j.time, offset: offset)) (\(JSONWriter.formatNumber(j.position.x, decimals: 6)), \(JSONWriter.formatNumber(j.position.y, decimals: 6)))"
            lines.append(id ? "  lompatan dibuang: \(j.unit) pada \(at)" : "  jump dropped: \(j.unit) at \(at)")
        }
        let visited = t.sites.filter { $0.visits > 0 }.count
        let stale = r.sites.filter { $0.temporal?.row.stale == true }
        lines.append(
            id
                ? "Lokasi dikunjungi: \(visited)/\(t.sites.count); \(t.visits.count) kunjungan (visits.csv); terlalu lama tanpa patroli: \(stale.count)"
                : "Sites visited: \(visited)/\(t.sites.count); \(t.visits.count) visits (visits.csv); stale (unattended too long): \(stale.count)"
        )
        return lines.joined(separator: "\n") + "\n"
    }
}
