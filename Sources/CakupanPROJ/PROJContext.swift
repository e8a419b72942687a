import CPROJ

/// Owns a `PJ_CONTEXT*` (`proj_context_create` … `proj_context_destroy`).
///
/// A context and the objects made in it belong to one thread or task; the class is not `Sendable`.
public final class PROJContext {
    let handle: OpaquePointer

    public init() {
        guard let ctx = proj_context_create() else { fatalError("proj_context_create returned NULL") }
        handle = ctx
        proj_log_level(ctx, PJ_LOG_NONE)  // errors are reported through return codes, not the log
    }

    deinit {
        proj_context_destroy(handle)
    }

    /// The message for the context's last error.
    func lastError() -> String {
        let code = proj_context_errno(handle)
        guard code != 0, let s = proj_context_errno_string(handle, code) else { return "no message" }
        return String(cString: s)
    }
}
