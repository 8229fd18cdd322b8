import DossierFormats
import DossierIndex

/// What a search reads: the articles in reading order and their index. A whole `Corpus` is one; a
/// `SearchCorpus`, read from a saved index without linking anything, is the other.
public protocol SearchableCorpus: Sendable {
    var articles: CorpusArticles { get }
    var index: SearchIndex { get }
    /// Files that were found but not loaded, with the reason.
    var skipped: [SkippedFile] { get }
    /// Where the words of the article last asked about lie, for turning hits into byte ranges.
    var wordPlaces: WordPlaces { get }
}

extension SearchableCorpus {
    /// Why the saved index this corpus reads from failed a check, in a line naming its file; nil while
    /// sound, and always for a corpus held wholly in memory. A caller checks it after a query and after
    /// reading the articles it found, and believes neither when it is set.
    public var savedIndexDamage: String? { index.damage ?? articles.damage }
}
