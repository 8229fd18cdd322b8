import DossierCore

/// An article wrapped to a width: the reader's lines, each tied to bytes of the article.
///
/// Both `update` (to scroll a mention into view) and `render` use it, so they
/// always agree on which line holds which word.
public struct ReaderLayout: Equatable, Sendable {
    public enum Line: Equatable, Sendable {
        case header(String, Style)
        case blank
        /// The words on the line, each at its column.
        case body([PlacedWord])
    }

    /// A word of the article and the column (0-based, within the line) where it starts.
    public struct PlacedWord: Equatable, Sendable {
        public let range: Range<Int>
        public let column: Int
    }

    /// Columns between tab stops.
    public static let tabWidth = 8

    public let lines: [Line]
    /// The first byte offset of each body line, and the line's index, in order: for binary search.
    private let bodyLineStarts: [(offset: Int, line: Int)]

    static let empty = ReaderLayout(lines: [])

    private init(lines: [Line]) {
        self.lines = lines
        bodyLineStarts = lines.enumerated().compactMap { index, line in
            if case .body(let words) = line, let first = words.first { (first.range.lowerBound, index) } else { nil }
        }
    }

    public static func == (left: ReaderLayout, right: ReaderLayout) -> Bool { left.lines == right.lines }

    public init(article: Article, width: Int) {
        let width = max(1, width)
        var lines: [Line] = []
        for line in Self.wrapText(article.title, width: width) { lines.append(.header(line, Style(bold: true))) }
        let details = [article.source, article.dateline, article.section, article.byline.map { "by \($0)" }, article.date]
            .compactMap { $0 }.joined(separator: " · ")
        if !details.isEmpty {
            for line in Self.wrapText(details, width: width) { lines.append(.header(line, Style(dim: true))) }
        }
        for paragraph in article.paragraphs {
            lines.append(.blank)
            lines += Self.wrap(paragraph, in: article.text, width: width).map(Line.body)
        }
        self.init(lines: lines)
    }

    /// The index of the line that holds a byte offset, or nil when no body line does.
    public func line(containing offset: Int) -> Int? {
        var low = 0
        var high = bodyLineStarts.count
        while low < high {
            let middle = (low + high) / 2
            if bodyLineStarts[middle].offset <= offset { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? bodyLineStarts[low - 1].line : nil
    }

    // MARK: - Wrapping

    /// Greedy wrapping by display width; a word wider than the line is split between graphemes.
    /// Words are one space apart, or, after a tab, at the next tab stop.
    static func wrap(_ paragraph: Range<Int>, in text: SourceText, width: Int) -> [[PlacedWord]] {
        var lines: [[PlacedWord]] = []
        var current: [PlacedWord] = []
        var used = 0
        for (word, afterTab) in words(in: paragraph, of: text) {
            for (pieceIndex, piece) in split(word, in: text, width: width).enumerated() {
                let pieceWidth = printableASCIIWidth(piece, in: text) ?? displayWidth(text.string(piece))
                let gapEnd = afterTab && pieceIndex == 0 ? (used / tabWidth + 1) * tabWidth : used + 1
                var column = current.isEmpty ? 0 : gapEnd
                if !current.isEmpty && column + pieceWidth > width {
                    lines.append(current)
                    current = []
                    column = 0
                }
                current.append(PlacedWord(range: piece, column: column))
                used = column + pieceWidth
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The words of a range, each with whether a tab stands in the white space before it.
    private static func words(in range: Range<Int>, of text: SourceText) -> [(Range<Int>, afterTab: Bool)] {
        var words: [(Range<Int>, afterTab: Bool)] = []
        var start: Int?
        var sawTab = false
        for index in range {
            let byte = text.bytes[index]
            let isSpace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
            if isSpace {
                if let wordStart = start { words.append((wordStart..<index, sawTab)); start = nil; sawTab = false }
                if byte == 0x09 { sawTab = true }
            } else if start == nil {
                start = index
            }
        }
        if let wordStart = start { words.append((wordStart..<range.upperBound, sawTab)) }
        return words
    }

    /// Columns a piece of article text takes on screen: measured after sanitising, as `Screen`
    /// will draw it, since a control character becomes a visible placeholder there.
    static func displayWidth(_ string: String) -> Int {
        DisplaySanitizer.sanitized(string).terminalWidth
    }

    /// The width of a run of printable ASCII, which is its length; nil when it holds anything
    /// else. Most words of most articles are such runs, and need no string or sanitising.
    private static func printableASCIIWidth(_ range: Range<Int>, in text: SourceText) -> Int? {
        for byte in text.bytes[range] where byte < 0x21 || byte > 0x7E { return nil }
        return range.count
    }

    /// Splits a word wider than `width` into pieces that fit, never inside a grapheme.
    private static func split(_ word: Range<Int>, in text: SourceText, width: Int) -> [Range<Int>] {
        if let ascii = printableASCIIWidth(word, in: text), ascii <= width { return [word] }
        let string = text.string(word)
        guard displayWidth(string) > width else { return [word] }
        var pieces: [Range<Int>] = []
        var pieceStart = word.lowerBound
        var offset = word.lowerBound
        var used = 0
        for character in string {
            let characterWidth = displayWidth(String(character))
            if used + characterWidth > width && offset > pieceStart {
                pieces.append(pieceStart..<offset)
                pieceStart = offset
                used = 0
            }
            used += characterWidth
            offset += character.utf8.count
        }
        if offset > pieceStart { pieces.append(pieceStart..<offset) }
        return pieces
    }

    /// Wraps a plain string (titles, descriptions) at spaces.
    public static func wrapText(_ text: String, width: Int) -> [String] {
        let bytes = Array(text.utf8)
        let source = SourceText(decoding: bytes)
        return wrap(0..<source.bytes.count, in: source, width: max(1, width)).map { words in
            var line = ""
            for word in words {
                line += String(repeating: " ", count: max(0, word.column - line.terminalWidth)) + source.string(word.range)
            }
            return line
        }
    }
}
