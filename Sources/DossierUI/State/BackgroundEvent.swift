import DossierCore
import DossierFormats

/// What work done off the key loop hands back to the reader: the load's progress and result,
/// the open file read on its own, a huge article's whole layout. `update` turns each into
/// state, as it does a key, and ignores what no longer applies.
public enum BackgroundEvent: Sendable {
    case progressed(LoadProgress)
    case titled([(index: Int, title: String)])
    /// The open file, read on its own, for `AppState.articleToRead`.
    case readAlone(index: Int, Article)
    /// The whole corpus, linked and indexed: it takes the placeholders' place.
    case finished(Corpus)
    /// The whole layout of an article, for `AppState.layoutToFinish`.
    case laidOut(ReaderLayout, for: AppState.ReaderLayoutKey)
    /// What became of `AppState.linkToOpen`, in a line for the status bar.
    case linkOpened(String)
    /// The fetch `AppState.fetchRequested` asked for has begun.
    case fetchStarted
    /// Feeds fetched so far, of all.
    case fetchProgressed(done: Int, total: Int)
    /// The fetch is over: what it did in a line, and the corpus again with the new articles, when
    /// the reader shows the library.
    case fetchFinished(summary: String, corpus: Corpus?)
}

/// Applies what the background reports. The reader keeps its place across the swap to the full
/// corpus: the same article open at the same line, the same row selected, the same pane,
/// prompt and histories; a search submitted meanwhile runs then.
public func update(_ state: inout AppState, _ event: BackgroundEvent) {
    switch event {
    case .progressed(let progress):
        guard state.indexing != nil else { return }
        state.indexing?.progress = progress
    case .titled(let titles):
        guard state.indexing != nil else { return }
        for (index, title) in titles where index < state.corpus.articles.count { state.indexing?.titles[index] = title }
    case .readAlone(let index, let article):
        guard state.indexing != nil, index == state.openArticle else { return }
        state.indexing?.readAlone = (index, article)
        state.refreshReaderLayout()
    case .finished(let corpus):
        guard state.indexing != nil else { return }
        state = carryingPlace(of: state, into: corpus)
    case .fetchStarted:
        state.fetchRequested = false
        state.isFetching = true
    case .fetchProgressed(let done, let total):
        guard state.isFetching else { return }
        state.status = "fetching your feeds: \(done)/\(total)"
    case .fetchFinished(let summary, let corpus):
        state.isFetching = false
        // While the first load is still indexing, its result will bring the new articles too.
        if let corpus, state.indexing == nil { state = carryingPlace(of: state, into: corpus) }
        state.status = summary
    case .linkOpened(let outcome):
        state.linkToOpen = nil
        state.status = outcome
    case .laidOut(let layout, let key):
        guard state.finishLayout(layout, for: key) else { return }
        switch state.pendingReveal {
        case .offset(let offset): scrollIntoView(&state, offset: offset)
        case .top(let offset): state.readerScroll = layout.line(containing: offset) ?? state.readerScroll
        case .bottom: state.readerScroll = Int.max / 2
        case nil: break
        }
        state.pendingReveal = nil
    }
    state.refreshMarkedLines()
    clamp(&state)
}
