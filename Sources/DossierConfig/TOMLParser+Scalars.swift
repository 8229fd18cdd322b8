/// Values written without quotes or brackets: booleans, numbers, dates and times, read as one
/// token and then told apart by their shape.
extension TOMLParser {
    /// The token here as a boolean, number, date or time.
    mutating func parseScalar() throws(TOMLFailure) -> TOMLValue {
        let start = scanner.index
        let position = scanner.position()
        var end = start
        while let byte = scanner.byte(at: end), !Self.endsToken(byte) { end += 1 }
        // A date and a time may be parted by a space instead of a T: 1979-05-27 07:32:00.
        if end - start == 10, Self.isDate(ArraySlice(scanner.bytes(from: start, to: end))),
           scanner.byte(at: end) == UInt8(ascii: " "), Self.isDigit(scanner.byte(at: end + 1)),
           Self.isDigit(scanner.byte(at: end + 2)), scanner.byte(at: end + 3) == UInt8(ascii: ":") {
            end += 1
            while let byte = scanner.byte(at: end), !Self.endsToken(byte) { end += 1 }
        }
        let token = Array(scanner.bytes(from: start, to: end))
        scanner.index = end
        guard !token.isEmpty else {
            throw TOMLFailure("a value was expected (text in quotes, a number, true or false, a date, [a list] or {a table}), "
                + "not \(Self.snippet(scanner.bytes, at: start))", at: start)
        }
        return TOMLValue(try kind(of: token, at: start), at: position)
    }

    private func kind(of token: [UInt8], at start: Int) throws(TOMLFailure) -> TOMLValue.Kind {
        if token.elementsEqual("true".utf8) { return .boolean(true) }
        if token.elementsEqual("false".utf8) { return .boolean(false) }
        let startsAsTime = token.count >= 3 && Self.isDigit(token[0]) && Self.isDigit(token[1]) && token[2] == UInt8(ascii: ":")
        if Self.isDate(token.prefix(10)) || startsAsTime {
            guard let kind = Self.dateTime(token) else {
                throw TOMLFailure("\(Self.snippet(scanner.bytes, at: start)) is not a date or time TOML can read (such as 1979-05-27, "
                    + "07:32:00, 1979-05-27T07:32:00 or 1979-05-27T07:32:00Z, with real days and hours to 23)", at: start)
            }
            return kind
        }
        let unsigned = token.first == UInt8(ascii: "+") || token.first == UInt8(ascii: "-") ? token.dropFirst() : token[...]
        let isWord = unsigned.first.map { !Self.isDigit($0) && $0 != UInt8(ascii: ".") && $0 != UInt8(ascii: "_") } ?? false
        if isWord, unsigned.elementsEqual("inf".utf8) || unsigned.elementsEqual("nan".utf8) {
            return .float(Self.float(token) ?? .nan)
        }
        if isWord {
            let shown = Self.snippet(scanner.bytes, at: start)
            throw TOMLFailure("\(shown) is not a value; text goes in quotes, as \"\(shown)\"", at: start)
        }
        return try number(token, at: start)
    }

    /// What ends a token: whitespace, a line's end, and the delimiters of lists, tables,
    /// comments, keys and strings.
    static func endsToken(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ","),
             UInt8(ascii: "]"), UInt8(ascii: "["), UInt8(ascii: "}"), UInt8(ascii: "{"), UInt8(ascii: "#"),
             UInt8(ascii: "="), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        default: false
        }
    }
}
