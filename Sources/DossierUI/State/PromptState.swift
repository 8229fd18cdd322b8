/// The status line's prompt while one is open, and what was typed at each kind of prompt before.
public struct PromptState {
    /// The prompt being typed, while one is open.
    public internal(set) var open: Prompt?
    /// What was searched for, the latest last.
    public internal(set) var searchHistory: [String] = []
    /// The commands typed after `:`, the latest last.
    public internal(set) var commandHistory: [String] = []
    /// The filters typed after `F`, the latest last.
    public internal(set) var filterHistory: [String] = []

    /// The names Tab goes through at the command prompt, while the line is the one it last completed.
    public internal(set) var completion: Completion?

    public struct Completion: Equatable {
        var names: [String]
        var index: Int
        /// The prompt's text as the completion left it: typing anything else starts afresh.
        var line: String
    }

    /// Names offered at most, most mentioned first.
    static let completionLimit = 50

    /// Puts a completed line in the open prompt.
    mutating func complete(with completion: Completion, columns: Int) {
        guard var prompt = open else { return }
        prompt.replace(with: completion.line)
        prompt.keepCursorInView(columns: columns - prompt.kind.lead.count)
        open = prompt
        self.completion = completion
    }

    /// Histories keep each line once, the latest last, and at most this many lines.
    static let historyLimit = 200

    /// Opens a prompt of a kind, holding `text` when given (a filter in force, to edit).
    mutating func open(_ kind: Prompt.Kind, holding text: String? = nil, columns: Int) {
        var prompt = Prompt(kind: kind)
        if let text { prompt.replace(with: text) }
        prompt.keepCursorInView(columns: columns - kind.lead.count)
        open = prompt
    }

    /// Scrolls the open prompt so its cursor shows within `columns`.
    mutating func keepCursorInView(columns: Int) {
        guard let lead = open?.kind.lead else { return }
        open?.keepCursorInView(columns: columns - lead.count)
    }

    /// Edits the open prompt with a key; returns the prompt when Enter submits it. Esc closes it,
    /// and so does Backspace in an empty one.
    mutating func edit(_ key: Key, columns: Int) -> Prompt? {
        guard var prompt = open else { return nil }
        // Taken out of the state while it is edited, so that the array is not copied on every key.
        open = nil
        let history = history(of: prompt.kind)
        switch key {
        case .escape: return nil
        case .enter: return prompt
        case .left: prompt.moveLeft()
        case .right: prompt.moveRight()
        case .home, .control("a"): prompt.moveToStart()
        case .end, .control("e"): prompt.moveToEnd()
        case .backspace:
            if prompt.characters.isEmpty { return nil }
            prompt.deleteBackward()
        case .delete: prompt.deleteForward()
        case .control("u"): prompt.deleteToStart()
        case .up, .down:
            guard !history.isEmpty else { break }
            let current = prompt.historyIndex ?? history.count
            let next = key == .up ? max(0, current - 1) : min(history.count, current + 1)
            prompt.historyIndex = next
            prompt.replace(with: next < history.count ? history[next] : "")
        case .character(let character): prompt.insert(character)
        default: break
        }
        prompt.keepCursorInView(columns: columns - prompt.kind.lead.count)
        open = prompt
        return nil
    }

    func history(of kind: Prompt.Kind) -> [String] {
        switch kind {
        case .search: searchHistory
        case .command: commandHistory
        case .filter: filterHistory
        }
    }

    /// Keeps a line in the history of its kind: once, the latest last.
    mutating func remember(_ text: String, in kind: Prompt.Kind) {
        switch kind {
        case .search: Self.remember(text, in: &searchHistory)
        case .command: Self.remember(text, in: &commandHistory)
        case .filter: Self.remember(text, in: &filterHistory)
        }
    }

    /// Puts back histories saved earlier, each cut to the limit.
    mutating func restoreHistories(search: [String], command: [String], filter: [String]) {
        searchHistory = Array(search.suffix(Self.historyLimit))
        commandHistory = Array(command.suffix(Self.historyLimit))
        filterHistory = Array(filter.suffix(Self.historyLimit))
    }

    private static func remember(_ text: String, in history: inout [String]) {
        history.removeAll { $0 == text }
        history.append(text)
        if history.count > historyLimit { history.removeFirst(history.count - historyLimit) }
    }
}
