/// A JSON value whose objects keep their key order, so output is deterministic and reads in a sensible
/// order. Numbers carry how many decimals to write.
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

    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        a.pairs.count == b.pairs.count && zip(a.pairs, b.pairs).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
