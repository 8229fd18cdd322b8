import DossierCore

/// Everything the reader shows. `update` is the only place it changes.
public struct AppState {
    public let corpus: Corpus
    public var size: Size
    public var focus: Pane = .articles
    /// Row of the cursor in the article list (an index into `list.rows`), and the first row shown.
    public var listSelection = 0
    public var listScroll = 0
    /// The article in the reader (index into `corpus.articles`) and its first visible line.
    public var openArticle = 0
    public var readerScroll = 0
    /// The entity whose mentions `]` and `[` follow.
    public var selectedEntity: Int?
    /// The mention that stands out in the reader: an index into `corpus.mentions[openArticle]`.
    public var currentMention: Int?
    /// Row of the cursor in the entity pane: its entities, then the selected entity's mentions.
    public var entitySelection = 0
    public var entityScroll = 0
    /// What the entity pane lists for the selected entity: its mentions or its quotes.
    public var entityView: EntityView = .mentions
    public var search: SearchState?
    public var prompt: Prompt?
    public var searchHistory: [String] = []
    public var commandHistory: [String] = []
    public var filterHistory: [String] = []
    public var status = ""
    public var showHelp = false
    /// The first row of the help shown, when it is longer than the screen.
    public internal(set) var helpScroll = 0
    /// The keys, colours and saved filters the config file set.
    public internal(set) var settings: ReaderSettings
    public var keyMap: KeyMap { settings.keyMap }
    /// The articles the list shows, filtered and sorted.
    public internal(set) var list: ArticleList
    /// Articles the user has read: opened for `readAfterSeconds`, or marked with `u`.
    public internal(set) var readArticles: Set<Int> = []
    /// The article being read and since when (set by the first tick after it opened), until it counts as read.
    var dwell: (article: Int, since: Double?)?
    public static let readAfterSeconds = 1.0
    /// The full-screen dossier of an entity, while it is open.
    public internal(set) var dossier: DossierView?
    /// The entity whose dossier was asked for (`Effect.gatherDossier`) and has not arrived.
    var requestedDossier: Int?
    /// The overlay that lists the files left out of the corpus.
    public var showSkippedFiles = false
    /// Below 100 columns the entity pane folds away; `e` brings it back.
    public var showEntitiesWhenNarrow = false
    public var backStack: [Place] = []
    public var forwardStack: [Place] = []
    /// True from `R` (`Effect.fetchFeeds`) until `Outcome.fetchFinished`.
    public internal(set) var isFetching = false
    /// Set while the corpus is still being indexed: `corpus` then holds one placeholder
    /// article a file, and the index, the entities and the mentions are not there yet.
    public internal(set) var indexing: Indexing?

    public init(corpus: Corpus, size: Size, settings: ReaderSettings = ReaderSettings()) {
        self.corpus = corpus
        self.size = size
        self.settings = settings
        list = ArticleList(corpus: corpus)
        status = Counted.phrase(corpus.articles.count, "article") + " · ? for help"
        if !corpus.skipped.isEmpty {
            status = Counted.phrase(corpus.skipped.count, "file") + " skipped: ! lists them · " + status
        }
        refreshReaderLayout()
        refreshMarkedLines()
    }

    /// The reader over a corpus still being indexed: `preview` is the corpus of its files
    /// (`LoadPreview.found`), listed at once; the rest arrives as `Outcome`s.
    public init(indexing preview: Corpus, size: Size, settings: ReaderSettings = ReaderSettings()) {
        self.init(corpus: preview, size: size, settings: settings)
        indexing = Indexing()
        status = ""
    }

    /// A results list and the match that stands out.
    public struct SearchState: Equatable {
        public var result: SearchResultSummary
        /// Nil when the search ran without moving the reader (one submitted while indexing):
        /// then `n` and `N` go to the nearest match from the open article.
        public var current: Int?
    }

    /// The hits of a search, kept as plain values.
    public struct SearchResultSummary: Equatable {
        public let query: String
        public let hits: [Hit]
        public let articleCount: Int
        /// Articles that hold at least one match.
        public let articles: Set<Int>
    }

    /// The line at the bottom where a search or command is typed.
    /// Where the reader was, for the jump history.
    public struct Place: Equatable {
        public let article: Int
        public let scroll: Int
        public let mention: Int?
    }

    // MARK: - Derived

    /// The article under the list's cursor; nil when the filter leaves the list empty.
    public var articleAtCursor: Int? {
        list.rows.indices.contains(listSelection) ? list.rows[listSelection] : nil
    }

    /// Articles in the list not yet read.
    public var unreadCount: Int {
        list.rows.count - (list.filter == nil ? readArticles.count : list.rows.lazy.filter { readArticles.contains($0) }.count)
    }

    public var layout: ScreenLayout { ScreenLayout(state: self) }

    /// The open article wrapped to the reader's width; `update` rebuilds it when either changes.
    public private(set) var readerLayout = ReaderLayout.empty
    private var readerLayoutKey: ReaderLayoutKey?
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
    private var requestedLayout: ReaderLayoutKey?
    /// The search whose result is awaited (`Effect.search`): a result for another query is stale.
    var requestedSearch: String?

    /// What a reader layout was made for: a corpus, an article, a width, and whether its text had arrived.
    public struct ReaderLayoutKey: Equatable, Sendable {
        let corpus: ObjectIdentifier
        public let article: Int
        public let width: Int
        public let hasText: Bool
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

    enum PendingReveal: Equatable {
        /// A byte offset to scroll into view, as a jump does.
        case offset(Int)
        /// A byte offset whose line is to be the top row, as it was before the layout changed.
        case top(Int)
        case bottom
    }

    /// Articles longer than this (in bytes) are wrapped a few screenfuls at once and the rest on
    /// another thread: wrapping 50 MB takes far longer than a keystroke may.
    static let wrapAtOnceLimit = 1_000_000

    /// Columns the reader wraps text to: the pane less its scrollbar, or the screen when the pane is hidden.
    var readerTextColumns: Int { max(1, layout.reader.map { $0.columns - 1 } ?? size.columns - 1) }

    /// The reader lines that the scrollbar marks: the selected entity's mentions and the search
    /// matches in the open article, each list sorted. `update` rebuilds them when the article, the
    /// width, the entity or the search changes, since an article may hold a million mentions.
    public private(set) var markedLines = MarkedLines()
    private var markedLinesKey: MarkedLinesKey?

    /// The byte ranges of the search's matches in the open article, in text order, and of the current
    /// match when it is there. The index keeps words by position, so the runner finds these again
    /// from the text (`Effect.placeMatches`), when the article or the search changes.
    public private(set) var matchesInOpenArticle = MatchRanges()
    /// The matches placed for the open article and search, when they have arrived.
    private var placedMatches: PlacedMatches?
    private var requestedMatches: MatchesKey?

    public struct MatchRanges: Equatable, Sendable {
        public var all: [Range<Int>] = []
        public var current: Range<Int>?
    }

    private struct MatchesKey: Equatable {
        let article: Int
        let query: String
    }

    public struct MarkedLines: Equatable, Sendable {
        public var selectedEntity: [Int] = []
        public var matches: [Int] = []
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

    /// Rebuilds `markedLines` and `entitiesInOpenArticle` if what they depend on changed; call
    /// after `refreshReaderLayout`.
    mutating func refreshMarkedLines() {
        refreshEntitiesInOpenArticle()
        refreshMatchesInOpenArticle()
        let key = MarkedLinesKey(article: openArticle, width: readerTextColumns, hasText: hasText, layoutIsComplete: readerLayout.isComplete,
                                 entity: selectedEntity, query: search?.result.query, matchesArePlaced: matchesArePlaced)
        if key == markedLinesKey { return }
        let layout = readerLayout
        // Mentions and hits come in text order, and lines grow with the offset, so the lists come out sorted.
        markedLines.selectedEntity = layout.showsNotice ? [] : selectedEntity.map { entity in
            corpus.mentions[openArticle].lazy.filter { $0.entity == entity }.compactMap { layout.line(containing: $0.range.lowerBound) }
        } ?? []
        markedLines.matches = matchesInOpenArticle.all.compactMap { layout.line(containing: $0.lowerBound) }
        markedLinesKey = key
    }

    /// True when the open article's text has arrived.
    var hasText: Bool { content.map { $0.corpus === corpus && $0.index == openArticle } ?? false }

    /// The search's hits in the open article: a run of `search.result.hits`.
    private var hitsInOpenArticle: ArraySlice<Hit> {
        search.map { ReaderPane.hits(of: $0.result.hits, inArticle: openArticle) } ?? []
    }

    /// True when the matches of the search in the open article are known (or there is no search).
    var matchesArePlaced: Bool {
        guard let query = search?.result.query else { return true }
        return placedMatches.map { $0.article == openArticle && $0.query == query } ?? false
    }

    private mutating func refreshMatchesInOpenArticle() {
        guard let search else {
            matchesInOpenArticle = MatchRanges()
            return
        }
        let hits = hitsInOpenArticle
        // An article without matches needs nothing placed.
        if hits.isEmpty, !matchesArePlaced {
            placedMatches = PlacedMatches(corpus: corpus, article: openArticle, query: search.result.query, ranges: [])
        }
        guard matchesArePlaced, let ranges = placedMatches?.ranges, ranges.count == hits.count else {
            matchesInOpenArticle = MatchRanges()
            return
        }
        matchesInOpenArticle.all = ranges.compactMap { $0 }
        if let current = search.current, hits.indices.contains(current) {
            matchesInOpenArticle.current = ranges[current - hits.startIndex]
        } else {
            matchesInOpenArticle.current = nil
        }
    }

    /// Takes the matches the runner placed, if they are for the open article and the search in force.
    mutating func takeMatches(_ placed: PlacedMatches) {
        guard placed.corpus === corpus, placed.article == openArticle, placed.query == search?.result.query else { return }
        placedMatches = placed
        requestedMatches = nil
    }

    /// Rebuilds `readerLayout` if the open article, its text or the reader's width changed.
    /// A huge article gets its first screenfuls now and the rest through `Effect.finishLayout`.
    mutating func refreshReaderLayout() {
        let key = ReaderLayoutKey(corpus: ObjectIdentifier(corpus), article: openArticle, width: readerTextColumns, hasText: hasText)
        if key == readerLayoutKey { return }
        guard let content, key.hasText else {
            readerLayout = ReaderLayout(awaitingTextOf: corpus.articles[openArticle], width: key.width)
            readerLayoutKey = key
            return
        }
        var lineLimit: Int?
        if content.article.textLength > Self.wrapAtOnceLimit {
            // The same article at another width: its lines move, so the text at the top is kept by its offset.
            if readerLayoutKey?.article == key.article, readerScroll > 0, pendingReveal == nil,
               let top = readerLayout.firstOffset(fromLine: readerScroll) {
                pendingReveal = .top(top)
                readerScroll = 0
            }
            lineLimit = readerScroll + 3 * max(size.rows, 1)
        }
        readerLayout = ReaderLayout(content: content, width: key.width, lineLimit: lineLimit)
        readerLayoutKey = key
    }

    /// Takes the open article's text, if it is the one awaited, and puts back a place that waited for it.
    mutating func takeText(_ arrived: ArticleContent) {
        guard arrived.corpus === corpus, arrived.index == openArticle, !hasText else { return }
        content = arrived
        requestedText = nil
        // A place waiting for the text is put back before the text is wrapped, so that a huge article is wrapped down to it.
        switch pendingJump {
        case .line(let line):
            readerScroll = line
            pendingJump = nil
        case .carried(let scroll, _, _): readerScroll = scroll
        default: break
        }
    }

    /// Puts a whole layout in place of the partial one, if it is still for the open article at this width.
    mutating func finishLayout(_ layout: ReaderLayout, for key: ReaderLayoutKey) -> Bool {
        guard key == readerLayoutKey, !readerLayout.isComplete else { return false }
        readerLayout = layout
        return true
    }

    /// What the state needs from the runner to show itself: the open article's text, a huge
    /// article's whole layout, the search's matches in the open article. Each is asked for once.
    mutating func neededWork() -> [Effect] {
        var effects: [Effect] = []
        if !hasText, requestedText != openArticle {
            requestedText = openArticle
            effects.append(indexing == nil ? .readText(article: openArticle) : .readAlone(article: openArticle))
        }
        if let key = readerLayoutKey, key.hasText, !readerLayout.isComplete, requestedLayout != key {
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

    /// The article the reader shows: while indexing, the open file as read on its own.
    public var articleInReader: Article {
        hasText ? content!.article : corpus.articles[openArticle]
    }

    /// The title the article list shows: while indexing, the file's id until its title is known.
    public func listTitle(_ article: Int) -> String {
        indexing?.titles[article] ?? corpus.articles[article].title
    }

    /// Entities in the open article, most-mentioned first, with their counts here. Kept, not
    /// sorted on every frame: a huge article names tens of thousands.
    public private(set) var entitiesInOpenArticle: [(entity: Int, count: Int)] = []
    private var entitiesInOpenArticleKey: Int?

    private mutating func refreshEntitiesInOpenArticle() {
        if entitiesInOpenArticleKey == openArticle { return }
        let corpus = corpus
        entitiesInOpenArticle = corpus.mentionCounts(inArticle: openArticle)
            .sorted { $0.value != $1.value ? $0.value > $1.value : corpus.entities[$0.key].name < corpus.entities[$1.key].name }
            .map { ($0.key, $0.value) }
        entitiesInOpenArticleKey = openArticle
    }

    /// How many rows the entity pane's list has, without building them.
    public var entityRowCount: Int {
        let entities = corpus.mentionCounts(inArticle: openArticle).count
        guard let selected = selectedEntity else { return entities }
        return entities + (entityView == .mentions ? corpus.mentionsByEntity[selected].count : corpus.quotesByEntity[selected].count)
    }

    /// One row of the entity pane's list, without building the others (an entity may have a million mentions).
    /// Pass `entities` (from `entitiesInOpenArticle`) when asking for many rows, to sort them once.
    public func entityRow(at index: Int, entities given: [(entity: Int, count: Int)]? = nil) -> EntityRow? {
        let entities = given ?? entitiesInOpenArticle
        if index < entities.count { return .entity(entities[index].entity, here: entities[index].count) }
        guard let selected = selectedEntity else { return nil }
        let rest = index - entities.count
        switch entityView {
        case .mentions: return rest < corpus.mentionsByEntity[selected].count ? .mention(corpus.mentionsByEntity[selected][rest]) : nil
        case .quotes: return rest < corpus.quotesByEntity[selected].count ? .quote(corpus.quotesByEntity[selected][rest]) : nil
        }
    }

    /// Rows of the entity pane's list: the open article's entities, then the selected entity's mentions.
    public var entityRows: [EntityRow] {
        var rows = entitiesInOpenArticle.map { EntityRow.entity($0.entity, here: $0.count) }
        if let selected = selectedEntity {
            switch entityView {
            case .mentions: rows += corpus.mentionsByEntity[selected].map(EntityRow.mention)
            case .quotes: rows += corpus.quotesByEntity[selected].map(EntityRow.quote)
            }
        }
        return rows
    }

    public enum EntityRow: Equatable {
        case entity(Int, here: Int)
        case mention(MentionReference)
        case quote(QuoteReference)
    }

    public enum EntityView: Equatable, Sendable {
        case mentions, quotes
    }
}
