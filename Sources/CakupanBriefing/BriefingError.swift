import Foundation

/// Why a briefing could not be made. Every message names the file (or option) and what is wrong,
/// e.g. `summary.json: missing key 'areas'`.
public enum BriefingError: Error, LocalizedError, Equatable, Sendable {
    /// A file the result folder must hold is not there (`file` is its name, e.g. `gaps.geojson`).
    case missingFile(String)
    /// A file is there but is not what docs/outputs.md describes; `detail` says where and what.
    case invalidFile(String, detail: String)
    /// A briefing option has a value the renderer refuses; `detail` lists what is allowed.
    case invalidOption(String, detail: String)

    public var errorDescription: String? {
        switch self {
        case .missingFile(let file): "\(file): file not found in the result folder"
        case .invalidFile(let file, let detail): "\(file): \(detail)"
        case .invalidOption(let name, let detail): "option '\(name)': \(detail)"
        }
    }
}
