import CakupanGDAL
import CakupanGeometry
import Foundation

/// A run's record and rows as table features, values parallel to `HistorySchema`'s field lists.
struct HistoryRows {
    var run: VectorWriter.Feature
    var sites: [VectorWriter.Feature]
    var areas: [VectorWriter.Feature]
    var zones: [VectorWriter.Feature]

    init(_ r: HistoryRun, recordedAt: Date) {
        let t = r.totals
        let inputs = JSONValue.array(
            r.inputs.map { i in
                .object(JSONObject([("role", .string(i.role)), ("file", .string(i.file)), ("sha256", .str(i.sha256))]))
            })
        run = VectorWriter.Feature(
            geometry: nil,
            values: [
                .string(r.runID), .string(r.operation), .string(r.day), .string(r.windowFrom), .string(r.windowTo),
                .string(r.timezone), .string(r.parameters), .string(JSONWriter.compact(inputs)), .string(r.toolVersion),
                .string(r.createdAt), .string(Self.utc(recordedAt)),
                .int(t.sitesTotal), .int(t.sitesCovered), .int(t.highTotal), .int(t.highCovered),
                .real(t.areaCoverageShare), .real(t.rawanCoveredShare), .int(t.staleSites),
            ])
        let id = FieldValue.string(r.runID)
        let day = FieldValue.string(r.day)
        sites = r.sites.map { s in
            VectorWriter.Feature(
                geometry: .point(s.point),
                values: [
                    id, day, .string(s.id), .text(s.name), .string(s.category), .string(s.priority), .text(s.areaID),
                    .bool(s.covered), .real(s.distanceM), .int(s.visits), .real(s.dwellS), .real(s.maxUnattendedS),
                    s.stale.map(FieldValue.bool) ?? .null,
                ])
        }
        areas = r.areas.map { a in
            VectorWriter.Feature(
                geometry: nil,
                values: [
                    id, day, .string(a.id), .text(a.name), .real(a.coverageShare), .real(a.rawanCoveredShare),
                    .int(a.sitesTotal), .int(a.sitesCovered), .int(a.highTotal), .int(a.highCovered),
                    .real(a.patrolHours), .real(a.patrolKm),
                ])
        }
        zones = r.zones.map { z in
            VectorWriter.Feature(
                geometry: nil,
                values: [
                    id, day, .string(z.id), .text(z.name), .string(z.level), .text(z.areaID), .real(z.coveredShare),
                    .real(z.attendedShare),
                ])
        }
    }

    /// The wall clock as ISO 8601 UTC, seconds.
    static func utc(_ date: Date) -> String {
        ISOTime.iso(date.timeIntervalSince1970.rounded(.down), offset: 0)
    }
}

extension FieldValue {
    static func int(_ v: Int?) -> FieldValue { v.map { .integer(Int64($0)) } ?? .null }
    static func real(_ v: Double?) -> FieldValue {
        guard let v, v.isFinite else { return .null }
        return .real(v)
    }
    static func text(_ v: String?) -> FieldValue { v.map(FieldValue.string) ?? .null }
}
