import DossierCore
import DossierTestSupport
@testable import DossierUI
import Testing

/// The reader as a daily tool: filters, sorting, read marks, the dossier, the keys people expect,
/// and the rough edges a newcomer found.
struct DailyReaderTests {
    static let examples = DocumentationExamples.repository.appendingPathComponent("docs/examples").path

    // MARK: - Filter and sort

    @Test func filter_narrowsTheList_saysShownOfTotal_andJumpsStayWithinIt() throws {
        var app = try TestApp(size: Size(columns: 120, rows: 30))
        app.type("F mentions:ri-yong-ho <Enter>")
        #expect(app.state.list.rows.count == 1)
        // A pane too narrow for the whole title keeps the numbers and the filter; the status line counts as it does.
        #expect(app.screen.text.contains("| 1/1 of 2 [mentions:ri-yong-ho]"))
        #expect(ArticleListPane.title(app.state) == "Articles 1/1 of 2 · 1 unread [mentions:ri-yong-ho]")
        #expect(app.screen.text.split(separator: "\n").last?.hasSuffix("· ? help 1/1 |") == true)
        #expect(app.status.hasPrefix("1 of 2 articles match"))
        // Pompeo is in both articles; ] now stays in the one listed.
        app.type(": entity <Space> mike-pompeo <Enter>")
        let listed = app.state.list.rows[0]
        for _ in 0..<9 {
            app.type("]")
            #expect(app.state.reader.openArticle == listed)
        }
        #expect(app.status.contains("in the filtered list"))
        // Counted among the listed article's mentions alone, and round their end: nine steps past the first.
        let pompeo = try #require(app.state.corpus.entityIndex(id: "mike-pompeo"))
        let listedCount = app.state.corpus.mentionsByEntity[pompeo].filter { $0.article == listed }.count
        #expect(listedCount > 1 && listedCount < app.state.corpus.mentionsByEntity[pompeo].count)
        #expect(app.status.hasPrefix("Mike Pompeo: mention \((8 % listedCount) + 1)/\(listedCount) in the filtered list"), "\(app.status)")
        // n and N too.
        app.type("/ Korea <Enter> n n n n")
        #expect(app.state.reader.openArticle == listed)
        expectSnapshot(app.screen.text, named: "filter-ri-yong-ho")
        // F shows the filter in force to edit; an empty one shows all again.
        app.type("F")
        #expect(app.state.prompt.open?.text == "mentions:ri-yong-ho")
        app.type("<C-u> <Enter>")
        #expect(app.state.list.filter == nil)
        #expect(app.state.list.rows.count == 2)
        #expect(app.state.prompt.filterHistory == ["mentions:ri-yong-ho"])
    }

    @Test func filter_thatMatchesNothing_saysSo_andABadOneSaysWhy() throws {
        var app = try TestApp(size: Size(columns: 100, rows: 24))
        app.type(": filter <Space> zebra <Enter>")
        #expect(app.screen.text.contains("No article matches “zebra”"))
        app.type("<Enter>")
        #expect(app.status.contains("no article matches the filter"))
        app.type("F <C-u> since:tomorrow <Enter>")
        #expect(app.status.contains("not a date"))
        #expect(app.state.list.filter?.text == "zebra", "a bad filter leaves the list as it was")
    }

    @Test func sort_reordersTheList_andTheTitleSaysHow() throws {
        var app = try TestApp(size: Size(columns: 120, rows: 24), paths: [Self.examples])
        app.type(": sort <Space> title <Enter>")
        let titles = app.state.list.rows.map { app.state.corpus.articles[$0].title }
        #expect(titles == titles.sorted { $0.lowercased() < $1.lowercased() })
        #expect(app.screen.text.contains("by title"))
        app.type(": sort <Space> title <Space> reverse <Enter>")
        #expect(app.state.list.rows.map { app.state.corpus.articles[$0].title } == titles.reversed())
        app.type(": sort <Space> colour <Enter>")
        #expect(app.status.hasPrefix("sort by one of date, source, title, mentions"))
    }

    @Test func theEntityCounts_areExplainedInTheHelp_andAnEntityNobodyQuotes_saysSo() throws {
        var help = try TestApp(size: Size(columns: 120, rows: 60))
        help.type("?")
        #expect(help.screen.text.contains("3/12: mentioned 3 times here, 12 in all articles"))
        var quotes = try TestApp(size: Size(columns: 120, rows: 30))
        quotes.type(": entity <Space> mike-pompeo <Enter> v")
        #expect(quotes.state.entities.view == .quotes)
        #expect(quotes.screen.text.contains("No quotes of Mike Pompeo."))
    }

    @Test func aFeedItemThatIsOnlyItsSummary_saysSo_andEveryArticleShowsItsAddress() throws {
        var app = try TestApp(size: Size(columns: 120, rows: 24), paths: [Self.examples])
        app.type(": open <Space> desk#2 <Enter>")
        let header = app.state.reader.layout.lines.prefix(4).map { line -> String in
            if case .header(let text, _) = line { return text }
            return ""
        }
        #expect(header.contains("Harbour Desk · 2018-08-31 · summary only"))
        #expect(header.contains("https://desk.example/brief"))
        app.type(": open <Space> desk#1 <Enter>")
        #expect(!app.screen.text.contains("summary only"))
    }

    @Test func wideList_showsDateAndSourceColumns_whenTheArticlesHaveThem() throws {
        let app = try TestApp(size: Size(columns: 200, rows: 12), paths: [Self.examples])
        let text = app.screen.text
        #expect(text.contains("Envoys meet again in Hanoi      2019-02-27 The Harbour C…    3│"))
        #expect(text.contains("Envoys meet again in Hanoi"))
        expectSnapshot(text, named: "wide-list-200x12")
    }

    // MARK: - Read and unread

    @Test func anArticleOpenForAMoment_isRead_andUMarksEitherWay() throws {
        var app = try TestApp(size: Size(columns: 100, rows: 24))
        #expect(app.screen.text.contains("2 unread"))
        app.wait(seconds: 0.5)
        #expect(app.state.list.readArticles.isEmpty, "the article shown at start is not read at once")
        app.type("j <Enter>")
        app.wait(seconds: 0.5)
        #expect(app.state.list.readArticles.isEmpty, "half a second is not a read")
        app.wait(seconds: 1.2, from: 1)
        #expect(app.state.list.readArticles == [1])
        #expect(app.screen.text.contains("1 unread"))
        let rows = app.screen.text.split(separator: "\n")
        #expect(rows[1].hasPrefix("| *Secretary"), "the unread article is starred")
        #expect(rows[2].hasPrefix("|▶ North"), "the read one is not")
        app.type("<S-Tab> u")
        #expect(app.state.list.readArticles.isEmpty)
        #expect(app.status.hasPrefix("marked unread · 2 unread articles in the list"))
        app.type("u")
        #expect(app.state.list.readArticles == [1])
    }

    @Test func unreadKeys_goToTheNextUnreadArticle_inTheListsOrder() throws {
        var app = try TestApp(size: Size(columns: 100, rows: 24), paths: [Self.examples])
        app.wait(seconds: 2)
        #expect(app.state.list.readArticles == [0], "the article shown at start is read like any other")
        app.type(">")
        #expect(app.state.reader.openArticle == 1)
        app.wait(seconds: 2)
        app.type(">")
        #expect(app.state.reader.openArticle == 2)
        app.type("<lt>")
        #expect(app.state.reader.openArticle == app.state.corpus.articles.count - 1, "wraps round to the last unread")
        app.type(": filter <Space> unread <Enter>")
        #expect(app.state.list.rows.count == app.state.corpus.articles.count - 2)
    }

    // MARK: - The dossier

    @Test func dossier_showsTheEntitysProfile_andEnterGoesToTheLine() throws {
        var app = try TestApp(size: Size(columns: 100, rows: 30))
        app.type(": dossier <Space> ri-son-gwon <Enter>")
        let text = app.screen.text
        #expect(text.contains("Dossier: Ri Son Gwon"))
        #expect(text.contains("4 mentions in 1 article · 5 quotes"))
        #expect(text.contains("Quotes"))
        expectSnapshot(text, named: "dossier-ri-son-gwon")
        // Keys meant for the panes do not reach them; G goes to the last line (a quote), Enter opens it.
        app.type("G <Enter>")
        #expect(app.state.overlays.dossier == nil)
        #expect(app.state.reader.openArticle == 1)
        #expect(app.state.session.focus == .reader)
    }

    @Test func dossier_jAndKStopOnlyWhereEnterLeads_andBackspaceGoesBackThroughTheDossiersANameOpened() throws {
        var app = try TestApp(size: Size(columns: 100, rows: 30))
        app.type(": dossier <Space> mike-pompeo <Enter>")
        let lines = try #require(app.state.overlays.dossier?.lines)
        let leading = lines.indices.filter { lines[$0].target != nil }
        #expect(leading.count >= 3 && leading.count < lines.count)
        // From the top, j visits exactly the lines that lead somewhere, in order; k goes back to the one before.
        var visited: [Int] = []
        for _ in leading.indices {
            app.type("j")
            visited.append(app.state.overlays.dossier?.selection ?? -1)
        }
        #expect(visited == leading.filter { $0 > 0 })
        app.type("g j j k")
        #expect(app.state.overlays.dossier?.selection == leading.first { $0 > 0 })
        // A name leads to that person's dossier; Backspace comes back, and once more closes.
        let name = try #require(leading.first { if case .entity = lines[$0].target { return true } else { return false } })
        app.type("g")
        while let selection = app.state.overlays.dossier?.selection, selection < name { app.type("j") }
        app.type("<Enter>")
        #expect(app.state.overlays.dossier.map { app.state.corpus.entities[$0.entity].id } != "mike-pompeo")
        app.type("<BS>")
        #expect(app.state.overlays.dossier.map { app.state.corpus.entities[$0.entity].id } == "mike-pompeo")
        app.type("<BS>")
        #expect(app.state.overlays.dossier == nil)
    }

    @Test func dossier_ofDatedArticles_drawsATimeline() throws {
        var app = try TestApp(size: Size(columns: 100, rows: 30), paths: [Self.examples])
        app.type(": entity <Space> pompeo <Enter> D")
        let text = app.screen.text
        #expect(text.contains("Mentions a month"))
        #expect(text.contains("  2018-06 ████████████████████████████████████████ 2"))
        #expect(text.contains("  2018-07  0"), "a month without mentions keeps its row")
        expectSnapshot(text, named: "dossier-pompeo-examples")
        app.type("<Esc>")
        #expect(app.state.overlays.dossier == nil)
        app.type("D")
        #expect(app.state.overlays.dossier != nil, "D opens the selected entity's")
        app.type("D")
        #expect(app.state.overlays.dossier == nil, "and closes it")
    }

    @Test func dossier_enterOnACompanion_opensTheirs() throws {
        var app = try TestApp(size: Size(columns: 100, rows: 40))
        app.type(": dossier <Space> mike-pompeo <Enter>")
        let lines = try #require(app.state.overlays.dossier).lines
        let trumpEntity = try #require(app.state.corpus.entityIndex(id: "donald-trump"))
        let trump = try #require(lines.firstIndex { $0.target == .entity(trumpEntity) })
        while let selection = app.state.overlays.dossier?.selection, selection < trump { app.type("j") }
        app.type("<Enter>")
        #expect(app.state.overlays.dossier?.entity == app.state.corpus.entityIndex(id: "donald-trump"))
    }

    // MARK: - Keys

    @Test func controlKeys_pageAsInLessAndVim_andAnUnboundKeySaysSo() throws {
        var app = try TestApp(size: Size(columns: 100, rows: 24))
        app.type("<Tab>")
        app.type("<C-d>")
        let half = app.state.reader.scroll
        #expect(half > 0)
        app.type("<C-f>")
        #expect(app.state.reader.scroll > half + 5)
        app.type("<C-b> <C-u>")
        #expect(app.state.reader.scroll == 0)
        app.type("<C-l>")
        #expect(app.effects == [.redrawAll])
        app.type("Z")
        #expect(app.status.hasPrefix("Z does nothing here"))
        app.type("j")
        #expect(!app.status.contains("does nothing"), "the message goes with the next key")
    }

    // MARK: - Mouse

    @Test func mouse_clickOpensARow_selectsAName_andTheWheelScrollsThePaneUnderIt() throws {
        var app = try TestApp(size: Size(columns: 120, rows: 30))
        let layout = app.state.layout
        let list = try #require(layout.articles)
        app.send(.mouse(MouseEvent(.press, column: list.column + 3, row: list.row + 2)))
        #expect(app.state.reader.openArticle == 1)
        #expect(app.state.session.focus == .articles)
        // A click on "Ri Son Gwon" in the reader selects him.
        let reader = try #require(layout.reader)
        let screen = app.screen
        var found: (Int, Int)?
        for row in reader.row..<(reader.row + reader.rows) {
            let text = (reader.column..<(reader.column + reader.columns)).map { String(screen[$0, row].character) }.joined()
            if let range = text.range(of: "Ri Son Gwon") { found = (reader.column + text.distance(from: text.startIndex, to: range.lowerBound) + 3, row); break }
        }
        let (column, row) = try #require(found)
        app.send(.mouse(MouseEvent(.press, column: column, row: row)))
        #expect(app.state.entities.selectedEntity == app.state.corpus.entityIndex(id: "ri-son-gwon"))
        #expect(app.state.session.focus == .reader)
        app.send(.mouse(MouseEvent(.wheelDown, column: reader.column + 5, row: reader.row + 5)))
        #expect(app.state.reader.scroll == 3)
        // A click on an entity row selects that entity.
        let entities = try #require(app.state.layout.entities)
        let top = EntityPane.listTop(app.state, in: entities)
        app.send(.mouse(MouseEvent(.press, column: entities.column + 2, row: top)))
        #expect(app.state.session.focus == .entities)
        #expect(app.state.entities.selectedEntity == app.state.entities.inOpenArticle.first?.entity)
    }

    // MARK: - Rough edges

    @Test func theCurrentMatchInAHeadline_isHighlighted_andNamesInHeadlinesAreColoured() throws {
        var app = try TestApp(size: Size(columns: 100, rows: 30))
        app.type("/ september <Enter> n n")
        #expect(app.status.hasPrefix("match 1/2"))
        let screen = app.screen
        let reader = try #require(app.state.layout.reader)
        let row = reader.row + 2
        let text = (reader.column..<(reader.column + reader.columns)).map { String(screen[$0, row].character) }.joined()
        let headlineRow = text.contains("September") ? row : row - 1
        let line = (reader.column..<(reader.column + reader.columns)).map { String(screen[$0, headlineRow].character) }.joined()
        let start = try #require(line.range(of: "September")).lowerBound
        let column = reader.column + line.distance(from: line.startIndex, to: start)
        #expect(screen[column, headlineRow].style.reverse, "the current match is reversed")
        // "South Korea" in the headline is a name, in its colour.
        let headline = reader.row + 1
        let headlineText = (reader.column..<(reader.column + reader.columns)).map { String(screen[$0, headline].character) }.joined()
        let southKorea = try #require(headlineText.range(of: "South Korea")).lowerBound
        #expect(screen[reader.column + headlineText.distance(from: headlineText.startIndex, to: southKorea), headline].style.foreground != nil)
    }

    @Test func colours_tellPeopleFromPlacesAndOrganisations_andMarkTheSelectedEntity() throws {
        var app = try TestApp(size: Size(columns: 120, rows: 30))
        let corpus = app.state.corpus
        let palette = app.state.session.settings.palette
        func color(_ id: String) throws -> Color { palette.color(of: try #require(corpus.entityIndex(id: id)), in: corpus) }
        let places = [try color("north-korea"), try color("west-virginia"), try color("united-states")]
        let people = [try color("mike-pompeo"), try color("donald-trump"), try color("kim-jong-un")]
        #expect(Set(places).count == 1)
        #expect(Set(people).isDisjoint(with: places))
        #expect(try color("mike-pompeo") != color("donald-trump"))
        app.type(": entity <Space> mike-pompeo <Enter>")
        let pompeo = try #require(corpus.entityIndex(id: "mike-pompeo"))
        #expect(palette.style(of: pompeo, in: corpus, selected: pompeo).underline)
        #expect(!palette.style(of: try #require(corpus.entityIndex(id: "donald-trump")), in: corpus, selected: pompeo).underline)
        #expect(palette.style(of: pompeo, in: corpus, selected: nil).bold, "people are bold")
        #expect(!palette.style(of: try #require(corpus.entityIndex(id: "north-korea")), in: corpus, selected: nil).bold)
    }

    @Test func theList_keepsItsRowsInView_afterTheEntityPaneComesAndGoes() throws {
        var app = try TestApp(size: Size(columns: 80, rows: 24))
        app.type("j <Enter> e e")
        #expect(app.state.list.scroll == 0)
        let rows = app.screen.text.split(separator: "\n")
        #expect(rows[1].contains("Secretary of S"), "the first article is still listed")
        var small = try TestApp(size: Size(columns: 40, rows: 10))
        small.type("j <Tab> <Tab> <Tab>")
        small.resize(Size(columns: 80, rows: 24))
        #expect(small.state.list.scroll == 0)
    }

    @Test func statusMessages_goWithTheNextKey_andCountsAgree() throws {
        var app = try TestApp(size: Size(columns: 120, rows: 30))
        app.type(": entity <Enter>")
        #expect(app.status.hasPrefix("usage: :entity NAME"))
        app.type(": open <Space> 004 <Enter>")
        #expect(!app.status.contains("usage"))
        app.type(": entity <Space> ri-son-gwon <Enter>")
        #expect(app.status.hasPrefix("Ri Son Gwon: 4 mentions in 1 article"))
        var narrow = try TestApp(size: Size(columns: 120, rows: 30))
        narrow.type("e")
        #expect(narrow.status.hasPrefix("the entity pane always shows"))
        narrow.resize(Size(columns: 80, rows: 24))
        #expect(!narrow.status.contains("100 columns"))
    }

    @Test func theEntityPane_growsWithTheScreen_andCutsWithAnEllipsis() throws {
        var app = try TestApp(size: Size(columns: 200, rows: 30))
        #expect((app.state.layout.entities?.columns ?? 0) >= 50)
        app.type(": entity <Space> united-states <Enter>")
        var small = try TestApp(size: Size(columns: 100, rows: 30))
        small.type(": entity <Space> ri-son-gwon <Enter>")
        let pane = try #require(small.state.layout.entities)
        let rows = small.screen.text.split(separator: "\n").map { row in
            String(Array(row)[(pane.column + 1)..<(pane.column + 1 + pane.columns)])
        }
        #expect(rows.contains { $0.hasSuffix("…") })
        #expect(rows.contains { $0.contains("In this article, then") })
        // A section word alone ("Technologies", from "By , in Technologies on .") is not put under the headline.
        var second = try TestApp(size: Size(columns: 120, rows: 30))
        second.type("j <Enter>")
        #expect(second.state.corpus.articles[second.state.reader.openArticle].section == "Technologies")
        #expect(!second.screen.text.contains("Technologies"))
        // The reader's title is the article's, not its file's id.
        #expect(app.screen.text.contains("│ Secretary of State Mike Pompeo will travel"))
        #expect(!app.screen.text.contains("000_6fb30d2b1fa199a6"))
    }
}

extension DailyReaderTests {
    @Test func theEntityPanesHeader_hasTheRowsItsCountSays() throws {
        var app = try TestApp(size: Size(columns: 120, rows: 30))
        for id in ["mike-pompeo", "ri-son-gwon", "north-korea", "heather-nauert"] {
            app.type(": entity <Space> \(id) <Enter>")
            let width = try #require(app.state.layout.entities).columns - 1
            #expect(EntityPane.header(app.state, width: width).count == EntityPane.headerRowCount(app.state, width: width), "\(id)")
        }
    }
}

extension DailyReaderTests {
    @Test func aDossierOfManyQuotes_listsTheFirst_andSaysHowManyMore() throws {
        var files: [String: String] = [:]
        for number in 0..<(DossierView.quoteLimit + 3) {
            files["q\(number).txt"] = "Day \(number)\n\n“We will keep talking on day \(number),” Mike Pompeo said on Friday.\n"
        }
        var app = try TestApp(size: Size(columns: 100, rows: 30), paths: [try ArticleFolder.make(files).path])
        app.type(": dossier <Space> mike-pompeo <Enter>")
        let dossier = try #require(app.state.overlays.dossier)
        #expect(dossier.profile.quotes.count == DossierView.quoteLimit + 3)
        #expect(dossier.lines.filter { if case .quote = $0.target { true } else { false } }.count == DossierView.quoteLimit)
        app.type("G")
        #expect(app.screen.text.contains("… and 3 more quotes: dossier profile mike-pompeo lists them all"))
    }
}

/// The dossier view lists as named with a person exactly what `EntityProfile` (and so `dossier profile`) lists.
struct DossierViewCompanyTests {
    @Test func namedWith_isTheProfilesCompany() throws {
        let corpus = try CorpusLoader.load(paths: [])
        let pompeo = try #require(corpus.entityIndex(id: "mike-pompeo"))
        let view = DossierView(DossierView.Content(gathering: pompeo, in: corpus), palette: EntityPalette(), width: 100)
        let heading = try #require(view.lines.firstIndex { line in
            if case .text(let text, _) = line.parts.first { text.hasPrefix("Named with") } else { false }
        })
        let listed = view.lines[(heading + 1)...].prefix { $0.target != nil }.compactMap { line -> Int? in
            if case .entity(let entity) = line.target { entity } else { nil }
        }
        #expect(!listed.isEmpty)
        #expect(listed == view.profile.company.map(\.entity))
    }
}
