import DossierCore

extension AppState {
    /// What the reader holds while the corpus is indexed: how far it has come, the titles
    /// read so far, and a search waiting for the index. The open file, read and parsed on its own
    /// (no entities, no index), is the reader's `content`.
    public struct Indexing {
        public var progress: LoadProgress?
        /// Titles of the files read so far, by placeholder article.
        public var titles: [Int: String] = [:]
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

/// Puts the reader over a new corpus (the full one after indexing, or one a fetch grew) in the
/// place it was; returns the search submitted while indexing, which runs now.
func carryPlace(_ state: inout AppState, into corpus: Corpus) -> [Effect] {
    let old = state
    // The full corpus is in reading order, not the order files were found in, and leaves out skipped files.
    let indexByPath = Dictionary(corpus.articles.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
    func moved(_ article: Int) -> Int? { indexByPath[old.corpus.articles[article].path] }
    func moved(_ place: AppState.Place) -> AppState.Place? {
        moved(place.article).map { AppState.Place(article: $0, scroll: place.scroll, mention: nil) }
    }
    state = AppState(corpus: corpus, size: old.size, settings: old.settings)
    state.focus = old.focus
    state.prompt = old.prompt
    state.searchHistory = old.searchHistory
    state.commandHistory = old.commandHistory
    state.filterHistory = old.filterHistory
    state.readArticles = Set(old.readArticles.compactMap { moved($0) })
    state.isFetching = old.isFetching
    // Entities are numbered afresh in a new corpus: the selected one is found again by id.
    if old.indexing == nil, let entity = old.selectedEntity {
        state.selectedEntity = corpus.entityIndex(id: old.corpus.entities[entity].id)
    }
    state.showHelp = old.showHelp
    state.showEntitiesWhenNarrow = old.showEntitiesWhenNarrow
    state.backStack = old.backStack.compactMap(moved)
    state.forwardStack = old.forwardStack.compactMap(moved)
    if let open = moved(old.openArticle) {
        state.openArticle = open
        state.pendingReveal = old.pendingReveal
        // Placed once the text arrives: two whole layouts of one file have the same lines; otherwise
        // the text at the top is found by its offset.
        state.pendingJump = .carried(scroll: old.readerScroll, top: old.readerLayout.firstOffset(fromLine: old.readerScroll),
                                     wasWhole: old.readerLayout.isComplete)
    }
    // The filter and the order apply to the new articles too (a filter naming an entity the new corpus
    // lacks is dropped, and said).
    if let text = old.list.filter?.text {
        do {
            setList(&state, filter: try ArticleFilter(text, in: corpus, saved: state.settings.savedFilters), sort: old.list.sort)
        } catch {
            setList(&state, filter: nil, sort: old.list.sort)
            state.status = "the filter no longer applies: \(error.description)"
        }
    } else if old.list.sort != .standard {
        setList(&state, filter: nil, sort: old.list.sort)
    }
    let oldCursor = old.articleAtCursor.flatMap(moved)
    state.listSelection = oldCursor.flatMap { state.list.row(of: $0) } ?? state.list.row(of: state.openArticle) ?? 0
    // The search runs where the reader stands: the user has read on since submitting it.
    let effects = old.indexing?.pendingSearch.map { runSearch(&state, $0, movingReader: false) } ?? []
    let list = ScreenLayout.contentRows(state.layout.articles)
    // The selected row stays at the same height in the list.
    state.listScroll = max(0, state.listSelection - (old.listSelection - old.listScroll).clamped(to: 0...max(0, list - 1)))
    return effects
}

/// Where the reader stood in the corpus it replaced, put back once the open article's text arrives.
func placeCarried(_ state: inout AppState, scroll: Int, top: Int?, wasWhole: Bool) {
    state.readerScroll = scroll
    guard !(wasWhole && state.readerLayout.isComplete), let top else { return }
    // Past the lines a huge article has wrapped so far, the top is found once it is whole.
    if let line = state.readerLayout.line(containing: top) {
        state.readerScroll = line
    } else {
        state.readerScroll = 0
        state.pendingReveal = state.pendingReveal ?? .top(top)
    }
}

extension Comparable {
    func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}
