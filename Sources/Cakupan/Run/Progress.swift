import Foundation
import Synchronization

/// A progress line on stderr for long runs: "cakupan: [2/4] sites 12000/25000". Silent for the first
/// 1.5 s, so quick runs print nothing; redrawn at most ten times a second. Thread-safe: analysis
/// tasks call `advance` from any thread.
public final class Progress: Sendable {
    private struct State {
        var phase = ""
        var step = 0
        var done = 0
        var total = 0
        var lastDraw = 0.0
        var drawn = false
    }
    private let state = Mutex(State())
    private let started = Date()
    private let steps: Int
    private let enabled: Bool

    /// - Parameter enabled: print at all (the CLI enables it on a terminal, or with --progress).
    public init(enabled: Bool, steps: Int = 4) {
        self.enabled = enabled
        self.steps = steps
    }

    /// Starts a phase of `total` items.
    public func begin(_ phase: String, total: Int) {
        guard enabled else { return }
        state.withLock {
            $0.phase = phase
            $0.step += 1
            $0.done = 0
            $0.total = total
        }
        draw(force: true)
    }

    public func advance(_ n: Int = 1) {
        guard enabled else { return }
        state.withLock { $0.done += n }
        draw(force: false)
    }

    /// Ends the line, if one was drawn.
    public func finish() {
        guard enabled else { return }
        let drawn = state.withLock { $0.drawn }
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    private func draw(force: Bool) {
        let elapsed = Date().timeIntervalSince(started)
        guard elapsed > 1.5 else { return }
        let line: String? = state.withLock { s in
            guard force || elapsed - s.lastDraw > 0.1 else { return nil }
            s.lastDraw = elapsed
            s.drawn = true
            let count = s.total > 0 ? " \(s.done)/\(s.total)" : ""
            return "\rcakupan: [\(min(s.step, steps))/\(steps)] \(s.phase)\(count)   "
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }
}
