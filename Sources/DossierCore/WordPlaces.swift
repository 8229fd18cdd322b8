import Foundation

/// Where the indexed words of an article lie in its text, found again from the text on demand.
///
/// The index keeps no byte offsets (`SearchIndex`), so a hit's place is found by tokenizing
/// its article again, the same runs the index was built from (headline, then paragraphs).
/// Hits come grouped by article, so the last article's word ranges are kept for the next hit.
final class WordPlaces: @unchecked Sendable {
    private let lock = NSLock()
    private var lastArticle: Int?
    private var lastRanges: [Range<Int>] = []

    /// The byte ranges of article `index`'s indexed words, in order.
    func ranges(ofArticle index: Int, in articles: [Article]) -> [Range<Int>] {
        lock.lock()
        defer { lock.unlock() }
        if lastArticle == index { return lastRanges }
        let article = articles[index]
        let bytes = article.text.bytes
        // A notice in place of a changed file holds none of the indexed words.
        lastRanges = article.textIsAsIndexed ? article.contentRanges.flatMap { Tokenizer.wordRanges(in: bytes, range: $0) } : []
        lastArticle = index
        return lastRanges
    }
}

extension Corpus {
    /// The byte range of a hit, from its first word's start to its last word's end; nil when the
    /// article's file no longer holds the words that were indexed (it changed length or vanished after indexing).
    public func byteRange(of hit: Hit) -> Range<Int>? {
        let ranges = wordPlaces.ranges(ofArticle: hit.article, in: articles)
        guard ranges.count == index.wordCount(ofArticle: hit.article), !hit.words.isEmpty, hit.words.lowerBound >= 0,
              hit.words.upperBound <= ranges.count else { return nil }
        return ranges[hit.words.lowerBound].lowerBound..<ranges[hit.words.upperBound - 1].upperBound
    }

    /// The byte ranges of hits in one article, in order, leaving out any that its file no longer holds.
    public func byteRanges(of hits: some Sequence<Hit>) -> [Range<Int>] {
        hits.compactMap(byteRange(of:))
    }
}
