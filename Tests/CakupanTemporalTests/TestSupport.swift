import CakupanTemporal

/// Whether `value` is within `tolerance` of `expected` (nil never is).
func near(_ value: Double?, _ expected: Double, _ tolerance: Double = 1e-6) -> Bool {
    guard let value else { return false }
    return abs(value - expected) <= tolerance
}

/// Runs an engine over `fixes` in the given order and returns its result.
func analyze(
    _ fixes: [Fix], sites: [TemporalSite] = [], zones: [TemporalRegion] = [], areas: [TemporalRegion] = [],
    parameters: TemporalParameters = TemporalParameters()
) throws -> TemporalResult {
    let engine = try VisitEngine(sites: sites, zones: zones, areas: areas, parameters: parameters)
    try engine.add(contentsOf: fixes)
    return engine.finish()
}

/// Fixes of one unit moving in a straight line from `from` to `to` between two times, every `step` seconds.
func straightTrack(
    unit: String, from: SIMD2<Double>, to: SIMD2<Double>, startTime: Double, endTime: Double, step: Double
) -> [Fix] {
    var fixes: [Fix] = []
    var time = startTime
    while time <= endTime + 1e-9 {
        let fraction = endTime > startTime ? (time - startTime) / (endTime - startTime) : 0
        let point = from + (to - from) * fraction
        fixes.append(Fix(unit: unit, time: time, x: point.x, y: point.y))
        time += step
    }
    return fixes
}

/// A closed axis-aligned square ring, metres.
func square(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double) -> [SIMD2<Double>] {
    [SIMD2(minX, minY), SIMD2(maxX, minY), SIMD2(maxX, maxY), SIMD2(minX, maxY), SIMD2(minX, minY)]
}

/// 2024-11-27T00:00:00Z.
let november27UTC = 1_732_665_600.0
