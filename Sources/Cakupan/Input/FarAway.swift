import CakupanGeometry

/// Features far outside the areas: a site typed with a lost minus sign lands in another hemisphere, a
/// list copied from another province lands hundreds of kilometres away. They are analysed as given
/// (an officer may mean them) but said out loud, one warning per file, and they do not decide the CRS
/// (the areas' extent does).
enum FarAway {
    /// Degrees beyond the areas' bounding box counted as far (about 110 km).
    static let margin = 1.0

    static func warn(_ inputs: AnalysisInputs, warnings: inout Warnings) {
        guard let box = inputs.areas.compactMap({ $0.geometry.envelope }).reduce(nil, { (a: Envelope?, b) in a?.union(b) ?? b }) else {
            return
        }
        let near = Envelope(minX: box.minX - margin, minY: box.minY - margin, maxX: box.maxX + margin, maxY: box.maxY + margin)
        func far(_ cs: [Coordinate]) -> Bool {
            !cs.contains { $0.x >= near.minX && $0.x <= near.maxX && $0.y >= near.minY && $0.y <= near.maxY }
        }
        var byFile: [String: [InputLocation]] = [:]
        var order: [String] = []
        func note(_ location: InputLocation) {
            if byFile[location.file] == nil { order.append(location.file) }
            byFile[location.file, default: []].append(location)
        }
        for s in inputs.sites where far([s.point]) { note(s.source.location) }
        for z in inputs.zones {
            let cs: [Coordinate]
            switch z.shape {
            case .polygon(let g): cs = g.allCoordinates
            case .circle(let c, _): cs = [c]
            }
            if far(cs) { note(z.source.location) }
        }
        for p in inputs.patrols where far(p.geometry.allCoordinates) { note(p.source.location) }
        for file in order {
            let list = byFile[file]!
            let shown = list.prefix(5).map { $0.description.replacingOccurrences(of: "\(file), ", with: "") }.joined(separator: "; ")
            warnings.add(
                "\(file): \(list.count) feature\(list.count == 1 ? " lies" : "s lie") more than 100 km outside the areas (\(shown)\(list.count > 5 ? "; …" : "")); check their coordinates (a lost minus sign or swapped columns move a site to another region); they are analysed as given, and the areas keep their own UTM zone",
                kind: .farOutside)
        }
    }
}
