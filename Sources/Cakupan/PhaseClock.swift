import Foundation

/// Wall-clock timing of the phases of a run, printed to stderr when CAKUPAN_PROFILE is set. For
/// finding where the time goes; benchmarks measure whole runs.
struct PhaseClock {
    private var last = DispatchTime.now()
    private let enabled = ProcessInfo.processInfo.environment["CAKUPAN_PROFILE"] != nil

    mutating func lap(_ phase: String) {
        guard enabled else { return }
        let now = DispatchTime.now()
        let ms = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e6
        FileHandle.standardError.write(Data("cakupan: profile: \(phase): \(String(format: "%.1f", ms)) ms\n".utf8))
        last = now
    }
}
