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
    /// The article of the last word found, with what finding the next in it needs: its text, read once,
    /// its runs, made once (a 50 MB article has 60,000 paragraphs), and where that word starts.
    private struct Walk: Sendable {
        let article: Int
        let bytes: [UInt8]
        let runs: [Range<Int>]
        var word = -1
        var start = 0
    }

    private let last = Locked<Walk?>(nil)

    package init() {}

    /// The byte range of word `word` of article `article`; nil when the article's text is not the one indexed,
    /// does not hold the word where the index says, or the index is damaged.
    package func range(ofWord word: Int, article: Int, in articles: CorpusArticles, index: SearchIndex) -> Range<Int>? {
        guard let checkpoint = index.checkpoint(before: word, inArticle: article) else { return nil }
        var walk: Walk
        if let known = last.withLock({ $0 }), known.article == article {
            walk = known
        } else {
            let shown = articles[article]
            // A notice in place of a changed file holds none of the indexed words.
            guard shown.textIsAsIndexed else { return nil }
            walk = Walk(article: article, bytes: shown.text.bytes, runs: shown.contentRanges)
        }
        // From the last word found when it lies between the checkpoint and this word, else from the checkpoint.
        let goesOn = walk.word > checkpoint.word && walk.word <= word
        let from = goesOn ? (word: walk.word, byte: walk.start) : checkpoint
        guard let found = Self.range(ofWord: word - from.word, after: from.byte, checkingBoundary: !goesOn,
                                     in: walk.bytes, runs: walk.runs) else { return nil }
        walk.word = word
        walk.start = found.lowerBound
        last.withLock { $0 = walk }
        return found
    }

    /// The range of the word `count` words after the one that starts at `start`, over `runs`; nil when no word
    /// starts there (`checkingBoundary`: nor could one, a word running on into it) or the runs end first.
    private static func range(ofWord count: Int, after start: Int, checkingBoundary: Bool, in bytes: [UInt8],
                              runs: [Range<Int>]) -> Range<Int>? {
        // The run that holds the start: the first that ends after it.
        var low = 0
        var high = runs.count
        while low < high {
            let middle = (low + high) / 2
            if runs[middle].upperBound <= start { low = middle + 1 } else { high = middle }
        }
        guard low < runs.count, runs[low].contains(start), runs[low].upperBound <= bytes.count,
              !checkingBoundary || Tokenizer.isWordBoundary(start, in: bytes, runStart: runs[low].lowerBound) else { return nil }
        var remaining = count
        var found: Range<Int>?
        var isFirst = true
        var run = low
        var from = start
        while found == nil, run < runs.count {
            guard runs[run].upperBound <= bytes.count else { return nil }
            var isSound = true
            Tokenizer.forEachWordRange(in: bytes, range: from..<runs[run].upperBound) { range in
                // The first word must start where the checkpoint (or the last word found) says.
                if isFirst, range.lowerBound != start { isSound = false }
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
            if run < runs.count { from = runs[run].lowerBound }
        }
        return found
    }
}
