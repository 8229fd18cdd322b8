import DossierIndex
import DossierText

/// Places the hits of one article, a run of them at a time, each run going on from where the last
/// ended: its words from the last word found (`WordPlaces`), its lines and columns from the last hit's
/// (`SourceText.Locator`), its sentences from the last (`SentenceCursor`). An article whose every word is
/// a hit is placed in pieces, each handed on before the next is made.
struct HitPlacer {
    /// How many of one article's hits are placed and handed on at a time, at most.
    static let hitsAtOnce = 16_384

    let article: Int
    /// Nil when the article's text is no longer the one indexed: then none of its hits can be placed.
    private let text: SourceText?
    private let places = WordPlaces()
    private var locator: SourceText.Locator?
    private var sentences: SentenceCursor

    init(article: Int, in corpus: some SearchableCorpus) {
        self.article = article
        let shown = corpus.articles[article]
        text = shown.textIsAsIndexed ? shown.text : nil
        locator = text.map { SourceText.Locator($0) }
        sentences = SentenceCursor(article: shown)
    }

    /// The next run of the article's hits, placed, in order.
    mutating func place(_ hits: ArraySlice<Hit>, in corpus: some SearchableCorpus) -> [PlacedHit] {
        guard let text, var locator else { return [] }
        defer { self.locator = locator }
        return hits.compactMap { hit in
            guard let range = corpus.byteRange(of: hit, places: places) else { return nil }
            let sentence = sentences.sentence(around: range, in: text.bytes)
            return PlacedHit(article: article, range: range, location: locator.location(of: range.lowerBound),
                             text: text.string(range), snippet: Snippet.around(range, sentence: sentence, in: text.bytes))
        }
    }
}
