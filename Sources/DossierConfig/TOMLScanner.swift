/// A cursor over a TOML text's UTF-8 bytes that can say where any byte is.
///
/// Every read is bounds-checked and answers nil past the end, so no input can make it trap. It
/// holds plain buffer pointers, lent for one reading by `reading(_:_:)`, so that copying it (which
/// a build without optimisation does at every call) costs no reference counting.
struct TOMLScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The byte read next; `bytes.count` at the end.
    var index = 0
    /// Where each line starts, for turning an index into a line by binary search.
    private let lineStarts: UnsafeBufferPointer<Int>
    /// The last column worked out, so that positions asked for along one long line cost its
    /// length once rather than once each.
    private var columnCache = (index: 0, line: 1, column: 1)

    private init(bytes: UnsafeBufferPointer<UInt8>, lineStarts: UnsafeBufferPointer<Int>) {
        self.bytes = bytes
        self.lineStarts = lineStarts
    }

    /// Calls `body` with a scanner at the start of `text`, valid only during the call.
    static func reading<Result>(_ text: [UInt8], _ body: (TOMLScanner) -> Result) -> Result {
        var starts = [0]
        var offset = 0
        while offset < text.count {
            if text[offset] == 0x0A { starts.append(offset + 1) }
            offset += 1
        }
        return text.withUnsafeBufferPointer { bytes in
            starts.withUnsafeBufferPointer { lineStarts in
                body(TOMLScanner(bytes: bytes, lineStarts: lineStarts))
            }
        }
    }

    var isAtEnd: Bool { index >= bytes.count }

    /// The byte `offset` places ahead, or nil past the end.
    func peek(_ offset: Int = 0) -> UInt8? {
        let at = index + offset
        return at >= 0 && at < bytes.count ? bytes[at] : nil
    }

    /// The byte at `index`, or nil outside the text.
    func byte(at index: Int) -> UInt8? {
        index >= 0 && index < bytes.count ? bytes[index] : nil
    }

    /// The bytes from `start` up to `end`, clamped to the text.
    func bytes(from start: Int, to end: Int) -> UnsafeBufferPointer<UInt8> {
        let lower = max(0, min(start, bytes.count))
        return UnsafeBufferPointer(rebasing: bytes[lower..<max(lower, min(end, bytes.count))])
    }

    mutating func advance(_ count: Int = 1) {
        index = min(index + count, bytes.count)
    }

    /// Whether the next bytes are `ascii`, without moving.
    func isLooking(at ascii: StaticString) -> Bool {
        let text = ascii.utf8Start
        for offset in 0..<ascii.utf8CodeUnitCount where peek(offset) != text[offset] {
            return false
        }
        return true
    }

    /// Steps over spaces and tabs, TOML's whitespace.
    mutating func skipSpaces() {
        while let byte = peek(), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
            index += 1
        }
    }

    // MARK: - Lines and positions

    /// The 1-based line holding the byte at `at`.
    func line(of at: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = low + (high - low + 1) / 2
            if lineStarts[middle] <= at { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    /// The index where a 1-based line starts; the end of the text past the last line.
    func start(ofLine line: Int) -> Int {
        line >= 1 && line <= lineStarts.count ? lineStarts[line - 1] : bytes.count
    }

    /// The index just past the line feed that ends the line holding `at`, or the end of the text.
    func startOfNextLine(after at: Int) -> Int {
        start(ofLine: line(of: at) + 1)
    }

    /// The 1-based line of the last byte, or 1 for an empty text.
    var lastLine: Int { lineStarts.count }

    /// The line and column of the byte at `at`; the end of a text that ends with a line feed is
    /// placed on that line feed, so that every position is on a line the text has.
    mutating func position(of at: Int) -> TOMLPosition {
        var at = max(0, min(at, bytes.count))
        if at == bytes.count, at > 0, bytes[at - 1] == UInt8(ascii: "\n") { at -= 1 }
        // Positions are mostly asked for in order, on the line of the last one or the next.
        var line = columnCache.line
        if at < start(ofLine: line) || at >= start(ofLine: line + 1) {
            line = at >= start(ofLine: line + 1) && at < start(ofLine: line + 2) ? line + 1 : self.line(of: at)
        }
        var from = start(ofLine: line)
        var column = 1
        if columnCache.line == line, columnCache.index <= at {
            from = columnCache.index
            column = columnCache.column
        }
        while from < at {
            // Continuation bytes (10xxxxxx) are inside a scalar already counted.
            if bytes[from] & 0xC0 != 0x80 { column += 1 }
            from += 1
        }
        columnCache = (at, line, column)
        return TOMLPosition(line: line, column: column)
    }

    /// The position of the next byte.
    mutating func position() -> TOMLPosition {
        position(of: index)
    }
}
