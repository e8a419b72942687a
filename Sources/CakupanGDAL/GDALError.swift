import Foundation

/// Errors raised by the GDAL/OGR wrapper. Each names the file it is about.
public enum GDALError: Error, CustomStringConvertible, Sendable {
    /// GDAL could not open the file as a vector dataset.
    case cannotOpen(path: String, message: String)
    /// A read or write failed inside GDAL.
    case library(path: String, operation: String, message: String)
    /// No GDAL driver of that name is available.
    case missingDriver(String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let message):
            "\(path): cannot be read as a vector file (\(message.isEmpty ? "format not recognised" : message))"
        case .library(let path, let operation, let message):
            "\(path): \(operation) failed: \(message.isEmpty ? "no message" : message)"
        case .missingDriver(let name):
            "the GDAL driver \(name) is not available in this GDAL build"
        }
    }
}

extension GDALError: LocalizedError {
    public var errorDescription: String? { description }
}
