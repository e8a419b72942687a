import CakupanSchema
import Testing

/// The one JSON grammar of the result schema: the parser the briefing reads with, and the writer
/// Cakupan writes with, agree with each other.
@Suite struct JSONTests {
    func parse(_ text: String) throws(JSONParser.Failure) -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    @Test func readsEveryKindOfValue() throws {
        let value = try parse(
            #" {"a": [1, -2.5, 1e3, 0, -0.125e-2], "b": true, "c": false, "d": null, "e": "x\"\\\/\n\u00e9\ud83d\ude00", "f": {}} "#)
        #expect(
            value
                == .object(
                    JSONObject([
                        ("a", .array([.double(1), .double(-2.5), .double(1000), .double(0), .double(-0.00125)])),
                        ("b", .bool(true)), ("c", .bool(false)), ("d", .null), ("e", .string("x\"\\/\né😀")), ("f", .object(JSONObject())),
                    ])))
    }

    @Test func keepsFullDoublePrecision() throws {
        #expect(try parse("106.8123457") == .double(106.8123457))
        #expect(try parse("123456789012345678") == .double(123_456_789_012_345_680))
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

    /// What the writer writes, the parser reads back: member order, escapes, and numbers rounded to
    /// their decimals (0.1 + 0.2 at 6 decimals is 0.3).
    @Test func writerAndParserRoundTrip() throws {
        let written = JSONValue.object(
            JSONObject([
                ("nama", .string("Kantor \"KPU\"\n Kota Kupang é")), ("share", .number(0.1 + 0.2, decimals: 6)), ("n", .int(-42)),
                ("list", .array([.bool(true), .null, .double(2.5)])), ("empty", .object(JSONObject())),
            ]))
        for text in [JSONWriter.compact(written), JSONWriter.pretty(written)] {
            let read = try parse(text)
            guard case .object(let o) = read else {
                Issue.record("not an object: \(text)")
                continue
            }
            #expect(o.keys == ["nama", "share", "n", "list", "empty"])
            #expect(o["nama"] == .string("Kantor \"KPU\"\n Kota Kupang é"))
            #expect(o["share"]?.numberValue == 0.3)
            #expect(o["n"]?.numberValue == -42)
            #expect(o["list"] == .array([.bool(true), .null, .double(2.5)]))
        }
    }
}
