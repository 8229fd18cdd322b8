import DossierIndex
import DossierText
import Foundation

extension SearchableCorpus {
    /// The articles among the hits' whose text can no longer be shown as it was indexed (the file
    /// changed, vanished or became unreadable since): their hits cannot be placed, nor counted.
    ///
    /// Each article's text is read to tell, on every core: the texts stay with their articles for the
    /// hits to be placed in.
    public func articlesChangedSinceIndexed(among hits: [Hit]) -> [Int] {
        var hitArticles: [Int] = []
        for hit in hits where hit.article != hitArticles.last { hitArticles.append(hit.article) }
        let isAsIndexed = hitArticles.parallelMap { articles[$0].textIsAsIndexed }
        return hitArticles.indices.filter { !isAsIndexed[$0] }.map { hitArticles[$0] }
    }

    /// Places every hit in its article's text, in the hits' order (reading order), and hands each to
    /// `body`; the hits of an article whose text changed since it was indexed are left out.
    ///
    /// One walk over each article, whatever its hits: each hit's words are found from the checkpoint
    /// before them or the last hit's (`WordPlaces`), its line and column are counted on from the
    /// previous hit's, and its paragraphs are split into sentences once. A snippet looks at a bounded
    /// stretch of text around its hit, so that 10,000 hits on one line of 20 MB cost no more than
    /// 10,000 hits on short lines.
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
