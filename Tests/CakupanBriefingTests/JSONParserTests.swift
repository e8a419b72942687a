import Testing
@testable import CakupanBriefing

@Suite struct JSONParserTests {
    func parse(_ text: String) throws(JSONParser.Failure) -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    @Test func readsEveryKindOfValue() throws {
        let value = try parse(#" {"a": [1, -2.5, 1e3, 0, -0.125e-2], "b": true, "c": false, "d": null, "e": "x\"\\\/\n\u00e9\ud83d\ude00", "f": {}} "#)
        #expect(value == .object([
            "a": .array([.number(1), .number(-2.5), .number(1000), .number(0), .number(-0.00125)]),
            "b": .bool(true), "c": .bool(false), "d": .null, "e": .string("x\"\\/\né😀"), "f": .object([:]),
        ]))
    }

    @Test func keepsFullDoublePrecision() throws {
        #expect(try parse("106.8123457") == .number(106.8123457))
        #expect(try parse("123456789012345678") == .number(123_456_789_012_345_680))
        #expect(try parse("\"Cibeureum Ñ\"") == .string("Cibeureum Ñ"))
    }

    @Test(arguments: [
        ("", "line 1, column 1: unexpected end of input"),
        ("{\"a\" 1}", "line 1, column 6: expected ':' after a key"),
        ("[1,\n 2,,]", "line 2, column 4: unexpected character ','"),
        ("[01]", "line 1, column 3: expected ',' or ']'"),
        ("tru", "line 1, column 1: unexpected end of input"),
        ("\"a\u{1}\"", "line 1, column 3: control character in a string"),
        ("[1] x", "line 1, column 5: unexpected text after the JSON value"),
        ("\"\\ud800\"", "line 1, column 8: unpaired surrogate in \\u escape"),
        ("1e999", "line 1, column 6: number out of range"),
    ])
    func refusesInvalidJSONSayingWhere(text: String, message: String) {
        #expect(throws: JSONParser.Failure.self) { try parse(text) }
        do {
            _ = try parse(text)
        } catch {
            #expect(error.description == message)
        }
    }
}
