import Cakupan
import Foundation
import Testing

/// Every error speaks through `LocalizedError`: what a caller of the library shows is the same one
/// line the CLI prints, with the file, layer, row and field.
@Suite struct ErrorTests {
    @Test func localizedDescriptionIsTheMessage() {
        let located = CakupanError.input(
            InputLocation(file: "tps.csv", feature: 3, isCSVRow: true, field: "lintang"), "'x' is not a number")
        #expect(located.localizedDescription == "tps.csv, row 3 (line 4), field 'lintang': 'x' is not a number")
        #expect(CakupanError.usage("--radius must be positive").localizedDescription == "--radius must be positive")
        var sheet = InputLocation(file: "tps.xlsx", layer: "TPS", feature: 2, isCSVRow: true)
        sheet.sheetRow = 6
        #expect(CakupanError.input(sheet, "no name").localizedDescription == "tps.xlsx, layer 'TPS', row 2 (sheet row 6): no name")
        do {
            _ = try JSONParser.parse(Array("{\"a\" 1}".utf8))
        } catch {
            #expect(error.localizedDescription == "line 1, column 6: expected ':' after a key")
        }
    }
}
