import CakupanSchema
import Foundation

/// Writes the files of one run as a result folder, all at once: everything goes to a temporary folder
/// beside the destination, and only when every file is written is the temporary folder moved into
/// place. A run that fails leaves the previous results untouched.
///
/// The folder then describes exactly this run: files Cakupan writes (`ResultFileNames.all`, and any
/// listed in the earlier run's manifest) that this run did not write are left out in the same step;
/// other files (an officer's notes) are kept. `manifest.json` lists every file of the run with its
/// size and SHA-256. Two runs writing into the same folder at once take turns (an exclusive lock on a
/// hidden lock file beside the folder): the second waits, then replaces the first's results whole.
public enum ResultFolderWriter {
    /// Writes `files` as the folder `destination` (see the type's description).
    /// - Parameter addingToRun: the files belong to the run already in the folder (`cakupan brief`):
    ///   every file there is kept, and the manifest lists them with the new ones.
    public static func write(_ files: [ResultFile], to destination: URL, addingToRun: Bool = false) throws {
        let fm = FileManager.default
        let parent = destination.deletingLastPathComponent()
        if let blocker = fileInTheWay(of: parent) {
            throw CakupanError.usage(
                "output folder \(destination.path) cannot be created: \(blocker.path) is a file, not a folder; choose another --out")
        }
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw CakupanError.usage("output folder \(destination.path): its parent folder cannot be created (\(reason(error)))")
        }
        let lock = try FolderLock(parent, for: destination)
        defer { lock.release() }

        let kept = addingToRun ? try keptFiles(destination, except: Set(files.map(\.name))) : []
        let all = files + [manifest(files + kept)]
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).tmp-\(pid)")
        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw CakupanError.usage("output folder \(destination.path) cannot be written (\(reason(error)))")
        }
        defer { try? fm.removeItem(at: staging) }
        do {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: destination.path, isDirectory: &isDir) {
                guard isDir.boolValue else { throw CakupanError.usage("output path \(destination.path) is a file, not a folder") }
                // Keep files of the old folder that are not Cakupan's (notes, other exports).
                let ours = addingToRun ? [ResultFileNames.manifest] : ResultFileNames.all.union(earlierManifest(destination))
                let names = Set(all.map(\.name))
                for existing in try fm.contentsOfDirectory(atPath: destination.path).sorted()
                where !names.contains(existing) && !ours.contains(existing) {
                    try fm.copyItem(at: destination.appendingPathComponent(existing), to: staging.appendingPathComponent(existing))
                }
            }
            for f in all {
                try f.data.write(to: staging.appendingPathComponent(f.name))
            }
        } catch let error as CakupanError {
            throw error
        } catch {
            throw CakupanError.usage("output folder \(destination.path) cannot be written (\(reason(error)))")
        }
        // Swap: old → backup, staging → destination, then drop the backup.
        let backup = parent.appendingPathComponent(".\(destination.lastPathComponent).old-\(pid)")
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

    /// manifest.json: every file of the run (itself excepted), in name order, with bytes and SHA-256.
    static func manifest(_ files: [ResultFile]) -> ResultFile {
        let entries = files.sorted { $0.name < $1.name }.map { f in
            JSONValue.object(
                JSONObject([
                    ("name", .string(f.name)), ("bytes", .int(f.data.count)), ("sha256", .string(SHA256.hex(f.data))),
                ]))
        }
        let json = JSONValue.object(
            JSONObject([("tool", .string("cakupan")), ("version", .string(Summary.version)), ("files", .array(entries))]))
        return ResultFile(name: ResultFileNames.manifest, data: Data(JSONWriter.pretty(json).utf8))
    }

    /// The files of the run already in `folder` that `names` do not replace (for its new manifest).
    private static func keptFiles(_ folder: URL, except names: Set<String>) throws -> [ResultFile] {
        let listed = earlierManifest(folder).subtracting(names)
        return try listed.sorted().compactMap { name in
            let url = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
            do { return ResultFile(name: name, data: try Data(contentsOf: url)) } catch {
                throw CakupanError.input(InputLocation(file: url.path), "cannot be read (\(reason(error)))")
            }
        }
    }

    /// The file names listed by the manifest already in `folder` (none when it has none or it is
    /// not readable).
    private static func earlierManifest(_ folder: URL) -> Set<String> {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(ResultFileNames.manifest).path),
            case .object(let manifest)? = try? JSONParser.parse([UInt8](data)),
            case .array(let files)? = manifest["files"]
        else { return [] }
        let names = files.compactMap { file -> String? in
            guard case .object(let entry) = file, case .string(let name)? = entry["name"] else { return nil }
            return name
        }
        return Set(names.filter { !$0.contains("/") && !$0.hasPrefix(".") })
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

    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError,
            let s = strerror(Int32(underlying.code))
        {
            return String(cString: s)
        }
        return ns.localizedDescription
    }
}

/// An exclusive advisory lock (`flock`) on the folder that holds a result folder, held while the
/// result folder is replaced: nothing is left behind, and the kernel releases the lock when the
/// process ends, even on a crash. (Runs writing other result folders of the same parent take turns
/// too; replacing a folder takes milliseconds.)
final class FolderLock {
    private let descriptor: Int32

    init(_ parent: URL, for destination: URL) throws {
        descriptor = open(parent.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CakupanError.usage("output folder \(destination.path) cannot be locked (\(String(cString: strerror(errno))))")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            FileHandle.standardError.write(Data("cakupan: another run is writing \(destination.path); waiting for it to finish\n".utf8))
            guard flock(descriptor, LOCK_EX) == 0 else {
                close(descriptor)
                throw CakupanError.usage("output folder \(destination.path) cannot be locked (\(String(cString: strerror(errno))))")
            }
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
