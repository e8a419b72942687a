import Foundation

/// Wall-clock timing of the phases of a run, printed to stderr when CAKUPAN_PROFILE is set. For
/// finding where the time goes; benchmarks measure whole runs. Each line gives the phase's own time,
/// the CPU time the process spent in it (all threads, user + system: on a shared machine the wall
/// time also holds the time other programs had the cores), and the time since the run started
/// (`PhaseClock.startRun()`), so the gaps between phases show too.
public struct PhaseClock {
    private var last = DispatchTime.now()
    private var lastCPU = PhaseClock.cpuSeconds()
    private static let enabled = ProcessInfo.processInfo.environment["CAKUPAN_PROFILE"] != nil
    nonisolated(unsafe) private static var runStart = DispatchTime.now()

    public init() {}

    /// Marks the start of the run (the CLI calls it first thing).
    public static func startRun() {
        runStart = DispatchTime.now()
    }

    /// User + system CPU seconds of the process so far (`getrusage`).
    static func cpuSeconds() -> Double {
        var u = rusage()
        guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &u) == 0 else { return 0 }
        func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return s(u.ru_utime) + s(u.ru_stime)
    }

    /// Prints the time since the last lap (or since the clock was made).
    public mutating func lap(_ phase: String) {
        guard Self.enabled else { return }
        let now = DispatchTime.now()
        let cpu = Self.cpuSeconds()
        let ms = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e6
        let at = Double(now.uptimeNanoseconds - Self.runStart.uptimeNanoseconds) / 1e9
        FileHandle.standardError.write(
            Data(
                "cakupan: profile: \(phase): \(String(format: "%.1f", ms)) ms, CPU \(String(format: "%.2f", cpu - lastCPU)) s (at \(String(format: "%.2f", at)) s)\n"
                    .utf8))
        last = now
        lastCPU = cpu
    }
}
