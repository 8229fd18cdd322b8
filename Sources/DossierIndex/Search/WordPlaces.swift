import DossierFormats
import DossierPlatform
import DossierText
import Foundation

/// Where the indexed words of an article lie in its text, found again from the text on demand.
///
/// The index keeps the first byte of every 64th word of each article (`WordCheckpoints`), so a hit's
/// word is found by tokenizing on from the checkpoint before it, over the runs the index was built from
/// (headline, then paragraphs): at most 63 words, where the whole article was tokenized before. Hits come
/// grouped by article and in order, so the walk goes on from the last word found when the next lies
/// ahead of it within reach.
public final class WordPlaces: Sendable {
    /// The last word found, for the next hit, which most often lies a little further on in the same article.
    private struct Cursor {
        let article: Int
        let word: Int
        let start: Int
    }

    private let last = Locked<Cursor?>(nil)

    package init() {}

    /// The byte range of word `word` of article `article`; nil when the article's text is not the one indexed,
    /// does not hold the word where the index says, or the index is damaged.
    package func range(ofWord word: Int, article: Int, in articles: CorpusArticles, index: SearchIndex) -> Range<Int>? {
        guard let checkpoint = index.checkpoint(before: word, inArticle: article) else { return nil }
        var from = Cursor(article: article, word: checkpoint.word, start: checkpoint.byte)
        let isCheckpoint: Bool
        if let cursor = last.withLock({ $0 }), cursor.article == article, cursor.word <= word, cursor.word > checkpoint.word {
            from = cursor
            isCheckpoint = false
        } else {
            isCheckpoint = true
        }
        let shown = articles[article]
        // A notice in place of a changed file holds none of the indexed words.
        guard shown.textIsAsIndexed else { return nil }
        let bytes = shown.text.bytes
        let runs = shown.contentRanges
        // The run that holds the start: the first that ends after it.
        var low = 0
        var high = runs.count
        while low < high {
            let middle = (low + high) / 2
            if runs[middle].upperBound <= from.start { low = middle + 1 } else { high = middle }
        }
        guard low < runs.count, runs[low].contains(from.start), runs[low].upperBound <= bytes.count,
              !isCheckpoint || Tokenizer.isWordBoundary(from.start, in: bytes, runStart: runs[low].lowerBound) else { return nil }
        var remaining = word - from.word
        var found: Range<Int>?
        var isFirst = true
        var run = low
        var start = from.start
        while found == nil, run < runs.count {
            guard runs[run].upperBound <= bytes.count else { return nil }
            var isSound = true
            Tokenizer.forEachWordRange(in: bytes, range: start..<runs[run].upperBound) { range in
                // The first word must start where the checkpoint (or the last word found) says.
                if isFirst, range.lowerBound != from.start { isSound = false }
                isFirst = false
                guard isSound, remaining > 0 else {
                    if isSound { found = range }
                    return false
                }
                remaining -= 1
                return true
            }
            guard isSound else { return nil }
            run += 1
            if run < runs.count { start = runs[run].lowerBound }
        }
        guard let found else { return nil }
        last.withLock { $0 = Cursor(article: article, word: word, start: found.lowerBound) }
        return found
    }
}
