import DossierCore

/// Where a search's matches lie in one article's text, as the runner found them from the text
/// (the index keeps words by position, not by byte): one range a hit, in the order of the hits.
public struct PlacedMatches: Sendable {
    /// The corpus the matches were placed in: matches for a corpus since replaced are dropped.
    public let corpus: Corpus
    /// The article the matches are in (an index into `corpus.articles`).
    public let article: Int
    /// The search's query: matches for another search are dropped.
    public let query: String
    /// The byte range of each of the search's hits in `article`; nil where the file no longer holds the words indexed.
    public let ranges: [Range<Int>?]

    /// Matches the runner found; `ranges` has one entry a hit of `query` in `article`, in order.
    public init(corpus: Corpus, article: Int, query: String, ranges: [Range<Int>?]) {
        self.corpus = corpus
        self.article = article
        self.query = query
        self.ranges = ranges
    }
}
