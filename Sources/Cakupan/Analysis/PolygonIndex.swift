import CakupanGEOS

/// The polygons of a (multi)polygon result, such as the patrol coverage, in an STRtree so that
/// clipping another polygon touches only the parts near it instead of the whole coverage.
final class PolygonIndex {
    let whole: GEOSGeometry
    let parts: [GEOSGeometry]
    let tree: GEOSSTRtree
    let context: GEOSContext

    init(_ geometry: GEOSGeometry) throws {
        whole = geometry
        context = geometry.context
        parts = try geometry.isEmpty ? [] : geometry.parts()
        tree = try GEOSSTRtree(parts, in: geometry.context)
    }

    /// The parts near `g` as one multipolygon, nil when none is near.
    private func near(_ g: GEOSGeometry) throws -> GEOSGeometry? {
        let hits = tree.query(g)
        if hits.isEmpty { return nil }
        if hits.count == parts.count { return whole }
        return try GEOSGeometry.collection(hits.map { parts[$0] }, of: .multiPolygon, in: context)
    }

    /// `g ∩ self`, nil when empty by the index.
    func intersection(_ g: GEOSGeometry) throws -> GEOSGeometry? {
        guard let n = try near(g) else { return nil }
        return try g.intersection(n)
    }

    /// Area of `g ∩ self` in m².
    func intersectionArea(_ g: GEOSGeometry) throws -> Double {
        try intersection(g)?.area() ?? 0
    }

    /// `g − self`.
    func difference(_ g: GEOSGeometry) throws -> GEOSGeometry {
        guard let n = try near(g) else { return g }
        return try g.difference(n)
    }
}
