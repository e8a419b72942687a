import CakupanSchema
import Foundation

/// Where the files of a result folder come from: the folder on disk, or the files a run has just made
/// in memory (the briefing is rendered before the folder is written).
public struct ResultFiles: Sendable {
    /// The bytes of the file called `name`; nil when there is no such file.
    let bytes: @Sendable (String) throws -> [UInt8]?

    /// The files of a folder on disk.
    public static func directory(_ directory: URL) -> ResultFiles {
        ResultFiles { name in
            let url = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
            do {
                return [UInt8](try Data(contentsOf: url))
            } catch {
                throw BriefingError.invalidFile(name, detail: "cannot be read (\(error.localizedDescription))")
            }
        }
    }

    /// Files held in memory, by name.
    public static func memory(_ files: [String: Data]) -> ResultFiles {
        ResultFiles { name in files[name].map { [UInt8]($0) } }
    }

    func exists(_ name: String) throws -> Bool { try bytes(name) != nil }
}

/// Reading one file of the result folder as JSON, with errors that name the file.
enum JSONFileReading {
    /// The JSON value in the file `name`.
    static func read(file name: String, from files: ResultFiles) throws -> JSONValue {
        guard let bytes = try files.bytes(name) else { throw BriefingError.missingFile(name) }
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw BriefingError.invalidFile(name, detail: "is not valid JSON (\(error.description))")
        }
    }
}
