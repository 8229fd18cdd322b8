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

    /// Nil when the saved index does not hold every file as it is now, or cannot be read: then the
    /// whole load goes on, and reports why.
    init?(savedIn cache: IndexCache, setup: LoadSetup, warn: (String) -> Void) {
        let catalogCount = setup.catalog.entities.count
        guard let saved = try? cache.readForSearch(roots: setup.roots, fingerprint: setup.fingerprint, catalogCount: catalogCount)
        else { return nil }
        // The saved order is reading order by real paths; roots spelt in another order than their real paths sort in would read differently.
        guard setup.roots.count == 1 || setup.cachedPaths.keepsTheOrderOfTheRoots else { return nil }
        guard let named = Self.nameSavedArticles(saved, setup: setup) else { return nil }
        named.warnings.forEach(warn)
        articles = CorpusArticles(saved: saved.articles)
        index = saved.index
        skipped = named.skipped
    }

    /// Gives each saved article its file's path and id, when every file found has its saved stamp
    /// and every saved article and skip belongs to a file found now; nil otherwise.
    private static func nameSavedArticles(_ saved: IndexCache.SavedForSearch, setup: LoadSetup)
        -> (skipped: [SkippedFile], warnings: [String])? {
        let savedArticles = saved.articles
        let files = setup.files
        // Each file's saved articles, when its stamp is the saved one; nil for a file the index does not hold as it is now.
        let found = files.indices.parallelMap { index -> [Int]? in
            let file = files[index]
            guard let stamp = file.currentStamp else { return nil }
            let savedPath = setup.cachedPaths.saved(file.path)
            let articles = savedArticles.articles(savedAt: savedPath)
            if let first = articles.first { return savedArticles.stamp(of: first) == stamp ? articles : nil }
            return saved.skipped[savedPath]?.stamp == stamp ? [] : nil
        }
        var paths = Array(repeating: "", count: savedArticles.count)
        var skipped = setup.found.skipped
        var warnings: [String] = []
        var skippedCount = 0
        var articleCount = 0
        for (index, file) in files.enumerated() {
            guard let articles = found[index] else { return nil }
            if articles.isEmpty, let skip = saved.skipped[setup.cachedPaths.saved(file.path)] {
                skipped.append(SkippedFile(path: file.path, reason: skip.reason, isVerdictOnContent: true))
                warnings.append("skipped \(file.path): \(skip.reason)")
                skippedCount += 1
            }
            for article in articles { paths[article] = file.path }
            articleCount += articles.count
        }
        guard articleCount == savedArticles.count, skippedCount == saved.skipped.count, articleCount > 0 else { return nil }
        let positions = 0..<savedArticles.count
        let named = ArticleIDs.make(keys: positions.map(savedArticles.key(of:)), paths: paths,
                                    records: positions.map(savedArticles.record(of:)))
        savedArticles.name(paths: paths, ids: named.ids, stableIDs: named.stableIDs)
        return (skipped, warnings)
    }
}
