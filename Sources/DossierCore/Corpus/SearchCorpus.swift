import DossierFormats
import DossierIndex
import DossierPlatform

/// The articles and index of a saved index that holds every file unchanged, in reading order, and
/// nothing else: no entities, mentions or quotes. Nothing of an article is decoded until it is asked
/// for, so a search decodes its hits' articles alone.
public final class SearchCorpus: SearchableCorpus {
    public let articles: CorpusArticles
    public let index: SearchIndex
    public let skipped: [SkippedFile]
    public let wordPlaces = WordPlaces()
    /// Whether the folders were listed to tell that no file changed, or their saved listing was trusted.
    let listedTheFolders: Bool

    init(_ fresh: FreshSavedIndex, warn: (String) -> Void) {
        articles = CorpusArticles(saved: fresh.saved.articles)
        index = fresh.saved.index
        skipped = fresh.skipped
        listedTheFolders = fresh.listedTheFolders
        fresh.warnings.forEach(warn)
    }
}
