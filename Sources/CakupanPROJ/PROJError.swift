import Foundation

/// Errors raised by the PROJ wrapper.
public enum PROJError: Error, CustomStringConvertible, Sendable {
    /// A CRS definition PROJ does not understand ("EPSG:99999", a broken WKT).
    case unknownCRS(definition: String, message: String)
    /// No transformation between two CRSs could be created.
    case noTransformation(from: String, to: String, message: String)
    /// A coordinate could not be transformed (outside the projection's domain, NaN, …).
    case transformFailed(x: Double, y: Double, message: String)

    public var description: String {
        switch self {
        case .unknownCRS(let definition, let message):
            "unknown coordinate reference system \(definition.prefix(80)): \(message)"
        case .noTransformation(let from, let to, let message):
            "no transformation from \(from.prefix(80)) to \(to.prefix(80)): \(message)"
        case .transformFailed(let x, let y, let message):
            "cannot transform coordinate (\(x), \(y)): \(message)"
        }
    }
}

extension PROJError: LocalizedError {
    public var errorDescription: String? { description }
}
