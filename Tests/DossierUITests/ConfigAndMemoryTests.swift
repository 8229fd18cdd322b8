import DossierCore
import DossierLinking
import DossierTestSupport
@testable import DossierUI
import Foundation
import Testing

/// The config file (keys, colours, saved filters, the user's people) and the memory the reader
/// keeps between runs.
struct ConfigFileTests {
    static let example = """
        # My beat
        [keys]
        filter = "f"
        dossier = ["<C-p>", "P"]

        [colors]
        person = ["magenta", "green"]
        place = "white"

        [filters]
        ris = "mentions:ri-son-gwon or mentions:ri-yong-ho"

        [[people]]
        id = "lee-sang-min"
        name = "Lee Sang Min"
        aliases = ["Lee Sang-min"]
        titles = ["Ambassador"]
        description = "South Korean envoy to the talks"
        """

    @Test func aKeyBoundTwice_andAnActionLeftWithoutAKey_areSaid() {
        let config = ConfigFile(text: """
            [keys]
            filter = "x"
            dossier = "x"
            toggle-read = "?"
            """)
        #expect(config.problems == [
            "line 3: x is bound to filter on line 2 and to dossier here: dossier keeps it",
            "line 3: dossier takes x from filter, which is left with no key: bind it another",
            "line 4: toggle-read takes ? from help, which is left with no key: bind it another",
        ])
        #expect(config.settings.keyMap.bindings.first { $0.name == "dossier" }?.keys == [.character("x")])
        // Taking a key from an action that keeps another is no problem.
        #expect(ConfigFile(text: "[keys]\nnext-match = \"j\"\n").problems.isEmpty)
    }

    @Test func keysColoursFiltersAndPeople_areRead() throws {
        let config = ConfigFile(text: Self.example)
        #expect(config.problems.isEmpty, "\(config.problems)")
        #expect(config.settings.keyMap.action(for: .character("f"), in: try TestApp().state) == .openFilter)
        #expect(config.settings.keyMap.action(for: .control("p"), in: try TestApp().state) == .openDossier)
        #expect(config.settings.keyMap.action(for: .character("D"), in: try TestApp().state) == .unbound(.character("D")), "D was moved to Ctrl-P and P")
        #expect(config.settings.palette.people == [.magenta, .green])
        #expect(config.settings.palette.place == .white)
        #expect(config.settings.savedFilters["ris"] == "mentions:ri-son-gwon or mentions:ri-yong-ho")
        #expect(config.people.map(\.id) == ["lee-sang-min"])
        #expect(config.people.first?.surname == "Min")
        #expect(config.people.first?.titles == ["Ambassador"])
    }

    @Test func theRebindingIsWhatTheHelpShows() throws {
        var app = try TestApp(size: Size(columns: 120, rows: 60), settings: ConfigFile(text: Self.example).settings)
        app.type("?")
        #expect(app.screen.text.contains(" f ") && app.screen.text.contains("filter the list"))
        #expect(app.screen.text.contains("Ctrl-P P"))
        app.type("<Esc> f @ris <Enter>")
        #expect(app.state.list.rows.count == 2, "the saved filter applies")
    }

    @Test func badLines_areReportedByNumber_andTheRestApplies() {
        let text = """
            [keys]
            filter = "f"
            teleport = "t"
            dossier = 42
            search = "<Nope>"

            [colors]
            place = "chartreuse"
            organisation = "red"

            broken line here
            [filters]
            ok = "unread"

            [[people]]
            aliases = ["No Name"]

            [[people]]
            name = "Kang Kyung Wha"
            height = 170

            [weather]
            today = "rain"
            """
        let config = ConfigFile(text: text)
        let problems = config.problems.joined(separator: "\n")
        #expect(problems.contains("line 3: no action is named teleport"))
        #expect(problems.contains("line 4: keys.dossier takes a key"))
        #expect(problems.contains("line 5: \"<Nope>\" is not a key"))
        #expect(problems.contains("line 8: colors.place takes colour names"))
        #expect(problems.contains("line 11:"), "the syntax error, by its line")
        #expect(problems.contains("line 15: a person needs a name"))
        #expect(problems.contains("line 20: a person has no field height"))
        #expect(problems.contains("line 22: unknown section weather"))
        // What was right applies.
        #expect(config.settings.keyMap.bindings.first { $0.name == "filter" }?.keys == [.character("f")])
        #expect(config.settings.palette.organisation == .red)
        #expect(config.settings.savedFilters["ok"] == "unread")
        #expect(config.people.map(\.id) == ["kang-kyung-wha"])
    }

    /// How much `dossier library prune` keeps, read from [library]; a wrong value is said by its line.
    @Test func theLibrarysLimits_areRead_andAWrongOneIsSaid() {
        let config = ConfigFile(text: "[library]\nkeep-items = 500\nkeep-days = 0\nkeep-forever = true\n")
        #expect(config.keepItems == 500 && config.keepDays == nil)
        #expect(config.problems == ["line 3: library.keep-days takes a whole number above 0, as 90",
                                    "line 4: library.keep-forever is not a setting: keep-items, keep-days"])
    }

    /// Whether searches trust folder times, read from [index]: off unless set, and a wrong value is said by its line.
    @Test func trustingFolderTimes_isOffUnlessSet_andAWrongValueIsSaid() {
        #expect(!ConfigFile(text: "").trustsFolderTimes)
        #expect(ConfigFile(text: "[index]\ntrust-folder-times = true\n").trustsFolderTimes)
        let wrong = ConfigFile(text: "[index]\ntrust-folder-times = \"yes\"\ntrust-everything = true\n")
        #expect(!wrong.trustsFolderTimes)
        #expect(wrong.problems == ["line 2: index.trust-folder-times takes true or false",
                                   "line 3: index.trust-everything is not a setting: trust-folder-times"])
    }

    /// Headers without a name, each reported by its line while the rest of the file applies.
    @Test(arguments: ["[[=", "[#]", "[[", "[[ ", "[[+]]", "  [ =x]", "[[[a]b]c", "[\u{0612}:x]"])
    func aHeaderWithoutAName_isReportedByLine_notACrash(header: String) {
        let config = ConfigFile(text: "[filters]\nok = \"unread\"\n\(header)\n[colors]\nplace = \"red\"\n")
        #expect(config.problems == ["line 3: a table header needs a name after its [ (the line and the keys under it are left out)"])
        #expect(config.settings.savedFilters["ok"] == "unread")
        #expect(config.settings.palette.place == .red)
    }

    /// An id with nothing in it, given or made from a name without letters or digits, is said to
    /// be empty, on the line that gives it, rather than taken for an earlier person's.
    @Test(arguments: [("name = \".\"", 5), ("name = \"Ri Yong Ho\"\nid = \"\"", 6), ("id = \" \"\nname = \"Ri\"", 5)])
    func aPersonWhoseIDIsEmpty_isSaidSo_notCalledADuplicate(fields: String, line: Int) {
        let config = ConfigFile(text: "[[people]]\nname = \"Kim Yo Jong\"\n\n[[people]]\n\(fields)\n")
        #expect(config.problems.count == 1, "\(config.problems)")
        #expect(config.problems.first?.hasPrefix("line \(line): a person's id cannot be empty") == true, "\(config.problems)")
        #expect(config.people.map(\.id) == ["kim-yo-jong"])
    }

    @Test func aFileThatIsNotTOML_isSaidInOneLine_andNoneOfItApplies() {
        let config = ConfigFile(text: String(repeating: "{{{ not toml\n", count: 40))
        #expect(!config.problems.isEmpty)
        #expect(config.settings == ReaderSettings())
    }

    @Test func aFileOfGarbage_namesItsFirstLines_andCountsTheRest() {
        let config = ConfigFile(text: String(repeating: "{{{ not toml\n", count: 40))
        #expect(config.problems.count == ConfigFile.syntaxProblemLimit + 1)
        #expect(config.problems.first == "line 1: the line is neither key = value, a [table] header nor a # comment (the line is left out)")
        #expect(config.problems.last == "line 21: 20 more lines from here on cannot be read either, and are left out")
    }

    @Test func aProblemInsideAListAcrossLines_namesTheItemsLine_andTheLinesAfterApply() {
        let config = ConfigFile(text: """
            [keys]
            forward = [
              "<C-n>",
              "<Nope>",
            ]
            [filters]
            long = \"\"\"
            mentions:pompeo
            a filter = "is not this"\"\"\"
            [colors]
            place = "red"
            """)
        #expect(config.problems == ["line 4: \"<Nope>\" is not a key (write a character, or <Enter>, <C-x>, <Esc>, <Tab>, <PgDn>…)"])
        #expect(config.settings.savedFilters["long"] == "mentions:pompeo\na filter = \"is not this\"")
        #expect(config.settings.keyMap.bindings.first { $0.name == "forward" }?.keys == [.control("n")])
        #expect(config.settings.palette.place == .red)
    }

    @Test(arguments: [("keys = \"f\"", "line 1: keys is a section"), ("colors = 3", "line 1: colors is a section"),
                      ("people = 3", "line 1: people are written as [[people]] entries"),
                      ("[people]\nname = \"A\"", "line 1: people are written as [[people]] entries"),
                      ("people = [1]", "line 1: each [[people]] entry is a table")])
    func aSectionWrittenAsAValue_isReported(text: String, problem: String) {
        let config = ConfigFile(text: text + "\n[filters]\nok = \"unread\"\n")
        #expect(config.problems.count == 1)
        #expect(config.problems.first?.hasPrefix(problem) == true, "\(config.problems)")
        #expect(config.settings.savedFilters["ok"] == "unread")
    }

    @Test func tenThousandPeople_areReadAtOnce() {
        var text = "[keys]\nfilter = \"f\"\n"
        for index in 0..<10_000 {
            text += "[[people]]\nname = \"Person \(index)\"\n"
        }
        text += "[[people]]\nname = \"Person 9999\"\n"
        let clock = ContinuousClock()
        let start = clock.now
        let config = ConfigFile(text: text)
        // Finding each entry's line again in the text took 23 s; reading it once takes a fraction of one.
        #expect(clock.now - start < .seconds(3))
        #expect(config.people.count == 10_000)
        #expect(config.problems == ["line 20003: the id person-9999 is used by an earlier person; this one is left out"])
    }

    @Test func theUsersPeople_areFoundInTheArticles() throws {
        let folder = try ArticleFolder.make([
            "envoy.txt": "Envoy returns\n\nLee Sang-min, the envoy, returned to Seoul on Friday. Lee said the talks would resume.\n",
        ])
        let people = ConfigFile(text: Self.example).people
        let corpus = try CorpusLoader.load(paths: [folder.path], catalog: try EntityCatalog.bundled().merging(people))
        let lee = try #require(corpus.entityIndex(id: "lee-sang-min"))
        #expect(corpus.mentionsByEntity[lee].count == 2)
        #expect(!corpus.entities[lee].isFound)
        #expect(corpus.entities[lee].description == "South Korean envoy to the talks")
    }
}

struct ReaderMemoryTests {
    @Test func thePlaceReadMarksFilterAndHistories_comeBack() throws {
        var app = try TestApp(size: Size(columns: 120, rows: 30))
        app.type("j <Enter>")
        app.wait(seconds: 2)
        app.type("j j j : entity <Space> ri-son-gwon <Enter> / Korea <Enter> <Esc> : sort <Space> title <Enter> F unread <Enter>")
        let memory = app.state.memory
        let bytes = memory.encoded()

        var restarted = try TestApp(size: Size(columns: 120, rows: 30))
        restarted.send(.memoryRead(try ReaderMemory.decoded(from: bytes)))
        #expect(!restarted.status.contains("restored, but"))
        let state = restarted.state
        #expect(state.reader.openArticle == app.state.reader.openArticle)
        #expect(state.reader.scroll == app.state.reader.scroll)
        #expect(state.entities.selectedEntity == state.corpus.entityIndex(id: "ri-son-gwon"))
        #expect(state.list.readArticles == [1])
        #expect(state.prompt.searchHistory == ["Korea"])
        #expect(state.prompt.commandHistory == ["entity ri-son-gwon", "sort title"])
        #expect(state.prompt.filterHistory == ["unread"])
        #expect(state.list.filter?.text == "unread")
        #expect(state.list.sort == ArticleSort(key: .title))
        #expect(state.session.focus == app.state.session.focus)
        #expect(restarted.screen.text == app.screen.text.replacingOccurrences(of: app.status, with: restarted.status))
    }

    @Test(arguments: [Array("{\"version\": 1, \"read\": [".utf8), Array("not json".utf8), [0xFF, 0x00],
                      Array("{\"version\": 99}".utf8)])
    func aDamagedMemory_isRefusedWithAReason(bytes: [UInt8]) {
        #expect(throws: ReaderMemory.Problem.self) { try ReaderMemory.decoded(from: bytes) }
    }

    /// A state file written when articles were named by their files keeps its marks and its place.
    @Test func aMemoryOfVersion1_namesArticlesByTheirFiles_andIsRestored() throws {
        let bytes = Array(#"{"version": 1, "openArticle": "004_aa78b19fab688198", "readerScroll": 2, "focus": "reader", "read": ["004_aa78b19fab688198", "gone"], "searchHistory": [], "commandHistory": [], "filterHistory": []}"#.utf8)
        let memory = try ReaderMemory.decoded(from: bytes)
        var app = try TestApp()
        app.send(.memoryRead(memory))
        let second = try #require(app.state.corpus.articles.firstIndex { $0.path.hasSuffix("/004_aa78b19fab688198.txt") })
        #expect(app.state.list.readArticles == [second])
        #expect(app.state.reader.openArticle == second)
        #expect(app.state.reader.scroll == 2)
        // Saved again, it names them by stable id.
        #expect(app.state.memory.read == [app.state.corpus.articles[second].stableID])
        #expect(app.state.memory.version == 2)
    }

    @Test func whatTheCorpusNoLongerHolds_isDropped() throws {
        var app = try TestApp()
        var memory = ReaderMemory()
        memory.openArticle = "gone"
        memory.read = ["gone", app.state.corpus.articles[1].stableID]
        memory.selectedEntity = "nobody"
        memory.filter = "mentions:nobody"
        app.send(.memoryRead(memory))
        #expect(app.status.hasPrefix("restored, but the saved filter no longer applies"))
        #expect(app.state.list.readArticles == [1])
        #expect(app.state.reader.openArticle == 0)
        #expect(app.state.entities.selectedEntity == nil)
    }
}

struct StateStoreTests {
    @Test func savesWhole_perCorpus_andAnySpellingOfAFolderFindsIt() throws {
        let home = try ArticleFolder.make([:])
        let store = StateStore(directory: home.path + "/state")
        let corpus = try ArticleFolder.make(["a.txt": "A title\n\nSome text.\n"])
        try store.save(Array("first".utf8).withUnsafeBufferPointer { Data(buffer: $0) }, forPaths: [corpus.path])
        try store.save(Data("second".utf8), forPaths: [corpus.path + "/."])
        #expect(try store.load(forPaths: [corpus.path]) == Data("second".utf8))
        #expect(try store.load(forPaths: []) == nil, "the bundled articles have a state of their own")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: store.directory).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "no temporary file is left")
    }
}
