/// A mixed-integer linear programme in plain Swift values, stored column by column (compressed sparse
/// column, the layout `Cbc_loadProblem` takes). Nothing here touches CBC; `CBCModel` loads it once.
///
/// Rows are ranges `lower ≤ a·x ≤ upper`; use `-.infinity` / `.infinity` for a missing side. Column and
/// row indices are `Int32` because CBC's C interface counts in `int`.
public struct SparseMIP: Sendable {
    /// Direction of optimisation.
    public enum Sense: Sendable, Equatable {
        case minimize, maximize
    }

    public var sense: Sense
    /// `columnStarts[j] ..< columnStarts[j + 1]` are the entries of column `j` in `rowIndices`/`values`.
    public private(set) var columnStarts: [Int32] = [0]
    public private(set) var rowIndices: [Int32] = []
    public private(set) var values: [Double] = []
    public private(set) var columnLower: [Double] = []
    public private(set) var columnUpper: [Double] = []
    public private(set) var objective: [Double] = []
    /// Columns restricted to integer values, ascending.
    public private(set) var integerColumns: [Int32] = []
    public private(set) var rowLower: [Double] = []
    public private(set) var rowUpper: [Double] = []

    public init(sense: Sense) {
        self.sense = sense
    }

    public var columnCount: Int { objective.count }
    public var rowCount: Int { rowLower.count }
    public var nonZeroCount: Int { values.count }

    /// Adds the row `lower ≤ a·x ≤ upper` (its entries come with the columns) and returns its index.
    @discardableResult
    public mutating func addRow(lower: Double, upper: Double) -> Int32 {
        rowLower.append(lower)
        rowUpper.append(upper)
        return Int32(rowLower.count - 1)
    }

    /// Adds a column with bounds `lower ≤ x ≤ upper`, objective coefficient `objective` and the entries
    /// `coefficients[k]` in rows `rows[k]` (rows already added), and returns its index.
    @discardableResult
    public mutating func addColumn(
        lower: Double, upper: Double, objective cost: Double, isInteger: Bool,
        rows: [Int32], coefficients: [Double]
    ) -> Int32 {
        precondition(rows.count == coefficients.count, "one coefficient per row entry")
        let index = Int32(objective.count)
        columnLower.append(lower)
        columnUpper.append(upper)
        objective.append(cost)
        if isInteger { integerColumns.append(index) }
        rowIndices.append(contentsOf: rows)
        values.append(contentsOf: coefficients)
        columnStarts.append(Int32(values.count))
        return index
    }

    /// Checks what CBC would otherwise accept silently or abort on: row indices in range, no repeated row
    /// within a column, finite coefficients and objective, bounds not crossed and not NaN.
    public func validate() throws(CBCError) {
        for j in 0..<columnCount {
            guard !columnLower[j].isNaN, !columnUpper[j].isNaN, columnLower[j] <= columnUpper[j] else {
                throw .invalidModel("column \(j): bounds [\(columnLower[j]), \(columnUpper[j])]")
            }
            guard objective[j].isFinite else { throw .invalidModel("column \(j): objective \(objective[j])") }
            var seen = Set<Int32>()
            for k in Int(columnStarts[j])..<Int(columnStarts[j + 1]) {
                let row = rowIndices[k]
                guard row >= 0, Int(row) < rowCount else {
                    throw .invalidModel("column \(j): row \(row) out of range 0..<\(rowCount)")
                }
                guard seen.insert(row).inserted else { throw .invalidModel("column \(j): row \(row) twice") }
                guard values[k].isFinite else { throw .invalidModel("column \(j), row \(row): coefficient \(values[k])") }
            }
        }
        for i in 0..<rowCount where rowLower[i].isNaN || rowUpper[i].isNaN || rowLower[i] > rowUpper[i] {
            throw .invalidModel("row \(i): bounds [\(rowLower[i]), \(rowUpper[i])]")
        }
    }
}
