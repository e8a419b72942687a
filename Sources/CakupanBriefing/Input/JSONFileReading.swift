import CakupanSchema
import Foundation

/// Reading one file of the result folder as JSON, with errors that name the file.
enum JSONFileReading {
    /// The JSON value in `name` inside `directory`.
    static func read(file name: String, in directory: URL) throws -> JSONValue {
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { throw BriefingError.missingFile(name) }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw BriefingError.invalidFile(name, detail: "cannot be read (\(error.localizedDescription))")
        }
        do {
            return try JSONParser.parse([UInt8](data))
        } catch {
            throw BriefingError.invalidFile(name, detail: "is not valid JSON (\(error.description))")
        }
    }
}
