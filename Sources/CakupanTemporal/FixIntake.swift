/// The sequential front of `VisitEngine`: checks each fix, numbers its unit and queues it for the
/// processor (thread) that owns the unit.
struct FixIntake {
    /// Fixes queued in all batches before they are handed over.
    static let batchSize = 1 << 17

    var units = UnitTable()
    /// One batch per processor.
    var batches: [[QueuedFix]]
    var queued = 0
    /// Fixes accepted so far.
    var received = 0
    var finished = false

    init(processors: Int) {
        batches = Array(repeating: [], count: processors)
    }

    /// Checks and queues a fix; true when the batches are full and should be handed over.
    /// - Throws: `TemporalError.invalidFix` naming the line, `.engineFinished`.
    mutating func add(name: String, time: Double, x: Double, y: Double, line: Int) throws -> Bool {
        guard !finished else { throw TemporalError.engineFinished }
        guard time.isFinite else { throw TemporalError.invalidFix(line: line, unit: name, field: "time") }
        guard x.isFinite, y.isFinite else { throw TemporalError.invalidFix(line: line, unit: name, field: "x/y") }
        return queue(unit: units.number(for: name), time: time, x: x, y: y)
    }

    /// Like `add(name:…)` for a unit already numbered by `units`.
    mutating func add(unit: Int, time: Double, x: Double, y: Double, line: Int) throws -> Bool {
        guard !finished else { throw TemporalError.engineFinished }
        guard unit >= 0, unit < units.names.count else {
            throw TemporalError.invalidParameter(
                name: "unit", value: "\(unit)", reason: "not a number given by unitNumber(for:)")
        }
        let name = units.names[unit]
        guard time.isFinite else { throw TemporalError.invalidFix(line: line, unit: name, field: "time") }
        guard x.isFinite, y.isFinite else { throw TemporalError.invalidFix(line: line, unit: name, field: "x/y") }
        return queue(unit: unit, time: time, x: x, y: y)
    }

    private mutating func queue(unit: Int, time: Double, x: Double, y: Double) -> Bool {
        batches[unit % batches.count].append(
            QueuedFix(unit: Int32(unit), point: TrackPoint(time: time, x: x, y: y)))
        received += 1
        queued += 1
        return queued >= Self.batchSize
    }
}
