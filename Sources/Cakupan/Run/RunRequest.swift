import CakupanBriefing
import Foundation

/// What one run is asked to do: the operation (inputs and parameters, from YAML and flags merged) and
/// what to write besides the GeoJSON layers.
public struct RunRequest: Sendable {
    /// The merged configuration (`OperationConfig.load` then `overridden(by:)`).
    public var config: OperationConfig
    /// Output formats; GeoJSON is always written.
    public var formats: Set<ExportFormat>
    /// The language of briefing.html/briefing.svg, or nil for no briefing.
    public var briefing: BriefingLanguage?

    public init(config: OperationConfig, formats: Set<ExportFormat> = [.geojson], briefing: BriefingLanguage? = nil) {
        self.config = config
        self.formats = formats
        self.briefing = briefing
    }
}

/// The services a run uses that are not part of its inputs: passed in, not global.
public struct RunServices: Sendable {
    /// The one progress reporter (stderr); silent by default.
    public var progress: Progress
    /// When to show the readers' per-file progress.
    public var readProgress: ProgressMode
    /// The run's moment: GPS fixes dated after it come from a broken device clock.
    public var clock: @Sendable () -> Date
    /// Worker threads for the parallel phases; nil: CAKUPAN_THREADS, else every active core. The
    /// results are the same for any count (work is joined in input order).
    public var threads: Int?

    public init(
        progress: Progress = Progress(enabled: false), readProgress: ProgressMode = .automatic,
        clock: @escaping @Sendable () -> Date = { Date() }, threads: Int? = nil
    ) {
        self.progress = progress
        self.readProgress = readProgress
        self.clock = clock
        self.threads = threads
    }
}

/// One file of a result folder, made in memory before anything is written.
public struct ResultFile: Sendable {
    /// File name inside the result folder (no path).
    public var name: String
    public var data: Data

    public init(name: String, data: Data) {
        self.name = name
        self.data = data
    }
}

/// What a run produced: the analysis, the inputs as read, the warnings, and every file of the folder.
public struct RunOutcome: Sendable {
    public var result: AnalysisResult
    public var inputs: AnalysisInputs
    public var warnings: Warnings
    public var files: [ResultFile]
}
