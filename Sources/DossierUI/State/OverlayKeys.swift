import DossierCore

// The help and the dossier sit over the panes and take the keys while they are open: moving
// keys scroll them, and nothing reaches the list behind.

/// Handles a key while the help is open; true when it was the help's (every key is: the rest
/// are swallowed with a word on how to close it).
func helpTakes(_ state: inout AppState, _ action: Action) -> Bool {
    let rows = HelpOverlay.rows(state.keyMap, width: state.size.columns).count
    let page = max(1, HelpOverlay.bodyRows(in: state.size) - 1)
    switch action {
    case .toggleHelp, .cancel:
        state.showHelp = false
        return true
    case .moveDown: state.helpScroll += 1
    case .moveUp: state.helpScroll -= 1
    case .pageDown, .halfPageDown: state.helpScroll += page
    case .pageUp, .halfPageUp: state.helpScroll -= page
    case .top: state.helpScroll = 0
    case .bottom: state.helpScroll = rows
    case .resized, .quit, .tick, .redraw: return false
    default: state.status = "Esc or ? closes the help; j, k, Space and b scroll it"
    }
    state.helpScroll = max(0, min(state.helpScroll, rows - HelpOverlay.bodyRows(in: state.size)))
    return true
}

/// Handles a key while a dossier is open, returning what the runner is to do; nil for the keys
/// that act as usual (resizing, quitting).
func dossierTakes(_ state: inout AppState, _ action: Action) -> [Effect]? {
    guard var dossier = state.dossier else { return nil }
    let page = max(1, DossierPane.bodyRows(state) - 1)
    switch action {
    case .cancel, .openDossier:
        state.dossier = nil
        state.requestedDossier = nil
        return []
    case .moveDown: dossier.selection += 1
    case .moveUp: dossier.selection -= 1
    case .pageDown: dossier.selection += page
    case .pageUp: dossier.selection -= page
    case .halfPageDown: dossier.selection += page / 2
    case .halfPageUp: dossier.selection -= page / 2
    case .top: dossier.selection = 0
    case .bottom: dossier.selection = Int.max / 2
    case .activate:
        let lines = dossier.lines
        guard lines.indices.contains(dossier.selection), let target = lines[dossier.selection].target else {
            state.status = "Enter on an article, a quote or a name goes there"
            return []
        }
        return go(&state, to: target)
    case .mouse(let event):
        return clickDossier(&state, event)
    case .resized, .quit, .tick, .redraw, .toggleHelp, .openCommand, .promptKey: return nil
    default:
        state.status = "Esc closes the dossier; Enter goes to the line's article, quote or person"
        return []
    }
    state.dossier = dossier
    return []
}

/// Where a dossier line leads: an article or quote closes the dossier and opens it; a name
/// opens that entity's dossier.
func go(_ state: inout AppState, to target: DossierView.Target) -> [Effect] {
    switch target {
    case .entity(let entity):
        return openDossier(&state, entity: entity)
    case .article(let article):
        let entity = state.dossier?.entity
        state.dossier = nil
        open(&state, article: article)
        if let entity, let first = state.corpus.mentions[article].firstIndex(where: { $0.entity == entity }) {
            state.currentMention = first
            scrollIntoView(&state, offset: state.corpus.mentions[article][first].range.lowerBound)
        }
        state.focus = state.layout.reader == nil ? state.focus : .reader
    case .quote(let reference):
        state.dossier = nil
        open(&state, quote: reference)
        state.focus = state.layout.reader == nil ? state.focus : .reader
    }
    return []
}

/// Asks for an entity's dossier; it opens when the runner has gathered it (`showDossier`).
func openDossier(_ state: inout AppState, entity: Int) -> [Effect] {
    guard state.indexing == nil else {
        state.status = "dossiers are ready when indexing is done"
        return []
    }
    state.selectedEntity = entity
    state.showHelp = false
    state.requestedDossier = entity
    return [.gatherDossier(entity: entity)]
}

/// Opens a dossier the runner gathered.
func showDossier(_ state: inout AppState, _ content: DossierView.Content) {
    state.requestedDossier = nil
    state.dossier = DossierView(content, palette: state.settings.palette, width: state.size.columns)
    state.status = "\(state.corpus.entities[content.profile.entity].name)'s dossier · Enter goes to a line · Esc closes"
}

/// A click on a dossier line selects it; on the selected line, goes there. The wheel scrolls.
private func clickDossier(_ state: inout AppState, _ event: MouseEvent) -> [Effect] {
    guard var dossier = state.dossier else { return [] }
    switch event.kind {
    case .wheelUp: dossier.selection -= 3
    case .wheelDown: dossier.selection += 3
    case .press:
        let line = dossier.scroll + event.row - DossierPane.firstBodyRow
        guard event.row >= DossierPane.firstBodyRow, line >= 0 else { return [] }
        if line == dossier.selection {
            state.dossier = dossier
            return dossierTakes(&state, .activate) ?? []
        }
        dossier.selection = line
    }
    state.dossier = dossier
    return []
}
