import CakupanGDAL

/// A spreadsheet sheet (XLSX, ODS) as a table: GDAL reads every row as text with no header
/// (`OGR_XLSX_HEADERS=DISABLE`), and the header is found here: official lists often carry a title
/// block above it ("DAFTAR TPS PILKADA 2024 / KOTA KUPANG"). The header is the first of the first
/// 30 rows that names coordinate columns (or the columns mapped explicitly); without one, the first
/// row with two or more filled cells. Rows after it are the data rows (row 1 = the first after the
/// header); empty rows are left out.
struct SheetTable {
    let fieldNames: [String]
    /// The data rows, `index` 0-based in data order.
    let rows: [VectorFeature]
    /// The sheet row (1-based) of each data row.
    private let sheetRows: [Int]
    let warnings: [String]

    init(layer: VectorLayer, fields: [RoleField: String]) throws {
        var raw: [[FieldValue]] = []
        warnings = try layer.forEachFeature { raw.append($0.values) }
        func texts(_ row: [FieldValue]) -> [String] { row.map { InputFeature.trimmed($0.text ?? "") } }
        let mapped = Set(fields.values.map(CSVColumns.key))
        let header =
            raw.prefix(30).firstIndex { row in
                let keys = texts(row).map(CSVColumns.key)
                return keys.contains { CSVColumns.coordinateNames.contains($0) || mapped.contains($0) }
            } ?? raw.prefix(30).firstIndex { row in texts(row).filter { !$0.isEmpty }.count >= 2 } ?? 0
        var names = raw.isEmpty ? [] : texts(raw[header])
        // Unnamed columns keep GDAL's names; a repeated name gets a suffix.
        var seen: [String: Int] = [:]
        for i in names.indices {
            if names[i].isEmpty { names[i] = "Field\(i + 1)" }
            let n = seen[names[i], default: 0]
            seen[names[i]] = n + 1
            if n > 0 { names[i] += "_\(n + 1)" }
        }
        fieldNames = names
        var rows: [VectorFeature] = []
        var sheetRows: [Int] = []
        for r in raw.indices where r > header && texts(raw[r]).contains(where: { !$0.isEmpty }) {
            rows.append(VectorFeature(index: rows.count, fid: Int64(rows.count + 1), values: raw[r]))
            sheetRows.append(r + 1)
        }
        self.rows = rows
        self.sheetRows = sheetRows
    }

    func sheetRow(of index: Int) -> Int { sheetRows[index] }
}
