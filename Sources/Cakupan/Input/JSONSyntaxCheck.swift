import Foundation

/// A streaming syntax check of JSON text (RFC 8259), used only to explain why GDAL could not open a
/// GeoJSON file: where the text stops being JSON, or that it ends in the middle (a truncated file).
/// Reads the file in chunks; never holds it whole.
struct JSONSyntaxCheck {
    enum Outcome: Equatable {
        case valid
        /// Not JSON at `line`:`column` (1-based; the column counts characters).
        case invalid(line: Int, column: Int, problem: String)
        /// The text ends before the JSON value is complete.
        case truncated(line: Int, column: Int)
        case empty
    }

    /// Checks the file at `path`; nil when it cannot be read.
    static func check(path: String) -> Outcome? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var checker = JSONSyntaxCheck()
        while true {
            guard let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty else { break }
            if let outcome = checker.feed(chunk) { return outcome }
        }
        return checker.finish()
    }

    /// Checks `bytes` held in memory.
    static func check<Bytes: Sequence<UInt8>>(bytes: Bytes) -> Outcome {
        var checker = JSONSyntaxCheck()
        if let outcome = checker.feed(bytes) { return outcome }
        return checker.finish()
    }

    private enum Expect { case value, valueOrEnd, key, keyOrEnd, colon, commaOrEnd, nothing }
    private enum Container { case object, array }

    private var expect = Expect.value
    private var stack: [Container] = []
    private var inString = false
    private var escape = false
    private var unicodeDigits = 0
    private var token: [UInt8] = []
    private var tokenLine = 1, tokenColumn = 1
    private var line = 1, column = 0
    private var offset = 0
    private var lastSignificant: UInt8 = 0

    /// Feeds the next bytes; returns an outcome as soon as the text is known to be invalid.
    mutating func feed<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Outcome? {
        for b in bytes {
            defer { offset += 1 }
            if offset < 3 && b == [0xEF, 0xBB, 0xBF][offset] && token.isEmpty && expect == .value && stack.isEmpty {
                continue  // UTF-8 byte order mark
            }
            if b == 0x0A { line += 1; column = 0 } else if b & 0xC0 != 0x80 { column += 1 }
            if inString {
                if let problem = stringByte(b) { return .invalid(line: line, column: column, problem: problem) }
                continue
            }
            if isTokenByte(b) {
                if token.isEmpty { tokenLine = line; tokenColumn = column }
                token.append(b)
                if token.count > 400 { return .invalid(line: tokenLine, column: tokenColumn, problem: "'\(tokenText)…' is not a JSON value") }
                continue
            }
            if let outcome = endToken() { return outcome }
            switch b {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            default: break
            }
            if let problem = structural(b) { return .invalid(line: line, column: column, problem: problem) }
            lastSignificant = b
        }
        return nil
    }

    /// The outcome once every byte has been fed.
    mutating func finish() -> Outcome {
        if let outcome = endToken() { return outcome }
        if offset == 0 || (expect == .value && stack.isEmpty && lastSignificant == 0) { return .empty }
        if inString || !stack.isEmpty || expect != .nothing { return .truncated(line: line, column: column) }
        return .valid
    }

    private var tokenText: String { String(decoding: token.prefix(40), as: UTF8.self) }

    private func isTokenByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x2B || b == 0x2E
    }

    /// Ends a literal or number token at a delimiter and checks it.
    private mutating func endToken() -> Outcome? {
        guard !token.isEmpty else { return nil }
        defer { token.removeAll(keepingCapacity: true) }
        let text = tokenText
        guard expect == .value || expect == .valueOrEnd else {
            return .invalid(line: tokenLine, column: tokenColumn, problem: unexpected(text))
        }
        guard ["true", "false", "null"].contains(text) || Self.isNumber(token) else {
            let hint = ["NaN", "Infinity", "-Infinity"].contains(text) ? " (JSON has no NaN or infinity)" : ""
            return .invalid(line: tokenLine, column: tokenColumn, problem: "'\(text)' is not a JSON value\(hint)")
        }
        valueDone()
        lastSignificant = token.last ?? 0
        return nil
    }

    /// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    static func isNumber(_ t: [UInt8]) -> Bool {
        var i = 0
        func digits() -> Int {
            let start = i
            while i < t.count, t[i] >= 0x30, t[i] <= 0x39 { i += 1 }
            return i - start
        }
        if i < t.count, t[i] == 0x2D { i += 1 }
        guard i < t.count else { return false }
        if t[i] == 0x30 { i += 1 } else if digits() == 0 { return false }
        if i < t.count, t[i] == 0x2E {
            i += 1
            if digits() == 0 { return false }
        }
        if i < t.count, t[i] == 0x65 || t[i] == 0x45 {
            i += 1
            if i < t.count, t[i] == 0x2B || t[i] == 0x2D { i += 1 }
            if digits() == 0 { return false }
        }
        return i == t.count
    }

    private mutating func stringByte(_ b: UInt8) -> String? {
        if unicodeDigits > 0 {
            let hex = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66)
            guard hex else { return "'\\u' must be followed by 4 hexadecimal digits" }
            unicodeDigits -= 1
            return nil
        }
        if escape {
            escape = false
            switch b {
            case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: return nil
            case 0x75: unicodeDigits = 4; return nil
            default: return "'\\\(Character(Unicode.Scalar(b)))' is not a JSON escape"
            }
        }
        switch b {
        case 0x5C: escape = true
        case 0x22:
            inString = false
            if expect == .key || expect == .keyOrEnd { expect = .colon } else { valueDone() }
        case 0x00..<0x20: return "a control character (line break or tab) inside a string; write it as \\n or \\t"
        default: break
        }
        return nil
    }

    private mutating func structural(_ b: UInt8) -> String? {
        let c = b < 0x80 ? String(Character(Unicode.Scalar(b))) : "byte 0x\(String(b, radix: 16, uppercase: true))"
        switch (b, expect) {
        case (0x22, .value), (0x22, .valueOrEnd), (0x22, .key), (0x22, .keyOrEnd):
            inString = true
        case (0x7B, .value), (0x7B, .valueOrEnd):
            stack.append(.object); expect = .keyOrEnd
        case (0x5B, .value), (0x5B, .valueOrEnd):
            stack.append(.array); expect = .valueOrEnd
        case (0x7D, .keyOrEnd):
            stack.removeLast(); valueDone()
        case (0x7D, .commaOrEnd) where stack.last == .object:
            stack.removeLast(); valueDone()
        case (0x5D, .valueOrEnd):
            stack.removeLast(); valueDone()
        case (0x5D, .commaOrEnd) where stack.last == .array:
            stack.removeLast(); valueDone()
        case (0x3A, .colon):
            expect = .value
        case (0x2C, .commaOrEnd):
            expect = stack.last == .object ? .key : .value
        case (0x7D, .key), (0x5D, .value):
            return "'\(c)' after ',' (a trailing comma is not allowed in JSON)"
        case (0x27, _):
            return "unexpected ' (JSON strings and names need double quotes)"
        case (_, .nothing):
            return "'\(c)' after the end of the JSON value (only one value per file)"
        default:
            return unexpected(c)
        }
        return nil
    }

    private func unexpected(_ what: String) -> String {
        let wanted: String
        switch expect {
        case .value, .valueOrEnd: wanted = "a value"
        case .key, .keyOrEnd: wanted = "a \"name\" in double quotes"
        case .colon: wanted = "':'"
        case .commaOrEnd: wanted = stack.last == .object ? "',' or '}'" : "',' or ']'"
        case .nothing: wanted = "the end of the file"
        }
        return "unexpected '\(what)' where \(wanted) was expected"
    }

    private mutating func valueDone() {
        expect = stack.isEmpty ? .nothing : .commaOrEnd
    }
}
