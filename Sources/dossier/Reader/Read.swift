import ArgumentParser
import DossierFormats
import DossierTerminal
import DossierUI
import Foundation

/// Opens the interactive reader.
struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the reader (the default).")

    @OptionGroup var corpus: CorpusOptions

    @Flag(help: "Start clean: neither restore the place, read marks and histories saved for this corpus (they are saved again on leaving).")
    var fresh = false

    @Flag(help: "Leave the mouse to the terminal (by default a click selects and the wheel scrolls; Shift with a drag selects text).")
    var noMouse = false

    /// A small corpus or a saved index loads in a blink: the reader waits that long for the whole
    /// corpus before it shows one still being indexed.
    static let quickLoadSeconds = 0.15
    /// How long keys already typed are applied before a frame is drawn all the same.
    static let inputBatchNanoseconds: UInt64 = 50_000_000

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            Output.error("the reader needs a terminal; without one, use: dossier list, entities, mentions, search, show (with --json for scripts)")
            throw ExitCode(2)
        }
        do {
            try TerminalSession.checkTerminal()
        } catch {
            Output.error(error.description)
            throw ExitCode(2)
        }
        // From the start, so that a signal while the corpus loads ends the reader the same way.
        SignalFlags.install()
        let loading = BackgroundLoad(corpus)
        let session = TerminalSession()
        let quickLoad = loading.wait(seconds: Self.quickLoadSeconds)
        if quickLoad, case .failure(let error) = loading.result {
            for warning in loading.warnings { Output.warning(warning) }
            throw error
        }
        session.start(mouse: !noMouse)
        let outcome = Result { try read(loading, in: session) }
        session.restore()
        // Said only now, so that they stay on the terminal after the reader's screen is gone.
        for warning in loading.warnings { Output.warning(warning) }
        try outcome.get()
    }

    private func read(_ loading: BackgroundLoad, in session: TerminalSession) throws {
        var size = session.size
        // Until the files are found there is nothing to list: a loading screen, and q to leave.
        while loading.preview == nil && !loading.wait(seconds: 0) {
            if SignalFlags.stopRequested { break }
            session.draw(LoadingScreen.render(loading.progress, paths: corpus.pathsOrLibrary, size: size))
            switch session.nextEvent() {
            case .resized(let newSize): size = newSize
            case .key(.character("q")), .key(.control("c")): return
            default: break
            }
        }
        if SignalFlags.stopRequested && SignalFlags.signalNumber != SIGINT { throw ExitCode(128 + SignalFlags.signalNumber) }
        guard !SignalFlags.stopRequested else { return }
        var state: AppState
        if let result = loading.result {
            state = AppState(corpus: try result.get(), size: size)
        } else if let preview = loading.preview {
            state = AppState(indexing: preview, size: size)
        } else {
            return
        }
        state.settings = UserConfig.current.settings
        var memory = ReaderMemoryFile(paths: corpus.pathsOrLibrary, fresh: fresh)
        memory.restoreIfReady(&state)
        // The config file's problems are warnings on leaving, with the load's; the first is said now.
        let problems = UserConfig.current.problems
        if let first = problems.first {
            state.status = "config.toml \(first)" + (problems.count > 1 ? " (and \(problems.count - 1) more, listed on leaving)" : "")
        }
        var needsDraw = true
        var fetch: BackgroundFetch?
        let reads = OffLoopWork<Int>()
        let layouts = OffLoopWork<AppState.ReaderLayoutKey>()
        // Said whatever way the loop ends: a signal or an error leaves the place saved too.
        defer { memory.save(state) }
        while !state.shouldQuit && !SignalFlags.stopRequested {
            if state.indexing != nil {
                needsDraw = try follow(loading, into: &state) || needsDraw
                memory.restoreIfReady(&state)
            }
            let readBefore = state.readArticles.count
            update(&state, .tick(Double(DispatchTime.now().uptimeNanoseconds) / 1e9))
            if state.readArticles.count != readBefore { needsDraw = true }
            memory.saveNowAndThen(state)
            if state.redrawRequested {
                session.redrawAll()
                state.redrawRequested = false
                needsDraw = true
            }
            // The file opened while indexing, read on its own, and a huge article's whole layout.
            if let wanted = state.articleToRead {
                reads.request(wanted.index) { .readAlone(index: wanted.index, ArticleParser.readAlone(path: wanted.path, id: wanted.id)) }
            }
            if let wanted = state.layoutToFinish {
                layouts.request(wanted.key) { .laidOut(ReaderLayout(article: wanted.article, width: wanted.key.width), for: wanted.key) }
            }
            if state.fetchRequested, fetch == nil {
                fetch = BackgroundFetch(corpus)
                update(&state, .fetchStarted)
            }
            if let running = fetch {
                for event in running.takeEvents() {
                    update(&state, event)
                    needsDraw = true
                }
                if running.isOver { fetch = nil }
            }
            if let link = state.linkToOpen {
                var outcome = ""
                session.handOver { outcome = Browser.open(link) }
                update(&state, .linkOpened(outcome))
                needsDraw = true
            }
            for event in [reads.takeEvent(), layouts.takeEvent()].compactMap({ $0 }) {
                update(&state, event)
                needsDraw = true
            }
            if needsDraw {
                session.draw(render(state))
                needsDraw = false
            }
            guard var event = session.nextEvent() else { continue }
            // Input that has already arrived (a paste, a held key) is all applied before the next frame:
            // drawing after each of 100,000 pasted keys would keep the reader busy for minutes.
            let deadline = DispatchTime.now().uptimeNanoseconds + Self.inputBatchNanoseconds
            while true {
                switch event {
                case .resized(let size):
                    update(&state, .resized(size))
                case .key(let key):
                    update(&state, state.keyMap.action(for: key, in: state))
                case .mouse(let mouse):
                    update(&state, .mouse(mouse))
                }
                needsDraw = true
                guard !state.shouldQuit, !SignalFlags.stopRequested, DispatchTime.now().uptimeNanoseconds < deadline,
                      let next = session.nextEvent(waiting: false) else { break }
                event = next
            }
        }
        if SignalFlags.stopRequested && SignalFlags.signalNumber != SIGINT {
            throw ExitCode(128 + SignalFlags.signalNumber)
        }
    }

    /// Passes what the load reported since the last turn to the state; true when anything changed.
    private func follow(_ loading: BackgroundLoad, into state: inout AppState) throws -> Bool {
        if let result = loading.result {
            update(&state, .finished(try result.get()))
            return true
        }
        let events = loading.takeEvents()
        for event in events { update(&state, event) }
        return !events.isEmpty
    }
}
