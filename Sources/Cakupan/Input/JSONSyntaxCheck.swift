import CakupanSchema
import Foundation

/// Why GDAL could not open a GeoJSON file, in the words of the schema's one JSON parser
/// (`JSONParser`): where the text stops being JSON, or that it ends in the middle (a truncated file).
/// Runs only when opening already failed.
enum JSONSyntaxCheck {
    enum Outcome: Equatable {
        case valid
        /// Not JSON at `line`:`column` (1-based; the column counts characters).
        case invalid(line: Int, column: Int, problem: String)
        /// The text ends before the JSON value is complete.
        case truncated(line: Int, column: Int)
        case empty
    }

    /// Files larger than this are not read whole to explain the failure (bytes).
    static let largest = 512 << 20

    /// Checks the file at `path`; nil when it cannot be read or is too large to read whole.
    static func check(path: String) -> Outcome? {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int, size <= largest,
            let data = FileManager.default.contents(atPath: path)
        else { return nil }
        return check(bytes: [UInt8](data))
    }

    static func check(bytes: [UInt8]) -> Outcome {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }  // a UTF-8 byte-order mark
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return .empty }
        do {
            _ = try JSONParser.parse(Array(body))
            return .valid
        } catch {
            if error.offset >= body.count || error.message.hasPrefix("unterminated") {
                return .truncated(line: error.line, column: error.column)
            }
            return .invalid(line: error.line, column: error.column, problem: error.message)
        }
    }
}
