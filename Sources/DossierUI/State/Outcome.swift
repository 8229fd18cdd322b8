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
    case laidOut(ReaderLayout, for: AppState.ReaderLayoutKey)
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
    /// The place, read marks and histories saved by an earlier run, to restore.
    case memoryRead(ReaderMemory)
    /// A line for the status bar from outside the state (the config file's problems, a saved place
    /// that could not be read).
    case reported(String)
}

/// Applies what comes back from outside. The reader keeps its place across the swap to the full
/// corpus: the same article open at the same line, the same row selected, the same pane,
/// prompt and histories; a search submitted meanwhile runs then.
public func update(_ state: inout AppState, _ outcome: Outcome) -> [Effect] {
    var effects: [Effect] = []
    switch outcome {
    case .started: break
    case .progressed(let progress):
        guard state.indexing != nil else { return [] }
        state.indexing?.progress = progress
    case .titled(let titles):
        guard state.indexing != nil else { return [] }
        for (index, title) in titles where index < state.corpus.articles.count { state.indexing?.titles[index] = title }
    case .finished(let corpus):
        guard state.indexing != nil else { return [] }
        effects = carryPlace(&state, into: corpus)
    case .textRead(let content):
        state.takeText(content)
    case .laidOut(let layout, let key):
        guard state.finishLayout(layout, for: key) else { return [] }
        switch state.pendingReveal {
        case .offset(let offset): scrollIntoView(&state, offset: offset)
        case .top(let offset): state.readerScroll = layout.line(containing: offset) ?? state.readerScroll
        case .bottom: state.readerScroll = Int.max / 2
        case nil: break
        }
        state.pendingReveal = nil
    case .matchesPlaced(let placed):
        state.takeMatches(placed)
    case .searchFinished(let finding):
        guard finding.corpus === state.corpus, finding.query == state.requestedSearch else { return [] }
        state.requestedSearch = nil
        showSearch(&state, finding)
    case .dossierGathered(let content):
        guard content.corpus === state.corpus, content.profile.entity == state.requestedDossier else { return [] }
        showDossier(&state, content)
    case .fetchProgressed(let done, let total):
        guard state.isFetching else { return [] }
        state.status = "fetching your feeds: \(done)/\(total)"
    case .fetchFinished(let summary, let corpus):
        state.isFetching = false
        // While the first load is still indexing, its result will bring the new articles too.
        if let corpus, state.indexing == nil { effects = carryPlace(&state, into: corpus) }
        state.status = summary
    case .linkOpened(let outcome):
        state.status = outcome
    case .memoryRead(let memory):
        if let problem = state.restore(memory) { state.status = "restored, but \(problem)" }
    case .reported(let line):
        state.status = line
    }
    return effects + finishUpdate(&state)
}
