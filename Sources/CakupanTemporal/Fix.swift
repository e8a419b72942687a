/// One GPS fix of a patrol unit, already projected to metres.
///
/// The engine takes fixes in any interleaving of units; within one unit they should arrive in time order
/// (see `VisitEngine` for what happens when they do not).
public struct Fix: Hashable, Sendable {
    /// The patrol unit (vehicle, callsign) as written in the source.
    public var unit: String
    /// Seconds since the Unix epoch, UTC.
    public var time: Double
    /// Easting in metres, in the caller's projected CRS.
    public var x: Double
    /// Northing in metres, in the caller's projected CRS.
    public var y: Double
    /// Where the fix came from, for error messages: the spreadsheet row (header = 1), 0 when unknown.
    public var line: Int

    public init(unit: String, time: Double, x: Double, y: Double, line: Int = 0) {
        self.unit = unit
        self.time = time
        self.x = x
        self.y = y
        self.line = line
    }
}
