import Foundation

/// Where in an input a problem is: the file, and when known the layer, the feature or row, the field.
public struct InputLocation: Hashable, Sendable, CustomStringConvertible {
    /// The path as the user gave it.
    public var file: String
    /// The layer name, for files with several layers (KML folders, GeoPackage tables, GPX).
    public var layer: String?
    /// 1-based feature number in the layer, or for CSV the data row (row 1 is the first line after
    /// the header, i.e. line 2 of the file).
    public var feature: Int?
    /// True when `feature` is a CSV data row.
    public var isCSVRow = false
    /// The field (column) concerned.
    public var field: String?
    /// For a spreadsheet row: the sheet's own row number (a title block and the header come first).
    public var sheetRow: Int?

    public init(file: String, layer: String? = nil, feature: Int? = nil, isCSVRow: Bool = false, field: String? = nil) {
        self.file = file
        self.layer = layer
        self.feature = feature
        self.isCSVRow = isCSVRow
        self.field = field
    }

    public func with(field: String?) -> InputLocation {
        var copy = self
        copy.field = field
        return copy
    }

    public var description: String {
        var parts = [file]
        if let layer { parts.append("layer '\(layer)'") }
        if let feature {
            if let sheetRow {
                parts.append("row \(feature) (sheet row \(sheetRow))")
            } else {
                parts.append(isCSVRow ? "row \(feature) (line \(feature + 1))" : "feature \(feature)")
            }
        }
        if let field { parts.append("field '\(field)'") }
        return parts.joined(separator: ", ")
    }
}

/// Everything that can stop an analysis. The CLI maps `.input` and `.usage` to exit code 2 and
/// `.internal` to exit code 1.
public enum CakupanError: Error, CustomStringConvertible, Sendable {
    /// Bad input data: says where and what is wrong, and when possible how to fix it.
    case input(InputLocation, String)
    /// A bad option or configuration value.
    case usage(String)
    /// A failure that is not the user's fault (a library failed unexpectedly, a file could not be written).
    case `internal`(String)

    public var description: String {
        switch self {
        case .input(let location, let message): "\(location): \(message)"
        case .usage(let message): message
        case .internal(let message): "internal error: \(message)"
        }
    }

    /// True for errors caused by the user's input or options (exit code 2).
    public var isUserError: Bool {
        if case .internal = self { return false }
        return true
    }
}

extension CakupanError: LocalizedError {
    /// The one-line message the CLI prints after `cakupan: error:`.
    public var errorDescription: String? { description }
}
