/// The search or command prompt on the status line: what was typed, where the cursor is, and
/// which part of it shows.
///
/// A paste of 100,000 characters arrives as 100,000 keys, so no key may cost the length of
/// the text or of the row: the text is kept as Characters edited in place, and the columns
/// between the first one shown and the cursor are kept as keys change them. When the cursor
/// runs past the row's end the view jumps to put it in the middle, so a row's worth of
/// measuring is paid once every half row typed.
public struct Prompt: Equatable {
    public enum Kind: Equatable {
        case search, command, filter

        /// What stands before the text on the status line.
        public var lead: String {
            switch self {
            case .search: "/"
            case .command: ":"
            case .filter: "filter: "
            }
        }
    }
    public let kind: Kind
    public private(set) var characters: [Character] = []
    public var text: String { String(characters) }
    /// Cursor position in Characters.
    public private(set) var cursor = 0
    /// The first Character shown.
    public private(set) var scroll = 0
    /// Columns taken by the Characters from `scroll` to `cursor`.
    private var cursorColumn = 0
    /// True after the cursor jumped (End, a recalled line): the view is laid out anew to end at it.
    private var viewIsStale = false
    /// Position in the history while browsing it with Up and Down; nil when editing.
    public internal(set) var historyIndex: Int?

    public init(kind: Kind) {
        self.kind = kind
    }

    mutating func insert(_ character: Character) {
        characters.insert(character, at: cursor)
        cursor += 1
        cursorColumn += character.terminalWidth
    }

    mutating func moveLeft() {
        guard cursor > 0 else { return }
        cursor -= 1
        cursorColumn -= characters[cursor].terminalWidth
    }

    mutating func moveRight() {
        guard cursor < characters.count else { return }
        cursorColumn += characters[cursor].terminalWidth
        cursor += 1
    }

    mutating func deleteBackward() {
        guard cursor > 0 else { return }
        moveLeft()
        characters.remove(at: cursor)
    }

    mutating func deleteForward() {
        if cursor < characters.count { characters.remove(at: cursor) }
    }

    mutating func moveToStart() {
        cursor = 0
        scroll = 0
        cursorColumn = 0
    }

    mutating func moveToEnd() {
        cursor = characters.count
        viewIsStale = true
    }

    /// Ctrl-U: the text before the cursor goes.
    mutating func deleteToStart() {
        characters.removeFirst(cursor)
        moveToStart()
    }

    /// A line recalled from the history, with the cursor at its end.
    mutating func replace(with text: String) {
        characters = Array(text)
        moveToEnd()
    }

    /// Scrolls so that the cursor's cell lies within `columns` (the row less the prompt's lead).
    mutating func keepCursorInView(columns: Int) {
        let columns = max(1, columns)
        if viewIsStale || cursor < scroll {
            // The view ends at the cursor, as much of the text before it shown as fits.
            viewIsStale = false
            (scroll, cursorColumn) = start(showing: columns - 1)
        } else if cursorColumn + 1 > columns {
            (scroll, cursorColumn) = start(showing: columns / 2)
        }
    }

    /// The first Character of a view that shows at most `columns` columns before the cursor, and the columns it shows.
    private func start(showing columns: Int) -> (first: Int, columns: Int) {
        var used = 0
        var first = cursor
        while first > 0 {
            let width = characters[first - 1].terminalWidth
            if used + width > columns { break }
            used += width
            first -= 1
        }
        return (first, used)
    }
}
