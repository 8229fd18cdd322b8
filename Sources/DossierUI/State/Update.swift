import DossierCore

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
    if state.overlays.dossier != nil, let effects = state.dossierTakes(action) {
        return effects + state.finishUpdate()
    }
    var effects: [Effect] = []
    switch action {
    case .quit: effects = [.quit]
    case .openLink: effects = state.openLink()
    case .fetchFeeds:
        if state.session.isFetching {
            state.session.status = "already fetching your feeds"
        } else {
            state.session.isFetching = true
            state.session.status = "fetching your feeds…"
            effects = [.fetchFeeds]
        }
    case .toggleHelp:
        state.overlays.toggleHelp()
    case .toggleSkippedFiles:
        if state.corpus.skipped.isEmpty && !state.overlays.showsSkippedFiles {
            state.session.status = "no files were skipped"
        } else {
            state.overlays.showSkippedFiles(!state.overlays.showsSkippedFiles)
        }
    case .toggleEntities:
        guard state.session.size.columns < 100 else {
            state.session.status = entityPaneNotice
            break
        }
        state.session.showsEntitiesWhenNarrow.toggle()
        if !state.layout.visiblePanes.contains(state.session.focus) { state.session.focus = .reader }
        state.refreshReaderLayout()
    case .toggleEntityView:
        state.entities.toggleView()
        if let entity = state.entities.selectedEntity {
            let name = state.corpus.entities[entity].name
            state.session.status = state.entities.view == .quotes
                ? "\(name): \(Counted.phrase(state.corpus.quotesByEntity[entity].count, "quote")) · v for mentions"
                : "\(name): \(Counted.phrase(state.corpus.mentionsByEntity[entity].count, "mention")) · v for quotes"
        } else {
            state.session.status = "no entity selected: the pane will list its \(state.entities.view == .quotes ? "quotes" : "mentions")"
        }
    case .focusNext, .focusPrevious:
        // With one pane on screen, Tab brings the next pane in its place.
        let panes = state.layout.visiblePanes.count > 1 ? state.layout.visiblePanes : Pane.allCases
        let index = panes.firstIndex(of: state.session.focus) ?? 0
        let step = action == .focusNext ? 1 : panes.count - 1
        state.session.focus = panes[(index + step) % panes.count]
    case .moveDown: state.move(by: 1)
    case .moveUp: state.move(by: -1)
    case .pageDown: state.move(by: max(1, state.pageRows - 1))
    case .pageUp: state.move(by: -max(1, state.pageRows - 1))
    case .halfPageDown: state.move(by: max(1, state.pageRows / 2))
    case .halfPageUp: state.move(by: -max(1, state.pageRows / 2))
    case .top: state.move(by: -Int.max / 2)
    case .bottom: state.move(by: Int.max / 2)
    case .activate: state.activate()
    case .nextMention: state.stepMentionInArticle(forward: true)
    case .previousMention: state.stepMentionInArticle(forward: false)
    case .nextEntityMention: state.stepEntityMention(forward: true)
    case .previousEntityMention: state.stepEntityMention(forward: false)
    case .openSearch: state.prompt.open(.search, columns: state.session.size.columns)
    case .openCommand: state.prompt.open(.command, columns: state.session.size.columns)
    case .openFilter:
        // The filter in force is there to be edited.
        state.prompt.open(.filter, holding: state.list.filter?.text, columns: state.session.size.columns)
    case .nextMatch: state.stepMatch(forward: true)
    case .previousMatch: state.stepMatch(forward: false)
    case .toggleRead: state.toggleRead()
    case .nextUnread: state.stepUnread(forward: true)
    case .previousUnread: state.stepUnread(forward: false)
    case .openDossier:
        guard let entity = state.entities.selectedEntity ?? state.selectedEntityInPane else {
            state.session.status = "no entity selected: select one in the entity pane, or use :dossier NAME"
            break
        }
        effects = state.openDossier(of: entity)
    case .cancel:
        if state.overlays.showsHelp {
            state.overlays.closeHelp()
        } else if state.overlays.showsSkippedFiles {
            state.overlays.showSkippedFiles(false)
        } else if state.reader.search != nil {
            state.reader.setSearch(nil)
            state.session.status = "search cleared"
        }
    case .back: state.travel(forward: false, empty: "at the start of the jump history")
    case .forward: state.travel(forward: true, empty: "at the end of the jump history")
    case .redraw: effects = [.redrawAll]
    case .promptKey(let key): effects = state.editPrompt(key)
    case .unbound(let key): state.session.status = "\(key.notation) does nothing here · ? lists the keys"
    case .mouse(let event): effects = state.handleMouse(event)
    case .tick: break
    case .resized(let size):
        // What was said about the layout no longer holds once it changes.
        if state.session.status == entityPaneNotice { state.session.status = "" }
        state.session.size = size
        state.prompt.keepCursorInView(columns: size.columns)
        state.refreshReaderLayout()
        if state.layout.articles != nil || state.layout.reader != nil || state.layout.entities != nil,
           !state.layout.visiblePanes.contains(state.session.focus), state.layout.visiblePanes.count > 1 {
            state.session.focus = .reader
        }
    }
    return effects + state.finishUpdate()
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
    case .toggleRead, .nextUnread, .previousUnread: "read marks are kept when indexing is done"
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
