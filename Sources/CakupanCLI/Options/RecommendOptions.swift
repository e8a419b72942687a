import ArgumentParser
import Cakupan
import Foundation

/// Recommendations: where to place new posts (maximal covering, or set covering with `cover`).
struct RecommendOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Place N new posts covering the most weight, or 'cover': the fewest posts reaching every uncovered tinggi site.",
            valueName: "N|cover"))
    var recommend: String?

    @Option(
        help: ArgumentHelp("Candidate post places: any point layer (default: every demand point) (repeatable).", valueName: "file[#layer]"))
    var candidates: [String] = []

    @Option(
        name: .customLong("candidate-fields"),
        help: ArgumentHelp("Columns of candidate fields, e.g. name=Nama Pos.", valueName: "k=col,..."),
        transform: Parse.fields(.candidates))
    var candidateFields: [RoleField: String]?

    @Option(
        name: .customLong("post-radius"), help: ArgumentHelp("How far a post reaches (default: the patrol radius).", valueName: "metres"))
    var postRadius: String?

    @Option(
        help: ArgumentHelp(
            "Demand weight of a level, e.g. tinggi=5 (default tinggi=\(w(.tinggi)), sedang=\(w(.sedang)), rendah=\(w(.rendah))) (repeatable).",
            valueName: "level=w"))
    var weight: [String] = []

    @Option(
        name: .customLong("solve-time"),
        help: ArgumentHelp("Time limit of the exact solver (default \(Int(Defaults.solveTime))s).", valueName: "duration"))
    var solveTime: String?

    /// For the peer check (benchmarks/peers/mclp_peer.py): the instance in metric coordinates with
    /// Cakupan's answer, written after the run (single CRS, `--recommend N`).
    @Option(name: .customLong("write-recommend-instance"), help: .hidden)
    var instanceFile: String?

    private static func w(_ level: Level) -> String { JSONWriter.formatNumber(Defaults.recommendWeights[level]!, decimals: 3) }

    func apply(to c: inout OperationConfig) throws {
        c.recommend = try RecommendConfig.fromFlags(recommend: recommend, postRadius: postRadius, weights: weight, solveTime: solveTime)
        c.candidateInputs = candidates.map { text in
            var spec = InputSpec(parsing: text)
            spec.fields = candidateFields ?? [:]
            return spec
        }
    }

    func writeInstance(_ rec: Recommendations?) throws {
        guard let instanceFile else { return }
        guard let instance = rec?.instance else {
            throw CakupanError.usage("--write-recommend-instance needs --recommend N in one CRS (not cover, not per-zone mode)")
        }
        try Data(instance.json().utf8).write(to: URL(fileURLWithPath: instanceFile))
    }
}
