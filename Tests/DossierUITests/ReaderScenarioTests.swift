@testable import DossierUI
import Testing

/// Whole-app scenarios on the seed articles, with snapshots of the screen after the steps that matter.
struct ReaderScenarioTests {
    @Test func startup_at80x24_opensTheFirstArticle() throws {
        let app = try TestApp(size: Size(columns: 80, rows: 24))
        #expect(app.state.reader.openArticle == 0)
        expectSnapshot(app.screen.text, named: "startup-80x24")
    }

    @Test func startup_at140x40_showsThreePanes() throws {
        let app = try TestApp(size: Size(columns: 140, rows: 40))
        #expect(app.state.layout.visiblePanes == [.articles, .reader, .entities])
        expectSnapshot(app.screen.text, named: "startup-140x40")
    }

    @Test func entityJumps_seedSequence_endsAtMention8Of8ThenWraps() throws {
        var app = try TestApp(size: Size(columns: 140, rows: 40))
        app.type(": entity <Space> mike-pompeo <Enter>")
        #expect(app.state.entities.selectedEntity == app.state.corpus.entityIndex(id: "mike-pompeo"))
        for step in 1...8 {
            app.type("]")
            #expect(app.status.hasPrefix("Mike Pompeo: mention \(step)/8"))
        }
        #expect(app.state.corpus.articles[app.state.reader.openArticle].id == "92bab1")
        let riSonGwon = try #require(app.state.corpus.entityIndex(id: "ri-son-gwon"))
        #expect(app.state.entities.inOpenArticle.contains { $0.entity == riSonGwon })
        expectSnapshot(app.screen.text, named: "pompeo-mention-8-of-8")
        app.type("]")
        #expect(app.status.hasPrefix("Mike Pompeo: mention 1/8"))
        #expect(app.state.reader.openArticle == 0)
        app.type("[")
        #expect(app.status.hasPrefix("Mike Pompeo: mention 8/8"))
    }

    @Test func slashSearch_seedSequence_countsMatches() throws {
        var app = try TestApp(size: Size(columns: 100, rows: 30))
        app.type("/ denuclearization <Enter>")
        #expect(app.status.hasPrefix("8 matches in 2 articles"))
        expectSnapshot(app.screen.text, named: "search-denuclearization")
        app.type("n n n n")
        #expect(app.status.hasPrefix("match 5/8"))
        #expect(app.state.reader.openArticle == 1)
        app.type("N")
        #expect(app.status.hasPrefix("match 4/8"))
        #expect(app.state.reader.openArticle == 0)
    }

    @Test func slashSearch_withNoHits_saysSo() throws {
        var app = try TestApp()
        app.type("/ zebra <Enter>")
        #expect(app.status.hasPrefix("no matches for zebra"))
        app.type("n")
        #expect(app.status.hasPrefix("no search"))
    }

    @Test func searchPrompt_editsAndRecallsHistory() throws {
        var app = try TestApp()
        app.type("/ Korea <Enter>")
        app.type("/ abc <Left> <BS> <C-u>")
        #expect(app.state.prompt.open?.text == "c")
        app.type("<Up>")
        #expect(app.state.prompt.open?.text == "Korea")
        app.type("<Esc>")
        #expect(app.state.prompt.open == nil)
        #expect(app.state.reader.search?.result.query == "Korea")
        expectSnapshot(app.screen.text, named: "search-korea-after-cancelled-prompt")
        app.type("<Esc>")
        #expect(app.state.reader.search == nil)
    }

    @Test func searchPrompt_longerThanTheRow_scrollsToKeepTheCursorInView() throws {
        var app = try TestApp(size: Size(columns: 40, rows: 12))
        let pasted = (0..<100).map { "w\($0)" }.joined(separator: " ")
        app.type("/")
        for character in pasted { app.send(.promptKey(.character(character))) }
        #expect(app.state.prompt.open?.text == pasted)
        func row() -> String { app.screen.text.split(separator: "\n").last.map(String.init) ?? "" }
        func cursorColumn() -> Int? { (0..<app.state.session.size.columns).first { app.screen[$0, app.state.session.size.rows - 1].style.reverse } }
        // Past the row's end the view jumps to put the cursor in the middle; the text before it shows.
        #expect(row().contains("w98 w99"), "the end, where the cursor is, shows: \(row())")
        let end = try #require(cursorColumn(), "the cursor is in view")
        #expect(end >= 20, "at or past the middle, where the last jump put it: \(end)")
        app.type("<Home>")
        #expect(row().hasPrefix("|/w0 w1 w2"), "Home shows the start: \(row())")
        #expect(cursorColumn() == 1)
        app.type("<End>")
        #expect(row().hasSuffix("w98 w99 |") && cursorColumn() == 39, "End shows the text up to the cursor in the last cell: \(row())")
        app.type("<Left> <Left> <Left>")
        #expect(cursorColumn() == 36, "the cursor moves within the view without scrolling it")
        app.resize(Size(columns: 20, rows: 12))
        let cursor = try #require(cursorColumn(), "narrower, the cursor is still in view")
        #expect(app.screen[cursor, 11].character == "w" && app.screen[cursor - 1, 11].character == " ", "on the w of w99")
        // Typed past the right edge one key at a time, the cursor never leaves the row.
        app.type("<End>")
        for character in "abcdefghijklmnopqrstuvwxyz" {
            app.send(.promptKey(.character(character)))
            #expect(cursorColumn() != nil, "after \(character)")
        }
        app.type("<Home> <Right> <Right>")
        #expect(cursorColumn() == 3)
    }

    @Test func helpOverlay_listsEveryBinding_scrollingWhenShort_andKeepsKeysFromThePanes() throws {
        var app = try TestApp(size: Size(columns: 120, rows: 30))
        app.type("?")
        expectSnapshot(app.screen.text, named: "help-overlay")
        var seen = app.screen.text
        app.type("<Space>")
        seen += app.screen.text
        for binding in KeyMap.bindings { #expect(seen.contains(KeyMap.standard.help(of: binding)), "\(binding.help)") }
        // Keys meant for the panes do not reach them while the help is open.
        let before = (app.state.list.selection, app.state.reader.openArticle, app.state.session.focus)
        app.type("] <Tab> <Enter> } g")
        #expect((app.state.list.selection, app.state.reader.openArticle, app.state.session.focus) == before)
        #expect(app.state.overlays.showsHelp)
        app.type("<Esc>")
        #expect(!app.state.overlays.showsHelp)
    }

    @Test func helpOverlay_at60x20_scrollsToTheLastKey_withNoFragmentOfThePanes() throws {
        var app = try TestApp(size: Size(columns: 60, rows: 20))
        app.type("?")
        #expect(!app.screen.text.contains("Esc  "), "Esc is below the first page")
        app.type("G")
        let text = app.screen.text
        #expect(text.contains("Esc"))
        #expect(text.contains("Mouse"))
        // Every row but the status line belongs to the help: nothing of the article shows beside it.
        for word in ["Pompeo", "Korea", "Secretary"] { #expect(!text.contains(word), "\(word)") }
        expectSnapshot(text, named: "help-60x20-end")
    }

    @Test func mentionsInArticle_braceKeysStepAndSelect() throws {
        var app = try TestApp(size: Size(columns: 140, rows: 40))
        app.type("}")
        let pompeo = app.state.corpus.entityIndex(id: "mike-pompeo")
        #expect(app.state.reader.currentMention == 0)
        #expect(app.state.entities.selectedEntity == pompeo)
        app.type("} }")
        #expect(app.state.reader.currentMention == 2)
        app.type("{")
        #expect(app.state.reader.currentMention == 1)
        expectSnapshot(app.screen.text, named: "brace-mention-2")
    }

    @Test func entityPane_enterOnAMentionJumpsThere() throws {
        var app = try TestApp(size: Size(columns: 140, rows: 40))
        app.type(": entity <Space> ri-son-gwon <Enter> <Tab> <Tab> G <Enter>")
        #expect(app.state.reader.openArticle == 1)
        #expect(app.status.hasPrefix("Ri Son Gwon: mention 4/4"))
        app.type("<BS>")
        #expect(app.state.reader.openArticle == 0)
        app.type("<C-n>")
        #expect(app.state.reader.openArticle == 1)
    }

    @Test func articleList_enterOpensAndCountsFollowReadingOrder() throws {
        var app = try TestApp()
        app.type("j <Enter>")
        #expect(app.state.reader.openArticle == 1)
        #expect(app.state.session.focus == .reader)
        app.type("G")
        let bottom = app.state.reader.scroll
        #expect(bottom > 0)
        app.type("b")
        #expect(app.state.reader.scroll < bottom)
        app.type("g")
        #expect(app.state.reader.scroll == 0)
        app.type("<Space>")
        #expect(app.state.reader.scroll == 21)  // 22 rows shown, one kept for context
        expectSnapshot(app.screen.text, named: "second-article-paged")
    }

    @Test func commands_openAndErrors() throws {
        var app = try TestApp()
        app.type(": open <Space> south <Space> korea <Space> september <Enter>")
        #expect(app.state.reader.openArticle == 1)
        app.type(": entity <Space> Ri <Enter>")
        #expect(app.status.contains("could be any of"))
        app.type(": frobnicate <Enter>")
        #expect(app.status.hasPrefix("unknown command"))
        app.type(": q <Enter>")
        #expect(app.effects == [.quit])
    }

    @Test func quitKeys_setQuit() throws {
        for keys in ["q", "<C-c>"] {
            var app = try TestApp()
            app.type(keys)
            #expect(app.effects == [.quit], "\(keys)")
        }
    }

    @Test func tabCycles_andNarrowFoldsEntities() throws {
        var app = try TestApp(size: Size(columns: 80, rows: 24))
        #expect(app.state.layout.visiblePanes == [.articles, .reader])
        app.type("<Tab>")
        #expect(app.state.session.focus == .reader)
        app.type("<Tab>")
        #expect(app.state.session.focus == .articles)
        app.type("e")
        #expect(app.state.layout.visiblePanes == [.reader, .entities])
        expectSnapshot(app.screen.text, named: "narrow-entities-shown")
        app.type("<S-Tab>")
        #expect(app.state.layout.visiblePanes.contains(app.state.session.focus))
    }

    @Test func tinyTerminal_20x6_showsOnePane() throws {
        var app = try TestApp(size: Size(columns: 20, rows: 6))
        expectSnapshot(app.screen.text, named: "tiny-20x6")
        app.type("<Tab>")
        #expect(app.state.layout.visiblePanes == [.reader])
    }

    @Test func resizeMidRun_relaysOut() throws {
        var app = try TestApp(size: Size(columns: 140, rows: 40))
        app.type("/ Trump <Enter> n n")
        app.resize(Size(columns: 60, rows: 20))
        #expect(app.status.hasPrefix("match 3/"))
        expectSnapshot(app.screen.text, named: "resized-60x20")
    }

    @Test func everySize_andEveryKey_neverCrashes() throws {
        var app = try TestApp(size: Size(columns: 140, rows: 40))
        let keys = KeyMap.bindings.flatMap(\.keys).filter { $0 != .character("q") && $0 != .control("c") }
        for (columns, rows) in [(1, 1), (19, 5), (20, 6), (33, 7), (59, 11), (60, 12), (99, 30), (100, 12)] {
            app.resize(Size(columns: columns, rows: rows))
            for key in keys {
                if let action = KeyMap.action(for: key, in: app.state) { app.send(action) }
                if app.state.prompt.open != nil { app.send(.promptKey(.escape)) }
                let screen = app.screen
                #expect(screen.size == Size(columns: columns, rows: rows))
            }
        }
    }
}

extension ReaderScenarioTests {
    @Test func entityPane_quotesView_listsAndJumpsToQuotes() throws {
        var app = try TestApp(size: Size(columns: 140, rows: 40))
        app.type(": entity <Space> heather-nauert <Enter> v")
        #expect(app.state.entities.view == .quotes)
        let nauert = try #require(app.state.corpus.entityIndex(id: "heather-nauert"))
        #expect(app.state.entityRows.filter { if case .quote = $0 { true } else { false } }.count == app.state.corpus.quotesByEntity[nauert].count)
        expectSnapshot(app.screen.text, named: "entity-quotes-nauert")
        app.type("<Tab> <Tab> G <Enter>")
        #expect(app.status.hasPrefix("Heather Nauert: quote 1/1"))
        #expect(app.state.session.focus == .reader)
        app.type("v")
        #expect(app.state.entities.view == .mentions)
    }
}
