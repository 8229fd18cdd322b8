import DossierCore
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
