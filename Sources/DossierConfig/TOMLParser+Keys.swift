/// Keys: bare (`name`), quoted (`"a b"`, `'c:\d'`) and dotted (`person.name`), whitespace
/// allowed around the dots.
extension TOMLParser {
    /// A key's parts, from a key's first byte; stops after the last part and any spaces.
    mutating func parseKey() throws(TOMLFailure) -> [TOMLKeyPart] {
        var parts: [TOMLKeyPart] = []
        while true {
            scanner.skipSpaces()
            parts.append(try parseKeyPart(afterDot: !parts.isEmpty))
            guard parts.count <= Self.maximumKeyParts else {
                throw TOMLFailure("a key may have at most \(Self.maximumKeyParts) parts between dots", at: scanner.index)
            }
            scanner.skipSpaces()
            guard scanner.peek() == UInt8(ascii: ".") else { return parts }
            scanner.advance()
        }
    }

    private mutating func parseKeyPart(afterDot: Bool) throws(TOMLFailure) -> TOMLKeyPart {
        let start = scanner.index
        let position = scanner.position()
        switch scanner.peek() {
        case UInt8(ascii: "\"") where scanner.isLooking(at: "\"\"\""), UInt8(ascii: "'") where scanner.isLooking(at: "'''"):
            throw TOMLFailure("a key cannot be a string in triple quotes", at: start)
        case UInt8(ascii: "\""):
            return TOMLKeyPart(name: try parseString(quote: UInt8(ascii: "\"")), position: position, index: start)
        case UInt8(ascii: "'"):
            return TOMLKeyPart(name: try parseString(quote: UInt8(ascii: "'")), position: position, index: start)
        case let byte? where Self.isBareKeyByte(byte):
            var end = start + 1
            while let byte = scanner.byte(at: end), Self.isBareKeyByte(byte) { end += 1 }
            scanner.index = end
            let name = String(decoding: scanner.bytes(from: start, to: end), as: UTF8.self)
            return TOMLKeyPart(name: name, position: position, index: start)
        default:
            let found = Self.snippet(scanner.bytes, at: start)
            let message = afterDot ? "a key needs a name after each dot, not \(found)" : "a key was expected, not \(found)"
            throw TOMLFailure(message, at: start)
        }
    }
}
