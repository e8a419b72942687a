import Foundation

/// When to print reading progress on stderr.
public enum ProgressMode: Sendable {
    /// When stderr is a terminal, or the environment variable CAKUPAN_PROGRESS is 1.
    case automatic
    /// Always (`--progress`): one line every few seconds when stderr is not a terminal.
    case always
    case never
}

/// A progress line on stderr while a large file is read: "cakupan: reading sites.csv: 1,200,000
/// features (45 %)". Silent for reads shorter than a second. The per-feature cost is one counter
/// increment; the clock is looked at every 1,024 features.
final class ReadProgress {
    /// The process-wide mode (set once by the front end, before reading).
    static var mode: ProgressMode {
        get { modeBox.withLock { $0 } }
        set { modeBox.withLock { $0 = newValue } }
    }
    private static let modeBox = LockedValue(ProgressMode.automatic)

    private let name: String
    private let expected: Int?
    private let fileSize: Int
    private let toTerminal: Bool
    private let enabled: Bool
    private let start = Date()
    private var lastPrint: Date?
    private var count = 0
    private var sampledBytes = 0
    private var printedWidth = 0

    /// - Parameters:
    ///   - expected: the feature count when the driver knows it cheaply.
    ///   - fileSize: bytes of the file, for an estimate when the count is unknown (CSV).
    init(name: String, expected: Int?, fileSize: Int) {
        self.name = name
        self.expected = expected.flatMap { $0 > 0 ? $0 : nil }
        self.fileSize = fileSize
        toTerminal = isatty(STDERR_FILENO) != 0
        switch Self.mode {
        case .never: enabled = false
        case .always: enabled = true
        case .automatic: enabled = toTerminal || ProcessInfo.processInfo.environment["CAKUPAN_PROGRESS"] == "1"
        }
    }

    /// Counts one feature; `bytes` estimates its size in the file (used only for the first 1,024).
    @inline(__always)
    func tick(bytes: @autoclosure () -> Int) {
        count += 1
        guard enabled else { return }
        if count <= 1024 { sampledBytes += bytes() }
        if count & 1023 == 0 { maybePrint() }
    }

    private func maybePrint() {
        let now = Date()
        guard now.timeIntervalSince(start) >= 1 else { return }
        if let lastPrint, now.timeIntervalSince(lastPrint) < (toTerminal ? 0.25 : 5) { return }
        lastPrint = now
        var line = "cakupan: reading \(name): \(Self.grouped(count)) features"
        if let share = share { line += " (\(Int(share * 100)) %)" }
        write(line)
    }

    /// Share read so far: from the known count, else from the average size of the first rows.
    private var share: Double? {
        if let expected { return min(1, Double(count) / Double(expected)) }
        guard sampledBytes > 0, fileSize > 0 else { return nil }
        let estimatedTotal = Double(fileSize) / (Double(sampledBytes) / Double(min(count, 1024)))
        return min(0.99, Double(count) / estimatedTotal)
    }

    private func write(_ line: String) {
        if toTerminal {
            let pad = String(repeating: " ", count: max(0, printedWidth - line.count))
            FileHandle.standardError.write(Data("\r\(line)\(pad)".utf8))
            printedWidth = line.count
        } else {
            FileHandle.standardError.write(Data("\(line)\n".utf8))
        }
    }

    /// Ends the progress line (with the final count) if one was printed.
    func finish() {
        guard lastPrint != nil else { return }
        let line = "cakupan: read \(name): \(Self.grouped(count)) features in \(Int(Date().timeIntervalSince(start).rounded())) s"
        write(line)
        if toTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    static func grouped(_ n: Int) -> String {
        var digits = Array(String(n))
        var i = digits.count - 3
        while i > 0 {
            digits.insert(",", at: i)
            i -= 3
        }
        return String(digits)
    }
}

/// A value behind a lock (for the process-wide progress setting).
final class LockedValue<T>: @unchecked Sendable {
    private var value: T
    private let lock = NSLock()
    init(_ value: T) { self.value = value }
    func withLock<R>(_ body: (inout T) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
