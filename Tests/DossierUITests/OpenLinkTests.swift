import DossierCore
import DossierTestSupport
import DossierUI
import Foundation
import Testing

/// `o` hands the article's web address to the reader's loop, which opens it in a browser; only
/// http and https addresses are handed over.
struct OpenLinkTests {
    static func app(url: String?) throws -> TestApp {
        let link = url.map { "<link>\($0)</link>" } ?? ""
        let feed = "<rss version=\"2.0\"><channel><title>Desk</title><item><title>Talks</title>\(link)<description>Mike Pompeo spoke.</description></item></channel></rss>"
        let folder = try ArticleFolder.make(["desk.xml": feed])
        return TestApp(state: AppState(corpus: try CorpusLoader.load(paths: [folder.path]), size: Size(columns: 100, rows: 24)))
    }

    @Test func webAddress_isHandedToTheLoop_andItsOutcomeShown() throws {
        var app = try Self.app(url: "https://desk.example/talks")
        app.type("o")
        #expect(app.effects == [.openLink("https://desk.example/talks")])
        app.send(.linkOpened("opened https://desk.example/talks"))
        #expect(app.status.contains("opened https://desk.example/talks"))
    }

    @Test(arguments: ["javascript:alert(1)", "file:///etc/passwd", "-oProxyCommand=touch /tmp/x"])
    func otherAddresses_areRefused(url: String) throws {
        var app = try Self.app(url: url)
        app.type("o")
        #expect(app.effects.isEmpty)
        #expect(app.status.hasPrefix("only http and https addresses are opened"))
    }

    @Test func articleWithoutAddress_saysSo() throws {
        var app = try Self.app(url: nil)
        app.type("o")
        #expect(app.effects.isEmpty)
        #expect(app.status.hasPrefix("this article has no web address"))
    }
}
