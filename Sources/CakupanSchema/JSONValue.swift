/// The one JSON value of the result schema: written by Cakupan (`JSONWriter`) and read back by the
/// briefing (`JSONParser`). Objects keep their key order, so output is deterministic and reads in a
/// sensible order. Numbers to be written carry how many decimals to write; numbers read are `.double`.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// A number written with at most `decimals` decimals, trailing zeros dropped.
    case number(Double, decimals: Int)
    /// A number written in its shortest round-trip form (input values passed through as they were).
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// A number, or null when nil or not finite.
    public static func num(_ value: Double?, _ decimals: Int) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .number(value, decimals: decimals)
    }

    public static func str(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// The value as a number, whichever number case holds it (nil for other kinds).
    public var numberValue: Double? {
        switch self {
        case .int(let i): Double(i)
        case .number(let d, _), .double(let d): d
        default: nil
        }
    }

    /// A short rendering of the value for error messages (at most about 40 characters).
    public var preview: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .int(let i): return String(i)
        case .number(let value, _), .double(let value):
            return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .string(let value): return "\"" + (value.count > 36 ? String(value.prefix(36)) + "…" : value) + "\""
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// What kind of value this is, for "expected …, found …" messages.
    public var kind: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int, .number, .double: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// An ordered JSON object.
public struct JSONObject: Sendable, Equatable {
    public private(set) var pairs: [(key: String, value: JSONValue)] = []

    public init(_ pairs: [(String, JSONValue)] = []) {
        for (k, v) in pairs { self[k] = v }
    }

    /// Setting a key that exists replaces its value in place; a new key goes to the end.
    public subscript(key: String) -> JSONValue? {
        get { pairs.first { $0.key == key }?.value }
        set {
            if let i = pairs.firstIndex(where: { $0.key == key }) {
                if let newValue { pairs[i].value = newValue } else { pairs.remove(at: i) }
            } else if let newValue {
                pairs.append((key, newValue))
            }
        }
    }

    /// Appends a member without looking for an earlier one of the same key (the parser's fast path;
    /// lookups find the first).
    public mutating func appendUnchecked(_ key: String, _ value: JSONValue) {
        pairs.append((key, value))
    }

    public var isEmpty: Bool { pairs.isEmpty }
    public var keys: [String] { pairs.map(\.key) }

    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        a.pairs.count == b.pairs.count && zip(a.pairs, b.pairs).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
