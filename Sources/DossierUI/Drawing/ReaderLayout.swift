import DossierFormats
import DossierText

/// An article wrapped to a width: the reader's lines, each tied to bytes of the article.
///
/// Both `update` (to scroll a mention into view) and `render` use it, so they
/// always agree on which line holds which word.
public struct ReaderLayout: Equatable, Sendable {
    public enum Line: Equatable, Sendable {
        case header(String, Style)
        /// A line of the headline, where it stands in the text: its names and matches are marked as the body's are.
        case headline([PlacedWord])
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

    /// The title and details, wrapped: a few lines, kept whole.
    private let headers: [Line]
    /// Every line below the headers, 8 bytes each, since a 50 MB article has millions: a body
    /// line's bytes, or the blank line before a paragraph (empty, at the paragraph's start).
    /// A body line's words are placed again when it is drawn, by the same wrapping.
    private let spans: [Span]
    /// The text the lines stand in: the article's, or the notice shown in place of a changed file.
    public let text: SourceText
    /// True when the lines are the notice that the article's file changed since it was indexed:
    /// nothing Dossier found in the file (mentions, matches) belongs on them.
    public let showsNotice: Bool
    private let width: Int
    /// False when wrapping stopped at a line limit: the lines shown so far, not the article.
    public let isComplete: Bool

    private struct Span: Equatable, Sendable {
        let start: UInt32
        let end: UInt32
        var isBlank: Bool { start == end }
        var range: Range<Int> { Int(start)..<Int(end) }
    }

    static let empty = ReaderLayout(headers: [], spans: [], text: SourceText(decoding: []), width: 1, isComplete: true)

    private init(headers: [Line], spans: [Span], text: SourceText, width: Int, isComplete: Bool, showsNotice: Bool = false) {
        self.headers = headers
        self.spans = spans
        self.text = text
        self.showsNotice = showsNotice
        self.width = width
        self.isComplete = isComplete
    }

    public static func == (left: ReaderLayout, right: ReaderLayout) -> Bool {
        left.width == right.width && left.isComplete == right.isComplete && left.headers == right.headers
            && left.spans == right.spans && left.text.bytes == right.text.bytes
    }

    /// Wraps the article, reading its text (from its file when it is not in memory); with a
    /// `lineLimit`, stops once that many lines are wrapped.
    public init(article: Article, width: Int, lineLimit: Int? = nil) {
        self.init(article: article, text: article.text, isAsIndexed: article.textIsAsIndexed, width: width, lineLimit: lineLimit)
    }

    /// Wraps an article's text as the runner read it; reads no file.
    public init(content: ArticleContent, width: Int, lineLimit: Int? = nil) {
        self.init(article: content.article, text: content.text, isAsIndexed: content.isAsIndexed, width: width, lineLimit: lineLimit)
    }

    /// The article's title and details alone, shown until its text arrives; reads no file.
    init(awaitingTextOf article: Article, width: Int) {
        let width = max(1, width)
        self.init(headers: Self.titleLines(article, width: width) + Self.detailLines(article, width: width), spans: [],
                  text: SourceText(decoding: []), width: width, isComplete: true)
    }

    /// Wraps `text`, the article's; with a `lineLimit`, stops once that many lines are wrapped (the
    /// first screenfuls of a huge article, shown while the rest is wrapped elsewhere).
    init(article: Article, text articleText: SourceText, isAsIndexed: Bool, width: Int, lineLimit: Int?) {
        let width = max(1, width)
        var headers: [Line] = []
        // A file that changed since it was indexed: its notice, whole, as the one paragraph.
        let showsNotice = !isAsIndexed
        if let headline = article.headlineRange, !showsNotice, headline.upperBound <= article.textLength {
            for words in Self.wrap(headline, in: articleText, width: width) { headers.append(.headline(words)) }
        } else {
            headers += Self.titleLines(article, width: width)
        }
        headers += Self.detailLines(article, width: width)
        let text = showsNotice ? SourceText(decoding: Array(article.changedNotice.utf8)) : articleText
        var spans: [Span] = []
        var isComplete = true
        for paragraph in showsNotice ? [0..<text.bytes.count] : article.paragraphs {
            if let lineLimit, headers.count + spans.count >= lineLimit {
                isComplete = false
                break
            }
            spans.append(Span(start: UInt32(paragraph.lowerBound), end: UInt32(paragraph.lowerBound)))
            var lineStart = -1
            var lineEnd = 0
            // One paragraph may be the whole of a huge article (a 5 MB line): the limit holds inside it too.
            let linesLeft = lineLimit.map { $0 - headers.count - spans.count } ?? Int.max
            let placedAll = Self.place(paragraph, in: text, width: width, maxLines: linesLeft) { word, startsLine in
                if startsLine {
                    if lineStart >= 0 { spans.append(Span(start: UInt32(lineStart), end: UInt32(lineEnd))) }
                    lineStart = word.range.lowerBound
                }
                lineEnd = word.range.upperBound
            }
            if lineStart >= 0 { spans.append(Span(start: UInt32(lineStart), end: UInt32(lineEnd))) }
            if !placedAll {
                isComplete = false
                break
            }
        }
        self.init(headers: headers, spans: spans, text: text, width: width, isComplete: isComplete, showsNotice: showsNotice)
    }

    private static func titleLines(_ article: Article, width: Int) -> [Line] {
        wrapText(article.title, width: width).map { .header($0, Style(bold: true)) }
    }

    /// Source, dateline, byline and date, on as many lines as they take; "summary only" for a feed item
    /// that carries no more than its summary, and when the library last stored a changed version of it;
    /// then the article's web address, where the rest is.
    private static func detailLines(_ article: Article, width: Int) -> [Line] {
        // The section is named with what it qualifies ("BBC · Technology"), never alone under the title.
        let others = [article.source, article.dateline, article.byline.map { "by \($0)" }, article.date].compactMap { $0 }
        let details = ((others.isEmpty ? others : [others[0]] + [article.section].compactMap { $0 } + others.dropFirst())
            + (article.isSummary ? ["summary only"] : []) + (article.updated.map { ["updated \(LibraryStamp.shown($0))"] } ?? []))
            .joined(separator: " · ")
        let lines = details.isEmpty ? [] : wrapText(details, width: width).map { Line.header($0, Style(dim: true)) }
        return lines + (article.url.map { [.header(truncated($0, to: width), Style(dim: true))] } ?? [])
    }

    /// The lines, each made when asked for.
    public var lines: Lines { Lines(layout: self) }

    public struct Lines: RandomAccessCollection {
        let layout: ReaderLayout
        public var startIndex: Int { 0 }
        public var endIndex: Int { layout.headers.count + layout.spans.count }

        public subscript(index: Int) -> Line {
            if index < layout.headers.count { return layout.headers[index] }
            let span = layout.spans[index - layout.headers.count]
            if span.isBlank { return .blank }
            return .body(ReaderLayout.wrap(span.range, in: layout.text, width: layout.width).first ?? [])
        }
    }

    /// The index of the line that holds a byte offset, or nil when no body line does.
    public func line(containing offset: Int) -> Int? {
        // Past the lines wrapped so far, the line is not known yet.
        if !isComplete, offset >= Int(spans.last?.end ?? 0) { return nil }
        var low = 0
        var high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if Int(spans[middle].start) <= offset { low = middle + 1 } else { high = middle }
        }
        // The last line starting at or before the offset; a blank one stands for none of its bytes.
        var index = low - 1
        while index >= 0 && spans[index].isBlank { index -= 1 }
        return index >= 0 ? headers.count + index : nil
    }

    /// The first byte of the first body line at or below `line`.
    public func firstOffset(fromLine line: Int) -> Int? {
        spans.dropFirst(max(0, line - headers.count)).first { !$0.isBlank }.map { Int($0.start) }
    }

    // MARK: - Wrapping

    /// Greedy wrapping by display width; a word wider than the line is split between graphemes.
    /// Words are one space apart, or, after a tab, at the next tab stop.
    static func wrap(_ paragraph: Range<Int>, in text: SourceText, width: Int) -> [[PlacedWord]] {
        var lines: [[PlacedWord]] = []
        place(paragraph, in: text, width: width) { word, startsLine in
            if startsLine { lines.append([]) }
            lines[lines.count - 1].append(word)
        }
        return lines
    }

    /// Places every word (or piece of a word) of a paragraph, in order, saying which start a line.
    /// The one wrapping rule: `wrap`, the layout's line spans and drawing all come from it.
    /// Stops before starting line `maxLines + 1`, and then returns false.
    @discardableResult
    private static func place(_ paragraph: Range<Int>, in text: SourceText, width: Int, maxLines: Int = Int.max,
                              _ visit: (PlacedWord, _ startsLine: Bool) -> Void) -> Bool {
        var used = 0
        var lineIsEmpty = true
        var lines = 0
        /// False when the piece would start a line past `maxLines`.
        func put(_ piece: Range<Int>, width pieceWidth: Int, gapEnd: Int) -> Bool {
            var column = lineIsEmpty ? 0 : gapEnd
            let startsLine = lineIsEmpty || column + pieceWidth > width
            if startsLine {
                guard lines < maxLines else { return false }
                lines += 1
                column = 0
            }
            visit(PlacedWord(range: piece, column: column), startsLine)
            lineIsEmpty = false
            used = column + pieceWidth
            return true
        }
        return forEachWord(in: paragraph, of: text) { word, afterTab in
            let gapEnd = afterTab ? (used / tabWidth + 1) * tabWidth : used + 1
            // Most words are printable ASCII that fits: one piece, its length wide, no string made.
            if let ascii = printableASCIIWidth(word, in: text), ascii <= width {
                return put(word, width: ascii, gapEnd: gapEnd)
            }
            for (pieceIndex, piece) in split(word, in: text, width: width).enumerated() {
                let pieceWidth = printableASCIIWidth(piece, in: text) ?? displayWidth(text.string(piece))
                guard put(piece, width: pieceWidth, gapEnd: pieceIndex == 0 ? gapEnd : used + 1) else { return false }
            }
            return true
        }
    }

    /// Calls `body` with each word of a range and whether a tab stands in the white space before it,
    /// until `body` returns false; returns false then, true when every word was visited.
    private static func forEachWord(in range: Range<Int>, of text: SourceText,
                                    _ body: (Range<Int>, _ afterTab: Bool) -> Bool) -> Bool {
        var start: Int?
        var sawTab = false
        let finished = text.bytes.withUnsafeBufferPointer { bytes in
            for index in range {
                let byte = bytes[index]
                let isSpace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
                if isSpace {
                    if let wordStart = start {
                        guard body(wordStart..<index, sawTab) else { return false }
                        start = nil
                        sawTab = false
                    }
                    if byte == 0x09 { sawTab = true }
                } else if start == nil {
                    start = index
                }
            }
            return true
        }
        guard finished else { return false }
        if let wordStart = start { return body(wordStart..<range.upperBound, sawTab) }
        return true
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
                // Measured as shown: `wrap` placed the words by their sanitised width, so the line is
                // built of sanitised words too, or an escape sequence's bytes would count against the spaces.
                line += String(repeating: " ", count: max(0, word.column - line.terminalWidth))
                    + DisplaySanitizer.sanitized(source.string(word.range))
            }
            return line
        }
    }
}
