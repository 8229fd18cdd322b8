import DossierText

/// Applies an action to the state and returns what the runner is to do for it. Pure: it reads
/// no terminal, file or clock (the time comes as `.tick`, an article's text as `Outcome.textRead`),
/// and it is the only place the state changes.
public func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    // A message stands until the user does something else, so none outlives what it was about.
    if action.isUserAction, !keepsStatus(action) { state.session.status = "" }
    if state.session.indexing != nil, let wait = waitForIndex(action) {
        state.session.status = wait
        return []
    }
    if case .tick(let now) = action {
        let read = state.list.readArticles.count
        state.noteTimePassing(now: now)
        return state.list.readArticles.count == read ? [] : [.draw]
    }
    if state.overlays.showsHelp, state.helpTakes(action) {
        return state.finishUpdate()
    }
    if state.overlays.feedList != nil, let effects = state.feedListTakes(action) {
        return effects + state.finishUpdate()
    }
    if state.overlays.dossier != nil, let effects = state.dossierTakes(action) {
        return effects + state.finishUpdate()
    }
    return state.apply(action) + state.finishUpdate()
}

/// Resizing keeps the message, and so does typing at the prompt, which hides it until the prompt closes.
private func keepsStatus(_ action: Action) -> Bool {
    switch action {
    case .resized, .promptKey: true
    default: false
    }
}

let entityPaneNotice = "the entity pane always shows at 100 columns and wider"

/// While the corpus is indexed, what an action that needs the index says instead of acting.
private func waitForIndex(_ action: Action) -> String? {
    switch action {
    case .nextMention, .previousMention, .nextEntityMention, .previousEntityMention:
        "mentions are linked when indexing is done"
    case .nextMatch, .previousMatch: "search is ready when indexing is done"
    case .toggleEntityView: "entities are ready when indexing is done"
    case .toggleSkippedFiles: "skipped files are known when indexing is done"
    case .toggleRead, .nextUnread, .previousUnread, .markShownRead, .undoRead: "read marks are kept when indexing is done"
    case .toggleFeeds: "your feeds are counted when indexing is done"
    case .openDossier: "dossiers are ready when indexing is done"
    default: nil
    }
}

extension AppState {
    /// What every update ends with: derived state rebuilt, jumps that waited carried out, cursors
    /// back in range; returns the work the runner is to do for what the state now shows.
    mutating func finishUpdate() -> [Effect] {
        refreshDerived()
        return reader.neededWork(isIndexing: session.indexing != nil)
    }

    /// Rebuilds what is derived from the rest of the state, carries out a jump whose wait is over, and
    /// puts every cursor back in range.
    mutating func refreshDerived() {
        refreshReaderLayout()
        refreshMarkedLines()
        reader.takePendingJump(rows: max(1, readerRows))
        clamp()
    }

    /// Keeps every cursor and offset inside what exists and on screen. A pane that is not on
    /// screen keeps its scroll: measured against no rows, it would lose it.
    mutating func clamp() {
        let layout = layout
        list.clamp(visibleRows: layout.articles.map(ScreenLayout.contentRows))
        reader.clamp(rows: readerRows)
        entities.clamp(rowCount: entityRowCount, visibleRows: layout.entities.map { $0.row + $0.rows - EntityPane.listTop(self, in: $0) })
        if var dossier = overlays.dossier {
            dossier.relayout(in: corpus, palette: session.settings.palette, width: session.size.columns)
            let lines = dossier.lines.count
            dossier.selection = min(max(0, dossier.selection), max(0, lines - 1))
            dossier.scroll = scrolled(dossier.scroll, toShow: dossier.selection, rows: max(1, DossierPane.bodyRows(self)), count: lines)
            overlays.update(dossier)
        }
    }
}

/// The first row to show so that `row` is on screen, moving as little as possible, and never
/// leaving rows empty at the bottom while earlier ones are hidden.
func scrolled(_ offset: Int, toShow row: Int, rows: Int, count: Int) -> Int {
    var offset = max(0, offset)
    if row < offset { offset = row }
    if row >= offset + rows { offset = row - rows + 1 }
    return max(0, min(offset, count - rows))
}

extension Int {
    func addingClamped(_ delta: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(delta)
        return overflow ? (delta > 0 ? Int.max / 2 : 0) : sum
    }
}
