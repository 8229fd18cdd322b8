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
        // Load before the screen changes, so warnings about skipped files stay readable on stderr.
        let corpus = try corpus.loadCorpus()
        let session = TerminalSession()
        session.start()
        defer { session.restore() }
        var state = AppState(corpus: corpus, size: session.size)
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
            session.restore()
            throw ExitCode(128 + SignalFlags.signalNumber)
        }
    }
}
