/// The four kinds of string. A string with a bad escape or a control character is read to its
/// closing quotes before the problem is thrown, so that reading goes on after it rather than
/// inside it.
extension TOMLParser {
    /// `"…"`, escapes decoded, or `'…'`, as written; from its opening quote.
    mutating func parseString(quote: UInt8) throws(TOMLFailure) -> String {
        if let text = readPlainString(quote: quote) { return text }
        let open = scanner.index
        let escapes = quote == UInt8(ascii: "\"")
        scanner.advance()
        var text: [UInt8] = []
        var problem: TOMLFailure?
        while true {
            guard let byte = scanner.peek(), byte != UInt8(ascii: "\n") else {
                let message = "the string that starts here has no closing \(Character(Unicode.Scalar(quote))) on its line"
                throw TOMLFailure(message, at: open, resume: .afterLineOf(scanner.index))
            }
            switch byte {
            case quote:
                scanner.advance()
                return try finishString(text, problem: problem)
            case UInt8(ascii: "\\") where escapes:
                readEscape(into: &text, problem: &problem)
            default:
                readPlainBytes(into: &text, problem: &problem, stoppingAt: quote, escapes: escapes)
            }
        }
    }

    /// `"""…"""`, escapes decoded, or `'''…'''`, as written; from the opening quotes. A line feed right
    /// after them is dropped, and in a basic string a `\` that ends a line is dropped with the
    /// whitespace after it.
    mutating func parseMultilineString(quote: UInt8) throws(TOMLFailure) -> String {
        let open = scanner.index
        let escapes = quote == UInt8(ascii: "\"")
        scanner.advance(3)
        skipFirstLineFeed()
        var text: [UInt8] = []
        var problem: TOMLFailure?
        while true {
            guard let byte = scanner.peek() else {
                let quotes = String(repeating: Character(Unicode.Scalar(quote)), count: 3)
                throw TOMLFailure("the string that starts here with \(quotes) never ends", at: open, resume: .nextLineOfItsOwn(after: open))
            }
            switch byte {
            case quote:
                if closeMultiline(quote: byte, into: &text) { return try finishString(text, problem: problem) }
            case UInt8(ascii: "\\") where escapes && endsLineAfterBackslash():
                skipWhitespaceAndLineFeeds()
            case UInt8(ascii: "\\") where escapes:
                readEscape(into: &text, problem: &problem)
            default:
                readMultilineBytes(into: &text, problem: &problem, quote: quote, escapes: escapes)
            }
        }
    }

    // MARK: - Pieces

    /// A one-line string with no escape and nothing to refuse, read straight from the text, as
    /// most are; nil, without moving, for any other.
    private mutating func readPlainString(quote: UInt8) -> String? {
        let start = scanner.index + 1
        var end = start
        while let byte = scanner.byte(at: end), byte != quote {
            if byte == UInt8(ascii: "\\") || Self.isControl(byte) { return nil }
            end += 1
        }
        guard end < scanner.bytes.count,
              let text = String(validating: scanner.bytes(from: start, to: end), as: UTF8.self) else { return nil }
        scanner.index = end + 1
        return text
    }

    /// The string, or the first problem met in it, now that it is read to its end.
    private mutating func finishString(_ text: [UInt8], problem: TOMLFailure?) throws(TOMLFailure) -> String {
        if var problem {
            problem.resume = .afterLineOf(scanner.index)
            throw problem
        }
        guard let string = String(validating: text, as: UTF8.self) else {
            throw TOMLFailure("the string is not UTF-8 text", at: scanner.index)
        }
        return string
    }

    /// Bytes up to the next quote, backslash (if `escapes`), line end or control character.
    private mutating func readPlainBytes(
        into text: inout [UInt8], problem: inout TOMLFailure?, stoppingAt quote: UInt8, escapes: Bool
    ) {
        let start = scanner.index
        while let byte = scanner.peek(), byte != quote, !(escapes && byte == UInt8(ascii: "\\")), !Self.isControl(byte) {
            scanner.advance()
        }
        text.append(contentsOf: scanner.bytes(from: start, to: scanner.index))
        if start == scanner.index, let byte = scanner.peek(), byte != UInt8(ascii: "\n") {
            let code = Self.codePoint(byte)
            note(&problem, TOMLFailure("a string cannot hold the control character \(code); write it as an escape", at: scanner.index))
            scanner.advance()
        }
    }

    /// Like `readPlainBytes`, but line feeds (and CRLF, kept as a line feed) belong to the string.
    private mutating func readMultilineBytes(
        into text: inout [UInt8], problem: inout TOMLFailure?, quote: UInt8, escapes: Bool
    ) {
        if scanner.peek() == UInt8(ascii: "\n") {
            text.append(UInt8(ascii: "\n"))
            scanner.advance()
        } else if scanner.isLooking(at: "\r\n") {
            text.append(UInt8(ascii: "\n"))
            scanner.advance(2)
        } else {
            readPlainBytes(into: &text, problem: &problem, stoppingAt: quote, escapes: escapes)
        }
    }

    /// At a run of quotes in a multi-line string: three or more end it, up to two before them
    /// being part of it; fewer are text. Returns whether the string ended.
    private mutating func closeMultiline(quote: UInt8, into text: inout [UInt8]) -> Bool {
        var run = 0
        while scanner.peek(run) == quote { run += 1 }
        guard run >= 3 else {
            text.append(contentsOf: repeatElement(quote, count: run))
            scanner.advance(run)
            return false
        }
        // A sixth quote is left for the line's end to refuse.
        let extra = min(run - 3, 2)
        text.append(contentsOf: repeatElement(quote, count: extra))
        scanner.advance(3 + extra)
        return true
    }

    private mutating func skipFirstLineFeed() {
        if scanner.peek() == UInt8(ascii: "\n") {
            scanner.advance()
        } else if scanner.isLooking(at: "\r\n") {
            scanner.advance(2)
        }
    }

    /// Whether the backslash here is the last thing on its line but spaces.
    private func endsLineAfterBackslash() -> Bool {
        var offset = 1
        while let byte = scanner.peek(offset), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { offset += 1 }
        let byte = scanner.peek(offset)
        return byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && scanner.peek(offset + 1) == UInt8(ascii: "\n"))
    }

    private mutating func skipWhitespaceAndLineFeeds() {
        scanner.advance()
        while let byte = scanner.peek() {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") {
                scanner.advance()
            } else if scanner.isLooking(at: "\r\n") {
                scanner.advance(2)
            } else {
                return
            }
        }
    }

    /// What `\b \t \n \f \r \" \\` stand for.
    private static let shortEscapes: [UInt8: UInt8] = [
        UInt8(ascii: "b"): 0x08, UInt8(ascii: "t"): 0x09, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "f"): 0x0C,
        UInt8(ascii: "r"): 0x0D, UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C,
    ]

    /// An escape from its backslash: `\b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX`.
    private mutating func readEscape(into text: inout [UInt8], problem: inout TOMLFailure?) {
        let at = scanner.index
        scanner.advance()
        guard let byte = scanner.peek() else { return }
        if let decoded = Self.shortEscapes[byte] {
            text.append(decoded)
            scanner.advance()
        } else if byte == UInt8(ascii: "u") || byte == UInt8(ascii: "U") {
            readUnicodeEscape(digits: byte == UInt8(ascii: "u") ? 4 : 8, from: at, into: &text, problem: &problem)
        } else {
            let shown = byte >= 0x21 && byte < 0x7F
                ? "\\" + String(UnicodeScalar(byte)) : "a \\ followed by \(Self.snippet(scanner.bytes, at: scanner.index))"
            let known = #"\b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX"#
            note(&problem, TOMLFailure(#"\#(shown) is not an escape TOML knows (\#(known)); write \\ for a backslash"#, at: at))
            if !Self.endsLine(byte) && !Self.isControl(byte) { scanner.advance() }
        }
    }

    /// `\u` and four hex digits or `\U` and eight, naming a Unicode scalar (not a surrogate).
    private mutating func readUnicodeEscape(
        digits: Int, from at: Int, into text: inout [UInt8], problem: inout TOMLFailure?
    ) {
        scanner.advance()
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let byte = scanner.peek(), Self.isHexDigit(byte) else {
                note(&problem, TOMLFailure("\\\(digits == 4 ? "u" : "U") needs \(digits) hex digits", at: at))
                return
            }
            value = value << 4 | UInt32(Self.isDigit(byte) ? byte - UInt8(ascii: "0") : (byte | 0x20) - UInt8(ascii: "a") + 10)
            scanner.advance()
        }
        guard let scalar = Unicode.Scalar(value) else {
            let kind = (0xD800...0xDFFF).contains(value) ? "a surrogate, which cannot stand alone" : "beyond Unicode"
            let escape = String(decoding: scanner.bytes(from: at, to: scanner.index), as: UTF8.self)
            note(&problem, TOMLFailure("\(escape) is \(kind)", at: at))
            return
        }
        text.append(contentsOf: Array(String(scalar).utf8))
    }

    /// Keeps the first problem of a string.
    private func note(_ problem: inout TOMLFailure?, _ failure: TOMLFailure) {
        if problem == nil { problem = failure }
    }
}
