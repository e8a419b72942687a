import ArgumentParser
import Cakupan
import CakupanBriefing

/// Typed option values: parsed (and refused, naming the flag) while the command line is read, before
/// any file is opened. The rules are the library's (`Quantity`, `CRSMode`, `ExportFormat`), so a flag
/// and a YAML key take the same text.
enum Parse {
    static func metres(_ flag: String) -> @Sendable (String) throws -> Double {
        { text in try TemporalConfig.checkedRadius(text) { CakupanError.usage("\(flag) \($0)") } }
    }

    static func share(_ flag: String) -> @Sendable (String) throws -> Double {
        { text in
            guard let v = Quantity.share(text), (0...1).contains(v) else {
                throw CakupanError.usage("\(flag) must be a share between 0 and 1 (for example 0.8 or 80%)")
            }
            return v
        }
    }

    static func crs(_ text: String) throws -> String {
        do { _ = try CRSMode(parsing: text) } catch {
            throw CakupanError.usage("use auto or EPSG:nnnn (for example EPSG:32748, WGS 84 / UTM zone 48S)")
        }
        return text
    }

    static func language(_ text: String) throws -> BriefingLanguage {
        guard let l = BriefingLanguage(rawValue: text.lowercased()) else {
            throw CakupanError.usage("use id (Bahasa Indonesia) or en (English)")
        }
        return l
    }

    static func formats(_ text: String) throws -> Set<ExportFormat> { try ExportFormat.parse(text) }

    static func fields(_ role: InputRole) -> @Sendable (String) throws -> [RoleField: String] {
        { text in try InputSpec.fields(parsing: text) { CakupanError.usage($0) } }
    }
}
