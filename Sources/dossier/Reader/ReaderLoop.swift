import DossierCore
import DossierTerminal
import DossierUI
import Foundation

/// The reader's loop: keys in, frames out. Every change of the state goes through `update`; the
/// effects it returns are performed here, and what comes of them goes back through `update`.
final class ReaderLoop {
    private(set) var state: AppState
    private let session: TerminalSession
    private let loading: BackgroundLoad
    private let corpus: CorpusOptions
    private var memory: ReaderMemoryFile
    /// Lines for the status bar said before the first frame (the config file's problems).
    private var notices: [String]
    private var fetch: BackgroundFetch?
    private let reads = OffLoopWork<Int>()
    private let layouts = OffLoopWork<ReaderState.LayoutKey>()
    private var needsDraw = true
    private var quitting = false

    /// How long keys already typed are applied before a frame is drawn all the same.
    static let inputBatchNanoseconds: UInt64 = 50_000_000

    init(state: AppState, session: TerminalSession, loading: BackgroundLoad, corpus: CorpusOptions, memory: ReaderMemoryFile,
         notices: [String]) {
        self.state = state
        self.session = session
        self.loading = loading
        self.corpus = corpus
        self.memory = memory
        self.notices = notices
    }

    /// Runs until the user quits or a signal asks the reader to stop; the place is saved however it ends.
    func run() throws {
        // Saved whatever way the loop ends: a signal or an error leaves the place saved too.
        defer { memory.save(state) }
        send(.started)
        while !quitting && !SignalFlags.stopRequested {
            try turn()
        }
    }

    private func turn() throws {
        try followTheLoad()
        if let restored = memory.restorable(into: state) { send(restored) }
        for notice in notices { send(.reported(notice)) }
        notices.removeAll()
        send(.tick(Double(DispatchTime.now().uptimeNanoseconds) / 1e9))
        memory.saveNowAndThen(state)
        if let running = fetch {
            for outcome in running.takeEvents() { send(outcome) }
            if running.isOver { fetch = nil }
        }
        for outcome in [reads.takeEvent(), layouts.takeEvent()].compactMap({ $0 }) { send(outcome) }
        if needsDraw {
            session.draw(render(state))
            needsDraw = false
        }
        readInput()
    }

    /// Applies the input that has arrived: all of it before the next frame (a paste, a held key),
    /// since drawing after each of 100,000 pasted keys would keep the reader busy for minutes.
    private func readInput() {
        guard var event = session.nextEvent() else { return }
        let deadline = DispatchTime.now().uptimeNanoseconds + Self.inputBatchNanoseconds
        while true {
            switch event {
            case .resized(let size): send(.resized(size))
            case .key(let key): send(state.keyMap.action(for: key, in: state))
            case .mouse(let mouse): send(.mouse(mouse))
            }
            needsDraw = true
            guard !quitting, !SignalFlags.stopRequested, DispatchTime.now().uptimeNanoseconds < deadline,
                  let next = session.nextEvent(waiting: false) else { break }
            event = next
        }
    }

    /// Passes what the load reported since the last turn to the state.
    private func followTheLoad() throws {
        guard state.session.indexing != nil else { return }
        if let result = loading.result {
            send(.finished(try result.get()))
            return
        }
        for outcome in loading.takeEvents() { send(outcome) }
    }

    private func send(_ action: Action) {
        perform(update(&state, action))
    }

    private func send(_ outcome: Outcome) {
        perform(update(&state, outcome))
        needsDraw = true
    }

    private func perform(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .quit: quitting = true
            case .draw: needsDraw = true
            case .redrawAll:
                session.redrawAll()
                needsDraw = true
            case .openLink(let url):
                var outcome = ""
                session.handOver { outcome = Browser.open(url) }
                send(.linkOpened(outcome))
            case .fetchFeeds:
                if fetch == nil { fetch = BackgroundFetch(corpus) }
            case .readAlone(let article):
                let corpus = state.corpus
                reads.request(article) { .textRead(CorpusWork.readAlone(article, of: corpus)) }
            case .finishLayout(let key):
                guard let content = state.reader.content, content.index == key.article else { continue }
                layouts.request(key) { CorpusWork.layOut(content, for: key) }
            case .readText, .placeMatches, .search, .gatherDossier:
                if let outcome = CorpusWork.outcome(of: effect, for: state) { send(outcome) }
            }
        }
    }
}
