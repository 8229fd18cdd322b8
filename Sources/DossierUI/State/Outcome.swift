import DossierCore

/// What comes back to the reader from outside its state: what came of an `Effect` the runner
/// performed, and news of work under way (the load, a fetch). `update` turns each into state, as
/// it does an action, and drops what no longer applies.
public enum Outcome: Sendable {
    /// The runner is about to draw the first frame: the state asks for what it needs to show itself.
    case started
    case progressed(LoadProgress)
    case titled([(index: Int, title: String)])
    /// The whole corpus, linked and indexed: it takes the placeholders' place.
    case finished(Corpus)
    /// An article's text, for `Effect.readText` or `Effect.readAlone`.
    case textRead(ArticleContent)
    /// The whole layout of an article, for `Effect.finishLayout`.
    case laidOut(ReaderLayout, for: ReaderState.LayoutKey)
    /// Where the search's matches lie in an article, for `Effect.placeMatches`.
    case matchesPlaced(PlacedMatches)
    /// What a search found, for `Effect.search`.
    case searchFinished(SearchFinding)
    /// An entity's dossier, for `Effect.gatherDossier`.
    case dossierGathered(DossierView.Content)
    /// What became of `Effect.openLink`, in a line for the status bar.
    case linkOpened(String)
    /// Feeds fetched so far, of all.
    case fetchProgressed(done: Int, total: Int)
    /// The fetch is over: what it did in a line, and the corpus again with the new articles, when
    /// the reader shows the library.
    case fetchFinished(summary: String, corpus: Corpus?)
    /// The corpus read again (or why it could not be), because a file changed since its saved index was made or
    /// the index was found damaged, as `because` says (after the first frame, `DeferredFileCheck`).
    /// `replacing` is the corpus that was examined.
    case reread(because: String, Result<Corpus, RereadFailure>, replacing: Corpus)
    /// The feeds the user follows, read again with how the last fetch of each went.
    case feedsRead([FollowedFeed])
    /// What became of `Effect.correct`, in a line for the status bar, and the corpus with every
    /// correction applied; nil when it could not be made.
    case corrected(summary: String, corpus: Corpus?)
    /// The place, read marks and histories saved by an earlier run, to restore.
    case memoryRead(ReaderMemory)
    /// A line for the status bar from outside the state (the config file's problems, a saved place
    /// that could not be read).
    case reported(String)
}

/// Applies what comes back from outside, and returns what the runner is to do next. The reader
/// keeps its place across the swap to the full corpus: the same article open at the same line,
/// the same row selected, the same pane, prompt and histories; a search submitted meanwhile runs then.
public func update(_ state: inout AppState, _ outcome: Outcome) -> [Effect] {
    var effects: [Effect] = []
    switch outcome {
    case .started: break
    case .progressed(let progress):
        guard state.session.indexing != nil else { return [] }
        state.session.indexing?.progress = progress
    case .titled(let titles):
        guard state.session.indexing != nil else { return [] }
        for (index, title) in titles where index < state.corpus.articles.count { state.session.indexing?.titles[index] = title }
    case .finished(let corpus):
        guard state.session.indexing != nil else { return [] }
        effects = state.carryPlace(into: corpus)
    case .textRead(let content):
        state.reader.takeText(content, of: state.corpus)
    case .laidOut(let layout, let key):
        state.reader.finishLayout(layout, for: key, rows: max(1, state.readerRows))
    case .matchesPlaced(let placed):
        state.reader.takeMatches(placed, of: state.corpus)
    case .searchFinished(let finding):
        state.showSearch(finding)
    case .dossierGathered(let content):
        state.showDossier(content)
    case .fetchProgressed(let done, let total):
        guard state.session.isFetching else { return [] }
        state.session.status = "fetching your feeds: \(done)/\(total)"
    case .fetchFinished(let summary, let corpus):
        state.session.isFetching = false
        // While the first load is still indexing, its result will bring the new articles too.
        if let corpus, state.session.indexing == nil { effects = state.carryPlace(into: corpus) }
        state.session.status = summary
    case .reread(let reason, let reread, let replaced):
        switch reread {
        // A correction or a fetch made meanwhile is in the corpus shown, and perhaps not in this one.
        case .success where state.corpus !== replaced: state.session.status = reason + ": quit and start again to read them again"
        case .success(let corpus):
            effects = state.carryPlace(into: corpus)
            state.session.status = reason + ": read again"
        case .failure(let failure): state.session.status = reason + ", and reading them again failed: " + failure.message
        }
    case .feedsRead(let feeds):
        state.session.settings.feeds = feeds
        if state.overlays.feedList != nil { state.refreshFeedList() }
    case .corrected(let summary, let corpus):
        if let corpus { effects = state.carryCorrections(into: corpus) }
        state.session.status = summary
    case .linkOpened(let outcome):
        state.session.status = outcome
    case .memoryRead(let memory):
        if let problem = state.restore(memory) { state.session.status = "restored, but \(problem)" }
    case .reported(let line):
        state.session.status = line
    }
    return effects + state.finishUpdate()
}

/// Why the corpus could not be read again (`Outcome.reread`), in a line.
public struct RereadFailure: Error, Sendable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }
}
