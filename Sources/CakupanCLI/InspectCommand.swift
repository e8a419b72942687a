import ArgumentParser
import Cakupan
import Foundation

/// `cakupan inspect FILE…`: what each role would read from field files, without analysing.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show what Cakupan reads from files, without analysing.",
        discussion: """
            For each file and layer: the geometry and feature count, the columns
            and which role field each gives, the CRS, the extent, the first rows
            as understood (name, category, priority, coordinates) and every
            warning; a refusal says what is wrong and how to fix it (a layer
            after '#', a --site-fields mapping). Exit 2 when any file is refused.
            """)

    @Argument(help: ArgumentHelp("Files to inspect.", valueName: "file[#layer]"))
    var files: [String]

    @Option(
        help: ArgumentHelp("Read every file as this role: areas, sites, rawan, patrols, tracks, candidates.", valueName: "role"),
        transform: { text in
            guard let role = InputRole(rawValue: text.lowercased()) else {
                throw CakupanError.usage("use areas, sites, rawan, patrols, tracks or candidates")
            }
            return role
        })
    var role: InputRole?

    @Option(
        help: ArgumentHelp("Columns of role fields, e.g. \"name=Nama TPS,lat=LINTANG\".", valueName: "k=col,..."),
        transform: { try InputSpec.fields(parsing: $0) { CakupanError.usage($0) } })
    var fields: [RoleField: String]?

    func run() throws {
        var refused = 0
        for file in files {
            var spec = InputSpec(parsing: file)
            spec.fields = fields ?? [:]
            let report = Inspection.inspect(spec, role: role)
            print(Inspection.text(report))
            if report.problem != nil || report.layers.contains(where: { $0.problem != nil }) { refused += 1 }
        }
        if refused > 0 {
            throw CakupanError.usage("\(refused) of \(files.count) file\(files.count == 1 ? "" : "s") would be refused; see above")
        }
    }
}
