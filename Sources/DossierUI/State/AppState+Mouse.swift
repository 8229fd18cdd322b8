import DossierText

// The mouse: a click focuses the pane under it and acts on what it hits (a list row opens its
// article, a name in the reader selects its entity, an entity row does what Enter does); the
// wheel scrolls the pane under the pointer.

/// Rows the wheel moves at a time.
let wheelStep = 3

extension AppState {
    mutating func handleMouse(_ event: MouseEvent) -> [Effect] {
        guard !overlays.showsSkippedFiles, prompt.open == nil else { return [] }
        let layout = layout
        let panes: [(Pane, Rect?)] = [(.articles, layout.articles), (.reader, layout.reader), (.entities, layout.entities)]
        guard let (pane, rect) = panes.compactMap({ pane, rect in rect.map { (pane, $0) } }).first(where: { $0.1.contains(event) }) else { return [] }
        switch event.kind {
        case .wheelUp, .wheelDown:
            let delta = event.kind == .wheelDown ? wheelStep : -wheelStep
            switch pane {
            case .articles: list.select(row: max(0, list.selection + delta))
            case .reader: reader.wheel(by: delta)
            case .entities: entities.select(row: max(0, entities.selection + delta))
            }
        case .press:
            session.focus = pane
            let row = event.row - rect.row - 1
            guard row >= 0 else { return [] }
            switch pane {
            case .articles: clickList(row: row)
            case .reader: clickReader(row: row, column: event.column - rect.column)
            case .entities: clickEntities(row: row, in: rect)
            }
        }
        return []
    }

    private mutating func clickList(row: Int) {
        let listRow = list.scroll + row
        guard listRow < list.rows.count else { return }
        list.select(row: listRow)
        open(article: list.rows[listRow])
    }

    /// A click on a name selects its entity and makes it the current mention.
    private mutating func clickReader(row: Int, column: Int) {
        let layout = reader.layout
        let index = reader.scroll + row
        guard index < layout.lines.count, !layout.showsNotice else { return }
        let words: [ReaderLayout.PlacedWord]
        switch layout.lines[index] {
        case .body(let placed), .headline(let placed): words = placed
        default: return
        }
        // The word whose columns hold the click: its width is measured as it is drawn.
        guard let word = words.last(where: { $0.column <= column }),
              column < word.column + ReaderLayout.displayWidth(layout.text.string(word.range)) else { return }
        let mentions = corpus.mentions[reader.openArticle]
        guard let found = mentions.firstIndex(where: { $0.range.overlaps(word.range) }) else { return }
        reader.setCurrentMention(found)
        if let entity = mentions[found].entity {
            entities.select(entity: entity)
            let count = corpus.mentionsByEntity.count(of: entity)
            session.status = "\(corpus.entities[entity].name): \(Counted.phrase(count, "mention"))" + entityKeysHint
        } else {
            session.status = "ambiguous: " + mentions[found].candidates.map { corpus.entities[$0].name }.joined(separator: " or ")
        }
    }

    private mutating func clickEntities(row: Int, in rect: Rect) {
        let top = EntityPane.listTop(self, in: rect) - rect.row - 1
        guard row >= top else { return }
        let index = EntityPane.firstListedRow(self, in: rect) + row - top
        guard index < entityRowCount else { return }
        entities.select(row: index)
        activate()
    }
}

extension Rect {
    func contains(_ event: MouseEvent) -> Bool {
        event.column >= column && event.column < column + columns && event.row >= row && event.row < row + rows
    }
}
