import CakupanGeometry

/// Polygon rings as read: a ring whose last position is not its first is closed (GDAL accepts such
/// rings from GeoJSON and KML with only a warning that names no feature); a ring of fewer than 4
/// positions once closed is refused (RFC 7946 section 3.1.6: a linear ring has at least four).
enum RingRepair {
    /// Closes the open rings of `g` in place. Returns true when one was closed.
    static func closeRings(_ g: inout Geometry, location: InputLocation) throws -> Bool {
        switch g {
        case .polygon(var p):
            guard try needsWork(p, location: location) else { return false }
            let closed = close(&p)
            g = .polygon(p)
            return closed
        case .multiPolygon(var ps):
            var any = false
            for i in ps.indices {
                if try needsWork(ps[i], location: location) { any = close(&ps[i]) || any }
            }
            if any { g = .multiPolygon(ps) }
            return any
        case .collection(var gs):
            var any = false
            for i in gs.indices {
                any = try closeRings(&gs[i], location: location) || any
            }
            if any { g = .collection(gs) }
            return any
        default:
            return false
        }
    }

    /// True when a ring of `p` is open; throws for a ring too short to enclose anything.
    private static func needsWork(_ p: Polygon, location: InputLocation) throws -> Bool {
        var open = false
        for (i, ring) in p.rings.enumerated() where !ring.isEmpty {
            let isOpen = ring.first != ring.last
            let count = ring.count + (isOpen ? 1 : 0)
            if count < 4 {
                let which = i == 0 ? "outer ring" : "hole \(i)"
                throw CakupanError.input(
                    location,
                    "the polygon's \(which) has \(count) positions once closed; a ring needs at least 4 (three corners, then the first again, RFC 7946 section 3.1.6)"
                )
            }
            open = open || isOpen
        }
        return open
    }

    private static func close(_ p: inout Polygon) -> Bool {
        var closed = false
        if let first = p.exterior.first, first != p.exterior.last {
            p.exterior.append(first)
            closed = true
        }
        for i in p.holes.indices {
            if let first = p.holes[i].first, first != p.holes[i].last {
                p.holes[i].append(first)
                closed = true
            }
        }
        return closed
    }
}
