import DossierCore
import DossierIndex
import DossierTestSupport
@testable import DossierText
@testable import DossierUI
import Testing

/// Every hint names the key bound in the key map, and the keys that close the overlays come from
/// it too: a user who rebinds an action in the config file sees the new key everywhere.
struct KeyHintTests {
    static func settings(_ keys: String) -> ReaderSettings {
        let config = ConfigFile(text: "[keys]\n" + keys)
        #expect(config.problems.isEmpty, "\(config.problems)")
        return config.settings
    }

    static func titleRow(_ app: TestApp) -> String {
        String(app.screen.text.split(separator: "\n")[0])
    }

    @Test func hint_isTheFirstKeyBound_inTheHelpsNotation() throws {
        let keys = KeyMap.standard
        #expect(keys.hint(for: .toggleEntityView) == "v")
        #expect(keys.hint(for: .pageDown) == "Space")
        #expect(keys.hint(for: .redraw) == "Ctrl-L")
        #expect(keys.hint(for: .cancel) == "Esc")
        let unbound = try #require(keys.rebinding("help", to: []))
        #expect(unbound.hint(for: .toggleHelp) == "(no key: help)")
    }

    @Test func rebindingTheEntityView_theStatusAndThePaneNameTheNewKey() throws {
        var app = try TestApp(size: Size(columns: 140, rows: 40), settings: Self.settings("toggle-entity-view = \"x\"\n"))
        app.type(": entity <Space> heather-nauert <Enter> x")
        #expect(app.state.entities.view == .quotes)
        #expect(app.status.hasPrefix("Heather Nauert: 1 quote · x for mentions"))
        let heading = EntityPane.header(app.state, width: 100).last?.first?.0
        #expect(heading == "In this article, then quotes (x: mentions)")
        app.type("x")
        let nauert = try #require(app.state.corpus.entityIndex(id: "heather-nauert"))
        let mentions = Counted.phrase(app.state.corpus.mentionsByEntity[nauert].count, "mention")
        #expect(app.status.hasPrefix("Heather Nauert: \(mentions) · x for quotes"))
        app.type("v")
        #expect(app.status.hasPrefix("v does nothing here · ? lists the keys"))
    }

    @Test func rebindingHelpAndCancel_theHelpOpensAndClosesWithTheNewKeys_andSaysWhich() throws {
        var app = try TestApp(size: Size(columns: 120, rows: 30), settings: Self.settings("help = \"H\"\ncancel = \"x\"\n"))
        #expect(app.status.hasPrefix("2 articles · H for help"))
        #expect(app.status.hasSuffix("· H help 1/2"))
        app.type("H")
        #expect(app.state.overlays.showsHelp)
        #expect(Self.titleRow(app).contains("Keys (x or H closes)"))
        #expect(app.screen.text.contains("show or hide this help (x closes it)"))
        // The old keys are bound to nothing now: they are swallowed, with a word on the new ones.
        for old in ["<Esc>", "?"] {
            app.type(old)
            #expect(app.state.overlays.showsHelp, "\(old)")
            #expect(app.status.hasPrefix("x or H closes the help; j, k, Space and b scroll it"), "\(old)")
        }
        app.type("x")
        #expect(!app.state.overlays.showsHelp)
        app.type("H q")
        #expect(!app.state.overlays.showsHelp, "quit's key closes an overlay rather than the reader")
        #expect(!app.effects.contains(.quit))
        app.type("Z")
        #expect(app.status.hasPrefix("Z does nothing here · H lists the keys"))
    }

    @Test func rebindingQuitAndCancel_theDossierClosesWithTheNewKeys() throws {
        var app = try TestApp(size: Size(columns: 100, rows: 30), settings: Self.settings("quit = \"Q\"\ncancel = \"x\"\nopen = \"o\"\nopen-link = \"O\"\n"))
        app.type(": dossier <Space> ri-son-gwon <Enter>")
        #expect(app.state.overlays.dossier != nil)
        #expect(app.status.hasPrefix("Ri Son Gwon's dossier · o goes to a line · x closes"))
        #expect(Self.titleRow(app).contains("Dossier: Ri Son Gwon · o goes there · x closes"))
        for old in ["q", "<Esc>"] {
            app.type(old)
            #expect(app.state.overlays.dossier != nil, "\(old)")
            #expect(app.status.hasPrefix("x closes the dossier; o goes to the line's article, quote or person"), "\(old)")
        }
        app.type("Q")
        #expect(app.state.overlays.dossier == nil)
        #expect(!app.effects.contains(.quit))
        app.type("D x")
        #expect(app.state.overlays.dossier == nil)
    }

    @Test func rebindingSkippedFiles_theListOpensAndClosesWithTheNewKey() throws {
        let folder = try ArticleFolder.make(["talks.txt": "Talks\n\nMike Pompeo met officials in Seoul.\n", "empty.txt": ""])
        var app = TestApp(state: AppState(corpus: try CorpusLoader.load(paths: [folder.path]), size: Size(columns: 100, rows: 24),
                                          settings: Self.settings("skipped-files = \"S\"\n")))
        #expect(app.status.hasPrefix("1 file skipped: S lists them · 1 article · ? for help"))
        app.type("S")
        #expect(app.state.overlays.showsSkippedFiles)
        #expect(app.screen.text.contains("1 file skipped (Esc or S closes)"))
        app.type("!")
        #expect(app.state.overlays.showsSkippedFiles, "! is bound to nothing now")
        app.type("S")
        #expect(!app.state.overlays.showsSkippedFiles)
        app.type("S <Esc>")
        #expect(!app.state.overlays.showsSkippedFiles)
    }

    /// What reading a file passed over (a record that is not JSON) is listed beside the skipped files, the
    /// same when the file comes from the saved index unchanged as when it was read.
    @Test func recordsPassedOver_areListedWithTheSkippedFiles_evenFromTheSavedIndex() throws {
        let folder = try ArticleFolder.make([
            "news.jsonl": #"{"title": "Talks", "text": "Mike Pompeo met officials in Seoul."}"# + "\nnot json\n",
            "empty.txt": "",
        ])
        let cache = IndexCache(directory: TemporaryFolder.url("cache").path)
        for load in ["read", "from the saved index"] {
            var app = TestApp(state: AppState(corpus: try CorpusLoader.load(paths: [folder.path], cache: cache), size: Size(columns: 200, rows: 24)))
            #expect(app.status.hasPrefix("1 file skipped, 1 warning on files read: ! lists them"), "\(load)")
            app.type("!")
            #expect(app.screen.text.contains("1 file skipped, 1 warning on files read (Esc or ! closes)"), "\(load)")
            #expect(app.screen.text.contains("news.jsonl: line 2: the record is not valid JSON, skipped"), "\(load)")
        }
    }

    @Test func theStandardKeys_closeTheOverlays_asTheyAlwaysHave() throws {
        for key in ["<Esc>", "?", "q"] {
            var app = try TestApp()
            app.type("? \(key)")
            #expect(!app.state.overlays.showsHelp, "\(key)")
            #expect(app.effects.isEmpty, "\(key)")
        }
        for key in ["<Esc>", "q", "D"] {
            var app = try TestApp(size: Size(columns: 100, rows: 30))
            app.type(": dossier <Space> mike-pompeo <Enter> \(key)")
            #expect(app.state.overlays.dossier == nil, "\(key)")
            #expect(app.effects.isEmpty, "\(key)")
        }
    }

    @Test func rebindingTheFilterAndTheJumps_theHintsFollow() throws {
        var app = try TestApp(size: Size(columns: 120, rows: 30),
                              settings: Self.settings("filter = \"f\"\nnext-mention = \")\"\nsearch = \"s\"\nnext-match = \"m\"\n"))
        app.type("]")
        #expect(app.status.hasPrefix("no entity selected: use ) or :entity NAME first"))
        app.type("m")
        #expect(app.status.hasPrefix("no search: press s to search"))
        app.type(": filter <Space> zebra <Enter>")
        #expect(app.screen.text.contains("“zebra”. f") && app.screen.text.contains("| changes the filter"))
        app.type("<Enter>")
        #expect(app.status.hasPrefix("no article matches the filter · f to change it"))
        app.type("? G")
        #expect(app.screen.text.contains("Filter (f)"))
        #expect(app.screen.text.contains("], [, m, N, > and < stay within the filtered list"))
    }

    @Test func theLoadingScreen_namesTheQuitKey() throws {
        let keys = try #require(KeyMap.standard.rebinding("quit", to: [.character("Q")]))
        let screen = LoadingScreen.render(nil, paths: [], size: Size(columns: 80, rows: 24), keyMap: keys)
        #expect(screen.text.contains("indexing…  ·  Q quit"))
        #expect(keys.boundAction(for: .character("Q")) == .quit && keys.boundAction(for: .character("q")) == nil)
    }
}
