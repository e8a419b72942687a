import ArgumentParser
import Cakupan
import CakupanBriefing

/// Output: where, in which formats, and what to print.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Output folder (default ./\(Defaults.out)).", valueName: "folder"))
    var out: String?

    @Option(help: ArgumentHelp("Operation name shown in the results.", valueName: "text"))
    var name: String?

    @Option(
        help: ArgumentHelp("Formats besides GeoJSON: kml (Google Earth, My Maps), gpkg (QGIS).", valueName: "list"),
        transform: Parse.formats)
    var format: Set<ExportFormat> = [.geojson]

    @Option(help: ArgumentHelp("Add the run to a history store: a .gpkg, or PG:\"dbname=… host=…\".", valueName: "store"))
    var history: String?

    @Flag(name: .shortAndLong, help: "Print nothing on stdout.")
    var quiet = false

    @Flag(inversion: .prefixedNo, help: "Progress on stderr for long runs (default: on a terminal).")
    var progress: Bool?
}

/// The briefing's options, shared by `analyze` and `brief`.
struct BriefingOptionGroup: ParsableArguments {
    @Flag(help: "Also write briefing.html (one offline file, prints on A4) and briefing.svg.")
    var briefing = false

    @Option(
        help: ArgumentHelp("Language of the report and briefing: id (default) or en.", valueName: "id|en"),
        transform: Parse.language)
    var lang: BriefingLanguage = .id
}
