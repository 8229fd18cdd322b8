import DossierCore
import DossierIndex

/// What a search found, as the runner ran it on the index.
public struct SearchFinding: Sendable {
    /// The corpus searched: a finding for a corpus since replaced is dropped.
    public let corpus: Corpus
    /// The query as it was typed: a finding for a query no longer awaited is dropped.
    public let query: String
    /// Whether the reader is to go to the first match (false for a search submitted while indexing).
    public let movingReader: Bool
    /// Every match, in reading order.
    public let hits: [Hit]
    /// How many articles hold a match.
    public let articleCount: Int
    /// Why the saved index could not answer, in a line; nil when it could.
    public let damage: String?

    /// What a search of `corpus` for `query` found, or the damage that kept the index from answering.
    public init(corpus: Corpus, query: String, movingReader: Bool, hits: [Hit], articleCount: Int, damage: String?) {
        self.corpus = corpus
        self.query = query
        self.movingReader = movingReader
        self.hits = hits
        self.articleCount = articleCount
        self.damage = damage
    }
}
