/// Warnings collected during a run, in the order they happened. Printed to stderr by the CLI and kept
/// in summary.json. Repairs and skips are also counted by kind.
public struct Warnings: Sendable {
    public private(set) var messages: [String] = []
    /// Count per kind ("repaired_polygons", "skipped_features", …), for summary.json.
    public private(set) var counts: [String: Int] = [:]

    public init() {}

    public mutating func add(_ message: String, kind: String? = nil) {
        messages.append(message)
        if let kind { counts[kind, default: 0] += 1 }
    }

    public mutating func append(contentsOf other: Warnings) {
        messages += other.messages
        for (k, v) in other.counts { counts[k, default: 0] += v }
    }
}
