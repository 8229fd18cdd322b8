import DossierCore
import DossierIndex

/// The reader pane: the open article, where it is scrolled to, its text and layout once they
/// arrive, the search and its matches, and the jump history.
public struct ReaderState {
    /// The article in the reader (an index into `corpus.articles`).
    public internal(set) var openArticle = 0
    /// The first line shown.
    public internal(set) var scroll = 0
    /// The mention that stands out: an index into `corpus.mentions[openArticle]`.
    public internal(set) var currentMention: Int?
    /// The search in force and the match that stands out.
    public internal(set) var search: SearchState?
    /// Where the reader was, for Backspace, and where it went back from, for Ctrl-N.
    public internal(set) var backStack: [Place] = []
    /// Where Backspace came from, for Ctrl-N; a new jump forgets it.
    public internal(set) var forwardStack: [Place] = []

    /// The open article wrapped to the reader's width; rebuilt when either changes.
    public private(set) var layout = ReaderLayout.empty
    private var layoutKey: LayoutKey?
    /// Where the reader is to go once the open article's layout is complete (`ReaderLayout.isComplete`).
    var pendingReveal: PendingReveal?
    /// Where the reader is to go once the open article's text (and, for a match, the matches) arrive.
    var pendingJump: PendingJump?

    /// The open article's text, once it has arrived (`Outcome.textRead`); until then the reader
    /// shows its title alone.
    public private(set) var content: ArticleContent?
    /// The article whose text was asked for and has not arrived.
    private var requestedText: Int?
    /// The layout asked to be wrapped whole (`Effect.finishLayout`).
    private var requestedLayout: LayoutKey?
    /// The search whose result is awaited (`Effect.search`): a result for another query is stale.
    private(set) var requestedSearch: String?

    /// The byte ranges of the search's matches in the open article, in text order, and of the current
    /// match when it is there. The index keeps words by position, so the runner finds these again
    /// from the text (`Effect.placeMatches`), when the article or the search changes.
    public private(set) var matches = MatchRanges()
    /// The matches placed for the open article and search, when they have arrived.
    private var placedMatches: PlacedMatches?
    private var requestedMatches: MatchesKey?

    /// The lines that the scrollbar marks: the selected entity's mentions and the search matches
    /// in the open article, each list sorted. Rebuilt when the article, the width, the entity or
    /// the search changes, since an article may hold a million mentions.
    public private(set) var markedLines = MarkedLines()
    private var markedLinesKey: MarkedLinesKey?

    /// Articles longer than this (in bytes) are wrapped a few screenfuls at once and the rest on
    /// another thread: wrapping 50 MB takes far longer than a keystroke may.
    static let wrapAtOnceLimit = 1_000_000

    /// A results list and the match that stands out.
    public struct SearchState: Equatable {
        /// What the search found.
        public internal(set) var result: SearchResultSummary
        /// Nil when the search ran without moving the reader (one submitted while indexing):
        /// then `n` and `N` go to the nearest match from the open article.
        public internal(set) var current: Int?
    }

    /// The hits of a search, kept as plain values.
    public struct SearchResultSummary: Equatable {
        /// The query as it was typed.
        public let query: String
        /// Every match, in reading order.
        public let hits: [Hit]
        /// How many articles hold a match.
        public let articleCount: Int
        /// Articles that hold at least one match.
        public let articles: Set<Int>
    }

    /// Where the reader was, for the jump history.
    public struct Place: Equatable {
        /// The article that was open.
        public let article: Int
        /// Its first line shown.
        public let scroll: Int
        /// The mention that stood out, if one did.
        public let mention: Int?
    }

    /// What a reader layout was made for: a corpus, an article, a width, and whether its text had arrived.
    public struct LayoutKey: Equatable, Sendable {
        let corpus: ObjectIdentifier
        /// The article laid out.
        public let article: Int
        /// The columns it was wrapped to.
        public let width: Int
        /// False for the title alone, shown until the text arrives.
        public let hasText: Bool
    }

    enum PendingReveal: Equatable {
        /// A byte offset to scroll into view, as a jump does.
        case offset(Int)
        /// A byte offset whose line is to be the top row, as it was before the layout changed.
        case top(Int)
        case bottom
    }

    /// Jumps that wait for the open article's text.
    enum PendingJump: Equatable {
        /// A byte offset to scroll into view, as a jump does.
        case offset(Int)
        /// The search's current match, once the matches are placed.
        case currentMatch
        /// A line to be the top row, as the reader left it (back, forward, a restored place).
        case line(Int)
        /// The place the reader had in the corpus this one replaced: its top row, and the byte
        /// offset at the top, found again unless both layouts are whole.
        case carried(scroll: Int, top: Int?, wasWhole: Bool)
    }

    /// Where the search's matches are in the open article's text.
    public struct MatchRanges: Equatable, Sendable {
        /// Every match in the article, in text order, as byte ranges.
        public internal(set) var all: [Range<Int>] = []
        /// The match that stands out, when it is in this article.
        public internal(set) var current: Range<Int>?
    }

    /// The lines the scrollbar marks, each list sorted.
    public struct MarkedLines: Equatable, Sendable {
        /// Lines with a mention of the selected entity.
        public internal(set) var selectedEntity: [Int] = []
        /// Lines with a search match.
        public internal(set) var matches: [Int] = []
    }

    private struct MatchesKey: Equatable {
        let article: Int
        let query: String
    }

    private struct MarkedLinesKey: Equatable {
        let article: Int
        let width: Int
        let hasText: Bool
        let layoutIsComplete: Bool
        let entity: Int?
        let query: String?
        let matchesArePlaced: Bool
    }

    // MARK: - Derived

    /// True when the open article's text has arrived.
    var hasText: Bool { content?.index == openArticle }

    /// Where the reader is, for the jump history.
    var place: Place { Place(article: openArticle, scroll: scroll, mention: currentMention) }

    /// The search's hits in the open article: a run of `search.result.hits`.
    private var hitsInOpenArticle: ArraySlice<Hit> {
        search.map { ReaderPane.hits(of: $0.result.hits, inArticle: openArticle) } ?? []
    }

    /// True when the matches of the search in the open article are known (or there is no search).
    var matchesArePlaced: Bool {
        guard let query = search?.result.query else { return true }
        return placedMatches.map { $0.article == openArticle && $0.query == query } ?? false
    }

    // MARK: - Moving

    /// Opens another article at its top; its text is asked for when the update ends.
    mutating func open(_ article: Int) {
        guard article != openArticle else { return }
        openArticle = article
        scroll = 0
        pendingReveal = nil
        pendingJump = nil
    }

    /// Moves the view by `delta` lines. A reveal waiting for the whole layout is dropped, unless
    /// this asks for the end, which only it knows.
    mutating func move(by delta: Int) {
        scroll = scroll.addingClamped(delta)
        pendingReveal = delta >= Int.max / 2 && !layout.isComplete ? .bottom : nil
        pendingJump = nil
    }

    /// Moves the view by the wheel's rows, leaving what waits for the text or the layout as it is.
    mutating func wheel(by delta: Int) {
        scroll = max(0, scroll + delta)
    }

    /// Puts a line at the top; once the text arrives, when it has not.
    mutating func setScroll(_ line: Int) {
        if hasText {
            pendingJump = nil
            scroll = line
        } else {
            pendingJump = .line(line)
        }
    }

    /// Scrolls so the line holding `offset` shows, a third of `rows` down when it moves; once the
    /// text arrives, when it has not; past the lines of a layout still being wrapped, once the
    /// layout is whole.
    mutating func scrollIntoView(offset: Int, rows: Int) {
        guard hasText else {
            pendingJump = .offset(offset)
            return
        }
        guard let line = layout.line(containing: offset) else {
            if !layout.isComplete { pendingReveal = .offset(offset) }
            return
        }
        if line < scroll || line >= scroll + rows { scroll = max(0, line - rows / 3) }
    }

    mutating func setCurrentMention(_ mention: Int?) {
        currentMention = mention
    }

    /// Keeps the view within the lines there are, `rows` of them on screen.
    mutating func clamp(rows: Int) {
        scroll = min(max(0, scroll), max(0, layout.lines.count - rows))
    }

    // MARK: - The jump history

    /// Remembers where the reader is, for Backspace; a new jump forgets where Backspace had come from.
    mutating func rememberPlace() {
        backStack.append(place)
        forwardStack.removeAll()
    }

    /// Goes back (or forward, with `forward`) through the jump history; nil when there is nowhere to go.
    mutating func travel(forward: Bool) -> Place? {
        guard let target = forward ? forwardStack.popLast() : backStack.popLast() else { return nil }
        if forward { backStack.append(place) } else { forwardStack.append(place) }
        if target.article != openArticle { pendingJump = nil }
        openArticle = target.article
        currentMention = target.mention
        return target
    }

    /// Opens `article` of a new corpus where `old`, the reader over the corpus it replaced, stood:
    /// placed once the text arrives (two whole layouts of one file have the same lines; otherwise
    /// the text at the top is found by its offset).
    mutating func carry(from old: ReaderState, to article: Int) {
        openArticle = article
        pendingReveal = old.pendingReveal
        pendingJump = .carried(scroll: old.scroll, top: old.layout.firstOffset(fromLine: old.scroll), wasWhole: old.layout.isComplete)
    }

    mutating func setHistory(back: [Place], forward: [Place]) {
        backStack = back
        forwardStack = forward
    }

    // MARK: - The search

    /// Asks for a search; a result for any other query is stale from now on.
    mutating func requestSearch(_ query: String) {
        requestedSearch = query
    }

    /// Takes a search result that was awaited; false for a stale one.
    mutating func takeSearchResult(for query: String) -> Bool {
        guard query == requestedSearch else { return false }
        requestedSearch = nil
        return true
    }

    mutating func setSearch(_ search: SearchState?) {
        self.search = search
    }

    /// Shows the search's current match once its place is known.
    mutating func revealCurrentMatch() {
        pendingJump = .currentMatch
    }
}

// MARK: - What arrives from the runner

extension ReaderState {
    /// Rebuilds `layout` if the open article, its text or the width (`columns`) changed. A huge
    /// article gets its first screenfuls (of `rows`) now and the rest through `Effect.finishLayout`.
    mutating func refreshLayout(of corpus: Corpus, columns: Int, rows: Int) {
        let key = LayoutKey(corpus: ObjectIdentifier(corpus), article: openArticle, width: columns, hasText: hasText)
        if key == layoutKey { return }
        guard let content, key.hasText else {
            layout = ReaderLayout(awaitingTextOf: corpus.articles[openArticle], width: key.width)
            layoutKey = key
            return
        }
        var lineLimit: Int?
        if content.article.textLength > Self.wrapAtOnceLimit {
            // The same article at another width: its lines move, so the text at the top is kept by its offset.
            if layoutKey?.article == key.article, scroll > 0, pendingReveal == nil, let top = layout.firstOffset(fromLine: scroll) {
                pendingReveal = .top(top)
                scroll = 0
            }
            lineLimit = scroll + 3 * max(rows, 1)
        }
        layout = ReaderLayout(content: content, width: key.width, lineLimit: lineLimit)
        layoutKey = key
    }

    /// Takes the open article's text, if it is the one awaited, and puts back a place that waited
    /// for it: before the text is wrapped, so that a huge article is wrapped down to it.
    mutating func takeText(_ arrived: ArticleContent, of corpus: Corpus) {
        guard arrived.corpus === corpus, arrived.index == openArticle, !hasText else { return }
        content = arrived
        requestedText = nil
        switch pendingJump {
        case .line(let line):
            scroll = line
            pendingJump = nil
        case .carried(let carried, _, _): scroll = carried
        default: break
        }
    }

    /// Puts a whole layout in place of the partial one, if it is still for the open article at
    /// this width, and carries out what waited for it.
    mutating func finishLayout(_ whole: ReaderLayout, for key: LayoutKey, rows: Int) {
        guard key == layoutKey, !layout.isComplete else { return }
        layout = whole
        switch pendingReveal {
        case .offset(let offset): scrollIntoView(offset: offset, rows: rows)
        case .top(let offset): scroll = whole.line(containing: offset) ?? scroll
        case .bottom: scroll = Int.max / 2
        case nil: break
        }
        pendingReveal = nil
    }

    /// Carries out a jump that waited for the text (and a match's, for its place); `rows` show.
    mutating func takePendingJump(rows: Int) {
        guard let jump = pendingJump, hasText else { return }
        switch jump {
        case .offset(let offset):
            pendingJump = nil
            scrollIntoView(offset: offset, rows: rows)
        case .line(let line):
            pendingJump = nil
            scroll = line
        case .carried(let carried, let top, let wasWhole):
            pendingJump = nil
            placeCarried(scroll: carried, top: top, wasWhole: wasWhole)
        case .currentMatch:
            guard matchesArePlaced else { return }
            pendingJump = nil
            if let match = matches.current { scrollIntoView(offset: match.lowerBound, rows: rows) }
        }
    }

    /// Where the reader stood in the corpus this one replaced: two whole layouts of one file have
    /// the same lines; otherwise the text at the top is found by its offset, now or, past the lines
    /// a huge article has wrapped so far, once it is whole.
    private mutating func placeCarried(scroll carried: Int, top: Int?, wasWhole: Bool) {
        scroll = carried
        guard !(wasWhole && layout.isComplete), let top else { return }
        if let line = layout.line(containing: top) {
            scroll = line
        } else {
            scroll = 0
            pendingReveal = pendingReveal ?? .top(top)
        }
    }

    /// Takes the matches the runner placed, if they are for the open article and the search in force.
    mutating func takeMatches(_ placed: PlacedMatches, of corpus: Corpus) {
        guard placed.corpus === corpus, placed.article == openArticle, placed.query == search?.result.query else { return }
        placedMatches = placed
        requestedMatches = nil
    }

    /// Rebuilds `matches` from the matches placed for the open article.
    mutating func refreshMatches(of corpus: Corpus) {
        guard let search else {
            matches = MatchRanges()
            return
        }
        let hits = hitsInOpenArticle
        // An article without matches needs nothing placed.
        if hits.isEmpty, !matchesArePlaced {
            placedMatches = PlacedMatches(corpus: corpus, article: openArticle, query: search.result.query, ranges: [])
        }
        guard matchesArePlaced, let ranges = placedMatches?.ranges, ranges.count == hits.count else {
            matches = MatchRanges()
            return
        }
        matches.all = ranges.compactMap { $0 }
        if let current = search.current, hits.indices.contains(current) {
            matches.current = ranges[current - hits.startIndex]
        } else {
            matches.current = nil
        }
    }

    /// Rebuilds `markedLines` if what they depend on changed; call after `refreshLayout` and `refreshMatches`.
    mutating func refreshMarkedLines(of corpus: Corpus, selectedEntity: Int?, columns: Int) {
        let key = MarkedLinesKey(article: openArticle, width: columns, hasText: hasText, layoutIsComplete: layout.isComplete,
                                 entity: selectedEntity, query: search?.result.query, matchesArePlaced: matchesArePlaced)
        if key == markedLinesKey { return }
        let layout = layout
        // Mentions and hits come in text order, and lines grow with the offset, so the lists come out sorted.
        markedLines.selectedEntity = layout.showsNotice ? [] : selectedEntity.map { entity in
            corpus.mentions[openArticle].lazy.filter { $0.entity == entity }.compactMap { layout.line(containing: $0.range.lowerBound) }
        } ?? []
        markedLines.matches = matches.all.compactMap { layout.line(containing: $0.lowerBound) }
        markedLinesKey = key
    }

    /// What the reader needs from the runner to show itself: the open article's text (read on its
    /// own while `isIndexing`), a huge article's whole layout, the search's matches in the open
    /// article. Each is asked for once.
    mutating func neededWork(isIndexing: Bool) -> [Effect] {
        var effects: [Effect] = []
        if !hasText, requestedText != openArticle {
            requestedText = openArticle
            effects.append(isIndexing ? .readAlone(article: openArticle) : .readText(article: openArticle))
        }
        if let key = layoutKey, key.hasText, !layout.isComplete, requestedLayout != key {
            requestedLayout = key
            effects.append(.finishLayout(key))
        }
        if let query = search?.result.query, !matchesArePlaced {
            let key = MatchesKey(article: openArticle, query: query)
            if requestedMatches != key {
                requestedMatches = key
                effects.append(.placeMatches(article: openArticle, query: query))
            }
        }
        return effects
    }
}
