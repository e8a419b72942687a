import CGEOS

/// Collects query hits; passed to GEOS callbacks through `userdata`.
private final class HitBox {
    var hits: [Int] = []
}

/// State for the nearest-neighbour distance callback.
private final class NearestBox {
    let items: [GEOSGeometry]
    let query: GEOSGeometry
    var failed = false
    init(items: [GEOSGeometry], query: GEOSGeometry) {
        self.items = items
        self.query = query
    }
}

/// Owns a `GEOSSTRtree*` over a fixed list of geometries, queried by index.
///
/// Items are stored in GEOS as the pointer value `index + 1` (never NULL). The tree keeps the geometries
/// alive because GEOS reads them during nearest-neighbour search. Built once, then query-only
/// (GEOS builds the tree on the first query; inserting after that is not allowed).
public final class GEOSSTRtree {
    public let context: GEOSContext
    public let items: [GEOSGeometry]
    let pointer: OpaquePointer

    public init(_ items: [GEOSGeometry], in context: GEOSContext, nodeCapacity: Int = 10) throws {
        self.context = context
        self.items = items
        guard let t = GEOSSTRtree_create_r(context.handle, max(2, nodeCapacity)) else {
            throw context.failure("GEOSSTRtree_create_r")
        }
        pointer = t
        for (i, g) in items.enumerated() {
            GEOSSTRtree_insert_r(context.handle, pointer, g.pointer, UnsafeMutableRawPointer(bitPattern: i + 1))
        }
    }

    deinit {
        GEOSSTRtree_destroy_r(context.handle, pointer)
    }

    /// Indices of the items whose envelope intersects the envelope of `geometry`, ascending.
    public func query(_ geometry: GEOSGeometry) -> [Int] {
        let box = HitBox()
        let userdata = Unmanaged.passUnretained(box).toOpaque()
        GEOSSTRtree_query_r(
            context.handle, pointer, geometry.pointer,
            { item, userdata in
                guard let userdata else { return }
                let index = Int(bitPattern: item) - 1
                Unmanaged<HitBox>.fromOpaque(userdata).takeUnretainedValue().hits.append(index)
            }, userdata)
        return box.hits.sorted()
    }

    /// The index of the item nearest to `geometry` by exact distance (`GEOSSTRtree_nearest_generic_r`),
    /// nil when the tree is empty.
    public func nearest(to geometry: GEOSGeometry) throws -> Int? {
        guard !items.isEmpty else { return nil }
        let box = NearestBox(items: items, query: geometry)
        let userdata = Unmanaged.passUnretained(box).toOpaque()
        // The query item is passed as the NULL-free sentinel 0-index "item" pointer value bitPattern -1.
        let queryItem = UnsafeRawPointer(bitPattern: -1)
        let found = GEOSSTRtree_nearest_generic_r(
            context.handle, pointer, queryItem, geometry.pointer,
            { item1, item2, distance, userdata in
                guard let userdata, let distance else { return 0 }
                let box = Unmanaged<NearestBox>.fromOpaque(userdata).takeUnretainedValue()
                func geometry(_ item: UnsafeRawPointer?) -> GEOSGeometry {
                    let index = Int(bitPattern: item)
                    return index == -1 ? box.query : box.items[index - 1]
                }
                let a = geometry(item1)
                let b = geometry(item2)
                // GEOSDistance_r returns 0 on exception; the callback then signals failure with 0.
                guard GEOSDistance_r(a.context.handle, a.pointer, b.pointer, distance) != 0 else {
                    box.failed = true
                    return 0
                }
                return 1
            }, userdata)
        if box.failed { throw context.failure("GEOSSTRtree_nearest_generic_r") }
        guard let found else { throw context.failure("GEOSSTRtree_nearest_generic_r") }
        return Int(bitPattern: found) - 1
    }
}
