import DossierIndex

/// The examination of every file that a reader makes once it shows a corpus opened from its saved index on
/// its folders' stamps alone (`CorpusLoader.load`'s `deferringFileCheck`): a folder's stamp moves when a
/// file comes, goes or is renamed, not when one is written over in place, which only the file's own stamp
/// tells. At a million files that examination is over a second of the start, and need not come before
/// the first frame.
public struct DeferredFileCheck: Sendable {
    let saved: IndexCache.SavedForSearch

    /// Whether every file, and every file skipped, still has the stamp the saved index holds for it. When not,
    /// an article shown may have been analysed from what its file said before, and the corpus is to be loaded again.
    public func filesAreUnchanged() -> Bool {
        defer { saved.articles.letGoOfFileTables() }
        return FreshSavedIndex.filesAreUnchanged(saved)
    }
}
