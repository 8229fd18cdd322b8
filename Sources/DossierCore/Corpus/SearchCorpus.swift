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

    private init(saved: IndexCache.SavedForSearch, skipped: [SkippedFile], listedTheFolders: Bool) {
        articles = CorpusArticles(saved: saved.articles)
        index = saved.index
        self.skipped = skipped
        self.listedTheFolders = listedTheFolders
    }

    /// Without listing a folder: when every folder listed for the saved index still has its stamp, no
    /// entry came, went or was renamed in any, so the files are the ones saved, and each is examined
    /// where it lies (unless the cache trusts folder times, `IndexCache.trustsFolderTimes`). Nil when a
    /// folder moved or a file changed, or the index cannot be read: then the folders are listed
    /// (`init(listedFrom:setup:warn:)`).
    convenience init?(unlistedFrom cache: IndexCache, address: IndexAddress, warn: (String) -> Void) {
        guard let saved = try? cache.readForSearch(roots: address.roots, fingerprint: address.fingerprint,
                                                   catalogCount: address.catalog.entities.count),
              let folders = saved.folders, address.cachedPaths.spellsEachPathOnce,
              address.roots.count == 1 || address.cachedPaths.keepsTheOrderOfTheRoots,
              folders.allSatisfy({ FileStamp(ofFileAt: $0.path) == $0.stamp }),
              cache.trustsFolderTimes || Self.filesAreUnchanged(saved)
        else { return nil }
        saved.articles.spell(address.cachedPaths)
        var skipped: [SkippedFile] = []
        for (path, skip) in saved.skipped.sorted(by: { $0.key < $1.key }) {
            let typed = address.cachedPaths.typed(path)
            skipped.append(SkippedFile(path: typed, reason: skip.reason, isVerdictOnContent: true))
            warn("skipped \(typed): \(skip.reason)")
        }
        self.init(saved: saved, skipped: skipped, listedTheFolders: false)
    }

    private static func filesAreUnchanged(_ saved: IndexCache.SavedForSearch) -> Bool {
        saved.skipped.allSatisfy { FileStamp(ofFileAt: $0.key) == $0.value.stamp } && saved.articles.filesAreUnchanged()
    }

    /// From the files found by listing the folders: nil when the saved index does not hold every file as
    /// it is now, or cannot be read; then the whole load goes on, and reports why.
    convenience init?(listedFrom cache: IndexCache, setup: LoadSetup, warn: (String) -> Void) {
        let catalogCount = setup.catalog.entities.count
        guard let saved = try? cache.readForSearch(roots: setup.roots, fingerprint: setup.fingerprint, catalogCount: catalogCount)
        else { return nil }
        // The saved order is reading order by real paths; roots spelt in another order than their real paths sort in would read differently.
        guard setup.roots.count == 1 || setup.cachedPaths.keepsTheOrderOfTheRoots else { return nil }
        guard let named = Self.nameSavedArticles(saved, setup: setup) else { return nil }
        named.warnings.forEach(warn)
        self.init(saved: saved, skipped: named.skipped, listedTheFolders: true)
    }

    /// Gives each saved article its file's path, when every file found has its saved stamp and every
    /// saved article and skip belongs to a file found now; nil otherwise. Their ids are the saved ones,
    /// which are what naming them again would give while no file changed.
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
        savedArticles.name(paths: paths)
        return (skipped, warnings)
    }
}
