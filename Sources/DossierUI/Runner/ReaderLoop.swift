
/// The reader's loop, against any terminal: input in, frames out. Every change of the state goes
/// through `update`; the effects it returns are performed here (the corpus work by `CorpusWork`,
/// on this thread or, for the slow kinds, on one of its own), and what comes of them goes back
/// through `update`.
public final class ReaderLoop {
    /// The state as the loop last left it.
    public private(set) var state: AppState
    private let terminal: any TerminalBackend
    private let services: ReaderServices
    private var fetch: (any BackgroundWork)?
    private let reads = OffLoopWork<Int>()
    private let layouts = OffLoopWork<ReaderState.LayoutKey>()
    private var needsDraw = true
    private var quitting = false

    /// How long a turn waits for input: signals are noticed at least this often.
    public static let pollInterval = Duration.milliseconds(100)
    /// How long input that has already arrived is applied before a frame is drawn all the same.
    public static let inputBatchSeconds = 0.05

    /// A loop over `state`, drawing on `terminal` and reaching outside through `services`.
    public init(state: AppState, terminal: any TerminalBackend, services: ReaderServices) {
        self.state = state
        self.terminal = terminal
        self.services = services
    }

    /// Runs until the user quits or `stopRequested`; the last state is seen (`turnEnded`) however it ends.
    public func run() throws {
        defer { services.turnEnded(state, true) }
        send(.started)
        while !quitting && !services.stopRequested() {
            try turn()
        }
    }

    private func turn() throws {
        for outcome in try services.news(state) { send(outcome) }
        send(.tick(services.clock()))
        services.turnEnded(state, false)
        takeBackgroundOutcomes()
        if needsDraw {
            terminal.draw(render(state))
            needsDraw = false
        }
        readInput()
    }

    /// The fetch's news, and the work done off the loop.
    private func takeBackgroundOutcomes() {
        if let running = fetch {
            for outcome in running.takeOutcomes() { send(outcome) }
            if running.isOver { fetch = nil }
        }
        for outcome in [reads.takeOutcome(), layouts.takeOutcome()].compactMap({ $0 }) { send(outcome) }
    }

    /// Applies the input that has arrived: all of it before the next frame (a paste, a held key),
    /// since drawing after each of 100,000 pasted keys would keep the reader busy for minutes.
    private func readInput() {
        guard var event = terminal.nextEvent(timeout: Self.pollInterval) else { return }
        let deadline = services.clock() + Self.inputBatchSeconds
        while true {
            switch event {
            case .resized(let size): send(.resized(size))
            case .key(let key): send(state.keyMap.action(for: key, in: state))
            case .mouse(let mouse): send(.mouse(mouse))
            }
            needsDraw = true
            guard !quitting, !services.stopRequested(), services.clock() < deadline,
                  let next = terminal.nextEvent(timeout: .zero) else { break }
            event = next
        }
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
                terminal.redrawAll()
                needsDraw = true
            case .openLink(let address):
                var outcome = ""
                terminal.handOver { outcome = services.openLink(address) }
                send(.linkOpened(outcome))
            case .fetchFeeds:
                if fetch == nil { fetch = services.fetchFeeds(nil) }
            case .fetchFeed(let address):
                if fetch == nil { fetch = services.fetchFeeds(address) }
            case .correct(let request):
                send(services.correct(request, state.corpus))
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
