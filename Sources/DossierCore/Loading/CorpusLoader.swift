import DossierFormats
import DossierIndex
import DossierLinking
import DossierPlatform
import DossierResources
import DossierText
import Foundation

/// Loads the articles under a user's paths into a `Corpus`: finds the files, analyses each on every
/// core (or takes its analysis from the saved index when the file has not changed), builds or reuses
/// the index, saves it, and merges every article's entities into the corpus's.
///
/// Files that are empty or not text are skipped and reported through `warn`, as are unreadable
/// files inside folders; a path that does not exist or cannot be read is an error, and so is a set
/// of paths that holds no article at all. A saved index that cannot be used, or cannot be saved, is
/// reported through `warn`; loading goes on without it.
public enum CorpusLoader {
    /// Loads the articles under `paths` (files and folders), or the bundled articles when `paths` is empty.
    ///
    /// With a `cache`, files whose size, modification time and identity match the saved index are
    /// taken from it rather than read, and the index is saved again when anything changed. When no
    /// folder and no file changed, the corpus opens from the saved index as it stands (`savedWhole`).
    /// `preview` hears of the files as soon as they are found and of each title as its file is read,
    /// from any thread, so that a reader can list them meanwhile. With `deferringFileCheck`, a corpus
    /// opened from its saved index on its folders' stamps alone is returned before its files and links are
    /// examined, and the examination is handed over to be made afterwards (`DeferredFileCheck`).
    public static func load(paths: [String], catalog: EntityCatalog? = nil, gazetteer: Gazetteer? = nil,
                            cache: IndexCache? = nil, fields: DatasetFields = DatasetFields(),
                            progress: (@Sendable (LoadProgress) -> Void)? = nil,
                            preview: (@Sendable (LoadPreview) -> Void)? = nil,
                            deferringFileCheck: ((DeferredFileCheck) -> Void)? = nil,
                            warn: (String) -> Void = { _ in }) throws -> Corpus {
        try retryingWithoutDamagedIndex(warn: warn) { readsSavedIndex in
            let address = try IndexAddress(paths: paths, catalog: catalog, gazetteer: gazetteer, cache: cache, fields: fields)
            if readsSavedIndex, let cache,
               let fresh = FreshSavedIndex(unlistedFrom: cache, address: address, checkingFiles: deferringFileCheck == nil),
               let corpus = try savedWhole(fresh, catalogCount: address.catalog.entities.count, warn: warn) {
                deferringFileCheck?(DeferredFileCheck(saved: fresh.saved, corpus: corpus))
                return corpus
            }
            // Where a folder moved, the whole load lists it and saves its new stamp, which the next load trusts again.
            let setup = try LoadSetup(address, preview: preview, warn: warn)
            return try loadWhole(setup, readsSavedIndex: readsSavedIndex, progress: progress, preview: preview, warn: warn)
        }
    }

    /// The corpus from a saved index that holds every file as it is now, with the entities and links merged
    /// when it was saved: nothing to read, analyse or merge again, and each article decoded when something
    /// shows it. Nil when the index was saved without merged links; then the whole load goes on, and saves
    /// them. Damaged links are reported and the index rebuilt.
    private static func savedWhole(_ fresh: FreshSavedIndex, catalogCount: Int, warn: (String) -> Void) throws -> Corpus? {
        let links: MergedLinks
        do {
            guard let saved = try fresh.saved.mergedLinks(catalogCount: catalogCount) else { return nil }
            links = saved
        } catch {
            throw SavedIndexDamage(message: error.message)
        }
        let corpus = Corpus(saved: fresh.saved, links: links, skipped: fresh.skipped)
        // A file cut short or written over since its links were read cannot be believed.
        if let damage = corpus.linkDamage { throw SavedIndexDamage(message: damage + "; rebuilding it") }
        // What was read through once to check every file need not stay in memory.
        fresh.saved.articles.letGoOfFileTables()
        fresh.warnings.forEach(warn)
        return corpus
    }

    /// What a search needs: from a saved index that holds every file unchanged, its articles and index
    /// alone (a `SearchCorpus`, nothing decoded until asked for); otherwise the whole corpus, loaded and saved.
    public static func loadForSearch(paths: [String], catalog: EntityCatalog? = nil, gazetteer: Gazetteer? = nil,
                                     cache: IndexCache? = nil, fields: DatasetFields = DatasetFields(),
                                     progress: (@Sendable (LoadProgress) -> Void)? = nil,
                                     warn: (String) -> Void = { _ in }) throws -> any SearchableCorpus {
        try retryingWithoutDamagedIndex(warn: warn) { readsSavedIndex in
            let address = try IndexAddress(paths: paths, catalog: catalog, gazetteer: gazetteer, cache: cache, fields: fields)
            if readsSavedIndex, let cache, let fresh = FreshSavedIndex(unlistedFrom: cache, address: address) {
                return SearchCorpus(fresh, warn: warn)
            }
            let setup = try LoadSetup(address, preview: nil, warn: warn)
            if readsSavedIndex, let cache, let fresh = FreshSavedIndex(listedFrom: cache, setup: setup) { return SearchCorpus(fresh, warn: warn) }
            return try loadWhole(setup, readsSavedIndex: readsSavedIndex, progress: progress, preview: nil, warn: warn)
        }
    }

    /// A corpus of articles given as text, read from no file: each named by `name`, which serves as
    /// its id and path. For text that arrives from elsewhere than a folder, and for tests of
    /// linking and quotes that need no file.
    public static func load(texts: [(name: String, text: String)], catalog: EntityCatalog? = nil,
                            gazetteer: Gazetteer? = nil) throws -> Corpus {
        let catalog = try catalog ?? EntityCatalog.bundled()
        let gazetteer = try gazetteer ?? Gazetteer.bundled()
        let linker = EntityLinker(entities: catalog.entities, gazetteer: gazetteer)
        let numbering = TermNumbering()
        var analyses = texts.map { name, text in
            ArticleAnalysis.analyse(SourceText(decoding: Array(text.utf8)), id: name, path: name, linker: linker,
                                    attributionVerbs: gazetteer.attributionVerbs, numbering: numbering, keepsText: true)
        }
        analyses.sort { $0.article.readsBefore($1.article) }
        let index = try makeIndex(of: &analyses, saved: nil, unchanged: false, numbering: numbering, damagedIndexPath: "")
        return EntityMerger.merge(&analyses, catalog: catalog.entities, index: index, skipped: [])
    }

    /// A saved index whose words failed their check while a changed corpus's index was built from them.
    struct SavedIndexDamage: Error {
        let message: String
    }

    /// Runs `load`; when it finds the saved index damaged only once it was extending it, says so and
    /// starts again without it, so that a new one is saved.
    private static func retryingWithoutDamagedIndex<Loaded>(warn: (String) -> Void,
                                                            _ load: (_ readsSavedIndex: Bool) throws -> Loaded) throws -> Loaded {
        do {
            return try load(true)
        } catch let damage as SavedIndexDamage {
            warn(damage.message)
            return try load(false)
        }
    }

    // MARK: - The whole load, step by step

    private static func loadWhole(_ setup: LoadSetup, readsSavedIndex: Bool, progress: (@Sendable (LoadProgress) -> Void)?,
                                  preview: (@Sendable (LoadPreview) -> Void)?, warn: (String) -> Void) throws -> Corpus {
        var saved = readsSavedIndex ? readSavedIndex(setup, warn: warn) : nil
        // Words from the saved index are numbered by its terms; numbering goes on from there.
        // Only the index is kept for this: the rest of `saved` goes before the merge.
        var savedTerms: (@Sendable () -> [String])?
        if let index = saved?.index { savedTerms = { index.allTerms() } }
        let numbering = TermNumbering(continuing: savedTerms)
        let tracker = ProgressTracker(fileCount: setup.files.count, report: progress)
        // What a load stopped before it saved the index had read, to go on from.
        let segments = setup.cache.map { BuildSegments(cache: $0, roots: setup.roots, fingerprint: setup.fingerprint) }
        var resumed = segments?.read(catalogCount: setup.catalog.entities.count, numbering: numbering) ?? [:]
        var outcomes = FileAnalyser(setup: setup, numbering: numbering)
            .analyseEveryFile(reusing: saved, resuming: resumed, segments: segments, tracker: tracker, preview: preview)
        // The outcomes hold what the segments gave; their own copy would keep it alive through the merge.
        resumed = [:]
        let fileCount = outcomes.count
        var gathered = try GatheredFiles(outcomes, setup: setup, warn: warn)
        // `gathered` holds what is still needed; the outcomes would keep every analysis alive through the merge.
        outcomes = []
        guard !gathered.analyses.isEmpty else { throw DossierError.noArticles(setup.paths) }
        gathered.sortIntoReadingOrder()

        tracker.entered(.indexing)
        // Every file found came from the saved index, and it holds no file that is gone.
        let unchanged = saved.map { gathered.reused == fileCount && $0.files.count + $0.skipped.count == gathered.reused } ?? false
        let index = try makeIndex(of: &gathered.analyses, saved: saved, unchanged: unchanged, numbering: numbering,
                                  damagedIndexPath: setup.cache?.filePath(forRoots: setup.roots) ?? "?")
        // Saved again when only the folders moved (a file of another kind came or went), so that searches
        // trust the listing again instead of making it each time.
        let folders = setup.listedFolders(whenSaved: gathered.filesSaved)
        // And when it was saved without its merged links, which the next load then reads instead of merging again.
        let savesAgain = !unchanged || saved?.folders != folders || saved?.holdsMergedLinks == false
        // The saved analyses are in `gathered` now, and its index in `index` if still used; its own copy goes.
        saved = nil
        // Articles saved before merging, which then frees each article's local links as it numbers them anew:
        // the two copies of every mention are never held at once. The merged links follow.
        var writing: IndexCache.Writing?
        if let cache = setup.cache, savesAgain {
            tracker.entered(.saving)
            writing = try startSaving(gathered, index: index, folders: folders, in: cache, setup: setup, warn: warn)
        }
        let corpus = EntityMerger.merge(&gathered.analyses, catalog: setup.catalog.entities, index: index, skipped: gathered.skipped)
        if let writing {
            do {
                try writing.finish(merged: corpus.mergedLinks)
                // The index holds everything the segments did.
                segments?.remove()
            } catch {
                warn("the index cache was not saved: \((error as? IndexCache.WriteFailure)?.message ?? "\(error)")")
            }
        } else if !savesAgain {
            segments?.remove()
        }
        return corpus
    }

    private static func readSavedIndex(_ setup: LoadSetup, warn: (String) -> Void) -> CachedCorpus? {
        guard let cache = setup.cache else { return nil }
        do {
            return try cache.read(roots: setup.roots, fingerprint: setup.fingerprint, catalogCount: setup.catalog.entities.count)
        } catch {
            warn(error.message)
            return nil
        }
    }

    /// The saved index itself when nothing changed and the articles stand in its order; otherwise an
    /// index built from every article's words, fresh or saved. Each article's words go once indexed.
    private static func makeIndex(of analyses: inout [ArticleAnalysis], saved: CachedCorpus?, unchanged: Bool,
                                  numbering: TermNumbering, damagedIndexPath: @autoclosure () -> String) throws -> SearchIndex {
        if let saved, unchanged,
           analyses.indices.allSatisfy({ if case .saved($0) = analyses[$0].words { true } else { false } }) {
            return saved.index
        }
        var building = SearchIndex()
        // The saved index's words, rebuilt from its postings the first time an unchanged article needs them.
        var savedWords: [UInt32]?
        for position in analyses.indices {
            switch analyses[position].words {
            case .compact(let tokens): building.add(indexed: tokens.terms, checkpoints: tokens.checkpoints)
            case .saved(let savedPosition):
                guard let savedIndex = saved?.index else { preconditionFailure("an article from a saved index that was not read") }
                if savedWords == nil { savedWords = savedIndex.wordTermsOfEveryArticle() }
                guard let words = savedWords, let checkpoints = savedIndex.checkpoints(ofArticle: savedPosition) else {
                    throw SavedIndexDamage(message: (savedIndex.damage ?? "index cache \(damagedIndexPath()) is damaged") + "; rebuilding it")
                }
                building.add(indexed: words[savedIndex.wordRange(ofArticle: savedPosition)], checkpoints: checkpoints)
            case .handedOver: break
            }
            // Words are the largest thing a load holds; each article's go as soon as they are indexed.
            analyses[position].words = .handedOver
        }
        // Each article's words were looked up in the saved index again, which another program may have written over meanwhile.
        if let damage = saved?.index.damage { throw SavedIndexDamage(message: damage + "; rebuilding it") }
        building.finish(terms: numbering.allTerms)
        return building
    }

    /// Saves all of the index but its merged links; a saved index reused whole that fails its checks as it is
    /// copied (only the folders' stamps had moved) is damaged, and the load starts again without it.
    private static func startSaving(_ gathered: GatheredFiles, index: SearchIndex, folders: [ListedFolder]?, in cache: IndexCache,
                                    setup: LoadSetup, warn: (String) -> Void) throws -> IndexCache.Writing? {
        do {
            return try cache.startWriting(roots: setup.roots, fingerprint: setup.fingerprint, index: index, analyses: gathered.analyses,
                                          stamps: gathered.stamps, skipped: gathered.savedSkips, notes: gathered.notes,
                                          folders: folders, paths: setup.cachedPaths)
        } catch let failure as IndexCache.WriteFailure {
            if let damage = index.damage { throw SavedIndexDamage(message: damage + "; rebuilding it") }
            warn("the index cache was not saved: \(failure.message)")
        } catch {
            warn("the index cache was not saved: \(error)")
        }
        return nil
    }
}
