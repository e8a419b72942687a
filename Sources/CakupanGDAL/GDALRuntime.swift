import CGDAL

/// One-time GDAL set-up and the translation of GDAL's error state into Swift.
enum GDALRuntime {
    /// `GDALAllRegister` once per process (Swift runs a global's initialiser exactly once, thread-safely).
    static let registered: Bool = {
        GDALAllRegister()
        return true
    }()

    /// Runs `body` with a GDAL error handler that collects messages on this thread instead of printing
    /// them (`CPLPushErrorHandlerEx` is per thread). Returns the body's result and the messages.
    static func collectingMessages<T>(_ body: () throws -> T) rethrows -> (T, [String]) {
        try collectingMessages(into: MessageBox()) { _ in try body() }
    }

    /// As `collectingMessages(_:)`, with the box visible to `body` while it runs (to tell which
    /// feature a message came with).
    static func collectingMessages<T>(into box: MessageBox, _ body: (MessageBox) throws -> T) rethrows -> (T, [String]) {
        _ = registered
        let userdata = Unmanaged.passUnretained(box).toOpaque()
        CPLPushErrorHandlerEx(
            { eclass, _, message in
                guard let userdata = CPLGetErrorHandlerUserData(), let message else { return }
                let box = Unmanaged<MessageBox>.fromOpaque(userdata).takeUnretainedValue()
                let text = String(cString: message)
                if eclass.rawValue >= CE_Failure.rawValue {
                    box.errors.append(text)
                } else if eclass.rawValue == CE_Warning.rawValue {
                    box.warnings.append(text)
                }
            }, userdata)
        defer { CPLPopErrorHandler() }
        CPLErrorReset()
        let result = try withExtendedLifetime(box) { try body(box) }
        return (result, box.warnings + box.errors.map { "error: \($0)" })
    }

    /// The message of GDAL's last error on this thread.
    static func lastError() -> String {
        guard let m = CPLGetLastErrorMsg() else { return "" }
        return String(cString: m)
    }

    final class MessageBox {
        var warnings: [String] = []
        var errors: [String] = []
    }
}
