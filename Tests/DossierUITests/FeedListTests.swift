import DossierCore
@testable import DossierFetch
@testable import DossierFormats
import DossierTestSupport
@testable import DossierUI
import Foundation
import Testing

/// A feed reader's daily moves: the list of feeds with their counts, one feed's articles, marking
/// many read at once and taking it back, a tag as a filter, and fetching one feed.
struct FeedListTests {
    private func item(_ guid: String, _ title: String) -> FeedItem {
        var item = FeedItem()
        item.guid = guid
        item.title = title
        item.paragraphs = ["\(title), told by Mike Pompeo."]
        return item
    }

    static let desk = "https://desk.example/feed", wire = "https://wire.example/feed"

    /// A library of two feeds, three items and two, and the reader over it with the feed list's names and tags.
    private func reader() throws -> TestApp {
        let library = Library(folder: TemporaryFolder.url("library").path)
        _ = try library.storeNew([item("d1", "Desk one"), item("d2", "Desk two"), item("d3", "Desk three")], feedTitle: "Desk", from: Self.desk)
        _ = try library.storeNew([item("w1", "Wire one"), item("w2", "Wire two")], feedTitle: "Wire", from: Self.wire)
        let feeds = [FollowedFeed(url: Self.desk, title: "Korea desk", tags: ["korea", "news"], lastFetch: "2026-12-07 06:30 UTC: 3 new items"),
                     FollowedFeed(url: Self.wire, title: nil, tags: ["news"], lastFetch: "2026-12-07 06:30 UTC: error: HTTP 404", failed: true)]
        return TestApp(state: AppState(corpus: try CorpusLoader.load(paths: [library.folder]), size: Size(columns: 120, rows: 24),
                                       settings: ReaderSettings(feeds: feeds)))
    }

    @Test func theFeedList_countsEachFeed_andEnterShowsItsArticles() throws {
        var app = try reader()
        app.type("L")
        let rows = try #require(app.state.overlays.feedList?.rows)
        #expect(rows.map(\.total) == [3, 2] && rows.map(\.unread) == [3, 2])
        #expect(app.screen.text.contains("3/3  Korea desk  [korea, news]  · fetched 2026-12-07 06:30 UTC: 3 new items"))
        #expect(app.screen.text.contains("!2/2  https://wire.example/feed  [news]  · fetched 2026-12-07 06:30 UTC: error: HTTP 404"))
        app.type("j <Enter>")
        #expect(app.state.overlays.feedList == nil)
        #expect(Set(app.state.list.rows.map { app.state.corpus.articles[$0].title }) == ["Wire one", "Wire two"])
        #expect(app.status.hasPrefix("2 articles of https://wire.example/feed"))
    }

    /// The list's unread count is kept as marks and filters change, not counted over every row at each
    /// frame: it must always be what counting would give.
    @Test func theUnreadCount_isKeptRight_throughMarksFiltersAndUndo() throws {
        var app = try reader()
        func expectCounted(_ step: String) {
            let counted = app.state.list.rows.filter { !app.state.list.readArticles.contains($0) }.count
            #expect(app.state.list.unreadCount == counted, "\(step)")
        }
        expectCounted("at start")
        app.type("u")
        expectCounted("one marked")
        app.type("F feed:\(Self.wire) <Enter>")
        #expect(app.state.list.filter != nil && app.state.list.rows.count == 2)
        expectCounted("filtered to one feed")
        app.type("u j u")
        expectCounted("marked in the filter")
        app.type("u")
        expectCounted("one unmarked")
        app.type("A")
        expectCounted("all marked")
        app.type("U")
        expectCounted("taken back")
        app.type("F <C-u> <Enter>")
        expectCounted("the filter cleared")
        #expect(app.state.list.filter == nil)
    }

    @Test func markingAFeedOrTheListRead_isTakenBackByUndo() throws {
        var app = try reader()
        app.type("L A")
        #expect(app.status.hasPrefix("marked 3 articles of Korea desk read"))
        #expect(app.state.overlays.feedList?.rows.map(\.unread) == [0, 2])
        app.type("<Esc> A")
        #expect(app.status.hasPrefix("marked 2 articles read · U takes it back"))
        #expect(app.state.list.unreadCount == 0)
        app.type("U")
        #expect(app.state.list.unreadCount == 2)
        app.type("U")
        #expect(app.state.list.unreadCount == 5)
        app.type("U")
        #expect(app.status.hasPrefix("nothing to take back"))
    }

    @Test func aTag_filtersTheListToItsFeeds() throws {
        var app = try reader()
        app.type("F tag:korea <Enter>")
        #expect(Set(app.state.list.rows.map { app.state.corpus.articles[$0].title }) == ["Desk one", "Desk two", "Desk three"])
        app.type("F <C-u> tag:news <Space> not <Space> tag:korea <Enter>")
        #expect(app.state.list.rows.count == 2)
        app.type("F <C-u> tag:sports <Enter>")
        #expect(app.status.contains("no feed you follow is tagged \"sports\"; tags: korea, news"))
    }

    @Test func fetchingFromTheFeedList_fetchesThatFeedAlone() throws {
        var app = try reader()
        app.type("L j R")
        #expect(app.effects.last == .fetchFeed(Self.wire))
        #expect(app.status.hasPrefix("fetching https://wire.example/feed"))
        app.send(.feedsRead([FollowedFeed(url: Self.desk, title: "Korea desk", tags: []), FollowedFeed(url: Self.wire, title: nil, tags: [],
                                                                                                      lastFetch: "2026-12-07 07:00 UTC: 1 new item")]))
        app.send(.fetchFinished(summary: "fetched 1 feed: 1 new article", corpus: app.state.corpus))
        #expect(app.state.overlays.feedList?.selection == 1, "the list stays open on the feed")
        #expect(app.screen.text.contains("fetched 2026-12-07 07:00 UTC: 1 new item"))
    }
}
