import ArgumentParser
import Cakupan

/// Inputs: the files of each role (repeatable; `FILE#LAYER` picks one layer) and their field mapping.
struct InputOptions: ParsableArguments {
    @Argument(help: "An operation YAML file naming the same things (optional; flags override it).")
    var operation: String?

    @Option(help: ArgumentHelp("Area polygons: kecamatan or desa (repeatable).", valueName: "file[#layer]"))
    var areas: [String] = []

    @Option(help: ArgumentHelp("Strategic sites: points or rows with coordinates (repeatable).", valueName: "file[#layer]"))
    var sites: [String] = []

    @Option(help: ArgumentHelp("Rawan zones: polygons, or points with radius_m (repeatable).", valueName: "file[#layer]"))
    var rawan: [String] = []

    @Option(help: ArgumentHelp("Planned patrol routes: lines (repeatable).", valueName: "file[#layer]"))
    var patrols: [String] = []

    @Option(
        name: .customLong("area-fields"), help: ArgumentHelp("Columns of area fields, e.g. name=NAMOBJ.", valueName: "k=col,..."),
        transform: Parse.fields(.areas))
    var areaFields: [RoleField: String]?

    @Option(
        name: .customLong("site-fields"),
        help: ArgumentHelp("Columns of site fields, e.g. \"name=Nama TPS,lat=LINTANG,lon=BUJUR\".", valueName: "k=col,..."),
        transform: Parse.fields(.sites))
    var siteFields: [RoleField: String]?

    @Option(
        name: .customLong("rawan-fields"), help: ArgumentHelp("Columns of rawan fields, e.g. level=Tingkat.", valueName: "k=col,..."),
        transform: Parse.fields(.rawan))
    var rawanFields: [RoleField: String]?

    @Option(
        name: .customLong("patrol-fields"), help: ArgumentHelp("Columns of patrol fields, e.g. name=Rute.", valueName: "k=col,..."),
        transform: Parse.fields(.patrols))
    var patrolFields: [RoleField: String]?

    @Option(
        name: .customLong("area-name"), help: ArgumentHelp("Field holding area names (same as --area-fields name=…).", valueName: "column"))
    var areaName: String?

    /// The inputs given as flags; `--*-fields` apply to that role's files.
    func apply(to c: inout OperationConfig) {
        func specs(_ texts: [String], _ fields: [RoleField: String]?) -> [InputSpec] {
            texts.map { text in
                var spec = InputSpec(parsing: text)
                spec.fields = fields ?? [:]
                return spec
            }
        }
        c.areaInputs = specs(areas, areaFields)
        c.siteInputs = specs(sites, siteFields)
        c.rawanInputs = specs(rawan, rawanFields)
        c.patrolInputs = specs(patrols, patrolFields)
        c.areaName = areaName ?? areaFields?[.name]
    }

    /// Field mappings given without files apply to the YAML file's entries of that role.
    func fieldsFor(_ role: InputRole) -> [RoleField: String]? {
        switch role {
        case .areas: areaFields
        case .sites: siteFields
        case .rawan: rawanFields
        case .patrols: patrolFields
        case .tracks, .candidates: nil
        }
    }
}
