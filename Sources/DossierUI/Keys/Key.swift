/// A key press, in Dossier's own terms: the backend maps ncurses codes to these,
/// so the UI core never sees an ncurses constant.
public enum Key: Hashable, Sendable {
    case character(Character)
    case control(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, pageUp, pageDown, home, end

    /// Parses one key in the notation bindings and tests share: "q", "<Enter>", "<Esc>", "<C-o>", "<PgDn>".
    public init?(notation: String) {
        if notation.count == 1, let character = notation.first {
            self = .character(character)
            return
        }
        guard notation.hasPrefix("<"), notation.hasSuffix(">") else { return nil }
        let name = String(notation.dropFirst().dropLast())
        if name.hasPrefix("C-"), name.count == 3, let character = name.last {
            self = .control(Character(character.lowercased()))
            return
        }
        let named: [String: Key] = [
            "Enter": .enter, "Esc": .escape, "Tab": .tab, "S-Tab": .backTab, "BS": .backspace, "Del": .delete,
            "Up": .up, "Down": .down, "Left": .left, "Right": .right, "PgUp": .pageUp, "PgDn": .pageDown,
            "Home": .home, "End": .end, "Space": .character(" "), "lt": .character("<"),
        ]
        guard let key = named[name] else { return nil }
        self = key
    }

    /// Keys from a space-separated sequence: `"/ brown <Enter>"` types "/", "brown" letter by letter, then Enter.
    public static func sequence(_ notation: String) -> [Key] {
        notation.split(separator: " ").flatMap { word -> [Key] in
            if let key = Key(notation: String(word)) { return [key] }
            return word.map { Key.character($0) }
        }
    }

    /// The notation of this key, for the help overlay.
    public var notation: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .control(let character): "Ctrl-\(character.uppercased())"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        }
    }
}
