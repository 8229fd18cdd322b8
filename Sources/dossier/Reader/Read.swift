import ArgumentParser
import DossierFormats
import DossierPlatform
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

    private func read(_ loading: BackgroundLoad, in terminal: any TerminalBackend) throws {
        var settings = UserConfig.current.settings
        settings.feeds = FollowedFeeds.read()
        let shown = showLoadingScreen(loading, in: terminal, keyMap: settings.keyMap)
        try exitIfSignalled()
        guard let size = shown else { return }
        let state: AppState
        if let result = loading.result {
            state = AppState(corpus: try result.get(), size: size, settings: settings)
        } else if let preview = loading.preview {
            state = AppState(indexing: preview, size: size, settings: settings)
        } else {
            return
        }
        let loop = ReaderLoop(state: state, terminal: terminal, services: services(loading))
        try loop.run()
        try exitIfSignalled()
    }

    /// A signal other than SIGINT ends the process with 128 + its number; Ctrl-C (SIGINT) leaves as q does.
    private func exitIfSignalled() throws {
        if SignalFlags.stopRequested && SignalFlags.signalNumber != SIGINT {
            throw ExitCode(128 + SignalFlags.signalNumber)
        }
    }

    /// Until the files are found there is nothing to list: a loading screen, and the quit keys to leave.
    /// Returns the terminal's size then, or nil when the user or a signal asked to stop.
    private func showLoadingScreen(_ loading: BackgroundLoad, in terminal: any TerminalBackend, keyMap: KeyMap) -> Size? {
        var size = terminal.size
        while loading.preview == nil && !loading.wait(seconds: 0) {
            if SignalFlags.stopRequested { break }
            terminal.draw(LoadingScreen.render(loading.progress, paths: corpus.pathsOrLibrary, size: size, keyMap: keyMap))
            switch terminal.nextEvent(timeout: ReaderLoop.pollInterval) {
            case .resized(let newSize): size = newSize
            case .key(let key) where keyMap.boundAction(for: key) == .quit: return nil
            default: break
            }
        }
        return SignalFlags.stopRequested ? nil : size
    }

    /// What the reader's loop reaches outside: the clock, the signals, the browser, the feeds, the
    /// load still under way, and the saved place.
    private func services(_ loading: BackgroundLoad) -> ReaderServices {
        let memory = ReaderMemoryFile(paths: { [corpus] in corpus.pathsOrLibrary }, fresh: fresh)
        // The config file's problems are warnings on leaving, with the load's; the first is said now.
        let problems = UserConfig.current.problems
        var notices = problems.first.map { first in
            ["config.toml \(first)" + (problems.count > 1 ? " (and \(problems.count - 1) more, listed on leaving)" : "")]
        } ?? []
        let corpus = corpus
        let shownFrames = Locked(0)
        return ReaderServices(
            clock: { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 },
            stopRequested: { SignalFlags.stopRequested },
            openLink: { Browser.open($0) },
            fetchFeeds: { only in BackgroundFetch(corpus, only: only) },
            correct: { request, corpus in Correct.corrector.outcome(of: request, on: corpus) },
            news: { state in
                // Asked before each frame: from the second on, the first has been shown.
                if shownFrames.change({ $0 += 1 }) >= 2 { loading.checkFiles() }
                var outcomes = state.session.indexing == nil ? [] : try loading.outcomes()
                if let reread = loading.takeReread() { outcomes.append(reread) }
                // The saved place is restored once the corpus is whole, after it has arrived.
                if loading.result != nil, let restored = memory.restorable() { outcomes.append(restored) }
                outcomes += notices.map(Outcome.reported)
                notices.removeAll()
                return outcomes
            },
            turnEnded: { state, isLast in
                // Saved however the loop ends: a signal or an error leaves the place saved too.
                if isLast { memory.save(state) } else { memory.saveNowAndThen(state) }
            })
    }
}
