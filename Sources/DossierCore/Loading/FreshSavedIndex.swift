import DossierFormats
import DossierIndex
import DossierPlatform

/// A saved index that holds every file of a corpus as it is now, known so without reading any article:
/// what a search answers from, and what the reader opens at once. Its articles are named for this run,
/// and what the load would report of the files (those skipped, the records passed over) is made ready.
struct FreshSavedIndex {
    let saved: IndexCache.SavedForSearch
    let skipped: [SkippedFile]
    /// What a load reports of the files as it goes, a line each, in the order of their paths.
    let warnings: [String]
    /// Whether the folders were listed to tell that no file changed, or their saved listing was trusted.
    let listedTheFolders: Bool

    /// Without listing a folder: when every folder listed for the saved index still has its stamp, no
    /// entry came, went or was renamed in any, so the files are the ones saved, and each is examined
    /// where it lies, unless the cache trusts folder times (`IndexCache.trustsFolderTimes`) or the
    /// caller examines them afterwards (`checkingFiles` false). Nil when a folder moved or a file
    /// changed, or the index cannot be read: then the folders are listed (`init(listedFrom:setup:)`).
    init?(unlistedFrom cache: IndexCache, address: IndexAddress, checkingFiles: Bool = true) {
        let checksFiles = checkingFiles && !cache.trustsFolderTimes
        guard let saved = try? cache.readForSearch(roots: address.roots, fingerprint: address.fingerprint,
                                                   catalogCount: address.catalog.entities.count),
              let folders = saved.folders, address.cachedPaths.spellsEachPathOnce,
              address.roots.count == 1 || address.cachedPaths.keepsTheOrderOfTheRoots,
              folders.allSatisfy({ FileStamp(ofFileAt: $0.path) == $0.stamp }),
              !checksFiles || Self.filesAreUnchanged(saved)
        else { return nil }
        saved.articles.spell(address.cachedPaths)
        var skipped: [SkippedFile] = []
        var warnings: [String] = []
        let savedPaths = Set(saved.skipped.keys).union(saved.notes.keys).sorted()
        for path in savedPaths {
            let typed = address.cachedPaths.typed(path)
            Self.report(skip: saved.skipped[path], notes: saved.notes[path] ?? [], of: typed, into: &skipped, &warnings)
        }
        self.init(saved: saved, skipped: skipped, warnings: warnings, listedTheFolders: false)
    }

    private init(saved: IndexCache.SavedForSearch, skipped: [SkippedFile], warnings: [String], listedTheFolders: Bool) {
        self.saved = saved
        self.skipped = skipped
        self.warnings = warnings
        self.listedTheFolders = listedTheFolders
    }

    static func filesAreUnchanged(_ saved: IndexCache.SavedForSearch) -> Bool {
        saved.skipped.allSatisfy { FileStamp(ofFileAt: $0.key) == $0.value.stamp } && saved.articles.filesAreUnchanged()
    }

    /// From the files found by listing the folders: nil when the saved index does not hold every file as
    /// it is now, or cannot be read; then the whole load goes on, and reports why.
    init?(listedFrom cache: IndexCache, setup: LoadSetup) {
        let catalogCount = setup.catalog.entities.count
        guard let saved = try? cache.readForSearch(roots: setup.roots, fingerprint: setup.fingerprint, catalogCount: catalogCount)
        else { return nil }
        // The saved order is reading order by real paths; roots spelt in another order than their real paths sort in would read differently.
        guard setup.roots.count == 1 || setup.cachedPaths.keepsTheOrderOfTheRoots else { return nil }
        guard let named = Self.nameSavedArticles(saved, setup: setup) else { return nil }
        self.init(saved: saved, skipped: named.skipped, warnings: named.warnings, listedTheFolders: true)
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
            let savedPath = setup.cachedPaths.saved(file.path)
            let skip = articles.isEmpty ? saved.skipped[savedPath] : nil
            if skip != nil { skippedCount += 1 }
            report(skip: skip, notes: articles.isEmpty ? [] : saved.notes[savedPath] ?? [], of: file.path, into: &skipped, &warnings)
            for article in articles { paths[article] = file.path }
            articleCount += articles.count
        }
        guard articleCount == savedArticles.count, skippedCount == saved.skipped.count, articleCount > 0 else { return nil }
        savedArticles.name(paths: paths)
        return (skipped, warnings)
    }

    /// What a load says of a file as it reads it (`GatheredFiles`): each record it passed over, or why it skipped it whole.
    private static func report(skip: CachedCorpus.Skip?, notes: [String], of path: String,
                               into skipped: inout [SkippedFile], _ warnings: inout [String]) {
        for note in notes {
            warnings.append("\(path): \(note)")
            skipped.append(SkippedFile(path: path, reason: note, isPartOfFile: true))
        }
        if let skip {
            skipped.append(SkippedFile(path: path, reason: skip.reason, isVerdictOnContent: true))
            warnings.append("skipped \(path): \(skip.reason)")
        }
    }
}
