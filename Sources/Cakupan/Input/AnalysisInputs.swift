import CakupanGeometry

/// All inputs of one analysis, after reading and role checks.
public struct AnalysisInputs: Sendable {
    public var areas: [Area] = []
    public var sites: [Site] = []
    public var zones: [RawanZone] = []
    public var patrols: [Patrol] = []
    /// Candidate post places (`--candidates`); empty without them.
    public var candidates: [Candidate] = []
    /// What was read, for summary.json: role → files with feature counts.
    public var files: [InputFileSummary] = []

    public init() {}
}

/// One input file as summarised in summary.json.
public struct InputFileSummary: Sendable {
    public var role: String
    public var path: String
    public var features: Int
}
