import DossierIndex

/// What a reader examines once it shows a corpus opened from its saved index on its folders' stamps alone
/// (`CorpusLoader.load`'s `deferringFileCheck`), none of which need come before the first frame:
///
/// - every file's stamp: a folder's stamp moves when a file comes, goes or is renamed, not when one is written
///   over in place, which only the file's own stamp tells; at a million files that is over a second;
/// - every saved link the opening left where it lies (`MentionLists`, `EntityMentionLists`), each number
///   checked and each entity's places held to their articles' mentions, so that a file that passed its
///   checksums but makes no sense is found now and rebuilt, not only when a view happens to read it.
public struct DeferredFileCheck: Sendable {
    let saved: IndexCache.SavedForSearch
    let corpus: Corpus

    public enum Finding: Sendable, Equatable {
        case unchanged
        /// A file, or a file skipped, no longer has the stamp the saved index holds for it: an article shown may
        /// have been analysed from what its file said before, and the corpus is to be loaded again.
        case filesChanged
        /// The saved index's links do not make sense, in a line naming the file: it is to be rebuilt.
        case indexDamaged(String)
    }

    public func examine() -> Finding {
        let filesAreUnchanged = FreshSavedIndex.filesAreUnchanged(saved)
        saved.articles.letGoOfFileTables()
        guard filesAreUnchanged else { return .filesChanged }
        return linkDamage().map(Finding.indexDamaged) ?? .unchanged
    }

    /// Why the saved links cannot be believed, nil when every one read makes sense. The pages read through
    /// are let go afterwards: a view reads them again, from the page cache, for the few it shows.
    private func linkDamage() -> String? {
        defer {
            corpus.mentions.letGoOfPagesRead()
            corpus.mentionsByEntity.letGoOfPagesRead()
        }
        let mentionCounts = corpus.mentions.indices.map { corpus.mentions[$0].count }
        for entity in corpus.mentionsByEntity.indices {
            let places = corpus.mentionsByEntity.readWithoutKeeping(entity)
            guard places.count == corpus.mentionsByEntity.count(of: entity),
                  places.allSatisfy({ $0.mention < mentionCounts[$0.article] }) else {
                return corpus.linkDamage ?? "index cache \(saved.articles.filePath) is damaged (its mentions do not add up)"
            }
        }
        return corpus.linkDamage
    }
}
