import CGEOS

/// Collects the last message of GEOS's error handler. Referenced by the C handler through `userdata`.
final class GEOSMessageBox {
    var last = ""
}

/// Owns one GEOS context handle (`GEOS_init_r` … `GEOS_finish_r`).
///
/// A context and every geometry made in it belong to one thread or task: the class is deliberately not
/// `Sendable`. Work split across tasks creates one context per task and passes plain `Geometry` values.
public final class GEOSContext {
    let handle: GEOSContextHandle_t
    let messages = GEOSMessageBox()

    public init() {
        // GEOS_init_r never returns NULL in practice; if it did, nothing else could work.
        guard let h = GEOS_init_r() else { fatalError("GEOS_init_r returned NULL") }
        handle = h
        let box = Unmanaged.passUnretained(messages).toOpaque()
        // The box lives as long as self, and self outlives the handle (finished in deinit).
        GEOSContext_setErrorMessageHandler_r(
            handle,
            { message, userdata in
                guard let message, let userdata else { return }
                Unmanaged<GEOSMessageBox>.fromOpaque(userdata).takeUnretainedValue().last = String(cString: message)
            }, box)
        GEOSContext_setNoticeMessageHandler_r(handle, { _, _ in }, nil)
    }

    deinit {
        GEOS_finish_r(handle)
    }

    /// The error to throw after `function` signalled an exception; consumes the collected message.
    func failure(_ function: String) -> GEOSError {
        defer { messages.last = "" }
        return .library(function: function, message: messages.last)
    }

    /// Unwraps a geometry pointer returned by `function` (NULL on exception) into an owned object.
    func own(_ pointer: OpaquePointer?, _ function: String) throws -> GEOSGeometry {
        guard let pointer else { throw failure(function) }
        return GEOSGeometry(context: self, owning: pointer)
    }

    /// Translates the C convention of predicates: 1 true, 0 false, 2 exception.
    func predicate(_ result: CChar, _ function: String) throws -> Bool {
        switch result {
        case 1: return true
        case 0: return false
        default: throw failure(function)
        }
    }

    /// Translates the C convention of measures: returns 0 on exception.
    func measure(_ function: String, _ body: (UnsafeMutablePointer<Double>) -> Int32) throws -> Double {
        var value = 0.0
        guard body(&value) != 0 else { throw failure(function) }
        return value
    }
}
