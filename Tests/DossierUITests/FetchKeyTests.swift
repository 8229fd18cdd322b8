import DossierCore
@testable import DossierFetch
@testable import DossierFormats
import DossierTestSupport
import DossierUI
import Foundation
import Testing

/// `R` asks the reader's loop to fetch the feeds; progress and the outcome come back as outcomes,
/// and the new articles join the list with the reader keeping its place.
struct FetchKeyTests {
    @Test func fetchKey_asksOnce_showsProgress_andTheNewArticlesJoin() throws {
        // The seeds in a folder of the test's own, which the fetch then adds an article to.
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Resources/articles")
        let folder = try ArticleFolder.make([:])
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path) {
            try FileManager.default.copyItem(atPath: seeds.path + "/" + name, toPath: folder.path + "/" + name)
        }
        let settings = ReaderSettings(savedFilters: ["pompeo": "mentions:mike-pompeo"])
        var app = TestApp(state: AppState(corpus: try CorpusLoader.load(paths: [folder.path]), size: Size(columns: 100, rows: 24), settings: settings))
        app.type("j <Enter>")
        app.wait(seconds: 2)
        app.type(": entity <Space> ri-son-gwon <Enter> F @pompeo <Enter> : sort <Space> title <Enter>")
        let open = app.state.corpus.articles[app.state.reader.openArticle].id
        app.type("R")
        #expect(app.effects.last == .fetchFeeds)
        #expect(app.state.session.isFetching)
        #expect(app.status.hasPrefix("fetching your feeds"))
        app.type("R")
        #expect(app.status.hasPrefix("already fetching your feeds"))
        #expect(app.effects.filter { $0 == .fetchFeeds }.count == 1, "one fetch is asked for")
        app.send(.fetchProgressed(done: 2, total: 5))
        #expect(app.status.hasPrefix("fetching your feeds: 2/5"))
        // The corpus again, with one article more.
        try Data("Envoys meet again\n\nMike Pompeo met officials in Seoul on Friday.\n".utf8).write(to: folder.appendingPathComponent("new.txt"))
        let grown = try CorpusLoader.load(paths: [folder.path])
        app.send(.fetchFinished(summary: "fetched 5 feeds: 1 new article", corpus: grown))
        #expect(!app.state.session.isFetching)
        #expect(app.state.corpus.articles.count == 3)
        #expect(app.state.corpus.articles[app.state.reader.openArticle].id == open)
        #expect(app.status.hasPrefix("fetched 5 feeds: 1 new article"))
        // The read mark, the selected entity, the filter (applied to the new article too), the order and the settings carry over.
        #expect(app.state.list.readArticles.map { app.state.corpus.articles[$0].id } == [open])
        #expect(app.state.entities.selectedEntity == app.state.corpus.entityIndex(id: "ri-son-gwon"))
        #expect(app.state.list.filter?.text == "@pompeo")
        #expect(app.state.list.rows.count == 3, "the new article mentions Pompeo too")
        #expect(app.state.list.sort == ArticleSort(key: .title))
        #expect(app.state.session.settings.savedFilters["pompeo"] != nil)
    }
}

/// What a feed reader's user expects of `R` on a library: the same article open at the same line,
/// the read marks kept, a new item unread, and an item the feed changed shown again as updated.
struct FetchKeepsPlaceTests {
    private func item(_ guid: String, _ title: String, _ text: String) -> FeedItem {
        var item = FeedItem()
        item.guid = guid
        item.title = title
        item.paragraphs = [text]
        return item
    }

    private func rowText(_ app: TestApp, title: String) -> String? {
        app.screen.text.split(separator: "\n").map(String.init).first { $0.contains(title) }
    }

    @Test func fetchingNewAndUpdatedItems_keepsTheReadersPlaceAndMarks() throws {
        let library = Library(folder: TemporaryFolder.url("library").path)
        let long = (1...40).map { "Paragraph \($0) of the story Mike Pompeo told in Seoul." }.joined(separator: "\n\n")
        let desk = "https://desk.example/feed", wire = "https://wire.example/feed"
        _ = try library.storeNew([item("d1", "Desk one", "Kim Jong Un met envoys."), item("d2", "Desk two", long)], feedTitle: "Desk", from: desk,
                                 at: Date(timeIntervalSince1970: 0))
        _ = try library.storeNew([item("w1", "Wire one", "Ri Yong Ho spoke."), item("w2", "Wire two", "Donald Trump wrote.")],
                                 feedTitle: "Wire", from: wire, at: Date(timeIntervalSince1970: 0))
        var app = TestApp(state: AppState(corpus: try CorpusLoader.load(paths: [library.folder]), size: Size(columns: 120, rows: 24)))
        func open(_ title: String) throws {
            let index = try #require(app.state.corpus.articles.firstIndex { $0.title == title })
            app.type(": open <Space> \(title.replacingOccurrences(of: " ", with: " <Space> ")) <Enter>")
            #expect(app.state.reader.openArticle == index)
            // An article counts as read once it has been shown a while.
            app.wait(seconds: 2)
        }
        try open("Wire one")
        try open("Wire two")
        try open("Desk two")
        app.type("<Space> <Space>")
        let scroll = app.state.reader.scroll
        #expect(scroll > 0)
        let read = Set(app.state.list.readArticles.map { app.state.corpus.articles[$0].stableID })
        #expect(read.count == 3)

        // The next fetch: a new item at the top of the desk, and "Wire two" changed under its guid.
        _ = try library.storeNew([item("d3", "Desk three", "Mike Pompeo flew home."), item("d1", "Desk one", "Kim Jong Un met envoys."),
                                  item("d2", "Desk two", long)], feedTitle: "Desk", from: desk, at: Date(timeIntervalSince1970: 60))
        _ = try library.storeNew([item("w1", "Wire one", "Ri Yong Ho spoke."), item("w2", "Wire two", "Donald Trump wrote again.")],
                                 feedTitle: "Wire", from: wire, at: Date(timeIntervalSince1970: 60))
        app.type("R")
        app.send(.fetchFinished(summary: "fetched 2 feeds: 1 new article, 1 updated", corpus: try CorpusLoader.load(paths: [library.folder])))
        let corpus = app.state.corpus
        #expect(corpus.articles.count == 5)
        #expect(corpus.articles[app.state.reader.openArticle].title == "Desk two")
        #expect(app.state.reader.scroll == scroll)
        let readNow = Set(app.state.list.readArticles.map { corpus.articles[$0].title })
        #expect(readNow == ["Wire one", "Desk two"], "the updated item is unread again; the new one was never read")
        #expect(corpus.articles.first { $0.title == "Wire two" }?.updated == "1970-01-01T00-01-00Z")
        #expect(rowText(app, title: "Wire two")?.contains("U") == true)
        #expect(rowText(app, title: "Desk three")?.contains("*") == true)
        #expect(rowText(app, title: "Wire one")?.contains("*") == false)
        // A restart restores the same: the memory names articles by stable id and version.
        var restarted = TestApp(state: AppState(corpus: try CorpusLoader.load(paths: [library.folder]), size: Size(columns: 120, rows: 24)))
        restarted.send(.memoryRead(app.state.memory))
        #expect(restarted.state.corpus.articles[restarted.state.reader.openArticle].title == "Desk two")
        #expect(restarted.state.reader.scroll == scroll)
        #expect(Set(restarted.state.list.readArticles.map { restarted.state.corpus.articles[$0].title }) == ["Wire one", "Desk two"])
    }
}
