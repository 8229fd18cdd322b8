import DossierFormats
import DossierText
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

    package init(article: Int, range: Range<Int>, location: SourceLocation, text: String, snippet: String) {
        self.article = article
        self.range = range
        self.location = location
        self.text = text
        self.snippet = snippet
    }
}

/// The sentences of an article, split a paragraph at a time as offsets move forward through it.
package struct SentenceCursor {
    private let ranges: [Range<Int>]
    private var rangeIndex = 0
    private var sentences: [Range<Int>] = []
    private var sentencesOf = -1
    private var sentenceIndex = 0
    /// How far a sentence reaches either side of a hit: a paragraph of megabytes may hold no full stop.
    static let reach = 2_000

    package init(article: Article) {
        ranges = article.contentRanges
    }

    /// The sentence that holds `range`, at most `reach` bytes either side of it; `range` itself
    /// when it lies outside the article's headline and paragraphs. Offsets must not go back.
    package mutating func sentence(around range: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
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
    package struct Locator {
        private let text: SourceText
        private var line = 0
        private var offset = 0
        private var column = 1

        package init(_ text: SourceText) {
            self.text = text
        }

        package mutating func location(of target: Int) -> SourceLocation {
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
