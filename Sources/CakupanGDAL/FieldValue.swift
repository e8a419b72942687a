/// The value of one attribute field of a feature.
public enum FieldValue: Hashable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case string(String)
    case bool(Bool)

    /// The value as text, as a user would read it in a table (nil for null).
    public var text: String? {
        switch self {
        case .null: nil
        case .integer(let i): String(i)
        case .real(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .string(let s): s
        case .bool(let b): b ? "true" : "false"
        }
    }
}
