internal import CCBC
import Synchronization

/// CBC's solve goes through its command-line driver (`CbcMain0` when a model is made, `CbcMain1` to
/// solve), which keeps parsing state in process globals; two at once in one process would race. Every
/// `Cbc_newModel` and `Cbc_solve` therefore holds this lock: solves in one process run one at a time.
private let cbcDriverLock = Mutex(())

/// The result of `CBCModel.solve()`, as plain values.
public struct CBCSolution: Sendable {
    public var termination: CBCTermination
    /// Objective of the best solution found (`Cbc_getObjValue`), in the model's own sense and units; nil
    /// when no feasible solution was found.
    public var objective: Double?
    /// Best possible objective (`Cbc_getBestPossibleObjValue`): an upper bound when maximising, a lower
    /// bound when minimising. Equals `objective` (within tolerance) when optimal.
    public var bestBound: Double
    /// Value of every column in the best solution (`Cbc_bestSolution`); nil when there is none.
    public var values: [Double]?
    /// Branch-and-bound nodes explored (`Cbc_getNodeCount`; 0 for a pure LP).
    public var nodeCount: Int
}

/// Owns one `Cbc_Model*` (`Cbc_newModel` … `Cbc_deleteModel`) loaded with one `SparseMIP`.
///
/// The only code in Cakupan that touches CBC pointers. Not `Sendable`: a model belongs to one task; only
/// `SparseMIP` and `CBCSolution` values cross between tasks.
///
/// Settings fixed here for reproducibility: log level 0 (silent), `threads 0` (CBC's serial search: the
/// same model and settings give the same solution on every run of the same build), relative and
/// absolute allowable gap 0, time limit measured in elapsed (wall-clock) seconds.
public final class CBCModel {
    /// `Cbc_Model` is `typedef void`, so the pointer imports as a raw pointer.
    let pointer: UnsafeMutableRawPointer
    public let columnCount: Int
    let isMIP: Bool

    /// CBC's version string (`Cbc_getVersion`), for example "2.10.8".
    public static var version: String { String(cString: Cbc_getVersion()) }

    /// Validates `mip` and loads it into a new CBC model (`Cbc_newModel`, `Cbc_loadProblem`,
    /// `Cbc_setInteger`, `Cbc_setObjSense`).
    public init(_ mip: SparseMIP) throws(CBCError) {
        try mip.validate()
        // Cbc_newModel never returns NULL (it uses C++ new, which throws instead). It runs CbcMain0, which
        // sets up the same driver state as a solve, so it takes the same lock.
        pointer = cbcDriverLock.withLock { _ in Cbc_newModel() }
        columnCount = mip.columnCount
        isMIP = !mip.integerColumns.isEmpty

        // CBC's infinity is DBL_MAX (COIN_DBL_MAX), not IEEE infinity.
        func finite(_ v: [Double]) -> [Double] {
            v.map { $0 == .infinity ? .greatestFiniteMagnitude : $0 == -.infinity ? -.greatestFiniteMagnitude : $0 }
        }
        let starts = mip.columnStarts.map { CoinBigIndex($0) }
        let rowLower = finite(mip.rowLower)
        let rowUpper = finite(mip.rowUpper)
        let columnLower = finite(mip.columnLower)
        let columnUpper = finite(mip.columnUpper)
        // Cbc_loadProblem copies every array (into the OsiClp solver); returns nothing.
        Cbc_loadProblem(
            pointer, Int32(mip.columnCount), Int32(mip.rowCount), starts, mip.rowIndices, mip.values,
            columnLower, columnUpper, mip.objective, rowLower, rowUpper)
        for j in mip.integerColumns { Cbc_setInteger(pointer, j) }
        Cbc_setObjSense(pointer, mip.sense == .maximize ? -1 : 1)
        // Parameters are passed to CbcMain1 as command-line words at solve time; the last one wins.
        // Silent: the LP-only path logs through the message handlers (Cbc_setLogLevel), the MIP path
        // through CbcMain1's parameters (log, slog).
        Cbc_setLogLevel(pointer, 0)
        parameter("log", "0")
        parameter("slog", "0")
        parameter("threads", "0")
        parameter("timeMode", "elapsed")
        parameter("ratioGap", "0")
        parameter("allowableGap", "0")
    }

    deinit {
        Cbc_deleteModel(pointer)
    }

    private func parameter(_ name: String, _ value: String) {
        Cbc_setParameter(pointer, name, value)
    }

    /// Stops the search after `seconds` of elapsed (wall-clock) time (CBC parameter `sec`); the best
    /// solution found so far is returned with `.stopped(.time)`. CBC checks the clock as its search goes,
    /// so a very large model may run past the limit before a check.
    public func setTimeLimit(seconds: Double) throws(CBCError) {
        guard seconds.isFinite, seconds > 0 else { throw .invalidArgument("time limit \(seconds) s") }
        parameter("sec", String(seconds))
    }

    /// Gives CBC a feasible solution to start from (`Cbc_setMIPStartI`): `values[k]` for column
    /// `columns[k]`. Only the integer columns need to be given; CBC completes the others. Columns not
    /// listed are taken as 0.
    public func setMIPStart(columns: [Int32], values: [Double]) throws(CBCError) {
        guard columns.count == values.count else { throw .invalidArgument("MIP start: \(columns.count) columns, \(values.count) values") }
        for (k, c) in columns.enumerated() where c < 0 || Int(c) >= columnCount || !values[k].isFinite {
            throw .invalidArgument("MIP start entry \(k): column \(c) = \(values[k])")
        }
        // Cbc_setMIPStartI copies the values (by column name) into the model; returns nothing.
        Cbc_setMIPStartI(pointer, Int32(columns.count), columns, values)
        // CBC 2.10's default preprocessing ("sos") turns a clique row (Σ x ≤ 1) into an equality with a new
        // slack column; reading the MIP start then asks for that column's name and CbcMain1 gives up
        // ("Illegal index in ClpModel::getColumnName", status -1). Plain preprocessing keeps the columns.
        parameter("preprocess", "on")
    }

    /// Solves (`Cbc_solve`, serialised process-wide) and reads the outcome.
    public func solve() throws(CBCError) -> CBCSolution {
        let result = cbcDriverLock.withLock { _ in Cbc_solve(pointer) }
        let termination = try CBCTermination.read(pointer, solveResult: result, isMIP: isMIP)
        // Cbc_bestSolution is NULL when branch and cut found no integer solution; a pure LP reads the
        // solver's column solution, which is valid only when the LP was solved.
        let best: UnsafePointer<Double>?
        if isMIP {
            best = Cbc_bestSolution(pointer).map { UnsafePointer($0) }
        } else {
            best = termination == .optimal ? Cbc_getColSolution(pointer) : nil
        }
        let values = best.map { Array(UnsafeBufferPointer(start: $0, count: columnCount)) }
        var bound = Cbc_getBestPossibleObjValue(pointer)
        let objective = values == nil ? nil : Cbc_getObjValue(pointer)
        if !isMIP, let objective { bound = objective }
        return CBCSolution(
            termination: termination, objective: objective, bestBound: bound, values: values,
            nodeCount: isMIP ? Int(Cbc_getNodeCount(pointer)) : 0)
    }
}
