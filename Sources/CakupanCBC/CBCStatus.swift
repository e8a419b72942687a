internal import CCBC

/// How a CBC solve ended.
public enum CBCTermination: Sendable, Equatable {
    /// The solution is proven optimal (the best bound equals the objective within CBC's tolerances).
    case optimal
    /// No solution satisfies the constraints.
    case infeasible
    /// The linear relaxation is unbounded.
    case unbounded
    /// The search stopped at a limit before proving optimality; a solution may still be available.
    case stopped(CBCLimit)
}

/// The limit that stopped a search early.
public enum CBCLimit: Sendable, Equatable {
    case time, nodes, solutions, iterations, userEvent
}

extension CBCTermination {
    /// Translates CBC's status codes, in this one place.
    ///
    /// With integer columns `Cbc_solve` runs CBC's branch and cut and `Cbc_status` is: 0 finished
    /// (then `Cbc_isProvenOptimal` / `Cbc_isProvenInfeasible` tell which), 1 stopped on a limit (named by
    /// `Cbc_secondaryStatus`: 2 gap, 3 nodes, 4 time, 5 user event, 6 solutions, 8 iterations), 2 abandoned
    /// for numerical difficulties, 5 user interruption. Without integer columns `Cbc_solve` only solves the
    /// LP and returns 0 when it is proven optimal, 1 otherwise; `Cbc_status` is not set then.
    static func read(_ model: UnsafeMutableRawPointer, solveResult: Int32, isMIP: Bool) throws(CBCError) -> CBCTermination {
        if !isMIP {
            if solveResult == 0 { return .optimal }
            if Cbc_isProvenInfeasible(model) != 0 { return .infeasible }
            if Cbc_isContinuousUnbounded(model) != 0 { return .unbounded }
            if Cbc_isAbandoned(model) != 0 { throw .abandoned }
            throw .unexpectedStatus(status: solveResult, secondary: -1)
        }
        let status = Cbc_status(model)
        let secondary = Cbc_secondaryStatus(model)
        switch (status, secondary) {
        case (0, _) where Cbc_isProvenOptimal(model) != 0: return .optimal
        case (0, _) where Cbc_isProvenInfeasible(model) != 0: return .infeasible
        case (0, 1): return .infeasible
        case (0, 7): return .unbounded
        case (0, _) where Cbc_isContinuousUnbounded(model) != 0: return .unbounded
        // Stopped on the allowable gap: CBC's own notion of done. This wrapper sets the gap to 0, so the
        // solution is optimal up to CBC's integrality tolerance.
        case (1, 2): return .optimal
        case (1, 3): return .stopped(.nodes)
        case (1, 4): return .stopped(.time)
        case (1, 5), (5, _): return .stopped(.userEvent)
        case (1, 6): return .stopped(.solutions)
        case (1, 8): return .stopped(.iterations)
        case (2, _): throw .abandoned
        default:
            if Cbc_isAbandoned(model) != 0 { throw .abandoned }
            throw .unexpectedStatus(status: status, secondary: secondary)
        }
    }
}
