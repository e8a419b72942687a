import Foundation

/// Errors raised by the GEOS wrapper.
public enum GEOSError: Error, CustomStringConvertible, Sendable {
    /// A GEOS function reported an exception; `message` is what GEOS's error handler said.
    case library(function: String, message: String)
    /// The input cannot form a GEOS geometry (for example a ring with fewer than 4 coordinates).
    case invalidGeometry(String)

    public var description: String {
        switch self {
        case .library(let function, let message):
            "GEOS \(function) failed: \(message.isEmpty ? "no message" : message)"
        case .invalidGeometry(let reason):
            "invalid geometry: \(reason)"
        }
    }
}

extension GEOSError: LocalizedError {
    public var errorDescription: String? { description }
}
