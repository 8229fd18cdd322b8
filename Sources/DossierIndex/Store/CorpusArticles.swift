import DossierFormats

/// A corpus's articles in reading order: all in memory after a load, or, for a search answered from a
/// saved index, decoded from it one at a time as they are asked for (`SavedArticles`).
public struct CorpusArticles: RandomAccessCollection, Sendable {
    private let loaded: [Article]
    private let saved: SavedArticles?

    package init(_ articles: [Article]) {
        loaded = articles
        saved = nil
    }

    package init(saved: SavedArticles) {
        loaded = []
        self.saved = saved
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { saved?.count ?? loaded.count }

    public subscript(position: Int) -> Article {
        guard let saved else { return loaded[position] }
        precondition(position >= 0 && position < saved.count, "article index out of range")
        return saved.article(at: position)
    }

    /// The first saved article with this stable id, found in the saved index; nil when none has it, or when
    /// the articles are held (`areReadFromSavedIndex`), whose ids the corpus keeps a table of.
    package func savedArticle(stableID: String) -> Int? { saved?.article(stableID: stableID) }

    /// Whether they are read from a saved index as they are asked for, rather than held.
    package var areReadFromSavedIndex: Bool { saved != nil }

    /// What the article list says of them all: from a saved index, as saved, without decoding any article.
    package var listFacts: CachedCorpus.ListFacts { saved?.listFacts ?? CachedCorpus.ListFacts(of: loaded) }

    /// Why an article could not be read from the saved index, in a line naming it; nil when none failed.
    package var damage: String? { saved?.damage }
}
