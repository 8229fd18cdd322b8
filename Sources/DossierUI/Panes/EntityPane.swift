import DossierCore

/// The entities of the open article with counts here and in all articles, then
/// the selected entity's description and every mention across the corpus.
enum EntityPane {
    static func draw(_ state: AppState, in rect: Rect, on screen: inout Screen) {
        let corpus = state.corpus
        drawPaneTitle("Entities", focused: state.focus == .entities, in: rect, on: &screen)
        var row = rect.row + 1
        let bottom = rect.row + rect.rows
        if let indexing = state.indexing {
            if row < bottom {
                let status = LoadingScreen.statusText(indexing.progress)
                screen.write(status, column: rect.column + 1, row: row, limit: rect.columns - 1, style: Style(bold: true))
            }
            let note = "People, places and organisations, with every mention linked, show here when it is done."
            for (offset, line) in ReaderLayout.wrapText(note, width: rect.columns - 1).enumerated() where row + 1 + offset < bottom {
                screen.write(line, column: rect.column + 1, row: row + 1 + offset, limit: rect.columns - 1, style: Style(dim: true))
            }
            return
        }
        if let selected = state.selectedEntity, row < bottom {
            let entity = corpus.entities[selected]
            let written = screen.write(entity.name, column: rect.column + 1, row: row, limit: rect.columns - 1, style: Style(foreground: entityColor(selected), bold: true))
            if entity.isFound {
                screen.write(" · found in text", column: rect.column + 1 + written, row: row, limit: rect.columns - 1 - written, style: Style(dim: true))
            }
            row += 1
            for line in ReaderLayout.wrapText(entity.description, width: rect.columns - 1).prefix(2) where row < bottom {
                screen.write(line, column: rect.column + 1, row: row, limit: rect.columns - 1, style: Style(dim: true))
                row += 1
            }
            if row < bottom {
                let count = corpus.mentionsByEntity[selected].count
                let articles = corpus.articleCount(of: selected)
                let quotes = corpus.quotesByEntity[selected].count
                let counts = "\(count) mentions in \(articles) \(articles == 1 ? "article" : "articles") · \(quotes) \(quotes == 1 ? "quote" : "quotes")"
                screen.write(counts, column: rect.column + 1, row: row, limit: rect.columns - 1, style: Style(dim: true))
                row += 1
            }
            let company = corpus.related[selected].prefix(4).map { "\(corpus.entities[$0.entity].name) \($0.count)" }
            if !company.isEmpty, row < bottom {
                screen.write("Mentioned with: " + company.joined(separator: ", "), column: rect.column + 1, row: row, limit: rect.columns - 1, style: Style(dim: true))
                row += 1
            }
            if row < bottom {
                // The list below holds this article's entities, then the selected entity's mentions or quotes.
                let heading = state.entityView == .mentions ? "In this article, then mentions (v: quotes)" : "In this article, then quotes (v: mentions)"
                screen.write(heading, column: rect.column + 1, row: row, limit: rect.columns - 1, style: Style(underline: true))
                row += 1
            }
        }
        let rowCount = state.entityRowCount
        let articleEntities = state.entitiesInOpenArticle
        let visible = bottom - row
        guard visible > 0 else { return }
        let scroll = min(state.entityScroll, max(0, state.entitySelection - visible + 1))
        let first = max(scroll, state.entitySelection >= scroll + visible ? state.entitySelection - visible + 1 : scroll)
        for offset in 0..<visible {
            let index = first + offset
            guard index < rowCount, let entityRow = state.entityRow(at: index, entities: articleEntities) else { break }
            var style = Style.plain
            if index == state.entitySelection && state.focus == .entities { style = Style(reverse: true) }
            screen.fill(Rect(column: rect.column, row: row + offset, columns: rect.columns, rows: 1), style: style)
            switch entityRow {
            case .entity(let entity, let here):
                let counts = " \(here)/\(corpus.mentionsByEntity[entity].count)"
                let name = truncated(corpus.entities[entity].name, to: rect.columns - 1 - counts.count)
                var nameStyle = style
                nameStyle.foreground = entityColor(entity)
                nameStyle.bold = entity == state.selectedEntity
                screen.write(" " + name, column: rect.column, row: row + offset, limit: rect.columns, style: nameStyle)
                screen.write(counts, column: rect.column + rect.columns - counts.count, row: row + offset, limit: counts.count, style: style)
            case .mention(let reference):
                let title = corpus.articles[reference.article].title
                let mention = corpus.mentions[reference.article][reference.mention]
                let sentence = corpus.sentence(around: mention.range, inArticle: reference.article)
                var lineStyle = style
                if reference.article == state.openArticle && reference.mention == state.currentMention { lineStyle.bold = true }
                screen.write("  " + truncated(title, to: 18) + ": " + sentence, column: rect.column, row: row + offset, limit: rect.columns, style: lineStyle)
            case .quote(let reference):
                let quote = corpus.quotes[reference.article][reference.quote]
                let words = SourceText.flattened(corpus.articles[reference.article].text.string(quote.range))
                screen.write("  “" + words + "”", column: rect.column, row: row + offset, limit: rect.columns, style: style)
            }
        }
    }
}
