import DossierCore

/// The article list: the articles it shows, its cursor and scroll, and which articles are read.
public struct ListState {
    /// The articles the list shows, filtered and sorted.
    public internal(set) var articles: ArticleList {
        didSet { recountReadListed() }
    }
    /// Row of the cursor (an index into `rows`): a row, not an article (`articleAtCursor` maps it).
    public internal(set) var selection = 0
    /// The first row shown.
    public internal(set) var scroll = 0
    /// Articles the user has read: opened for `readAfterSeconds`, or marked with `u`.
    public private(set) var readArticles: Set<Int> = [] {
        didSet { recountReadListed() }
    }
    /// How many listed articles are read, counted when the marks or the list change, so that the
    /// list's title does not count a million rows at each frame.
    private var readListed = 0
    /// The article being read and since when (set by the first tick after it opened), until it counts as read.
    private var dwell: (article: Int, since: Double?)?
    /// How long an article is open before it counts as read.
    public static let readAfterSeconds = 1.0

    init(corpus: Corpus) {
        articles = ArticleList(corpus: corpus)
    }

    /// Article indices, one a row.
    public var rows: [Int] { articles.rows }
    /// The filter the list shows the articles of; nil when it shows them all.
    public var filter: ArticleFilter? { articles.filter }
    /// The order of the rows.
    public var sort: ArticleSort { articles.sort }
    /// Articles in the corpus, listed or not.
    public var total: Int { articles.total }
    /// The row that shows an article; nil when the filter leaves it out.
    public func row(of article: Int) -> Int? { articles.row(of: article) }
    /// True when the list shows an article.
    public func contains(_ article: Int) -> Bool { articles.contains(article) }

    /// The article under the cursor; nil when the filter leaves the list empty.
    public var articleAtCursor: Int? {
        rows.indices.contains(selection) ? rows[selection] : nil
    }

    /// Articles in the list not yet read.
    public var unreadCount: Int { rows.count - readListed }

    /// Counted over the read marks, which a look-up tells listed or not: fewer than the rows, most days.
    private mutating func recountReadListed() {
        let listed = articles
        readListed = filter == nil ? readArticles.count : readArticles.reduce(0) { $0 + (listed.contains($1) ? 1 : 0) }
    }

    mutating func moveCursor(by delta: Int) {
        selection = selection.addingClamped(delta)
    }

    mutating func select(row: Int) {
        selection = row
    }

    /// Puts `row` at the top of the list; clamping brings it back to what fits.
    mutating func scroll(toRow row: Int) {
        scroll = max(0, row)
    }

    /// Puts a new list in place, the cursor on `article` when it is listed, else on `fallback`'s row.
    mutating func replace(with list: ArticleList, keeping article: Int?, orElse fallback: Int, visibleRows: Int) {
        articles = list
        selection = article.flatMap { list.row(of: $0) } ?? list.row(of: fallback) ?? 0
        scroll = max(0, selection - visibleRows / 3)
    }

    /// Keeps the cursor on a listed row and, when the list is on screen (`visibleRows`), in view.
    /// A list not on screen keeps its scroll: measured against no rows, it would lose it.
    mutating func clamp(visibleRows: Int?) {
        selection = min(max(0, selection), max(0, rows.count - 1))
        if let visibleRows { scroll = scrolled(scroll, toShow: selection, rows: max(1, visibleRows), count: rows.count) }
    }

    // MARK: - Read marks

    /// An article was opened: the time it stays open counts from the next tick.
    mutating func startDwelling(on article: Int) {
        dwell = (article, nil)
    }

    /// Counts the time the open article has been open, from the first tick after it opened, so
    /// that articles passed through on the way elsewhere (holding `]`) are not marked.
    mutating func noteTimePassing(now: Double, openArticle: Int) {
        guard let dwell, dwell.article == openArticle else { return }
        guard let since = dwell.since else {
            self.dwell = (dwell.article, now)
            return
        }
        if now - since >= Self.readAfterSeconds {
            readArticles.insert(dwell.article)
            self.dwell = nil
        }
    }

    /// Marks an article read, or unread when it was; true when it is read now.
    mutating func toggleRead(_ article: Int) -> Bool {
        if readArticles.remove(article) == nil {
            readArticles.insert(article)
            return true
        }
        // Unread on purpose: opening it again is not to mark it read behind the user's back.
        if dwell?.article == article { dwell = nil }
        return false
    }

    mutating func setRead(_ articles: Set<Int>) {
        readArticles = articles
        readUndo = []
    }

    /// The read marks before each marking of many articles at once, the last on top: what undo restores.
    private(set) var readUndo: [Set<Int>] = []
    static let undoLimit = 20

    /// Marks `articles` read at once; returns how many were unread.
    mutating func markRead(_ articles: [Int]) -> Int {
        let before = readArticles
        readArticles.formUnion(articles)
        let marked = readArticles.count - before.count
        if marked > 0 { readUndo = Array((readUndo + [before]).suffix(Self.undoLimit)) }
        return marked
    }

    /// Puts back the read marks as they were before the last marking of many; false when there is none to undo.
    mutating func undoMarkingRead() -> Bool {
        guard let before = readUndo.popLast() else { return false }
        readArticles = before
        return true
    }
}
