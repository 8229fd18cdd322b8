import DossierFormats
import DossierPlatform
import DossierText
import Foundation

/// Where the indexed words of an article lie in its text, found again from the text on demand.
///
/// The index keeps no byte offsets (`SearchIndex`), so a hit's place is found by tokenizing
/// its article again, over the same runs the index was built from (headline, then paragraphs).
/// Hits come grouped by article, so the last article's word starts are kept for the next hit:
/// 4 bytes a word, where whole ranges would take 16 (a 50 MB article has 8 million words).
public final class WordPlaces: Sendable {
    private struct Starts {
        let article: Int
        /// Each indexed word's first byte, in order; empty when the text is not the one indexed.
        let starts: [UInt32]
        /// Where the run that holds each word ends, as `Article.contentRanges` (sorted, apart).
        let runs: [Range<Int>]
    }

    /// The last article's starts, kept for the next hit, which is most often in the same article.
    private let last = Locked<Starts?>(nil)

    package init() {}

    /// The byte range of word `word` of article `index`, nil when `index`'s text does not hold `expectedCount` words.
    package func range(ofWord word: Int, article index: Int, expectedCount: Int, in articles: CorpusArticles) -> Range<Int>? {
        let places = last.withLock { last in
            let places = starts(ofArticle: index, expectedCount: expectedCount, in: articles, after: last)
            last = places
            return places
        }
        guard places.starts.count == expectedCount, word >= 0, word < places.starts.count else { return nil }
        let start = Int(places.starts[word])
        // The run holding the start bounds the word, as it bounded the tokenizer when the index was built.
        var low = 0
        var high = places.runs.count
        while low < high {
            let middle = (low + high) / 2
            if places.runs[middle].upperBound <= start { low = middle + 1 } else { high = middle }
        }
        guard low < places.runs.count else { return nil }
        return Tokenizer.wordRange(startingAt: start, in: articles[index].text.bytes, limit: places.runs[low].upperBound)
    }

    private func starts(ofArticle index: Int, expectedCount: Int, in articles: CorpusArticles, after last: Starts?) -> Starts {
        if let last, last.article == index { return last }
        let article = articles[index]
        let bytes = article.text.bytes
        var starts: [UInt32] = []
        // A notice in place of a changed file holds none of the indexed words.
        if article.textIsAsIndexed {
            // Made at the size the index counted: grown to fit, a huge article's starts were held twice while copied.
            starts.reserveCapacity(expectedCount)
            for run in article.contentRanges { Tokenizer.appendWordStarts(in: bytes, range: run, to: &starts) }
        }
        return Starts(article: index, starts: starts, runs: article.contentRanges)
    }
}
