import CakupanSchema
import Foundation
import Testing

@testable import CakupanBriefing

/// The explorable map's parts of briefing.html: the SHA-256 that the CSP names, the script it
/// allows, and the JSON data block the script reads.
@Suite struct InteractiveMapTests {
    /// FIPS 180-2 appendix B examples (one block, two blocks, a million "a"), and the empty message.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256KnownVectors(message: String, digest: String) {
        #expect(SHA256.hex(Array(message.utf8)) == digest)
    }

    @Test func sha256OfAMillionA() {
        #expect(
            SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Messages of 55, 56 and 64 bytes straddle the padding boundary.
    @Test func sha256PaddingBoundaries() {
        let expected = [
            55: "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
            56: "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
            64: "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
        ]
        for (count, digest) in expected {
            #expect(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: count)) == digest, "\(count) bytes")
        }
    }

    @Test func base64IsTheCSPForm() {
        #expect(SHA256.base64(Array("abc".utf8)) == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=")
    }

    /// The text between `open` and the next `</script>`.
    static func script(_ html: String, opening open: String) -> String? {
        guard let start = html.range(of: open), let end = html.range(of: "</script>", range: start.upperBound..<html.endIndex) else {
            return nil
        }
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test func cspHashMatchesTheScriptBytes() throws {
        let (html, _) = try Briefing.render(try BriefingRenderTests.demo())
        let code = try #require(Self.script(html, opening: "<script>"))
        #expect(code == MapScript.source)
        #expect(code.unicodeScalars.allSatisfy { $0.isASCII }, "the hashed script is ASCII")
        let csp = try #require(html.range(of: "script-src '").map { html[$0.upperBound...].prefix { $0 != "'" } })
        #expect(csp == "sha256-" + SHA256.base64(Array(code.utf8)))
        // One script to run, no event-handler attributes (the CSP would refuse them).
        for marker in [" onclick=", " onload=", "javascript:"] { #expect(!html.contains(marker)) }
    }

    @Test func dataBlockHoldsTheSitesAndAreas() throws {
        let folder = try BriefingRenderTests.demo()
        let (html, svg) = try Briefing.render(folder)
        let text = try #require(Self.script(html, opening: "<script type=\"application/json\" id=\"ck-data\">"))
        #expect(!text.contains("<"), "no raw '<' inside the data block")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let strings = try #require(root["s"] as? [String])
        let layers = try #require(root["layers"] as? [[String: Any]])
        #expect(layers.compactMap { $0["id"] as? String } == ["areas", "coverage", "zones", "gaps", "sites", "hotspots"])
        func features(_ id: String) -> [[Int]] {
            (layers.first { $0["id"] as? String == id }?["f"] as? [[Int]]) ?? []
        }
        let sites = features("sites")
        #expect(sites.count == folder.sites.count)
        for (site, row) in zip(folder.sites, sites) {
            #expect(strings[row[0]] == (site.name ?? site.id))
            #expect(row[3] == (site.covered ? 1 : 0))
            // The distance as the page's tables write it.
            if let metres = site.distanceM { #expect(strings[row[7]] == NumberText(.id).distance(metres)) }
        }
        let areas = features("areas")
        #expect(areas.map { strings[$0[0]] } == folder.areas.map(\.name))
        #expect(areas.map { strings[$0[8]] } == folder.areas.map { NumberText(.id).percent($0.coverageShare) })
        // Every clickable shape in the SVG names a feature of its layer.
        #expect(svg.components(separatedBy: "<use href=\"#ck-a").count - 1 == 2 * folder.areas.count)
        #expect(svg.contains("<svg id=\"ck-view\""))
        for layer in ["areas", "coverage", "zones", "gaps", "sites", "hotspots"] {
            #expect(svg.contains("data-layer=\"\(layer)\""), "no \(layer) layer in the SVG")
        }
    }

    @Test func dataStringsAreSafeInsideAScriptElement() {
        #expect(MapData.string("</script><!-- & \u{2028}\"\\") == "\"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\\"\\\\\"")
    }

    @Test func printStaysTheStaticMap() throws {
        let (html, _) = try Briefing.render(try BriefingRenderTests.demo())
        // Print hides the controls and what the script adds, and shows every layer and label.
        #expect(html.contains(".ck-screen, .ck-ui, .ck-info { display: none !important; }"))
        #expect(html.contains("[data-layer], .ck-labels, .ck-ticks { display: inline !important; }"))
        #expect(try Briefing.render(try BriefingRenderTests.demo()).html == html)
    }
}
