import DossierText

/// The article list: one row an article, only the visible rows drawn.
///
/// A row reads `▶*Title … 2019-02-27 Source 3`: ▶ marks the open article (• one holding a search
/// match), * an unread one (drawn bold too), U an unread one the library replaced with a changed version. The title gets the room first: the count of its mentions
/// of people, the date and the source get columns only where the pane keeps `titleKeeps` characters for
/// the title beside them, and a row whose title would fit the pane but not beside them gives them up, the
/// source first, so that a title is cut only where it is longer than the pane.
enum ArticleListPane {
    /// The characters a title keeps before the count, the date and the source get columns.
    static let titleKeeps = 30
    static let countWidth = 4
    static let dateWidth = 10
    static let sourceWidth = 14

    /// The columns beside the title, in the order they get room (and give it back, the last first); they are
    /// drawn date, source, count.
    enum Column: CaseIterable {
        case count, date, source

        var width: Int {
            switch self {
            case .count: ArticleListPane.countWidth
            case .date: ArticleListPane.dateWidth
            case .source: ArticleListPane.sourceWidth
            }
        }
    }

    /// The columns a pane of `width` gives the list, each with the space before it, keeping `titleKeeps`
    /// characters and the two markers for the title.
    static func columns(width: Int, list: ArticleList) -> [Column] {
        var room = width - 2 - titleKeeps
        var shown: [Column] = []
        for column in Column.allCases {
            guard column != .date || list.hasDates, column != .source || list.hasSeveralSources, room >= column.width + 1 else { continue }
            shown.append(column)
            room -= column.width + 1
        }
        return shown
    }

    /// The characters `columns` take, each with the space before it.
    static func room(of columns: [Column]) -> Int {
        columns.reduce(0) { $0 + $1.width + 1 }
    }

    static func draw(_ state: AppState, in rect: Rect, on screen: inout Screen) {
        let corpus = state.corpus
        let list = state.list
        drawPaneTitle(title(state, width: rect.columns - 1), focused: state.session.focus == .articles, in: rect, on: &screen)
        let rows = rect.rows - 1
        guard rows > 0 else { return }
        if list.rows.isEmpty {
            let filterKey = state.keyMap.hint(for: .openFilter)
            let note = list.filter.map { "No article matches “\($0.text)”. \(filterKey) changes the filter; an empty one shows all." } ?? "No articles."
            for (offset, line) in ReaderLayout.wrapText(note, width: rect.columns - 2).prefix(rows).enumerated() {
                screen.write(line, column: rect.column + 1, row: rect.row + 1 + offset, limit: rect.columns - 1, style: Style(dim: true))
            }
            return
        }
        let paneColumns = columns(width: rect.columns, list: list.articles)
        for offset in 0..<rows {
            let listRow = state.list.scroll + offset
            guard listRow < list.rows.count else { break }
            let index = list.rows[listRow]
            let row = rect.row + 1 + offset
            let article = corpus.articles[index]
            let hasMatch = state.reader.search?.result.articles.contains(index) == true
            let isUnread = state.session.indexing == nil && !state.list.readArticles.contains(index)
            let marker = (index == state.reader.openArticle ? "▶" : hasMatch ? "•" : " ")
                + (isUnread ? (article.updated == nil ? "*" : "U") : " ")
            let title = state.listTitle(index)
            // A title that the columns alone would cut takes their room, the source's first; one longer than the
            // pane is cut anyway, and keeps them.
            let titleLength = title.terminalWidth
            var shown = paneColumns
            if titleLength <= rect.columns - 2 {
                while !shown.isEmpty, titleLength > rect.columns - 2 - Self.room(of: shown) { shown.removeLast() }
            }
            let suffix = [Column.date, .source, .count].filter(shown.contains).map { column -> String in
                switch column {
                case .count:
                    let people = corpus.personMentionCounts[index]
                    return " " + (people > 0 ? Counted.number(people) : "").leftPadded(to: countWidth)
                case .date: return " " + (article.date ?? "").padding(toLength: dateWidth, withPad: " ", startingAt: 0)
                case .source: return " " + truncated(article.source ?? "", to: sourceWidth).padding(toLength: sourceWidth, withPad: " ", startingAt: 0)
                }
            }.joined()
            var style = Style.plain
            if listRow == state.list.selection { style = state.session.focus == .articles ? Style(reverse: true) : Style(underline: true) }
            if index == state.reader.openArticle || isUnread { style.bold = true }
            screen.fill(Rect(column: rect.column, row: row, columns: rect.columns, rows: 1), style: style)
            let titleWidth = max(1, rect.columns - marker.count - suffix.terminalWidth)
            screen.write(marker + truncated(title, to: titleWidth), column: rect.column, row: row, limit: rect.columns, style: style)
            if !suffix.isEmpty {
                screen.write(suffix, column: rect.column + rect.columns - suffix.terminalWidth, row: row, limit: suffix.terminalWidth,
                             style: Style(foreground: hasMatch ? .yellow : nil, underline: style.underline, reverse: style.reverse, dim: !style.reverse))
            }
        }
    }

    /// "Articles 3/2,096 · 1,950 unread", or with a filter "Articles 3/12 of 2,096 · 9 unread
    /// [mentions:kim]": the numbers first. Where that is wider than `width`, the word "Articles", the unread
    /// count and the sort give way to the filter: "3/12 of 2,096 [mentions:kim]".
    static func title(_ state: AppState, width: Int = .max) -> String {
        let list = state.list
        let position = list.rows.isEmpty ? "0" : Counted.number(state.list.selection + 1)
        var numbers = "\(position)/\(Counted.number(list.rows.count))"
        if list.filter != nil { numbers += " of \(Counted.number(list.total))" }
        var title = "Articles " + numbers
        if state.session.indexing == nil {
            let unread = state.list.unreadCount
            if unread > 0 { title += " · \(Counted.number(unread)) unread" }
        }
        if list.sort != .standard { title += " · by \(list.sort.description)" }
        guard let filter = list.filter else { return title }
        title += " [\(filter.text)]"
        return title.terminalWidth <= width ? title : numbers + " [\(filter.text)]"
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
