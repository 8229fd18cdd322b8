/// Reads a TOML text once, front to back, into tables: a line that cannot be read is reported,
/// left out, and reading goes on with the next line, so the cost is linear in the text's size.
///
/// Nesting is capped (`maximumNesting`, `maximumKeyParts`) so that no input recurses without bound.
struct TOMLParser {
    /// Lists and inline tables inside one another, past which a value is refused.
    static let maximumNesting = 128
    /// Parts of one dotted key or header name.
    static let maximumKeyParts = 128
    /// Times reading may go back over lines already read (after a string that never closes,
    /// to the first line that looks like one of its own); past it, the rest is left out, so a
    /// text made of such strings still costs a bounded number of readings.
    static let maximumBackwardResumes = 8

    var scanner: TOMLScanner
    private(set) var problems: [TOMLProblem] = []
    let root: TOMLTableNode
    /// Where `key = value` lines go: the latest header's table, or a detached one after a header
    /// that failed, so that the keys under it are checked and then dropped.
    private var current: TOMLTableNode
    private var backwardResumes = 0

    init(scanner: TOMLScanner) {
        self.scanner = scanner
        root = TOMLTableNode(origin: .header, position: TOMLPosition(line: 1, column: 1))
        current = root
    }

    mutating func parse() {
        if scanner.isLooking(at: "\u{FEFF}") { scanner.advance(3) }
        while !scanner.isAtEnd {
            let lineStart = scanner.index
            do throws(TOMLFailure) {
                try parseLine()
            } catch {
                recover(from: error, lineStart: lineStart)
            }
        }
    }

    // MARK: - Lines

    /// One line: blank, a comment, a header or a `key = value` (whose value may span lines).
    private mutating func parseLine() throws(TOMLFailure) {
        scanner.skipSpaces()
        switch scanner.peek() {
        case nil:
            return
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "#"):
            try checkLineEnd(after: "")
            consumeLineEnd()
        case UInt8(ascii: "["):
            try parseHeader()
        case let byte?:
            guard Self.isKeyStart(byte) else {
                throw TOMLFailure("the line is neither key = value, a [table] header nor a # comment", at: scanner.index)
            }
            try parseKeyValue()
        }
    }

    private mutating func parseKeyValue() throws(TOMLFailure) {
        let path = try parseKey()
        guard scanner.peek() == UInt8(ascii: "=") else {
            // A character glued to a bare key is most likely meant as part of it: "e-mail:work".
            if let byte = scanner.peek(), !Self.endsLine(byte),
               let before = scanner.byte(at: scanner.index - 1), Self.isBareKeyByte(before) {
                let word = (path.last?.name ?? "") + Self.snippet(scanner.bytes, at: scanner.index)
                throw TOMLFailure("a key without quotes may hold only letters A-Z and a-z, digits, _ and -; "
                    + "put other keys in quotes, as \"\(word)\"", at: scanner.index)
            }
            throw TOMLFailure("the key \(path.spelled) needs = and a value after it", at: scanner.index)
        }
        scanner.advance()
        scanner.skipSpaces()
        let value = try parseValue(depth: 0)
        try checkLineEnd(after: "the value")
        try current.set(path, to: value)
        consumeLineEnd()
    }

    private mutating func parseHeader() throws(TOMLFailure) {
        let header = scanner.position()
        do throws(TOMLFailure) {
            scanner.advance()
            let isArray = scanner.peek() == UInt8(ascii: "[")
            if isArray { scanner.advance() }
            scanner.skipSpaces()
            guard let byte = scanner.peek(), Self.isKeyStart(byte) else {
                throw TOMLFailure("a table header needs a name after its [", at: scanner.index)
            }
            let path = try parseKey()
            let closing = isArray ? "]]" : "]"
            guard scanner.peek() == UInt8(ascii: "]"), !isArray || scanner.peek(1) == UInt8(ascii: "]") else {
                throw TOMLFailure("the header [\(isArray ? "[" : "")\(path.spelled) needs \(closing) after its name", at: scanner.index)
            }
            scanner.advance(closing.utf8.count)
            try checkLineEnd(after: "a table header")
            current = try isArray ? root.appendingTable(path, at: header) : root.definingTable(path, at: header)
            consumeLineEnd()
        } catch {
            var failure = error
            failure.omitsTable = true
            throw failure
        }
    }

    /// Checks that the rest of the line is blank or a comment, stopping before its line feed.
    private mutating func checkLineEnd(after what: String) throws(TOMLFailure) {
        scanner.skipSpaces()
        if scanner.peek() == UInt8(ascii: "#") { try skipComment() }
        switch scanner.peek() {
        case nil, UInt8(ascii: "\n"):
            return
        case UInt8(ascii: "\r") where scanner.peek(1) == UInt8(ascii: "\n"):
            return
        case UInt8(ascii: "\r"):
            throw TOMLFailure("a carriage return must be followed by a line feed", at: scanner.index)
        default:
            let found = Self.snippet(scanner.bytes, at: scanner.index)
            throw TOMLFailure("only a # comment may follow \(what) on its line, not \(found)", at: scanner.index)
        }
    }

    /// Steps over the line feed (or CRLF) `checkLineEnd` stopped before.
    private mutating func consumeLineEnd() {
        if scanner.peek() == UInt8(ascii: "\r") { scanner.advance() }
        if scanner.peek() == UInt8(ascii: "\n") { scanner.advance() }
    }

    /// Steps over a comment to its line's end, which may hold no control character but a tab.
    mutating func skipComment() throws(TOMLFailure) {
        let start = scanner.index
        var isASCII = true
        while let byte = scanner.peek(), byte != UInt8(ascii: "\n") {
            if byte == UInt8(ascii: "\r"), scanner.peek(1) == UInt8(ascii: "\n") { break }
            if Self.isControl(byte) {
                throw TOMLFailure("a comment cannot hold the control character \(Self.codePoint(byte))", at: scanner.index)
            }
            isASCII = isASCII && byte < 0x80
            scanner.advance()
        }
        if !isASCII, String(validating: scanner.bytes(from: start, to: scanner.index), as: UTF8.self) == nil {
            throw TOMLFailure("the comment is not UTF-8 text", at: start)
        }
    }

    // MARK: - Recovery

    /// Reports a failure, drops what it spoils and moves to where reading goes on.
    private mutating func recover(from failure: TOMLFailure, lineStart: Int) {
        let stoppedAt = scanner.index
        var resume: Int
        switch failure.resume {
        case .afterLineOf(let at):
            // Never inside what was read already: a key set twice is reported at the key, but
            // its value may have run on for lines.
            resume = scanner.startOfNextLine(after: max(at, stoppedAt))
        case .at(let at):
            resume = at
        case .nextLineOfItsOwn(let open):
            let mayGoBack = backwardResumes < Self.maximumBackwardResumes
            resume = mayGoBack ? resumeAfterUnclosed(openedAt: open) : scanner.bytes.count
        }
        if resume < scanner.start(ofLine: scanner.line(of: stoppedAt)) {
            backwardResumes += 1
            if backwardResumes > Self.maximumBackwardResumes { resume = scanner.startOfNextLine(after: stoppedAt) }
        }
        // Always forward: every failure leaves out at least the line it began on.
        resume = max(resume, scanner.startOfNextLine(after: lineStart))
        let position = scanner.position(of: failure.index)
        let first = min(scanner.line(of: lineStart), position.line)
        let last = max(scanner.line(of: max(resume - 1, 0)), first)
        problems.append(TOMLProblem(position: position, message: failure.message,
                                    omission: failure.omitsTable ? .table : .lines(first...last)))
        if failure.omitsTable { current = TOMLTableNode(origin: .header, position: position) }
        scanner.index = resume
    }

    /// Where reading goes on after a string that opens at `open` and never closes: the first
    /// later line that looks like a line of its own (`key =` or a `[header]`), which is most
    /// likely where the string was meant to end; or the end of the text.
    private func resumeAfterUnclosed(openedAt open: Int) -> Int {
        var line = scanner.line(of: open) + 1
        while line <= scanner.lastLine {
            let start = scanner.start(ofLine: line)
            if looksLikeALine(at: start) { return start }
            line += 1
        }
        return scanner.bytes.count
    }

    /// Whether the line starting at `start` begins as a line of its own would: a key and `=`,
    /// or `[`, a name and `]`.
    func looksLikeALine(at start: Int) -> Bool {
        var probe = self
        probe.scanner.index = start
        probe.scanner.skipSpaces()
        guard probe.scanner.peek() == UInt8(ascii: "[") else {
            guard let byte = probe.scanner.peek(), Self.isKeyStart(byte), (try? probe.parseKey()) != nil else { return false }
            probe.scanner.skipSpaces()
            return probe.scanner.peek() == UInt8(ascii: "=")
        }
        probe.scanner.advance()
        if probe.scanner.peek() == UInt8(ascii: "[") { probe.scanner.advance() }
        probe.scanner.skipSpaces()
        guard let byte = probe.scanner.peek(), Self.isKeyStart(byte), (try? probe.parseKey()) != nil else { return false }
        return probe.scanner.peek() == UInt8(ascii: "]")
    }
}
