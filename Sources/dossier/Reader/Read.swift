import ArgumentParser
import DossierCore
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
        let settings = UserConfig.current.settings
        let state: AppState
        if let result = loading.result {
            state = AppState(corpus: try result.get(), size: size, settings: settings)
        } else if let preview = loading.preview {
            state = AppState(indexing: preview, size: size, settings: settings)
        } else {
            return
        }
        // The config file's problems are warnings on leaving, with the load's; the first is said now.
        let problems = UserConfig.current.problems
        let notices = problems.first.map { first in
            ["config.toml \(first)" + (problems.count > 1 ? " (and \(problems.count - 1) more, listed on leaving)" : "")]
        } ?? []
        let memory = ReaderMemoryFile(paths: corpus.pathsOrLibrary, fresh: fresh)
        let loop = ReaderLoop(state: state, session: session, loading: loading, corpus: corpus, memory: memory, notices: notices)
        try loop.run()
        if SignalFlags.stopRequested && SignalFlags.signalNumber != SIGINT {
            throw ExitCode(128 + SignalFlags.signalNumber)
        }
    }
}
