import CPROJ

/// Owns one `PJ*` (a CRS or a coordinate operation), destroyed with `proj_destroy`.
final class PROJObject {
    let context: PROJContext
    let pointer: OpaquePointer

    init(context: PROJContext, owning pointer: OpaquePointer) {
        self.context = context
        self.pointer = pointer
    }

    deinit {
        proj_destroy(pointer)
    }
}
