import DossierText

/// The entities of the open article with counts here and in all articles, then
/// the selected entity's description and every mention across the corpus.
enum EntityPane {
    static func draw(_ state: AppState, in rect: Rect, on screen: inout Screen) {
        let corpus = state.corpus
        drawPaneTitle("Entities", focused: state.session.focus == .entities, in: rect, on: &screen)
        var row = rect.row + 1
        let bottom = rect.row + rect.rows
        let width = rect.columns - 1
        if let indexing = state.session.indexing {
            if row < bottom {
                let status = LoadingScreen.statusText(indexing.progress)
                screen.write(truncated(status, to: width), column: rect.column + 1, row: row, limit: width, style: Style(bold: true))
            }
            let note = "People, places and organisations, with every mention linked, show here when it is done."
            for (offset, line) in ReaderLayout.wrapText(note, width: width).enumerated() where row + 1 + offset < bottom {
                screen.write(line, column: rect.column + 1, row: row + 1 + offset, limit: width, style: Style(dim: true))
            }
            return
        }
        for line in header(state, width: width) where row < bottom {
            var column = rect.column + 1
            for (text, style) in line {
                column += screen.write(text, column: column, row: row, limit: rect.column + rect.columns - column, style: style)
            }
            row += 1
        }
        let rowCount = state.entityRowCount
        let articleEntities = state.entities.inOpenArticle
        let visible = bottom - row
        guard visible > 0 else { return }
        let first = firstListedRow(state, in: rect)
        for offset in 0..<visible {
            let index = first + offset
            guard index < rowCount, let entityRow = state.entityRow(at: index, entities: articleEntities) else { break }
            var style = Style.plain
            if index == state.entities.selection && state.session.focus == .entities { style = Style(reverse: true) }
            screen.fill(Rect(column: rect.column, row: row + offset, columns: rect.columns, rows: 1), style: style)
            switch entityRow {
            case .entity(let entity, let here):
                let counts = " \(Counted.number(here))/\(Counted.number(corpus.mentionsByEntity.count(of: entity)))"
                let name = truncated(corpus.entities[entity].name, to: rect.columns - 1 - counts.count)
                var nameStyle = state.session.settings.palette.style(of: entity, in: corpus, selected: state.entities.selectedEntity)
                nameStyle.reverse = style.reverse
                screen.write(" " + name, column: rect.column, row: row + offset, limit: rect.columns, style: nameStyle)
                screen.write(counts, column: rect.column + rect.columns - counts.count, row: row + offset, limit: counts.count, style: style)
            case .mention(let reference):
                let title = corpus.articles[reference.article].title
                // A mention the saved index no longer has (it was written over since) shows its article alone.
                let sentence = corpus.mention(at: reference).map { corpus.sentence(around: $0.range, inArticle: reference.article) } ?? ""
                var lineStyle = style
                if reference.article == state.reader.openArticle && reference.mention == state.reader.currentMention { lineStyle.bold = true }
                let line = "  " + truncated(title, to: 18) + ": " + sentence
                screen.write(truncated(line, to: rect.columns), column: rect.column, row: row + offset, limit: rect.columns, style: lineStyle)
            case .quote(let reference):
                let quote = corpus.quotes[reference.article][reference.quote]
                let words = SourceText.flattened(corpus.articles[reference.article].text.string(quote.range))
                screen.write(truncated("  “" + words + "”", to: rect.columns), column: rect.column, row: row + offset, limit: rect.columns, style: style)
            }
        }
        // An entity no quotation is given to says so, rather than leave the list's end blank.
        let end = row + rowCount - first
        if let selected = state.entities.selectedEntity, state.entities.view == .quotes, corpus.quotesByEntity[selected].isEmpty,
           end >= row, end < bottom {
            let note = "No quotes of \(corpus.entities[selected].name)."
            screen.write(truncated("  " + note, to: rect.columns), column: rect.column, row: end, limit: rect.columns, style: Style(dim: true))
        }
    }

    /// The lines above the list: the selected entity's name, description, counts and company,
    /// and the list's heading; each cut with an ellipsis to the width.
    static func header(_ state: AppState, width: Int) -> [[(String, Style)]] {
        guard let selected = state.entities.selectedEntity, state.session.indexing == nil else { return [] }
        let corpus = state.corpus
        let entity = corpus.entities[selected]
        var lines: [[(String, Style)]] = []
        let name = truncated(entity.name, to: width)
        var first = [(name, state.session.settings.palette.style(of: selected, in: corpus, selected: nil))]
        let note = " · \(entity.kind.rawValue)" + (entity.isFound ? ", found in text" : "")
        if name.terminalWidth + note.terminalWidth <= width { first.append((note, Style(dim: true))) }
        lines.append(first)
        for line in ReaderLayout.wrapText(entity.description, width: width).prefix(2) { lines.append([(line, Style(dim: true))]) }
        let count = corpus.mentionsByEntity.count(of: selected)
        let counts = Counted.phrase(count, "mention") + " in " + Counted.phrase(corpus.articleCount(of: selected), "article")
            + " · " + Counted.phrase(corpus.quotesByEntity[selected].count, "quote") + " · \(state.keyMap.hint(for: .openDossier)) dossier"
        lines.append([(truncated(counts, to: width), Style(dim: true))])
        let company = corpus.related[selected].prefix(4).map { "\(corpus.entities[$0.entity].name) \($0.count)" }
        if !company.isEmpty {
            lines.append([(truncated("Mentioned with: " + company.joined(separator: ", "), to: width), Style(dim: true))])
        }
        // The list below holds this article's entities, then the selected entity's mentions or quotes.
        let viewKey = state.keyMap.hint(for: .toggleEntityView)
        let heading = state.entities.view == .mentions
            ? "In this article, then mentions (\(viewKey): quotes)" : "In this article, then quotes (\(viewKey): mentions)"
        lines.append([(truncated(heading, to: width), Style(underline: true))])
        return lines
    }

    /// How many lines `header` makes, without counting the entity's articles (which walks all its mentions).
    static func headerRowCount(_ state: AppState, width: Int) -> Int {
        guard let selected = state.entities.selectedEntity, state.session.indexing == nil else { return 0 }
        let description = ReaderLayout.wrapText(state.corpus.entities[selected].description, width: width).prefix(2).count
        return 1 + description + 1 + (state.corpus.related[selected].isEmpty ? 0 : 1) + 1
    }

    /// The screen row where the list starts.
    static func listTop(_ state: AppState, in rect: Rect) -> Int {
        min(rect.row + rect.rows, rect.row + 1 + headerRowCount(state, width: rect.columns - 1))
    }

    /// The list's first row shown: the scroll, moved as little as needed to show the cursor.
    static func firstListedRow(_ state: AppState, in rect: Rect) -> Int {
        let visible = max(1, rect.row + rect.rows - listTop(state, in: rect))
        return scrolled(state.entities.scroll, toShow: state.entities.selection, rows: visible, count: state.entityRowCount)
    }
}
