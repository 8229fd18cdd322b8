import DossierCore
import DossierIndex

/// The articles the list shows, in the order it shows them: the corpus's, narrowed by a filter
/// and put in a sort order. Jumps (`]`, `n`) and the unread keys stay within it.
public struct ArticleList: Equatable, Sendable {
    /// Article indices, one a row.
    public private(set) var rows: [Int]
    /// The row of each article, or -1 when the filter hides it: a look-up in constant time, as
    /// every jump asks whether its target is listed.
    private var rowByArticle: [Int32]
    public let filter: ArticleFilter?
    public let sort: ArticleSort
    public let total: Int
    /// Whether any listed article has a date: the list gives dates a column only then.
    public let hasDates: Bool
    /// Whether the listed articles come from more than one source: a list of one feed's items does not
    /// say the feed's name on every row.
    public let hasSeveralSources: Bool

    /// Every article in the corpus's order.
    init(corpus: Corpus) {
        self.init(corpus: corpus, filter: nil, sort: .standard, isRead: { _ in false })
    }

    init(corpus: Corpus, filter: ArticleFilter?, sort: ArticleSort, isRead: (Int) -> Bool) {
        let passing = filter.map { filter in corpus.articles.indices.filter { filter.matches($0, in: corpus, isRead: isRead) } }
            ?? Array(corpus.articles.indices)
        rows = sort == .standard ? passing : sort.ordered(passing, in: corpus)
        var rowByArticle = Array(repeating: Int32(-1), count: corpus.articles.count)
        for (row, article) in rows.enumerated() { rowByArticle[article] = Int32(row) }
        self.rowByArticle = rowByArticle
        self.filter = filter
        self.sort = sort
        total = corpus.articles.count
        // Of every article, known without reading each (a saved index keeps them); of a filtered list, asked of its
        // rows only where the whole corpus says yes.
        let whole = corpus.articles.listFacts
        let facts = filter == nil ? whole : CachedCorpus.ListFacts(of: rows.lazy.map { corpus.articles[$0] }, within: whole)
        hasDates = facts.anyDated
        hasSeveralSources = facts.severalSources
    }

    public func row(of article: Int) -> Int? {
        guard article >= 0, article < rowByArticle.count, rowByArticle[article] >= 0 else { return nil }
        return Int(rowByArticle[article])
    }

    public func contains(_ article: Int) -> Bool { row(of: article) != nil }
}
