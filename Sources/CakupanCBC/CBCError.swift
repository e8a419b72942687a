import Foundation

/// Errors raised by the CBC wrapper. Two families, as for GEOS: the model given was wrong
/// (`invalidModel`, `invalidArgument`), or the solver could not finish (`abandoned`, `unexpectedStatus`).
public enum CBCError: Error, LocalizedError, Equatable, Sendable {
    /// The model is malformed; the message names the column or row.
    case invalidModel(String)
    /// A setting or MIP start value is out of range; the message names it.
    case invalidArgument(String)
    /// CBC abandoned the search because of numerical difficulties (`Cbc_status` 2 or `Cbc_isAbandoned`).
    case abandoned
    /// CBC returned a status this wrapper does not know (`Cbc_status`, `Cbc_secondaryStatus`).
    case unexpectedStatus(status: Int32, secondary: Int32)

    public var errorDescription: String? {
        switch self {
        case .invalidModel(let where_): "invalid CBC model: \(where_)"
        case .invalidArgument(let what): "invalid CBC argument: \(what)"
        case .abandoned: "CBC abandoned the search (numerical difficulties)"
        case .unexpectedStatus(let status, let secondary): "CBC returned status \(status), secondary status \(secondary)"
        }
    }
}
