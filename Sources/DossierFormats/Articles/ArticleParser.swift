import DossierText

/// Turns the text of a file into an `Article`: finds the headline, dateline,
/// byline, section, date and source footer, and the body paragraphs between.
///
/// Plain-text news comes in many shapes. The rules here are the ones real files
/// need: paragraphs separated by blank lines or one per line, a headline that may
/// be missing, a wire dateline ("WASHINGTON –"), a content-management byline
/// template with empty slots ("By , in Technologies on ."), and a trailing
/// copyright or photo-credit footer that is metadata, not prose.
public enum ArticleParser {
    /// Longest derived title, in characters, before it is cut at a word.
    static let derivedTitleLimit = 80

    /// Parses the article; its words are counted, not kept.
    public static func parse(_ text: SourceText, id: String, path: String) -> Article {
        parse(text, id: id, path: path) { _, paragraphs in
            ((), paragraphs.reduce(0) { $0 + Tokenizer.count(in: text.bytes, range: $1) })
        }.article
    }

    /// Parses the article and returns, too, its words, so that loading tokenizes every
    /// article once for counting, linking and indexing (a huge one twice: see `ArticleWords`).
    public static func parseWithWords(_ text: SourceText, id: String, path: String) -> (article: Article, words: ArticleWords) {
        parse(text, id: id, path: path) { headline, paragraphs in
            let words = ArticleWords(text: text, headline: headline, paragraphs: paragraphs)
            return (words, words.bodyWordCount)
        }
    }

    /// An article whose parts are known already (a web page, a feed item, a dataset record), and its words.
    package static func composedWithWords(_ composed: ComposedText, id: String, origin: ArticleOrigin,
                                          metadata: ArticleMetadata) -> (article: Article, words: ArticleWords) {
        let text = composed.text
        let words = ArticleWords(text: text, headline: composed.headline, paragraphs: composed.paragraphs)
        let title = composed.headline.map { text.string($0) }
            ?? composed.paragraphs.first.map { derivedTitle(from: text.string(text.prefix(of: $0, bytes: derivedTitleBytesLimit))) }
            ?? ""
        let article = Article(id: id, origin: origin, text: text, title: title, headlineRange: composed.headline, dateline: nil,
                              byline: metadata.byline, section: nil, source: metadata.source, date: metadata.date,
                              paragraphs: composed.paragraphs, wordCount: words.bodyWordCount, url: metadata.url,
                              isSummary: metadata.isSummary, key: ArticleKey.of(identity: metadata.identity, text: text),
                              updated: metadata.updated, feed: metadata.feed)
        return (article, words)
    }

    /// Parses the article, given a way to take its words (the headline's and the paragraphs') that also counts the paragraphs'.
    private static func parse<Words>(_ text: SourceText, id: String, path: String,
                                     takingWords takeWords: (Range<Int>?, [Range<Int>]) -> (Words, count: Int)) -> (article: Article, words: Words) {
        var blocks = paragraphs(in: text)
        var headlineRange: Range<Int>?
        if let first = blocks.first, blocks.count > 1, looksLikeHeadline(text, first) {
            headlineRange = first
            blocks.removeFirst()
        }

        var byline: String?
        var section: String?
        var date: String?
        // Metadata is a short line: a longer block is never copied into a String to be checked as one.
        func isShort(_ block: Range<Int>) -> Bool { block.count <= metadataBytesLimit }
        if let bylineIndex = blocks.prefix(3).firstIndex(where: { isShort($0) && Byline.parse(text.string($0)) != nil }),
           let parsed = Byline.parse(text.string(blocks[bylineIndex])) {
            byline = parsed.author
            section = parsed.section
            date = parsed.date
            blocks.remove(at: bylineIndex)
        }

        var footers: [String] = []
        while blocks.count > 1, footers.count < 3, let last = blocks.last, isShort(last), Footer.isMetadata(text.string(last)) {
            footers.insert(text.string(last), at: 0)
            blocks.removeLast()
        }

        var dateline: String?
        var datelineSource: String?
        if let first = blocks.first, let found = Dateline.find(text, in: first) {
            dateline = found.place
            datelineSource = found.source
            blocks[0] = found.bodyStart..<first.upperBound
        }

        let title = headlineRange.map { SourceText.flattened(text.string($0)).trimmed }
            ?? blocks.first.map { derivedTitle(from: SourceText.flattened(text.string(text.prefix(of: $0, bytes: derivedTitleBytesLimit)))) }
            ?? ""
        let (words, wordCount) = takeWords(headlineRange, blocks)
        let source = datelineSource ?? footers.lazy.compactMap(Publisher.name(in:)).first

        let article = Article(
            id: id, path: path, text: text, title: title, headlineRange: headlineRange,
            dateline: dateline, byline: byline, section: section, source: source, date: date,
            paragraphs: blocks, wordCount: wordCount)
        return (article, words)
    }

    // MARK: - Paragraphs

    /// Paragraphs are separated by blank lines; inside a block, lines longer than a
    /// hard-wrapped line are paragraphs of their own (files with one paragraph a line).
    static func paragraphs(in text: SourceText) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var block: [Range<Int>] = []
        func flush() {
            guard let first = block.first, let last = block.last else { return }
            let hardWrapped = block.dropLast().allSatisfy { scalarCount(text, $0) <= 100 }
            if hardWrapped { result.append(first.lowerBound..<last.upperBound) } else { result += block }
            block.removeAll()
        }
        for line in lines(of: text) {
            if isBlank(text, line) { flush() } else { block.append(trimmed(text, line)) }
        }
        flush()
        return result
    }

    private static func lines(of text: SourceText) -> [Range<Int>] {
        let starts = text.lineStarts
        return starts.indices.map { index in
            var end = index + 1 < starts.count ? starts[index + 1] : text.bytes.count
            while end > starts[index], text.bytes[end - 1] == 0x0A || text.bytes[end - 1] == 0x0D { end -= 1 }
            return starts[index]..<end
        }
    }

    static func isBlank(_ text: SourceText, _ range: Range<Int>) -> Bool {
        trimmed(text, range).isEmpty
    }

    /// Drops ASCII white space, form feeds and no-break spaces at either end.
    static func trimmed(_ text: SourceText, _ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        func spaceLength(at index: Int) -> Int {
            let byte = text.bytes[index]
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { return 1 }
            if byte == 0xC2, index + 1 < end, text.bytes[index + 1] == 0xA0 { return 2 }
            return 0
        }
        while start < end { let length = spaceLength(at: start); if length == 0 { break }; start += length }
        while end > start {
            let byte = text.bytes[end - 1]
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { end -= 1 }
            else if byte == 0xA0, end - 2 >= start, text.bytes[end - 2] == 0xC2 { end -= 2 }
            else { break }
        }
        return start..<end
    }

    static func scalarCount(_ text: SourceText, _ range: Range<Int>) -> Int {
        text.bytes[range].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    // MARK: - Headline and derived title

    /// A headline is a short single line that does not read as a sentence.
    private static func looksLikeHeadline(_ text: SourceText, _ range: Range<Int>) -> Bool {
        // 150 scalars take at most 600 bytes: a longer block is no headline, and is not copied to find out.
        guard range.count <= 600 else { return false }
        let string = text.string(range)
        guard !string.contains(where: \.isNewline), scalarCount(text, range) <= 150 else { return false }
        guard let last = string.last, !".,;:".contains(last) else { return false }
        return Tokenizer.tokens(in: text.bytes, range: range).count <= 25
    }

    /// The longest block read as a byline or footer.
    static let metadataBytesLimit = 1_000
    /// How much of the first paragraph a derived title is looked for in: far more than its 80 characters.
    static let derivedTitleBytesLimit = 2_000

    /// The first sentence, cut at the last word that fits, with an ellipsis when cut.
    static func derivedTitle(from paragraph: String) -> String {
        let sentence = SentenceSplitter.firstSentence(of: paragraph)
        guard sentence.count > derivedTitleLimit else { return sentence }
        var title = ""
        for word in sentence.split(separator: " ") {
            if title.count + word.count + 1 > derivedTitleLimit - 1 { break }
            title += title.isEmpty ? String(word) : " " + word
        }
        if title.isEmpty { title = String(sentence.prefix(derivedTitleLimit - 1)) }
        while let last = title.last, ",;:–—-".contains(last) { title.removeLast() }
        return title + "…"
    }
}

extension String {
    package var trimmed: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

/// What a page, feed item or dataset record says about its article besides its text.
package struct ArticleMetadata: Sendable {
    var byline: String?
    var date: String?
    var source: String?
    var url: String?
    var isSummary = false
    /// What the source names the article by: a feed item's guid (else its link), a record's own id
    /// (else its address), a page's canonical address; nil when it names it by nothing.
    var identity: String?
    /// When the library replaced the item with a changed version (`Article.updated`).
    var updated: String?
    /// The feed the library fetched the item from (`Article.feed`).
    var feed: String?
}
