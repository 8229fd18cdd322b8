import DossierCore

extension AppState {
    /// What the reader holds while the corpus is indexed: how far it has come, the titles
    /// read so far, the open file read on its own, and a search waiting for the index.
    public struct Indexing {
        public var progress: LoadProgress?
        /// Titles of the files read so far, by placeholder article.
        public var titles: [Int: String] = [:]
        /// The open file, read and parsed on its own (no entities, no index).
        public var readAlone: (index: Int, article: Article)?
        /// A search submitted before the index was ready; it runs as soon as it is.
        public var pendingSearch: String?

        /// "indexing 43%… · 41,000 of 100,000 files · 38 MB/s · 12 s left"
        public var summary: String {
            guard let progress else { return LoadingScreen.statusText(nil) }
            let detail = progress.stage == .reading ? " · " + LoadingScreen.detail(progress) : ""
            return LoadingScreen.statusText(progress) + detail
        }
    }
}

/// What the background load tells the reader, turned into state by `update` like a key.
public enum LoadEvent {
    case progressed(LoadProgress)
    case titled([(index: Int, title: String)])
    /// The open file, read on its own, for `AppState.articleToRead`.
    case readAlone(index: Int, Article)
    /// The whole corpus, linked and indexed: it takes the placeholders' place.
    case finished(Corpus)
}

/// Applies what the load reports. The reader keeps its place across the swap to the full
/// corpus: the same article open at the same line, the same row selected, the same pane,
/// prompt and histories; a search submitted meanwhile runs now.
public func update(_ state: inout AppState, _ event: LoadEvent) {
    guard state.indexing != nil else { return }
    switch event {
    case .progressed(let progress):
        state.indexing?.progress = progress
    case .titled(let titles):
        for (index, title) in titles where index < state.corpus.articles.count { state.indexing?.titles[index] = title }
    case .readAlone(let index, let article):
        guard index == state.openArticle else { return }
        state.indexing?.readAlone = (index, article)
        state.refreshReaderLayout()
        clamp(&state)
    case .finished(let corpus):
        state = carryingPlace(of: state, into: corpus)
    }
}

private func carryingPlace(of old: AppState, into corpus: Corpus) -> AppState {
    // The full corpus is in reading order, not the order files were found in, and leaves out skipped files.
    let indexByPath = Dictionary(corpus.articles.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
    func moved(_ article: Int) -> Int? { indexByPath[old.corpus.articles[article].path] }
    func moved(_ place: AppState.Place) -> AppState.Place? {
        moved(place.article).map { AppState.Place(article: $0, scroll: place.scroll, mention: nil) }
    }
    var state = AppState(corpus: corpus, size: old.size)
    state.focus = old.focus
    state.prompt = old.prompt
    state.searchHistory = old.searchHistory
    state.commandHistory = old.commandHistory
    state.showHelp = old.showHelp
    state.showEntitiesWhenNarrow = old.showEntitiesWhenNarrow
    state.backStack = old.backStack.compactMap(moved)
    state.forwardStack = old.forwardStack.compactMap(moved)
    if let open = moved(old.openArticle) {
        state.openArticle = open
        state.readerScroll = old.readerScroll
    }
    state.listSelection = moved(old.listSelection) ?? state.openArticle
    state.refreshReaderLayout()
    // The search runs where the reader stands: the user has read on since submitting it.
    if let query = old.indexing?.pendingSearch { runSearch(&state, query, movingReader: false) }
    let list = ScreenLayout.contentRows(state.layout.articles)
    // The selected row stays at the same height in the list.
    state.listScroll = max(0, state.listSelection - (old.listSelection - old.listScroll).clamped(to: 0...max(0, list - 1)))
    state.refreshMarkedLines()
    clamp(&state)
    return state
}

extension Comparable {
    func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}
