import DossierText

/// One news article, read from a file of its own or from one record of a feed or dataset.
///
/// Every range is a byte range of `text.bytes`: for a plain-text file, the file's bytes, so
/// anything found in the article can be reported at its line and column in the file; for a
/// web page, a feed item or a dataset record, the text Dossier made of it (headline, blank
/// line, paragraphs), which `dossier show --text` prints.
public struct Article: Sendable {
    /// The id shown and typed: the shortest start of `stableID` that no other article's shares, at
    /// least six characters (as git shortens commits), or a plain-text file's short name (`ArticleIDs`).
    public let id: String
    /// The id kept in saved state, which never changes while `key` does not: 16 hex digits, or a
    /// plain-text file's short name.
    public let stableID: String
    /// What identifies the article wherever it sits (`ArticleKey`).
    public let key: UInt64
    /// The path as the user gave it, joined with the file's place below that path.
    public var path: String { origin.path }
    /// The file, its format, and which of its records this is.
    public let origin: ArticleOrigin
    public var format: DocumentFormat { origin.format }
    /// The record's or item's number in its file, from 1; nil for a file of one article.
    public var record: Int? { origin.record }
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
    /// Where the headline stands in the text; nil when the title was derived.
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
    /// Where the article is on the web, when its page, item or record says.
    public let url: String?
    /// True when a feed gave only the article's summary, not its text.
    public let isSummary: Bool
    /// When the library last replaced this feed item with a changed version of it (a file stamp,
    /// "2026-12-02T18-53-00Z"); nil for an article as first stored or read.
    public let updated: String?
    /// The address of the feed the library fetched the item from; nil for anything else.
    public let feed: String?

    /// An article whose text is in memory, kept.
    package init(id: String, origin: ArticleOrigin, text: SourceText, title: String, headlineRange: Range<Int>?, dateline: String?,
         byline: String?, section: String?, source: String?, date: String?, paragraphs: [Range<Int>], wordCount: Int,
         url: String? = nil, isSummary: Bool = false, key: UInt64 = 0, updated: String? = nil, feed: String? = nil) {
        self.init(id: id, stableID: id, key: key, origin: origin, textStorage: ArticleText(holding: text, origin: origin),
                  textLength: text.bytes.count, title: title, headlineRange: headlineRange, dateline: dateline, byline: byline,
                  section: section, source: source, date: date, paragraphs: paragraphs, wordCount: wordCount, url: url,
                  isSummary: isSummary, updated: updated, feed: feed)
    }

    /// A plain-text article whose text is in memory.
    package init(id: String, path: String, text: SourceText, title: String, headlineRange: Range<Int>?, dateline: String?,
         byline: String?, section: String?, source: String?, date: String?, paragraphs: [Range<Int>], wordCount: Int) {
        self.init(id: id, origin: ArticleOrigin(path: path), text: text, title: title, headlineRange: headlineRange,
                  dateline: dateline, byline: byline, section: section, source: source, date: date, paragraphs: paragraphs,
                  wordCount: wordCount, key: ArticleKey.ofFile(at: path))
    }

    /// An article whose text stays in its file until asked for.
    package init(id: String, origin: ArticleOrigin, textLength: Int, title: String, headlineRange: Range<Int>?, dateline: String?,
         byline: String?, section: String?, source: String?, date: String?, paragraphs: [Range<Int>], wordCount: Int,
         url: String? = nil, isSummary: Bool = false, key: UInt64 = 0, updated: String? = nil, feed: String? = nil) {
        self.init(id: id, stableID: id, key: key, origin: origin, textStorage: ArticleText(origin: origin, length: textLength),
                  textLength: textLength, title: title, headlineRange: headlineRange, dateline: dateline, byline: byline,
                  section: section, source: source, date: date, paragraphs: paragraphs, wordCount: wordCount, url: url,
                  isSummary: isSummary, updated: updated, feed: feed)
    }

    private init(id: String, stableID: String, key: UInt64, origin: ArticleOrigin, textStorage: ArticleText, textLength: Int,
                 title: String, headlineRange: Range<Int>?, dateline: String?, byline: String?, section: String?, source: String?,
                 date: String?, paragraphs: [Range<Int>], wordCount: Int, url: String?, isSummary: Bool, updated: String?, feed: String?) {
        self.id = id
        self.stableID = stableID
        self.key = key
        self.origin = origin
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
        self.url = url
        self.isSummary = isSummary
        self.updated = updated
        self.feed = feed
    }

    /// The same article, its text left in the file until asked for again.
    package func releasingText() -> Article {
        copy(id: id, stableID: stableID, origin: origin, textStorage: textStorage.released())
    }

    /// The same article found at another spelling of its path (a saved index keeps its real path).
    package func relocated(to path: String) -> Article {
        guard path != origin.path else { return self }
        return copy(id: id, stableID: stableID, origin: ArticleOrigin(path: path, format: origin.format, record: origin.record,
                                                                      span: origin.span, fields: origin.fields))
    }

    /// The same article under its ids in a corpus, which depend on the other articles there (`ArticleIDs`).
    package func renamed(_ newID: String, stableID: String) -> Article {
        copy(id: newID, stableID: stableID, origin: origin)
    }

    /// This article under other ids, origin or storage, everything else kept.
    private func copy(id: String, stableID: String, origin: ArticleOrigin, textStorage: ArticleText? = nil) -> Article {
        Article(id: id, stableID: stableID, key: key, origin: origin, textStorage: textStorage ?? self.textStorage,
                textLength: textLength, title: title, headlineRange: headlineRange, dateline: dateline, byline: byline,
                section: section, source: source, date: date, paragraphs: paragraphs, wordCount: wordCount, url: url,
                isSummary: isSummary, updated: updated, feed: feed)
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

    /// On one line, its spaces single: how a sentence or a quotation is shown in a list and compared.
    public static func spacedOnOneLine(_ string: String) -> String {
        flattened(string).split(separator: " ").joined(separator: " ")
    }
}
