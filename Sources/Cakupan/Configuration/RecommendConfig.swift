import Foundation

/// What `--recommend` asks for: N new posts covering the most weight (maximal covering), or the fewest
/// posts covering every uncovered tinggi site (set covering).
public enum RecommendMode: Sendable, Equatable {
    case posts(Int)
    case cover

    /// `cover`, or a positive whole number of posts; the reason otherwise.
    public init(parsing text: String, _ fail: (String) -> CakupanError) throws {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if t == "cover" {
            self = .cover
            return
        }
        guard let n = Int(t), n > 0 else {
            throw fail(
                "'\(text)' is not a number of posts: give a whole number greater than 0 (for example 5), or cover (the fewest posts that reach every uncovered tinggi site)"
            )
        }
        self = .posts(n)
    }
}

/// The post recommendation of an operation (`--recommend`, YAML `recommend:` and the keys below);
/// the candidates file is an input role (`--candidates`, YAML `candidates:`). Values are checked where
/// they are read, so an error names the flag or the key, before any file is opened.
public struct RecommendConfig: Sendable, Equatable {
    /// nil: no recommendation.
    public var mode: RecommendMode?
    /// How far a post reaches, metres (default: the patrol radius).
    public var postRadius: Double?
    /// Demand weight per priority/level (`--weight tinggi=5`); unset levels keep `Defaults.recommendWeights`.
    public var weights: [Level: Double] = [:]
    /// CBC's time limit, seconds (default `Defaults.solveTime`).
    public var solveTime: Double?

    public init() {}

    static let keys = ["recommend", "post_radius", "weights", "solve_time"]

    /// Whether a setting is given that does nothing without `mode`.
    var hasSettings: Bool { postRadius != nil || !weights.isEmpty || solveTime != nil }

    /// The weight of a level, defaults filled in.
    public func weight(_ level: Level) -> Double { weights[level] ?? Defaults.recommendWeights[level]! }

    public func overridden(by flags: RecommendConfig) -> RecommendConfig {
        var c = self
        c.mode = flags.mode ?? mode
        c.postRadius = flags.postRadius ?? postRadius
        c.weights.merge(flags.weights) { _, flag in flag }
        c.solveTime = flags.solveTime ?? solveTime
        return c
    }

    /// The flags' values, checked (`--recommend`, `--post-radius`, `--weight` (repeatable), `--solve-time`).
    public static func fromFlags(recommend: String?, postRadius: String?, weights: [String], solveTime: String?) throws -> RecommendConfig {
        func fail(_ flag: String) -> (String) -> CakupanError { { CakupanError.usage("\(flag) \($0)") } }
        var c = RecommendConfig()
        c.mode = try recommend.map { try RecommendMode(parsing: $0, fail("--recommend")) }
        c.postRadius = try postRadius.map { try TemporalConfig.checkedRadius($0, fail("--post-radius")) }
        for item in weights { try c.addWeight(item, fail("--weight")) }
        c.solveTime = try solveTime.map { try checkedSolveTime($0, fail("--solve-time")) }
        return c
    }

    /// `tinggi=5` (levels as priorities are written: tinggi/sedang/rendah, high/medium/low, 3/2/1).
    mutating func addWeight(_ item: String, _ fail: (String) -> CakupanError) throws {
        let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let level = Level(parsing: parts[0]) else {
            throw fail("'\(item)' is not level=weight; write for example tinggi=5 (levels tinggi, sedang, rendah)")
        }
        try setWeight(level, parts[1], fail)
    }

    mutating func setWeight(_ level: Level, _ text: String, _ fail: (String) -> CakupanError) throws {
        guard let w = NumberParsing.decimal(text), w.isFinite, w > 0 else {
            throw fail("weight '\(text)' for \(level.name) is not a number greater than 0")
        }
        weights[level] = w
    }

    static func checkedSolveTime(_ text: String, _ fail: (String) -> CakupanError) throws -> Double {
        guard let s = Quantity.seconds(text), s.isFinite, s > 0 else {
            throw fail("'\(text)' is not a time limit: give a duration greater than 0 (for example 30, 30s or 2m)")
        }
        return s
    }

    /// The keys of operation.yaml: `recommend: 5` or `recommend: cover`, `post_radius: 1 km`,
    /// `weights: {tinggi: 5}`, `solve_time: 30s`.
    static func load(_ map: [String: Any], location: InputLocation) throws -> RecommendConfig {
        func fail(_ key: String) -> (String) -> CakupanError { { CakupanError.input(location.with(field: key), $0) } }
        func scalar(_ key: String) throws -> String? {
            guard let v = map[key], !(v is NSNull) else { return nil }
            if let s = v as? String { return s }
            if let i = v as? Int { return String(i) }
            if let d = v as? Double { return String(d) }
            if let b = v as? Bool { return b ? "true" : "false" }
            throw fail(key)("expected a single value")
        }
        var c = RecommendConfig()
        c.mode = try scalar("recommend").map { try RecommendMode(parsing: $0, fail("recommend")) }
        c.postRadius = try scalar("post_radius").map { try TemporalConfig.checkedRadius($0, fail("post_radius")) }
        c.solveTime = try scalar("solve_time").map { try checkedSolveTime($0, fail("solve_time")) }
        if let w = map["weights"], !(w is NSNull) {
            guard let m = w as? [String: Any] else { throw fail("weights")("expected a mapping such as {tinggi: 5, sedang: 2, rendah: 1}") }
            for key in m.keys.sorted() {
                guard let level = Level(parsing: key) else {
                    throw fail("weights.\(key)")("unknown level; the levels are tinggi, sedang, rendah")
                }
                try c.setWeight(level, "\(m[key]!)", fail("weights.\(key)"))
            }
        }
        return c
    }
}
