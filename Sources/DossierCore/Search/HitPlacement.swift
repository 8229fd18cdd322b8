import Foundation

/// A search hit placed in its article's text: where it is, what it says, and the words around it.
public struct PlacedHit: Sendable, Equatable {
    /// Index into `Corpus.articles`.
    public let article: Int
    /// UTF-8 byte range in the article's text.
    public let range: Range<Int>
    public let location: SourceLocation
    public let text: String
    /// The sentence around the hit, on one line, clipped at words to about `Snippet.width` characters.
    public let snippet: String
}

extension Corpus {
    /// The articles among the hits' whose text can no longer be shown as it was indexed (the file
    /// changed, vanished or became unreadable since): their hits cannot be placed, nor counted.
    public func articlesChangedSinceIndexed(among hits: [Hit]) -> [Int] {
        var changed: [Int] = []
        var last = -1
        for hit in hits where hit.article != last {
            last = hit.article
            if !articles[hit.article].textIsAsIndexed { changed.append(hit.article) }
        }
        return changed
    }

    /// Places every hit in its article's text, in the hits' order (reading order), and hands each to
    /// `body`; the hits of an article whose text changed since it was indexed are left out.
    ///
    /// One walk over each article, whatever its hits: its words are found once (`WordPlaces`), each
    /// hit's line and column are counted on from the previous hit's, and its paragraphs are split
    /// into sentences once. A snippet looks at a bounded stretch of text around its hit, so that
    /// 10,000 hits on one line of 20 MB cost no more than 10,000 hits on short lines.
    ///
    /// Articles are placed on every core, a window of them at a time, and handed to `body` in order
    /// on this thread: a common word's hits in 20,000 articles are placed in about half the time, and
    /// no more than a window's placed hits are held at once.
    public func placeHits(_ hits: [Hit], _ body: (PlacedHit) throws -> Void) rethrows {
        var articleHits: [Range<Int>] = []
        var start = 0
        while start < hits.count {
            var end = start + 1
            while end < hits.count, hits[end].article == hits[start].article { end += 1 }
            articleHits.append(start..<end)
            start = end
        }
        let window = 64 * ProcessInfo.processInfo.activeProcessorCount
        for windowStart in stride(from: 0, to: articleHits.count, by: window) {
            let placed = articleHits[windowStart..<min(articleHits.count, windowStart + window)].parallelMap { range in
                self.place(hits[range])
            }
            for articleHits in placed {
                for hit in articleHits { try body(hit) }
            }
        }
    }

    /// The hits of one article, placed.
    private func place(_ hits: ArraySlice<Hit>) -> [PlacedHit] {
        guard let index = hits.first?.article else { return [] }
        let article = articles[index]
        guard article.textIsAsIndexed else { return [] }
        let text = article.text
        let places = WordPlaces()
        var locator = SourceText.Locator(text)
        var sentences = SentenceCursor(article: article)
        return hits.compactMap { hit in
            guard let range = byteRange(of: hit, places: places) else { return nil }
            let sentence = sentences.sentence(around: range, in: text.bytes)
            return PlacedHit(article: index, range: range, location: locator.location(of: range.lowerBound),
                             text: text.string(range), snippet: Snippet.around(range, sentence: sentence, in: text.bytes))
        }
    }
}

/// The sentences of an article, split a paragraph at a time as offsets move forward through it.
struct SentenceCursor {
    private let ranges: [Range<Int>]
    private var rangeIndex = 0
    private var sentences: [Range<Int>] = []
    private var sentencesOf = -1
    private var sentenceIndex = 0
    /// How far a sentence reaches either side of a hit: a paragraph of megabytes may hold no full stop.
    static let reach = 2_000

    init(article: Article) {
        ranges = article.contentRanges
    }

    /// The sentence that holds `range`, at most `reach` bytes either side of it; `range` itself
    /// when it lies outside the article's headline and paragraphs. Offsets must not go back.
    mutating func sentence(around range: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
        let offset = range.lowerBound
        while rangeIndex < ranges.count, ranges[rangeIndex].upperBound <= offset { rangeIndex += 1 }
        guard rangeIndex < ranges.count, ranges[rangeIndex].contains(offset) else { return range }
        if sentencesOf != rangeIndex {
            sentences = SentenceSplitter.sentences(in: bytes, range: ranges[rangeIndex])
            sentencesOf = rangeIndex
            sentenceIndex = 0
        }
        while sentenceIndex < sentences.count, sentences[sentenceIndex].upperBound <= offset { sentenceIndex += 1 }
        let container = ranges[rangeIndex]
        let sentence = sentenceIndex < sentences.count && sentences[sentenceIndex].contains(offset) ? sentences[sentenceIndex] : container
        return max(sentence.lowerBound, offset - Self.reach)..<min(sentence.upperBound, max(range.upperBound, offset + Self.reach))
    }
}

extension SourceText {
    /// Lines and columns of offsets that rise, each counted on from the last: a pass over the
    /// text in all, where looking each up alone counts from its line's start every time.
    struct Locator {
        private let text: SourceText
        private var line = 0
        private var offset = 0
        private var column = 1

        init(_ text: SourceText) {
            self.text = text
        }

        mutating func location(of target: Int) -> SourceLocation {
            let target = min(max(target, 0), text.bytes.count)
            if target < offset { self = Locator(text) }
            // The line that holds the target, searched among the lines from the current one on.
            var low = line
            var high = text.lineStarts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if text.lineStarts[middle] <= target { low = middle } else { high = middle - 1 }
            }
            if low != line {
                line = low
                offset = text.lineStarts[low]
                column = 1
            }
            text.bytes.withUnsafeBufferPointer { bytes in
                for index in offset..<target where bytes[index] & 0xC0 != 0x80 { column += 1 }
            }
            offset = target
            return SourceLocation(line: line + 1, column: column)
        }
    }
}
