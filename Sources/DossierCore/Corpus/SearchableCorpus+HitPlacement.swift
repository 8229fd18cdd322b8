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
    /// no more than a window's placed hits are held at once. An article with more hits than
    /// `HitPlacer.hitsAtOnce` is placed alone, that many at a time: 200 MB of one word is 18 million
    /// hits, which held placed took 6 GiB.
    public func placeHits(_ hits: [Hit], _ body: (PlacedHit) throws -> Void) rethrows {
        try placeHits(hits, piece: HitPlacer.hitsAtOnce, body)
    }

    /// `placeHits`, an article of more than `piece` hits placed alone, `piece` at a time.
    func placeHits(_ hits: [Hit], piece: Int, _ body: (PlacedHit) throws -> Void) rethrows {
        for step in HitPlacementStep.steps(for: hits, piece: piece) {
            switch step {
            case .window(let articles):
                let placed = articles.parallelMap { range in
                    var placer = HitPlacer(article: hits[range.lowerBound].article, in: self)
                    return placer.place(hits[range], in: self)
                }
                for articleHits in placed {
                    for hit in articleHits { try body(hit) }
                }
            case .alone(let article):
                var placer = HitPlacer(article: hits[article.lowerBound].article, in: self)
                for start in stride(from: article.lowerBound, to: article.upperBound, by: piece) {
                    for hit in placer.place(hits[start..<min(article.upperBound, start + piece)], in: self) { try body(hit) }
                }
            }
        }
    }
}
