/// The one table of key bindings: dispatch, the help overlay and the README all come from it.
public enum KeyMap {
    public struct Binding: Sendable {
        public let action: Action
        public let keys: [Key]
        public let help: String
    }

    public static let bindings: [Binding] = [
        Binding(action: .quit, keys: keys("q <C-c>"), help: "quit"),
        Binding(action: .toggleHelp, keys: keys("?"), help: "show or hide this help (Esc closes it)"),
        Binding(action: .focusNext, keys: keys("<Tab>"), help: "focus the next pane"),
        Binding(action: .focusPrevious, keys: keys("<S-Tab>"), help: "focus the previous pane"),
        Binding(action: .moveDown, keys: keys("j <Down>"), help: "move down, or scroll the reader"),
        Binding(action: .moveUp, keys: keys("k <Up>"), help: "move up, or scroll the reader"),
        Binding(action: .pageDown, keys: keys("<Space> <PgDn>"), help: "page down"),
        Binding(action: .pageUp, keys: keys("b <PgUp>"), help: "page up"),
        Binding(action: .top, keys: keys("g <Home>"), help: "go to the top"),
        Binding(action: .bottom, keys: keys("G <End>"), help: "go to the bottom"),
        Binding(action: .activate, keys: keys("<Enter>"), help: "open the article, select the entity, or jump to the mention"),
        Binding(action: .nextMention, keys: keys("}"), help: "next mention of anyone in this article"),
        Binding(action: .previousMention, keys: keys("{"), help: "previous mention of anyone in this article"),
        Binding(action: .nextEntityMention, keys: keys("]"), help: "next mention of the selected entity, in any article"),
        Binding(action: .previousEntityMention, keys: keys("["), help: "previous mention of the selected entity, in any article"),
        Binding(action: .openSearch, keys: keys("/"), help: "search (↑/↓ history, Esc cancels)"),
        Binding(action: .nextMatch, keys: keys("n"), help: "next search match, in any article"),
        Binding(action: .previousMatch, keys: keys("N"), help: "previous search match"),
        Binding(action: .openCommand, keys: keys(":"), help: "command: :entity NAME, :open ARTICLE, :help, :q"),
        Binding(action: .back, keys: keys("<BS> <C-o>"), help: "back through the jump history"),
        Binding(action: .forward, keys: keys("<C-f>"), help: "forward through the jump history"),
        Binding(action: .toggleEntities, keys: keys("e"), help: "show or hide the entity pane (when narrow)"),
        Binding(action: .toggleEntityView, keys: keys("v"), help: "entity pane: list the selected entity's mentions or quotes"),
        Binding(action: .toggleSkippedFiles, keys: keys("!"), help: "list the files that were skipped, and why"),
        Binding(action: .openLink, keys: keys("o"), help: "open the article's web address in $BROWSER (else xdg-open)"),
        Binding(action: .fetchFeeds, keys: keys("R"), help: "fetch your feeds in the background; new articles join the list"),
        Binding(action: .cancel, keys: keys("<Esc>"), help: "close help, clear the search"),
    ]

    private static let actionsByKey: [Key: Action] = {
        var table: [Key: Action] = [:]
        for binding in bindings { for key in binding.keys { table[key] = binding.action } }
        return table
    }()

    /// The action for a key, given what is open: an open prompt takes every key first.
    public static func action(for key: Key, in state: AppState) -> Action? {
        if state.prompt != nil { return .promptKey(key) }
        if state.showHelp, key == .escape || key == .character("?") || key == .character("q") { return .toggleHelp }
        if state.showSkippedFiles, key == .escape || key == .character("!") || key == .character("q") { return .toggleSkippedFiles }
        return actionsByKey[key]
    }

    private static func keys(_ notation: String) -> [Key] {
        notation.split(separator: " ").compactMap { Key(notation: String($0)) }
    }
}
