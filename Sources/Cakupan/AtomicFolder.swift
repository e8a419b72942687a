import Foundation

/// Writes a set of files into a folder all at once: everything goes to a temporary folder beside the
/// destination, and only when every file is written is the temporary folder moved into place. A run
/// that fails leaves the previous results untouched.
public enum AtomicFolder {
    /// Writes `files` (name → content) as the folder `destination`, replacing the files of the same
    /// names there; other files already in the folder are kept.
    public static func write(_ files: [(name: String, data: Data)], to destination: URL) throws {
        let fm = FileManager.default
        let parent = destination.deletingLastPathComponent()
        if let blocker = fileInTheWay(of: parent) {
            throw CakupanError.usage("output folder \(destination.path) cannot be created: \(blocker.path) is a file, not a folder; choose another --out")
        }
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw CakupanError.usage("output folder \(destination.path): its parent folder cannot be created (\(reason(error)))")
        }
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw CakupanError.usage("output folder \(destination.path) cannot be written (\(reason(error)))")
        }
        defer { try? fm.removeItem(at: staging) }
        do {
            // Keep files of the old folder that this run does not write (notes, other exports).
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: destination.path, isDirectory: &isDir) {
                guard isDir.boolValue else { throw CakupanError.usage("output path \(destination.path) is a file, not a folder") }
                let names = Set(files.map(\.name))
                for existing in try fm.contentsOfDirectory(atPath: destination.path) where !names.contains(existing) {
                    try fm.copyItem(at: destination.appendingPathComponent(existing), to: staging.appendingPathComponent(existing))
                }
            }
            for f in files {
                try f.data.write(to: staging.appendingPathComponent(f.name))
            }
        } catch let error as CakupanError {
            throw error
        } catch {
            throw CakupanError.usage("output folder \(destination.path) cannot be written (\(reason(error)))")
        }
        // Swap: old → backup, staging → destination, then drop the backup.
        let backup = parent.appendingPathComponent(".\(destination.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: backup)
        let hadOld = fm.fileExists(atPath: destination.path)
        do {
            if hadOld { try fm.moveItem(at: destination, to: backup) }
            try fm.moveItem(at: staging, to: destination)
        } catch {
            if hadOld && !fm.fileExists(atPath: destination.path) { try? fm.moveItem(at: backup, to: destination) }
            throw CakupanError.usage("output folder \(destination.path) cannot be replaced (\(reason(error)))")
        }
        try? fm.removeItem(at: backup)
    }

    /// The nearest existing ancestor of `folder` (itself included) when it is not a folder.
    private static func fileInTheWay(of folder: URL) -> URL? {
        var url = folder.standardizedFileURL
        while true {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) {
                return isDir.boolValue ? nil : url
            }
            let up = url.deletingLastPathComponent()
            if up.path == url.path { return nil }
            url = up
        }
    }

    private static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError,
           let s = strerror(Int32(underlying.code)) { return String(cString: s) }
        return ns.localizedDescription
    }
}
