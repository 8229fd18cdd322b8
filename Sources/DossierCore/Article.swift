/// One news article, parsed from one file.
///
/// Every range is a byte range of `text.bytes`, so anything found in the
/// article can be reported at its line and column in the file.
public struct Article: Sendable {
    /// The file name without its extension; on a clash, the path relative to its root.
    public let id: String
    /// The path as the user gave it, joined with the file's place below that path.
    public let path: String
    /// The decoded text, read from the file again when it is not in memory.
    public var text: SourceText { textStorage.text }
    /// False when the file changed length or vanished after it was indexed: `text` is then a notice saying so.
    public var textIsAsIndexed: Bool { textStorage.isAsIndexed }
    /// What to show in place of the text when it is not as indexed: which file, and what to do.
    public var changedNotice: String { ArticleText.changedNotice(path: path) }
    /// Length of `text` in bytes, as indexed.
    public let textLength: Int
    private let textStorage: ArticleText
    /// The headline, or when the file has none, its first sentence shortened at a word.
    public let title: String
    /// Where the headline stands in the file; nil when the title was derived.
    public let headlineRange: Range<Int>?
    public let dateline: String?
    public let byline: String?
    public let section: String?
    public let source: String?
    /// ISO 8601 day ("2018-08-24") when the article states its date.
    public let date: String?
    /// Body paragraphs in order, without headline, byline or source footer.
    public let paragraphs: [Range<Int>]
    public let wordCount: Int

    /// The ranges that hold the article's own words: the headline, then the body.
    init(id: String, path: String, text: SourceText, title: String, headlineRange: Range<Int>?, dateline: String?,
         byline: String?, section: String?, source: String?, date: String?, paragraphs: [Range<Int>], wordCount: Int) {
        self.init(id: id, path: path, textStorage: ArticleText(holding: text, path: path), textLength: text.bytes.count,
                  title: title, headlineRange: headlineRange, dateline: dateline, byline: byline, section: section,
                  source: source, date: date, paragraphs: paragraphs, wordCount: wordCount)
    }

    /// An article whose text stays in its file until asked for.
    init(id: String, path: String, textLength: Int, title: String, headlineRange: Range<Int>?, dateline: String?,
         byline: String?, section: String?, source: String?, date: String?, paragraphs: [Range<Int>], wordCount: Int) {
        self.init(id: id, path: path, textStorage: ArticleText(path: path, length: textLength), textLength: textLength,
                  title: title, headlineRange: headlineRange, dateline: dateline, byline: byline, section: section,
                  source: source, date: date, paragraphs: paragraphs, wordCount: wordCount)
    }

    private init(id: String, path: String, textStorage: ArticleText, textLength: Int, title: String,
                 headlineRange: Range<Int>?, dateline: String?, byline: String?, section: String?, source: String?,
                 date: String?, paragraphs: [Range<Int>], wordCount: Int) {
        self.id = id
        self.path = path
        self.textStorage = textStorage
        self.textLength = textLength
        self.title = title
        self.headlineRange = headlineRange
        self.dateline = dateline
        self.byline = byline
        self.section = section
        self.source = source
        self.date = date
        self.paragraphs = paragraphs
        self.wordCount = wordCount
    }

    /// The same article, its text left in the file until asked for again.
    func releasingText() -> Article {
        Article(id: id, path: path, textStorage: textStorage.released(), textLength: textLength, title: title,
                headlineRange: headlineRange, dateline: dateline, byline: byline, section: section, source: source,
                date: date, paragraphs: paragraphs, wordCount: wordCount)
    }

    /// The same article under another id (ids depend on the other files of the corpus).
    func renamed(_ newID: String) -> Article {
        Article(id: newID, path: path, textStorage: textStorage, textLength: textLength, title: title,
                headlineRange: headlineRange, dateline: dateline, byline: byline, section: section, source: source,
                date: date, paragraphs: paragraphs, wordCount: wordCount)
    }

    public var contentRanges: [Range<Int>] {
        (headlineRange.map { [$0] } ?? []) + paragraphs
    }

    /// A paragraph's text on one line: line breaks inside it become spaces.
    public func paragraphText(_ index: Int) -> String {
        SourceText.flattened(text.string(paragraphs[index]))
    }
}

extension SourceText {
    /// Replaces line breaks and tabs with spaces, keeping every other character.
    public static func flattened(_ string: String) -> String {
        // All five are ASCII, so they are single bytes that no other scalar's UTF-8 contains.
        var bytes = Array(string.utf8)
        for index in bytes.indices {
            switch bytes[index] {
            case 0x0A, 0x0D, 0x09, 0x0B, 0x0C: bytes[index] = 0x20
            default: continue
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
