/// The one table of key bindings: dispatch, the help overlay, the hints in the status line and
/// the overlays, and the README all come from it. The config file may bind other keys to an
/// action (`KeyMap.rebinding`); the table stays one.
public struct KeyMap: Sendable, Equatable {
    public struct Binding: Sendable, Equatable {
        public let action: Action
        public let keys: [Key]
        /// What the action does, for the help; `{name}` in it stands for the key of the action
        /// named `name` (`KeyMap.help(of:)` fills it in).
        public let help: String
        /// The action's name in the config file's [keys] table.
        public let name: String
    }

    public private(set) var bindings: [Binding]
    private var actionsByKey: [Key: Action]

    public init(bindings: [Binding]) {
        self.bindings = bindings
        var table: [Key: Action] = [:]
        for binding in bindings { for key in binding.keys { table[key] = binding.action } }
        actionsByKey = table
    }

    public static let standard = KeyMap(bindings: [
        Binding(action: .quit, keys: keys("q <C-c>"), help: "quit", name: "quit"),
        Binding(action: .toggleHelp, keys: keys("?"), help: "show or hide this help ({cancel} closes it)", name: "help"),
        Binding(action: .focusNext, keys: keys("<Tab>"), help: "focus the next pane", name: "focus-next"),
        Binding(action: .focusPrevious, keys: keys("<S-Tab>"), help: "focus the previous pane", name: "focus-previous"),
        Binding(action: .moveDown, keys: keys("j <Down>"), help: "move down, or scroll the reader", name: "down"),
        Binding(action: .moveUp, keys: keys("k <Up>"), help: "move up, or scroll the reader", name: "up"),
        Binding(action: .pageDown, keys: keys("<Space> <PgDn> <C-f>"), help: "page down", name: "page-down"),
        Binding(action: .pageUp, keys: keys("b <PgUp> <C-b>"), help: "page up", name: "page-up"),
        Binding(action: .halfPageDown, keys: keys("<C-d>"), help: "half a page down", name: "half-page-down"),
        Binding(action: .halfPageUp, keys: keys("<C-u>"), help: "half a page up", name: "half-page-up"),
        Binding(action: .top, keys: keys("g <Home>"), help: "go to the top", name: "top"),
        Binding(action: .bottom, keys: keys("G <End>"), help: "go to the bottom", name: "bottom"),
        Binding(action: .activate, keys: keys("<Enter>"), help: "open the article, select the entity, or jump to the mention", name: "open"),
        Binding(action: .nextMention, keys: keys("}"), help: "next mention of anyone in this article", name: "next-mention"),
        Binding(action: .previousMention, keys: keys("{"), help: "previous mention of anyone in this article", name: "previous-mention"),
        Binding(action: .nextEntityMention, keys: keys("]"), help: "next mention of the selected entity, in any listed article", name: "next-entity-mention"),
        Binding(action: .previousEntityMention, keys: keys("["), help: "previous mention of the selected entity, in any listed article", name: "previous-entity-mention"),
        Binding(action: .openSearch, keys: keys("/"), help: "search (↑/↓ history, Esc cancels)", name: "search"),
        Binding(action: .nextMatch, keys: keys("n"), help: "next search match, in any listed article", name: "next-match"),
        Binding(action: .previousMatch, keys: keys("N"), help: "previous search match, in any listed article", name: "previous-match"),
        Binding(action: .openFilter, keys: keys("F"), help: "filter the list: mentions:NAME source:S since:DATE unread (empty clears)", name: "filter"),
        Binding(action: .toggleRead, keys: keys("u"), help: "mark the article read or unread", name: "toggle-read"),
        Binding(action: .nextUnread, keys: keys(">"), help: "next unread article in the list", name: "next-unread"),
        Binding(action: .previousUnread, keys: keys("<lt>"), help: "previous unread article in the list", name: "previous-unread"),
        Binding(action: .markShownRead, keys: keys("A"), help: "mark every article the list shows read (filter first for one feed's)", name: "mark-shown-read"),
        Binding(action: .undoRead, keys: keys("U"), help: "take back the last {mark-shown-read}", name: "undo-read"),
        Binding(action: .openDossier, keys: keys("D"), help: "the selected entity's dossier: timeline, company, quotes", name: "dossier"),
        Binding(action: .openCommand, keys: keys(":"), help: "command: :filter, :sort date|source|title|mentions, :dossier, :entity, :open, :q", name: "command"),
        Binding(action: .back, keys: keys("<BS> <C-o>"), help: "back through the jump history", name: "back"),
        Binding(action: .forward, keys: keys("<C-n>"), help: "forward through the jump history (Ctrl-I is Tab)", name: "forward"),
        Binding(action: .toggleEntities, keys: keys("e"), help: "show or hide the entity pane (when narrow)", name: "toggle-entities"),
        Binding(action: .toggleEntityView, keys: keys("v"), help: "entity pane: list the selected entity's mentions or quotes", name: "toggle-entity-view"),
        Binding(action: .toggleSkippedFiles, keys: keys("!"), help: "list the files that were skipped, and what was passed over in the others, and why", name: "skipped-files"),
        Binding(action: .openLink, keys: keys("o"), help: "open the article's web address in $BROWSER (else xdg-open)", name: "open-link"),
        Binding(action: .fetchFeeds, keys: keys("R"), help: "fetch your feeds in the background; new articles join the list", name: "fetch"),
        Binding(action: .toggleFeeds, keys: keys("L"), help: "your feeds: unread, total, last fetch (Enter shows one, {mark-shown-read} marks it read, {fetch} fetches it)", name: "feeds"),
        Binding(action: .redraw, keys: keys("<C-l>"), help: "redraw the screen", name: "redraw"),
        Binding(action: .cancel, keys: keys("<Esc>"), help: "close help or the dossier, clear the search", name: "cancel"),
    ])

    /// The same table with `keys` bound to the action named `name` in place of its own keys; a
    /// key taken from another action leaves that action.
    public func rebinding(_ name: String, to keys: [Key]) -> KeyMap? {
        guard let index = bindings.firstIndex(where: { $0.name == name }) else { return nil }
        var changed = bindings.map { binding in
            Binding(action: binding.action, keys: binding.keys.filter { !keys.contains($0) }, help: binding.help, name: binding.name)
        }
        let old = changed[index]
        changed[index] = Binding(action: old.action, keys: keys, help: old.help, name: old.name)
        return KeyMap(bindings: changed)
    }

    /// The action for a key, given what is open: an open prompt takes every key first; while an
    /// overlay is open, the keys of cancel and of quit close it (and so does the overlay's own
    /// key, for the help and the skipped files); a key bound to nothing is reported as such.
    public func action(for key: Key, in state: AppState) -> Action {
        if state.prompt.open != nil { return .promptKey(key) }
        let bound = actionsByKey[key]
        if state.overlays.showsHelp, closesOverlay(bound, toggledBy: .toggleHelp) { return .toggleHelp }
        if state.overlays.showsSkippedFiles, closesOverlay(bound, toggledBy: .toggleSkippedFiles) { return .toggleSkippedFiles }
        if state.overlays.feedList != nil, closesOverlay(bound, toggledBy: .toggleFeeds) { return .toggleFeeds }
        if state.overlays.dossier != nil, closesOverlay(bound, toggledBy: .cancel) { return .cancel }
        return bound ?? .unbound(key)
    }

    /// The action a key is bound to, whatever is open; nil for a key bound to nothing.
    public func boundAction(for key: Key) -> Action? {
        actionsByKey[key]
    }

    private func closesOverlay(_ bound: Action?, toggledBy toggle: Action) -> Bool {
        bound == toggle || bound == .cancel || bound == .quit
    }

    /// The key that hints name for an action: the first bound to it, in the help's notation ("v",
    /// "Esc", "Space", "Ctrl-L"); for an action bound to no key, its name in the config file's
    /// [keys] table, marked as such.
    public func hint(for action: Action) -> String {
        guard let binding = bindings.first(where: { $0.action == action }) else { return "(no key)" }
        return binding.keys.first?.notation ?? "(no key: \(binding.name))"
    }

    /// A binding's help, with each `{name}` in it replaced by the key of the action named `name`.
    public func help(of binding: Binding) -> String {
        guard binding.help.contains("{") else { return binding.help }
        var text = binding.help
        for other in bindings where text.contains("{\(other.name)}") {
            text = text.replacing("{\(other.name)}", with: hint(for: other.action))
        }
        return text
    }

    /// The action for a key under the state's own key map.
    public static func action(for key: Key, in state: AppState) -> Action? {
        state.keyMap.action(for: key, in: state)
    }

    /// The standard table's bindings.
    public static var bindings: [Binding] { standard.bindings }

    private static func keys(_ notation: String) -> [Key] {
        notation.split(separator: " ").compactMap { Key(notation: String($0)) }
    }
}
