import DossierCore

/// What a search found, as the runner ran it on the index.
public struct SearchFinding: Sendable {
    public let corpus: Corpus
    public let query: String
    /// Whether the reader is to go to the first match (false for a search submitted while indexing).
    public let movingReader: Bool
    public let hits: [Hit]
    public let articleCount: Int
    /// Why the saved index could not answer, in a line; nil when it could.
    public let damage: String?

    public init(corpus: Corpus, query: String, movingReader: Bool, hits: [Hit], articleCount: Int, damage: String?) {
        self.corpus = corpus
        self.query = query
        self.movingReader = movingReader
        self.hits = hits
        self.articleCount = articleCount
        self.damage = damage
    }
}
