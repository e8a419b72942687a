import CakupanRecommend
import Foundation

// cakupan-mclp-bench: times Cakupan's exact maximal covering on a seeded instance (docs/benchmarks.md,
// "Recommendations (MCLP)"). Prints one JSON object on stdout.
//
//   cakupan-mclp-bench [--demand 25000] [--candidates 5000] [--radius 3000] [--posts 25] [--seed 7]
//                      [--time-limit 60] [--write-instance FILE] [--read-instance FILE]

let usage = """
    usage: cakupan-mclp-bench [--demand N] [--candidates N] [--radius METRES] [--posts N] [--seed N]
                              [--time-limit SECONDS] [--write-instance FILE] [--read-instance FILE]
    """
var options: [String: String] = [:]
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    guard flag.hasPrefix("--"), let value = arguments.popFirst() else {
        FileHandle.standardError.write(Data((usage + "\n").utf8))
        exit(2)
    }
    options[String(flag.dropFirst(2))] = value
}
let known: Set = ["demand", "candidates", "radius", "posts", "seed", "time-limit", "write-instance", "read-instance"]
if let unknown = options.keys.first(where: { !known.contains($0) }) {
    FileHandle.standardError.write(Data("cakupan-mclp-bench: unknown option --\(unknown)\n\(usage)\n".utf8))
    exit(2)
}
@MainActor func number(_ name: String, _ fallback: Double) -> Double {
    guard let text = options[name] else { return fallback }
    guard let value = Double(text) else {
        FileHandle.standardError.write(Data("cakupan-mclp-bench: --\(name) \(text) is not a number\n".utf8))
        exit(2)
    }
    return value
}

do {
    let clock = ContinuousClock()
    let instance: Instance
    if let path = options["read-instance"] {
        instance = try Instance.read(from: path)
    } else {
        let radius = number("radius", 3000)
        guard (500...3000).contains(radius) else {
            FileHandle.standardError.write(Data("cakupan-mclp-bench: --radius must be 500 … 3000 m\n".utf8))
            exit(2)
        }
        instance = Instance.generate(
            demand: Int(number("demand", 25_000)), candidates: Int(number("candidates", 5000)),
            radius: radius, posts: Int(number("posts", 25)), seed: UInt64(number("seed", 7)))
    }
    if let path = options["write-instance"] { try instance.write(to: path) }

    let buildStart = clock.now
    let covers = coverSets(
        demandX: instance.demand.x, demandY: instance.demand.y,
        candidateX: instance.candidates.x, candidateY: instance.candidates.y, radius: instance.radius_m)
    let problem = try CoverageProblem(weights: instance.demand.weight, candidates: covers.count, covers: covers)
    let buildSeconds = (clock.now - buildStart) / .seconds(1)

    let r = try maximalCovering(problem, posts: instance.posts, timeLimitSeconds: number("time-limit", 60))
    let fields: [(String, String)] = [
        ("demand", "\(problem.demandCount)"), ("candidates", "\(problem.candidates)"),
        ("radius_m", "\(instance.radius_m)"), ("posts", "\(instance.posts)"),
        ("nonzeros", "\(covers.reduce(0) { $0 + $1.count })"),
        ("objective", "\(r.objective)"), ("bound", "\(r.bestBound)"), ("optimal", "\(r.optimal)"),
        ("gap_percent", "\(r.gapPercent)"), ("greedy_objective", "\(r.greedyObjective)"),
        ("coverable_weight", "\(r.coverableWeight)"), ("uncoverable", "\(r.uncoverable.count)"),
        ("posts_used", "\(r.selected.count)"), ("selected", "\(r.selected.sorted())"),
        ("build_seconds", String(format: "%.3f", buildSeconds)), ("solve_seconds", String(format: "%.3f", r.seconds)),
        ("solver", "\"\(r.solver)\""),
    ]
    print("{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
} catch {
    FileHandle.standardError.write(Data("cakupan-mclp-bench: \(error.localizedDescription)\n".utf8))
    exit(1)
}
