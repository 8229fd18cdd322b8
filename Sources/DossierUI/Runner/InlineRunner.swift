
/// The reader without a terminal or threads, for tests and benchmarks: every message goes
/// through `update`, and the corpus work the effects ask for is done at once, on this thread,
/// its outcome fed back before the next message. What only a terminal's loop can do (quit,
/// draw, open a link, fetch) is handed back to the caller.
public struct InlineRunner {
    /// The state after every message sent so far, and the work it asked for.
    public private(set) var state: AppState
    /// When true, a huge article's whole layout waits for `finishLayouts()`, as it waits for a
    /// thread in the reader, so that what shows meanwhile can be seen.
    public var defersLayouts: Bool
    /// The layouts waiting for `finishLayouts()`.
    public private(set) var deferredLayouts: [ReaderState.LayoutKey] = []

    /// Starts the reader over `state`: it asks for what its first frame needs, which is done now.
    public init(_ state: AppState, defersLayouts: Bool = false) {
        self.state = state
        self.defersLayouts = defersLayouts
        send(.started)
    }

    /// Applies an action and the work it asked for; returns the effects left to a terminal's loop.
    @discardableResult
    public mutating func send(_ action: Action) -> [Effect] {
        perform(update(&state, action))
    }

    /// Applies an outcome and the work it asked for; returns the effects left to a terminal's loop.
    @discardableResult
    public mutating func send(_ outcome: Outcome) -> [Effect] {
        perform(update(&state, outcome))
    }

    /// Types keys in the shared notation (`"/ brown <Enter>"`) through the state's key map;
    /// returns the effects left to a terminal's loop.
    @discardableResult
    public mutating func type(_ notation: String) -> [Effect] {
        Key.sequence(notation).flatMap { send(state.keyMap.action(for: $0, in: state)) }
    }

    /// Wraps the layouts that waited whole, and hands each to the state.
    @discardableResult
    public mutating func finishLayouts() -> [Effect] {
        let keys = deferredLayouts
        deferredLayouts.removeAll()
        return keys.flatMap { key in CorpusWork.outcome(of: .finishLayout(key), for: state).map { send($0) } ?? [] }
    }

    private mutating func perform(_ effects: [Effect]) -> [Effect] {
        var left: [Effect] = []
        for effect in effects {
            if !CorpusWork.handles(effect) {
                left.append(effect)
            } else if defersLayouts, case .finishLayout(let key) = effect {
                deferredLayouts.append(key)
                left.append(effect)
            } else if let outcome = CorpusWork.outcome(of: effect, for: state) {
                left += send(outcome)
            }
        }
        return left
    }
}
