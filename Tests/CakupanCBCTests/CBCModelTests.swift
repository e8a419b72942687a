import CakupanCBC
import Testing

/// Small programmes solved by hand, through the wrapper alone.
@Suite struct CBCModelTests {
    /// 0-1 knapsack: values 10, 13, 7, 8, sizes 3, 4, 2, 3, capacity 7. By enumeration the best is items
    /// 0 and 1 (size 7, value 23); the LP relaxation takes items 2, 0 and half of 1 (value 23.5), so the
    /// integer answer needs branching or cuts.
    @Test func binaryKnapsack() throws {
        var mip = SparseMIP(sense: .maximize)
        let row = mip.addRow(lower: -.infinity, upper: 7)
        for (value, size) in [(10.0, 3.0), (13, 4), (7, 2), (8, 3)] {
            mip.addColumn(lower: 0, upper: 1, objective: value, isInteger: true, rows: [row], coefficients: [size])
        }
        let solution = try CBCModel(mip).solve()
        #expect(solution.termination == .optimal)
        #expect(abs(solution.objective! - 23) < 1e-9)
        #expect(abs(solution.bestBound - 23) < 1e-6)
        #expect(solution.values!.map { $0.rounded() } == [1, 1, 0, 0])
    }

    /// The same knapsack minimised with negated values gives the negated optimum: the sense is honoured.
    @Test func minimiseNegatedKnapsack() throws {
        var mip = SparseMIP(sense: .minimize)
        let row = mip.addRow(lower: -.infinity, upper: 7)
        for (value, size) in [(10.0, 3.0), (13, 4), (7, 2), (8, 3)] {
            mip.addColumn(lower: 0, upper: 1, objective: -value, isInteger: true, rows: [row], coefficients: [size])
        }
        let solution = try CBCModel(mip).solve()
        #expect(solution.termination == .optimal)
        #expect(abs(solution.objective! + 23) < 1e-9)
    }

    /// max x + y, x + 2y ≤ 4, 3x + y ≤ 6, continuous: the vertex x = 1.6, y = 1.2, objective 2.8.
    @Test func pureLinearProgramme() throws {
        var mip = SparseMIP(sense: .maximize)
        let a = mip.addRow(lower: -.infinity, upper: 4)
        let b = mip.addRow(lower: -.infinity, upper: 6)
        mip.addColumn(lower: 0, upper: .infinity, objective: 1, isInteger: false, rows: [a, b], coefficients: [1, 3])
        mip.addColumn(lower: 0, upper: .infinity, objective: 1, isInteger: false, rows: [a, b], coefficients: [2, 1])
        let solution = try CBCModel(mip).solve()
        #expect(solution.termination == .optimal)
        #expect(abs(solution.objective! - 2.8) < 1e-9)
        #expect(abs(solution.values![0] - 1.6) < 1e-9 && abs(solution.values![1] - 1.2) < 1e-9)
    }

    /// A binary x with x ≥ 2 has no solution.
    @Test func infeasibleIsReported() throws {
        var mip = SparseMIP(sense: .minimize)
        let row = mip.addRow(lower: 2, upper: .infinity)
        mip.addColumn(lower: 0, upper: 1, objective: 1, isInteger: true, rows: [row], coefficients: [1])
        mip.addColumn(lower: 0, upper: 1, objective: 1, isInteger: true, rows: [], coefficients: [])
        let solution = try CBCModel(mip).solve()
        #expect(solution.termination == .infeasible)
        #expect(solution.values == nil && solution.objective == nil)
    }

    /// A MIP start that is already optimal is kept; the answer does not change.
    @Test func mipStartIsAccepted() throws {
        var mip = SparseMIP(sense: .maximize)
        let row = mip.addRow(lower: -.infinity, upper: 7)
        for (value, size) in [(10.0, 3.0), (13, 4), (7, 2), (8, 3)] {
            mip.addColumn(lower: 0, upper: 1, objective: value, isInteger: true, rows: [row], coefficients: [size])
        }
        let model = try CBCModel(mip)
        try model.setMIPStart(columns: [0, 1], values: [1, 1])
        try model.setTimeLimit(seconds: 10)
        let solution = try model.solve()
        #expect(solution.termination == .optimal)
        #expect(abs(solution.objective! - 23) < 1e-9)
    }

    @Test func badModelsAndArgumentsAreRefused() throws {
        var mip = SparseMIP(sense: .maximize)
        mip.addRow(lower: 0, upper: 1)
        mip.addColumn(lower: 0, upper: 1, objective: 1, isInteger: true, rows: [3], coefficients: [1])
        #expect(throws: CBCError.invalidModel("column 0: row 3 out of range 0..<1")) { try CBCModel(mip) }

        var crossed = SparseMIP(sense: .maximize)
        crossed.addColumn(lower: 2, upper: 1, objective: 1, isInteger: false, rows: [], coefficients: [])
        #expect(throws: CBCError.self) { try CBCModel(crossed) }

        var ok = SparseMIP(sense: .maximize)
        ok.addColumn(lower: 0, upper: 1, objective: 1, isInteger: true, rows: [], coefficients: [])
        let model = try CBCModel(ok)
        #expect(throws: CBCError.self) { try model.setTimeLimit(seconds: 0) }
        #expect(throws: CBCError.self) { try model.setMIPStart(columns: [5], values: [1]) }
    }

    @Test func versionIsReported() {
        #expect(CBCModel.version.first?.isNumber == true)
    }
}
