/// Values: which kind starts here, and the two that hold others, lists and inline tables.
extension TOMLParser {
    /// The value starting here, `depth` lists and inline tables deep.
    mutating func parseValue(depth: Int) throws(TOMLFailure) -> TOMLValue {
        let position = scanner.position()
        switch scanner.peek() {
        case nil, UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "#"):
            throw TOMLFailure("a value must follow = on the same line", at: scanner.index)
        case UInt8(ascii: "\""):
            let text = scanner.isLooking(at: "\"\"\"") ? try parseMultilineString(quote: UInt8(ascii: "\"")) : try parseString(quote: UInt8(ascii: "\""))
            return TOMLValue(.string(text), at: position)
        case UInt8(ascii: "'"):
            let text = scanner.isLooking(at: "'''") ? try parseMultilineString(quote: UInt8(ascii: "'")) : try parseString(quote: UInt8(ascii: "'"))
            return TOMLValue(.string(text), at: position)
        case UInt8(ascii: "["):
            return try parseArray(depth: depth)
        case UInt8(ascii: "{"):
            return try parseInlineTable(depth: depth)
        default:
            return try parseScalar()
        }
    }

    /// Lists and inline tables are read by recursion, which this bounds.
    private func checkNesting(_ depth: Int, at open: Int) throws(TOMLFailure) {
        guard depth < Self.maximumNesting else {
            throw TOMLFailure("lists and inline tables may be nested at most \(Self.maximumNesting) deep", at: open)
        }
    }

    /// `[1, 2, 3]`: items of any kinds, across lines, with comments and a trailing comma allowed.
    private mutating func parseArray(depth: Int) throws(TOMLFailure) -> TOMLValue {
        let open = scanner.index
        let position = scanner.position()
        try checkNesting(depth, at: open)
        scanner.advance()
        var items: [TOMLValue] = []
        while true {
            try skipListFiller()
            switch scanner.peek() {
            case nil:
                throw TOMLFailure("the list that starts here has no closing ]", at: open, resume: .at(scanner.bytes.count))
            case UInt8(ascii: "]"):
                scanner.advance()
                return TOMLValue(.array(items), at: position)
            case UInt8(ascii: ","):
                throw TOMLFailure("a list needs an item before each comma", at: scanner.index)
            default:
                do throws(TOMLFailure) {
                    items.append(try parseValue(depth: depth + 1))
                    try skipListFiller()
                    if scanner.peek() == UInt8(ascii: ",") {
                        scanner.advance()
                    } else if scanner.isAtEnd {
                        throw TOMLFailure("the list that starts here has no closing ]", at: open, resume: .at(scanner.bytes.count))
                    } else if scanner.peek() != UInt8(ascii: "]") {
                        let found = Self.snippet(scanner.bytes, at: scanner.index)
                        throw TOMLFailure("a list needs , or ] after each item, not \(found)", at: scanner.index)
                    }
                } catch {
                    throw reinterpreted(error, inListOpenedAt: open)
                }
            }
        }
    }

    /// A failure inside a list, on a later line that looks like a line of its own (`key =`,
    /// `[header]`), becomes the list's: its `]` is most likely what is missing, and reading goes
    /// on at that line.
    private func reinterpreted(_ failure: TOMLFailure, inListOpenedAt open: Int) -> TOMLFailure {
        guard case .afterLineOf = failure.resume else { return failure }
        let line = scanner.line(of: failure.index)
        let start = scanner.start(ofLine: line)
        guard line > scanner.line(of: open), start > open, looksLikeALine(at: start) else { return failure }
        return TOMLFailure("the list that starts here has no closing ] before line \(line)", at: open, resume: .at(start))
    }

    /// Spaces, line ends and comments, which may come between a list's items.
    private mutating func skipListFiller() throws(TOMLFailure) {
        while let byte = scanner.peek() {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"):
                scanner.advance()
            case UInt8(ascii: "\r"):
                guard scanner.peek(1) == UInt8(ascii: "\n") else {
                    throw TOMLFailure("a carriage return must be followed by a line feed", at: scanner.index)
                }
                scanner.advance(2)
            case UInt8(ascii: "#"):
                try skipComment()
            default:
                return
            }
        }
    }

    /// `{ name = "Ri", title = "minister" }`: on one line (but for values that span lines), no
    /// comma after the last key, and closed to any key added later.
    private mutating func parseInlineTable(depth: Int) throws(TOMLFailure) -> TOMLValue {
        let open = scanner.index
        let position = scanner.position()
        try checkNesting(depth, at: open)
        scanner.advance()
        let table = TOMLTableNode(origin: .header, position: position)
        scanner.skipSpaces()
        if scanner.peek() == UInt8(ascii: "}") {
            scanner.advance()
            return TOMLValue(.table(table.frozen()), at: position)
        }
        while true {
            scanner.skipSpaces()
            try checkInlineTableGoesOn(openedAt: open, afterComma: !table.entries.isEmpty)
            let path = try parseKey()
            guard depth + path.count < Self.maximumNesting else {
                throw TOMLFailure("lists and inline tables may be nested at most \(Self.maximumNesting) deep", at: open)
            }
            guard scanner.peek() == UInt8(ascii: "=") else {
                throw TOMLFailure("the key \(path.spelled) needs = and a value after it", at: scanner.index)
            }
            scanner.advance()
            scanner.skipSpaces()
            try table.set(path, to: try parseValue(depth: depth + path.count))
            scanner.skipSpaces()
            switch scanner.peek() {
            case UInt8(ascii: ","):
                scanner.advance()
            case UInt8(ascii: "}"):
                scanner.advance()
                return TOMLValue(.table(table.frozen()), at: position)
            case nil, UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "#"):
                throw Self.unclosedInlineTable(openedAt: open, endingAt: scanner.index)
            default:
                let found = Self.snippet(scanner.bytes, at: scanner.index)
                throw TOMLFailure("an inline table needs , or } after each value, not \(found)", at: scanner.index)
            }
        }
    }

    private static func unclosedInlineTable(openedAt open: Int, endingAt end: Int) -> TOMLFailure {
        TOMLFailure("the inline table that starts here has no closing } on its line", at: open, resume: .afterLineOf(end))
    }

    /// Refuses what cannot start an inline table's next key: its line's end, or a `}` right after a comma.
    private func checkInlineTableGoesOn(openedAt open: Int, afterComma: Bool) throws(TOMLFailure) {
        switch scanner.peek() {
        case nil, UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "#"):
            throw Self.unclosedInlineTable(openedAt: open, endingAt: scanner.index)
        case UInt8(ascii: "}") where afterComma:
            throw TOMLFailure("an inline table cannot have a comma after its last value", at: scanner.index)
        case UInt8(ascii: ","):
            throw TOMLFailure("an inline table needs a key before each comma", at: scanner.index)
        default:
            return
        }
    }
}
