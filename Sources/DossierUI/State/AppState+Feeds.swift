import DossierCore
import DossierText

// The feed list (`L`): what a feed reader's user starts from. Enter shows a feed's articles (a
// `feed:` filter), `A` marks them read, `R` fetches that feed alone.

extension AppState {
    /// Opens the feed list on the feeds the feed list file names, counted in this corpus; closes it when open.
    mutating func toggleFeedList() {
        if overlays.feedList != nil {
            overlays.closeFeedList()
            return
        }
        guard !session.settings.feeds.isEmpty else {
            session.status = "you follow no feeds: write their addresses, one a line, into ~/.config/dossier/urls (or dossier feeds import FILE.opml)"
            return
        }
        overlays.showFeedList(FeedListView(rows: feedListRows()))
    }

    /// Counts the open feed list again, keeping its selection on the same feed.
    mutating func refreshFeedList() {
        guard var view = overlays.feedList else { return }
        let selected = view.selectedFeed?.url
        view.rows = feedListRows()
        view.selection = view.rows.firstIndex { $0.feed.url == selected } ?? min(view.selection, max(0, view.rows.count - 1))
        overlays.showFeedList(view)
    }

    /// Each followed feed with its unread and total articles among the corpus's.
    func feedListRows() -> [FeedListView.Row] {
        var counts: [String: (unread: Int, total: Int)] = [:]
        for (index, article) in corpus.articles.enumerated() {
            guard let feed = article.feed else { continue }
            counts[feed, default: (0, 0)].total += 1
            if !list.readArticles.contains(index) { counts[feed, default: (0, 0)].unread += 1 }
        }
        return session.settings.feeds.map { feed in
            FeedListView.Row(feed: feed, unread: counts[feed.url]?.unread ?? 0, total: counts[feed.url]?.total ?? 0)
        }
    }

    /// What the feed list does with an action while it is open; nil for one that passes through.
    mutating func feedListTakes(_ action: Action) -> [Effect]? {
        guard var view = overlays.feedList else { return nil }
        let page = max(1, FeedListOverlay.bodyRows(in: session.size) - 1)
        switch action {
        case .toggleFeeds, .cancel:
            overlays.closeFeedList()
            return []
        case .quit: return nil
        case .moveDown: view.selection += 1
        case .moveUp: view.selection -= 1
        case .pageDown, .halfPageDown: view.selection += page
        case .pageUp, .halfPageUp: view.selection -= page
        case .top: view.selection = 0
        case .bottom: view.selection = view.rows.count - 1
        case .activate:
            guard let feed = view.selectedFeed else { return [] }
            overlays.closeFeedList()
            showFeed(feed)
            return []
        case .markShownRead:
            guard let feed = view.selectedFeed else { return [] }
            let articles = corpus.articles.indices.filter { corpus.articles[$0].feed == feed.url }
            let marked = list.markRead(articles)
            session.status = marked == 0 ? "every article of \(Self.name(of: feed)) is read already"
                : "marked " + Counted.phrase(marked, "article") + " of \(Self.name(of: feed)) read · \(key(.undoRead)) takes it back"
            view.rows = feedListRows()
        case .undoRead:
            undoMarkingRead()
            view.rows = feedListRows()
        case .fetchFeeds:
            guard let feed = view.selectedFeed else { return [] }
            if session.isFetching {
                session.status = "already fetching your feeds"
                return []
            }
            session.isFetching = true
            session.status = "fetching \(Self.name(of: feed))…"
            return [.fetchFeed(feed.url)]
        default:
            return []
        }
        view.selection = max(0, min(view.selection, view.rows.count - 1))
        view.scroll = scrolled(view.scroll, toShow: view.selection, rows: FeedListOverlay.bodyRows(in: session.size), count: view.rows.count)
        overlays.showFeedList(view)
        return []
    }

    /// The list filtered to one feed's articles.
    private mutating func showFeed(_ feed: FollowedFeed) {
        do {
            let filter = try ArticleFilter("feed:" + feed.url, in: corpus, saved: session.settings.savedFilters, tags: session.settings.feedTags)
            setList(filter: filter, sort: list.sort)
            session.focus = layout.visiblePanes.contains(.articles) ? .articles : session.focus
            session.status = list.rows.isEmpty ? "\(Self.name(of: feed)) has no articles yet: R fetches it"
                : Counted.phrase(list.rows.count, "article") + " of \(Self.name(of: feed)) · F and Enter on nothing shows them all again"
        } catch {
            session.status = "\(error.description)"
        }
    }

    static func name(of feed: FollowedFeed) -> String { feed.title ?? feed.url }
}
