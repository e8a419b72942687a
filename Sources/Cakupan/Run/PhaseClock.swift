import Foundation

/// Wall-clock timing of the phases of a run, printed to stderr when CAKUPAN_PROFILE is set. For
/// finding where the time goes; benchmarks measure whole runs. Each line gives the phase's own time
/// and the time since the run started (`PhaseClock.startRun()`), so the gaps between phases show too.
public struct PhaseClock {
    private var last = DispatchTime.now()
    private static let enabled = ProcessInfo.processInfo.environment["CAKUPAN_PROFILE"] != nil
    nonisolated(unsafe) private static var runStart = DispatchTime.now()

    public init() {}

    /// Marks the start of the run (the CLI calls it first thing).
    public static func startRun() {
        runStart = DispatchTime.now()
    }

    /// Prints the time since the last lap (or since the clock was made).
    public mutating func lap(_ phase: String) {
        guard Self.enabled else { return }
        let now = DispatchTime.now()
        let ms = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e6
        let at = Double(now.uptimeNanoseconds - Self.runStart.uptimeNanoseconds) / 1e9
        FileHandle.standardError.write(Data("cakupan: profile: \(phase): \(String(format: "%.1f", ms)) ms (at \(String(format: "%.2f", at)) s)\n".utf8))
        last = now
    }
}
