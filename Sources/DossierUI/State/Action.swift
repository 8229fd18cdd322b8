/// Everything a user can ask of the reader; `update` turns each into new state.
public enum Action: Equatable, Sendable {
    case quit, toggleHelp, toggleEntities, toggleEntityView, toggleSkippedFiles, toggleFeeds
    case focusNext, focusPrevious
    case moveDown, moveUp, pageDown, pageUp, halfPageDown, halfPageUp, top, bottom, activate
    case nextMention, previousMention
    case nextEntityMention, previousEntityMention
    case openSearch, openCommand, openFilter, nextMatch, previousMatch, cancel
    case toggleRead, nextUnread, previousUnread, markShownRead, undoRead
    case openDossier
    case back, forward
    case openLink, fetchFeeds, redraw
    /// A key typed while the prompt is open.
    case promptKey(Key)
    /// A key bound to nothing: the status line says so.
    case unbound(Key)
    case resized(Size)
    /// A mouse button or wheel at a cell of the screen.
    case mouse(MouseEvent)
    /// Time passes, in seconds on a clock that only goes forward: an article open for
    /// `ListState.readAfterSeconds` is marked read.
    case tick(Double)

    /// True for what a user does; a tick leaves the status line as it was.
    var isUserAction: Bool {
        if case .tick = self { return false }
        return true
    }
}

/// A click or a turn of the wheel, at a 0-based cell.
public struct MouseEvent: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case press, wheelUp, wheelDown
    }

    public let kind: Kind
    public let column: Int
    public let row: Int

    public init(_ kind: Kind, column: Int, row: Int) {
        self.kind = kind
        self.column = column
        self.row = row
    }
}

/// The panes that can hold the focus, in Tab order.
public enum Pane: String, Equatable, Sendable, CaseIterable, Codable {
    case articles, reader, entities
}
