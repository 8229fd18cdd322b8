import DossierUI
import Testing

/// The reader's real loop, driven through a recording terminal: scripted input in, frames out,
/// and the effects performed by the loop (quitting, links, fetches, redraws).
struct ReaderLoopTests {
    /// A fetch that reports one step a turn, then finishes.
    final class ScriptedFetch: BackgroundWork {
        private var steps: [[Outcome]]
        init(_ steps: [[Outcome]]) { self.steps = steps }
        func takeOutcomes() -> [Outcome] { steps.isEmpty ? [] : steps.removeFirst() }
        var isOver: Bool { steps.isEmpty }
    }

    /// What the loop asked of the world outside, for the tests to see.
    final class Outside {
        var linksOpened: [String] = []
        var fetchesStarted = 0
        var lastState: AppState?
        var fetchSteps: [[Outcome]] = []

        func services(stoppingWhen terminal: RecordingTerminal) -> ReaderServices {
            ReaderServices(
                clock: { 0 },
                stopRequested: { terminal.isDrained },
                openLink: { address in
                    self.linksOpened.append(address)
                    return "opened \(address)"
                },
                fetchFeeds: { _ in
                    self.fetchesStarted += 1
                    return ScriptedFetch(self.fetchSteps)
                },
                turnEnded: { state, isLast in if isLast { self.lastState = state } })
        }
    }

    static func run(_ state: AppState, _ terminal: RecordingTerminal, _ outside: Outside = Outside()) throws -> Outside {
        try ReaderLoop(state: state, terminal: terminal, services: outside.services(stoppingWhen: terminal)).run()
        return outside
    }

    @Test func search_andAJump_drawTheFramesTheInlineReaderDraws_andQEndsTheLoop() throws {
        let size = Size(columns: 80, rows: 24)
        let terminal = RecordingTerminal(size: size, typing: "/ kim <Enter> | ] | q j j")
        let outside = try Self.run(try TestApp(size: size).state, terminal)
        #expect(terminal.frames.count == 3)
        expectSnapshot(terminal.frames[0].text, named: "startup-80x24")
        var app = try TestApp(size: size)
        app.type("/ kim <Enter>")
        #expect(app.status.contains("matches in"))
        #expect(terminal.frames[1] == app.screen)
        app.type("]")
        #expect(terminal.frames[2] == app.screen)
        #expect(terminal.stepsLeft == 3, "the keys after q are never read")
        #expect(outside.lastState?.reader.search?.result.query == "kim", "the last state is seen when the loop ends")
    }

    @Test func aResize_drawsTheNextFrameAtTheNewSize() throws {
        let terminal = RecordingTerminal(size: Size(columns: 140, rows: 40), script: [
            .event(.resized(Size(columns: 60, rows: 20))), .idle, .event(.key(.character("q"))),
        ])
        _ = try Self.run(try TestApp(size: Size(columns: 140, rows: 40)).state, terminal)
        #expect(terminal.frames.map(\.size) == [Size(columns: 140, rows: 40), Size(columns: 60, rows: 20)])
        var app = try TestApp(size: Size(columns: 140, rows: 40))
        app.resize(Size(columns: 60, rows: 20))
        #expect(terminal.lastFrame == app.screen)
    }

    @Test func aLink_isHandedToTheOpener_withTheTerminalHandedOver() throws {
        let terminal = RecordingTerminal(size: Size(columns: 100, rows: 24), typing: "o | q")
        let outside = try Self.run(try OpenLinkTests.app(url: "https://desk.example/talks").state, terminal)
        #expect(outside.linksOpened == ["https://desk.example/talks"])
        #expect(terminal.handOvers == 1)
        #expect(terminal.lastFrame?.text.contains("opened https://desk.example/talks") == true)
    }

    @Test func fetchKeys_startOneFetch_whoseProgressAndEndAreShown() throws {
        let terminal = RecordingTerminal(size: Size(columns: 100, rows: 24), typing: "R R | | | q")
        let outside = Outside()
        outside.fetchSteps = [[.fetchProgressed(done: 1, total: 2)], [.fetchFinished(summary: "fetched 2 feeds: no new articles", corpus: nil)]]
        _ = try Self.run(try TestApp(size: Size(columns: 100, rows: 24)).state, terminal, outside)
        #expect(outside.fetchesStarted == 1)
        let statuses = terminal.frames.map { $0.text.split(separator: "\n").last.map(String.init) ?? "" }
        #expect(statuses.contains { $0.contains("fetching your feeds: 1/2") })
        #expect(statuses.last?.contains("fetched 2 feeds: no new articles") == true)
        #expect(outside.lastState?.session.isFetching == false)
    }

    @Test func ctrlL_repaintsTheWholeTerminal() throws {
        let terminal = RecordingTerminal(size: Size(columns: 80, rows: 24), typing: "<C-l> | q")
        _ = try Self.run(try TestApp().state, terminal)
        #expect(terminal.redrawsAll == 1)
        #expect(terminal.frames.count == 2, "and draws the frame again")
    }

    @Test func theEndOfInputWithoutQ_endsTheLoopWhenStopIsAsked() throws {
        let terminal = RecordingTerminal(size: Size(columns: 80, rows: 24), typing: "j")
        let outside = try Self.run(try TestApp().state, terminal)
        #expect(terminal.isDrained)
        #expect(outside.lastState?.list.selection == 1)
    }
}
