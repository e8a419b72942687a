import CakupanSchema
import Foundation

extension SHA256 {
    /// The hex SHA-256 of a file's bytes, read in 1 MiB chunks; nil when it cannot be read.
    static func hex(fileAt path: String) -> String? {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue,
            let handle = FileHandle(forReadingAtPath: path)
        else { return nil }
        defer { try? handle.close() }
        var h = SHA256()
        do {
            // read(upToCount:) gives nil or empty data at the end of the file.
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { h.update(chunk) }
        } catch {
            return nil
        }
        return h.finalizeHex()
    }
}
