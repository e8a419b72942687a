import ArgumentParser
import Cakupan
import Foundation

/// `cakupan history FILE|PG:…`: the day-by-day trends of the runs kept in a history store.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Print and write the trends of the runs kept in a history store.",
        discussion: """
            Reads a history store written by `cakupan analyze --history` (a .gpkg file, or a PostGIS \
            database as PG:"dbname=… host=… port=… user=…") and shows, per operation: coverage and \
            tinggi-site coverage per day, each kecamatan per day, sites stale or uncovered --days days in \
            a row, and rawan zones whose attended share fell on each of their last --days days. Days \
            without a run are shown as missing, never as zero. Writes trend.csv and trend.json to --out.
            """)

    @Argument(help: "The history store: a .gpkg file or a PG: connection string.")
    var store: String

    @Option(help: "Days in a row that make a site neglected, and the days that decide a falling zone (default 3).")
    var days: Int = 3

    @Option(help: "Only this operation (default: every operation in the store).")
    var operation: String?

    @Option(help: "Folder for trend.csv and trend.json (default ./cakupan-trend).")
    var out: String = "cakupan-trend"

    @Flag(name: .shortAndLong, help: "Print nothing on stdout.")
    var quiet = false

    func validate() throws {
        guard days >= 1 else { throw ValidationError("--days must be at least 1") }
    }

    func run() throws {
        if !store.uppercased().hasPrefix("PG:") && !FileManager.default.fileExists(atPath: store) {
            throw CakupanError.input(
                InputLocation(file: store), "no such history file (it is made by `cakupan analyze --history \(store)`)")
        }
        let history = try HistoryStore.open(target: store)
        let trends = try history.trends(days: days, operation: operation)
        if let operation, trends.operations.isEmpty {
            throw CakupanError.usage("the history \(history.displayName) has no runs of the operation '\(operation)'")
        }
        try HistoryTrendOutput.write(trends, store: history.displayName, to: URL(fileURLWithPath: out))
        if !quiet {
            print(HistoryTrendOutput.text(trends, store: history.displayName), terminator: "")
            print("Trend written to \(out)/trend.csv and \(out)/trend.json")
        }
    }
}
