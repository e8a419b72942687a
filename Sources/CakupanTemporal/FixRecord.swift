/// One row of a fixes CSV, as read: lon/lat still in degrees (the caller projects them).
public struct FixRecord: Hashable, Sendable {
    /// The unit column's text, trimmed.
    public var unit: String
    /// Seconds since the Unix epoch, UTC.
    public var time: Double
    /// The lon (or x) column's value.
    public var lon: Double
    /// The lat (or y) column's value.
    public var lat: Double
    /// The row as a spreadsheet numbers it: header = 1, first data row = 2 (blank rows count).
    public var line: Int

    public init(unit: String, time: Double, lon: Double, lat: Double, line: Int) {
        self.unit = unit
        self.time = time
        self.lon = lon
        self.lat = lat
        self.line = line
    }
}

/// What a `FixCSVReader` pass found out about the file.
public struct FixCSVSummary: Hashable, Sendable {
    /// The field separator detected from the header: `,`, `;` or a tab.
    public var separator: Character
    /// The header names used for unit, time, lon and lat, as written; `unitColumn` is nil when the
    /// file has none (every fix is then unit `unit`).
    public var unitColumn: String?
    /// The time column, or the time-of-day column beside `dateColumn`.
    public var timeColumn: String
    public var dateColumn: String?
    public var lonColumn: String
    public var latColumn: String
    /// Data rows handed to the caller.
    public var rows: Int
    /// Rows skipped because every field was empty.
    public var blankRows: Int
    /// Rows skipped because their time (or date) was empty.
    public var untimed: Int
    /// The lines of the first untimed rows (at most `FixCSVReader.listedUntimedLines`).
    public var untimedLines: [Int]
    /// The unit given to every fix when the file has no unit column.
    public var unit: String?
}
