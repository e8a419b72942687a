import Dispatch
import Foundation
import Synchronization

/// Runs independent pieces of work on all cores. Each piece creates its own GEOS and PROJ contexts
/// (they belong to one thread); only Sendable values go in and come out.
enum Parallel {
    /// The worker count a run was given (`RunServices.threads`), bound by `Pipeline.run` for the run.
    @TaskLocal static var configured: Int?

    /// Worker count: the run's (`RunServices.threads`), else CAKUPAN_THREADS when set, else the number
    /// of active cores.
    static var workers: Int {
        if let n = configured, n > 0 { return n }
        if let s = ProcessInfo.processInfo.environment["CAKUPAN_THREADS"], let n = Int(s), n > 0 { return n }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// `body(i)` for i in 0..<count, concurrently; results in index order. The first error thrown
    /// (by index) is rethrown after all pieces finished.
    static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        if count == 0 { return [] }
        if count == 1 || workers == 1 { return try (0..<count).map(body) }
        let slots = Mutex<[Result<T, Error>?]>(Array(repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { i in
            let r = Result { try body(i) }
            slots.withLock { $0[i] = r }
        }
        return try slots.withLock { results in try results.map { try $0!.get() } }
    }

    /// Splits 0..<count into at most `parts` contiguous ranges of nearly equal size.
    static func chunks(_ count: Int, parts: Int) -> [Range<Int>] {
        let n = max(1, min(parts, count))
        return (0..<n).map { i in (count * i / n)..<(count * (i + 1) / n) }.filter { !$0.isEmpty }
    }
}
