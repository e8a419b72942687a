/// A JSON value (RFC 8259) as `JSONParser` reads it; used for GeoJSON and for summary.json.
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// A short rendering of the value for error messages (at most about 40 characters).
    var preview: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let value): return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .string(let value): return "\"" + (value.count > 36 ? String(value.prefix(36)) + "…" : value) + "\""
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// What kind of value this is, for "expected …, found …" messages.
    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
