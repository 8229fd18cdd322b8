/// Everything a user can ask of the reader; `update` turns each into new state.
public enum Action: Equatable, Sendable {
    case quit, toggleHelp, toggleEntities, toggleEntityView, toggleSkippedFiles
    case focusNext, focusPrevious
    case moveDown, moveUp, pageDown, pageUp, top, bottom, activate
    case nextMention, previousMention
    case nextEntityMention, previousEntityMention
    case openSearch, openCommand, nextMatch, previousMatch, cancel
    case back, forward
    case openLink, fetchFeeds
    /// A key typed while the prompt is open.
    case promptKey(Key)
    case resized(Size)
}

/// The panes that can hold the focus, in Tab order.
public enum Pane: String, Equatable, Sendable, CaseIterable {
    case articles, reader, entities
}
