import CakupanCBC
import Foundation

/// Errors of the recommendation solvers: bad input (naming the demand, candidate or list position), or a
/// solver failure.
public enum RecommendError: Error, LocalizedError, Equatable, Sendable {
    /// A demand weight is not a finite number > 0.
    case invalidWeight(demand: Int, weight: Double)
    /// `covers` does not have one list per candidate.
    case coverCountMismatch(candidates: Int, covers: Int)
    /// More demand points than CBC's `int` row indices can address.
    case tooManyDemandPoints(Int)
    /// `covers[candidate][position]` is not a demand index.
    case demandOutOfRange(candidate: Int, position: Int, demand: Int, demandCount: Int)
    /// `covers[candidate]` is not strictly ascending at `position`.
    case coverNotAscending(candidate: Int, position: Int)
    /// The number of posts is negative.
    case invalidPostCount(Int)
    /// The time limit is not a finite number of seconds > 0.
    case invalidTimeLimit(Double)
    /// `list[position]` is not a candidate index (a selection passed to `rankByMarginalGain`).
    case candidateOutOfRange(position: Int, candidate: Int, candidates: Int)
    /// `mustCover[position]` is not a demand index.
    case mustCoverOutOfRange(position: Int, demand: Int, demandCount: Int)
    /// CBC failed; the underlying error says how.
    case solver(CBCError)

    public var errorDescription: String? {
        switch self {
        case .invalidWeight(let demand, let weight): "demand \(demand): weight \(weight) is not a finite number > 0"
        case .coverCountMismatch(let candidates, let covers): "\(candidates) candidates but \(covers) cover lists"
        case .tooManyDemandPoints(let n): "\(n) demand points; at most \(Int32.max) are supported"
        case .demandOutOfRange(let candidate, let position, let demand, let count):
            "candidate \(candidate), cover entry \(position): demand \(demand) is outside 0..<\(count)"
        case .coverNotAscending(let candidate, let position):
            "candidate \(candidate), cover entry \(position): demand indices must be strictly ascending"
        case .invalidPostCount(let n): "number of posts \(n) is negative"
        case .invalidTimeLimit(let s): "time limit \(s) s is not a finite number > 0"
        case .candidateOutOfRange(let position, let candidate, let count):
            "selection entry \(position): candidate \(candidate) is outside 0..<\(count)"
        case .mustCoverOutOfRange(let position, let demand, let count):
            "must-cover entry \(position): demand \(demand) is outside 0..<\(count)"
        case .solver(let error): error.errorDescription
        }
    }
}
