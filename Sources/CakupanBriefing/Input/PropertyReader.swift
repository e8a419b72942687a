import CakupanSchema
import Foundation

/// Typed access to a JSON object (a GeoJSON feature's `properties`, or a part of summary.json) whose
/// failures name the file, the feature and the key: `areas.geojson: feature 3: property
/// 'coverage_share' must be a number, found "high"`.
struct PropertyReader {
    /// File name used in error messages.
    let file: String
    /// Where in the file, e.g. `feature 3`; nil for the top of summary.json.
    let location: String?
    /// `property` for GeoJSON properties, `key` for summary.json.
    let noun: String
    /// Key path of this object inside the file (`totals.`), prepended to key names in messages.
    let prefix: String
    let values: JSONObject

    init(file: String, location: String? = nil, noun: String = "key", prefix: String = "", values: JSONObject) {
        self.file = file
        self.location = location
        self.noun = noun
        self.prefix = prefix
        self.values = values
    }

    func failure(_ message: String) -> BriefingError {
        .invalidFile(file, detail: (location.map { "\($0): " } ?? "") + message)
    }

    private func value(_ key: String) throws -> JSONValue {
        guard let value = values[key] else { throw failure("missing \(noun) '\(prefix)\(key)'") }
        return value
    }

    private func mismatch(_ key: String, _ expected: String, _ found: JSONValue) -> BriefingError {
        failure("\(noun) '\(prefix)\(key)' must be \(expected), found \(found.preview)")
    }

    /// The value of `key`, or nil when the key is missing or null.
    private func optionalValue(_ key: String) -> JSONValue? {
        switch values[key] {
        case nil, .null?: nil
        case let value?: value
        }
    }

    func string(_ key: String) throws -> String {
        let found = try value(key)
        guard case .string(let text) = found else { throw mismatch(key, "a string", found) }
        return text
    }

    func optionalString(_ key: String) throws -> String? {
        guard let found = optionalValue(key) else { return nil }
        guard case .string(let text) = found else { throw mismatch(key, "a string or null", found) }
        return text
    }

    /// An identifier: a string, or (leniently) an integral number written as its decimal digits.
    func id(_ key: String) throws -> String {
        guard let found = try optionalID(key) else { throw mismatch(key, "a string", .null) }
        return found
    }

    func optionalID(_ key: String) throws -> String? {
        guard let found = optionalValue(key) else { return nil }
        switch found {
        case .string(let text): return text
        case .double(let number) where number == number.rounded() && abs(number) < 1e15: return String(Int(number))
        default: throw mismatch(key, "a string", found)
        }
    }

    func double(_ key: String) throws -> Double {
        let found = try value(key)
        guard let number = found.numberValue else { throw mismatch(key, "a number", found) }
        return number
    }

    func optionalDouble(_ key: String) throws -> Double? {
        guard let found = optionalValue(key) else { return nil }
        guard let number = found.numberValue else { throw mismatch(key, "a number or null", found) }
        return number
    }

    func int(_ key: String) throws -> Int {
        let found = try value(key)
        guard let number = found.numberValue, number == number.rounded(), abs(number) < 1e15 else {
            throw mismatch(key, "a whole number", found)
        }
        return Int(number)
    }

    func optionalInt(_ key: String) throws -> Int? {
        guard optionalValue(key) != nil else { return nil }
        return try int(key)
    }

    func bool(_ key: String) throws -> Bool {
        let found = try value(key)
        guard case .bool(let flag) = found else { throw mismatch(key, "true or false", found) }
        return flag
    }

    func optionalBool(_ key: String) throws -> Bool? {
        guard let found = optionalValue(key) else { return nil }
        guard case .bool(let flag) = found else { throw mismatch(key, "true, false or null", found) }
        return flag
    }

    /// A value that must be one of an enumeration's raw values; the message lists the allowed ones.
    func choice<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) throws -> E where E.RawValue == String {
        let text = try string(key)
        guard let choice = E(rawValue: text) else {
            let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
            throw failure("\(noun) '\(prefix)\(key)' must be one of \(allowed), found \"\(text)\"")
        }
        return choice
    }

    func object(_ key: String) throws -> PropertyReader {
        let found = try value(key)
        guard case .object(let members) = found else { throw mismatch(key, "an object", found) }
        return PropertyReader(file: file, location: location, noun: noun, prefix: prefix + key + ".", values: members)
    }

    func optionalObject(_ key: String) throws -> PropertyReader? {
        guard optionalValue(key) != nil else { return nil }
        return try object(key)
    }

    /// The members of an array of objects, each as a reader whose key path is `key[i].`.
    func objects(_ key: String) throws -> [PropertyReader] {
        try objects(in: try value(key), key: key)
    }

    func optionalObjects(_ key: String) throws -> [PropertyReader]? {
        guard let found = optionalValue(key) else { return nil }
        return try objects(in: found, key: key)
    }

    private func objects(in found: JSONValue, key: String) throws -> [PropertyReader] {
        guard case .array(let elements) = found else { throw mismatch(key, "an array", found) }
        return try elements.enumerated().map { index, element in
            guard case .object(let members) = element else {
                throw mismatch("\(key)[\(index)]", "an object", element)
            }
            return PropertyReader(file: file, location: location, noun: noun, prefix: "\(prefix)\(key)[\(index)].", values: members)
        }
    }

    func optionalStrings(_ key: String) throws -> [String]? {
        guard let found = optionalValue(key) else { return nil }
        guard case .array(let elements) = found else { throw mismatch(key, "an array of strings", found) }
        return try elements.map { element in
            guard case .string(let text) = element else { throw mismatch(key, "an array of strings", element) }
            return text
        }
    }
}
