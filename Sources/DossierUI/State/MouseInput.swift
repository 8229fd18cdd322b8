import DossierCore

// The mouse: a click focuses the pane under it and acts on what it hits (a list row opens its
// article, a name in the reader selects its entity, an entity row does what Enter does); the
// wheel scrolls the pane under the pointer.

/// Rows the wheel moves at a time.
let wheelStep = 3

func handleMouse(_ state: inout AppState, _ event: MouseEvent) -> [Effect] {
    guard !state.showSkippedFiles, state.prompt == nil else { return [] }
    let layout = state.layout
    let panes: [(Pane, Rect?)] = [(.articles, layout.articles), (.reader, layout.reader), (.entities, layout.entities)]
    guard let (pane, rect) = panes.compactMap({ pane, rect in rect.map { (pane, $0) } }).first(where: { $0.1.contains(event) }) else { return [] }
    switch event.kind {
    case .wheelUp, .wheelDown:
        let delta = event.kind == .wheelDown ? wheelStep : -wheelStep
        switch pane {
        case .articles: state.listSelection = max(0, state.listSelection + delta)
        case .reader: state.readerScroll = max(0, state.readerScroll + delta)
        case .entities: state.entitySelection = max(0, state.entitySelection + delta)
        }
    case .press:
        state.focus = pane
        let row = event.row - rect.row - 1
        guard row >= 0 else { return [] }
        switch pane {
        case .articles: clickList(&state, row: row)
        case .reader: clickReader(&state, row: row, column: event.column - rect.column)
        case .entities: clickEntities(&state, row: row, in: rect)
        }
    }
    return []
}

private func clickList(_ state: inout AppState, row: Int) {
    let listRow = state.listScroll + row
    guard listRow < state.list.rows.count else { return }
    state.listSelection = listRow
    open(&state, article: state.list.rows[listRow])
}

/// A click on a name selects its entity and makes it the current mention.
private func clickReader(_ state: inout AppState, row: Int, column: Int) {
    let layout = state.readerLayout
    let index = state.readerScroll + row
    guard index < layout.lines.count, !layout.showsNotice else { return }
    let words: [ReaderLayout.PlacedWord]
    switch layout.lines[index] {
    case .body(let placed), .headline(let placed): words = placed
    default: return
    }
    // The word whose columns hold the click: its width is measured as it is drawn.
    guard let word = words.last(where: { $0.column <= column }),
          column < word.column + ReaderLayout.displayWidth(layout.text.string(word.range)) else { return }
    let mentions = state.corpus.mentions[state.openArticle]
    guard let found = mentions.firstIndex(where: { $0.range.overlaps(word.range) }) else { return }
    state.currentMention = found
    if let entity = mentions[found].entity {
        state.selectedEntity = entity
        let count = state.corpus.mentionsByEntity[entity].count
        state.status = "\(state.corpus.entities[entity].name): \(Counted.phrase(count, "mention")) · ] next, D dossier"
    } else {
        state.status = "ambiguous: " + mentions[found].candidates.map { state.corpus.entities[$0].name }.joined(separator: " or ")
    }
}

private func clickEntities(_ state: inout AppState, row: Int, in rect: Rect) {
    let top = EntityPane.listTop(state, in: rect) - rect.row - 1
    guard row >= top else { return }
    let index = EntityPane.firstListedRow(state, in: rect) + row - top
    guard index < state.entityRowCount else { return }
    state.entitySelection = index
    activate(&state)
}

extension Rect {
    func contains(_ event: MouseEvent) -> Bool {
        event.column >= column && event.column < column + columns && event.row >= row && event.row < row + rows
    }
}
