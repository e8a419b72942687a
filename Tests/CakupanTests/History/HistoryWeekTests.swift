import Foundation
import Testing

@testable import Cakupan

/// The demo's week (geodata/demo/week, tools/geo_gen/week.py) through the library, one run per day into
/// a history store, then the trends: the planted neglected site and falling zone are found.
@Suite struct HistoryWeekTests {
    static let week = TemporalDemoTests.repository.appendingPathComponent("geodata/demo/week")

    @Test func plantedTrends() throws {
        let dir = try historyScratch("week")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try HistoryStore.open(target: dir.appendingPathComponent("history.gpkg").path)
        let days = try FileManager.default.contentsOfDirectory(atPath: Self.week.path)
            .filter { $0.hasPrefix("fixes-") && $0.hasSuffix(".csv") }.sorted()
        #expect(days.count == 7)
        for (k, file) in days.enumerated() {
            var config = try OperationConfig.load(path: Self.week.appendingPathComponent("operation.yaml").path)
            config.temporal.tracks = [Self.week.appendingPathComponent(file).path]
            var warnings = Warnings()
            let (result, _) = try Pipeline.analyze(config, parameters: try config.parameters(), warnings: &warnings)
            let run = try HistoryRun.make(result: result, config: config)
            #expect(run.day == "2024-11-\(21 + k)")
            try store.append(run)
            if k == 6 { try store.append(run) }  // a rerun of the last day replaces it
        }
        let trends = try store.trends(days: 3)
        let o = try #require(trends.operations.first)
        #expect(o.days.count == 7 && o.missingDays == 0)
        // The planted site: stale on the last three days only.
        let s038 = o.neglectedSites.filter { $0.id == "S038" }
        #expect(s038.map(\.from) == ["2024-11-25"] && s038.map(\.to) == ["2024-11-27"])
        #expect(s038.first?.ongoing == true && s038.first?.staleDays == 3)
        // Of the tinggi sites, only it starts a streak during the week (the rest are neglected all week).
        #expect(o.neglectedSites.filter { $0.priority == "tinggi" && $0.from != "2024-11-21" }.map(\.id) == ["S038"])
        // The planted zone, and no other.
        #expect(o.fallingZones.map(\.id) == ["R08"])
        let r08 = try #require(o.zones.first { $0.id == "R08" })
        let shares = r08.attended.compactMap { $0 }
        #expect(shares.count == 7 && zip(shares, shares.dropFirst()).allSatisfy { $1 < $0 })
    }
}
