import DossierCore
import DossierTestSupport
import DossierUI
import Foundation
import Testing

/// A reader that opened its corpus before examining the files takes the corpus read again when one turns
/// out written over in place, keeping its place, and says so; when the corpus cannot be read again, it
/// keeps the one it shows and says why.
struct RereadTests {
    @Test func aCorpusReadAgain_takesThePlaceOfTheOneShown_keepingThePlace() throws {
        let folder = try ArticleFolder.make([
            "envoys.txt": "Envoys meet\n\nMike Pompeo met Kim Jong Un in Pyongyang on Friday.\n",
            "summit.txt": "Summit set\n\nDonald Trump said the summit would go ahead.\n",
        ])
        var app = TestApp(state: AppState(corpus: try CorpusLoader.load(paths: [folder.path]), size: Size(columns: 100, rows: 24),
                                          settings: ReaderSettings()))
        app.type("j <Enter>")
        let open = app.state.corpus.articles[app.state.reader.openArticle].id
        let shownBefore = app.state.corpus

        // An edit in place: the folder's stamp does not move.
        try Data("Summit off\n\nDonald Trump said the summit would not go.\n".utf8).write(to: folder.appendingPathComponent("summit.txt"))
        let reason = "files changed since they were indexed"
        app.send(.reread(because: reason, .success(try CorpusLoader.load(paths: [folder.path])), replacing: shownBefore))
        #expect(app.state.corpus !== shownBefore)
        #expect(app.state.corpus.articles.map(\.title).contains("Summit off"))
        #expect(app.state.corpus.articles[app.state.reader.openArticle].id == open)
        #expect(app.status.hasPrefix("files changed since they were indexed: read again"))

        let shown = app.state.corpus
        app.send(.reread(because: reason, .failure(RereadFailure("no articles")), replacing: shown))
        #expect(app.state.corpus === shown)
        #expect(app.status.hasPrefix("files changed since they were indexed, and reading them again failed: no articles"))

        // Read again from the corpus before one that came since (a fetch, a correction): the newer one stays.
        app.send(.reread(because: reason, .success(try CorpusLoader.load(paths: [folder.path])), replacing: shownBefore))
        #expect(app.state.corpus === shown)
        #expect(app.status.hasPrefix("files changed since they were indexed: quit and start again to read them again"))
    }
}
