import ArgumentParser
import DossierCore
import DossierTerminal
import DossierUI
import Foundation

/// Opens the interactive reader.
struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the reader (the default).")

    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            Output.error("the reader needs a terminal; without one, use: dossier list, entities, mentions, search, show (with --json for scripts)")
            throw ExitCode(2)
        }
        let loading = BackgroundLoad(corpus)
        let session = TerminalSession()
        // A saved index loads in a blink: wait that long before showing a loading screen at all.
        let quickLoad = loading.wait(seconds: 0.15)
        if quickLoad, case .failure(let error) = loading.result {
            for warning in loading.warnings { Output.warning(warning) }
            throw error
        }
        session.start()
        let outcome = Result { try read(loading, quickLoad: quickLoad, in: session) }
        session.restore()
        // Said only now, so that they stay on the terminal after the reader's screen is gone.
        for warning in loading.warnings { Output.warning(warning) }
        try outcome.get()
    }

    private func read(_ loading: BackgroundLoad, quickLoad: Bool, in session: TerminalSession) throws {
        var size = session.size
        if !quickLoad {
            while !loading.wait(seconds: 0) {
                if SignalFlags.stopRequested { break }
                session.draw(LoadingScreen.render(loading.progress, paths: corpus.paths, size: size))
                switch session.nextEvent() {
                case .resized(let newSize): size = newSize
                case .key(.character("q")), .key(.control("c")): return
                default: break
                }
            }
        }
        if SignalFlags.stopRequested && SignalFlags.signalNumber != SIGINT { throw ExitCode(128 + SignalFlags.signalNumber) }
        guard let result = loading.result, !SignalFlags.stopRequested else { return }
        let corpus = try result.get()
        var state = AppState(corpus: corpus, size: size)
        var needsDraw = true
        while !state.shouldQuit && !SignalFlags.stopRequested {
            if needsDraw {
                session.draw(render(state))
                needsDraw = false
            }
            guard let event = session.nextEvent() else { continue }
            switch event {
            case .resized(let size):
                update(&state, .resized(size))
            case .key(let key):
                guard let action = KeyMap.action(for: key, in: state) else { continue }
                update(&state, action)
            }
            needsDraw = true
        }
        if SignalFlags.stopRequested && SignalFlags.signalNumber != SIGINT {
            throw ExitCode(128 + SignalFlags.signalNumber)
        }
    }
}
