import DossierText

/// The article list: one row an article, only the visible rows drawn.
///
/// A row reads `▶*Title … date source 12`: ▶ marks the open article (• one holding a search
/// match), * an unread one (drawn bold too), and the number counts its mentions of people.
/// Date and source get columns of their own when the pane is wide enough for them beside a
/// title of reasonable length.
enum ArticleListPane {
    /// Widths from which the date, then the source, get a column.
    static let dateColumnFrom = 44
    static let sourceColumnFrom = 64
    static let sourceWidth = 14

    static func draw(_ state: AppState, in rect: Rect, on screen: inout Screen) {
        let corpus = state.corpus
        let list = state.list
        drawPaneTitle(title(state), focused: state.session.focus == .articles, in: rect, on: &screen)
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
        let showsDate = list.articles.hasDates && rect.columns >= dateColumnFrom
        let showsSource = list.articles.hasSources && rect.columns >= sourceColumnFrom
        for offset in 0..<rows {
            let listRow = state.list.scroll + offset
            guard listRow < list.rows.count else { break }
            let index = list.rows[listRow]
            let row = rect.row + 1 + offset
            let article = corpus.articles[index]
            let people = corpus.personMentionCounts[index]
            let hasMatch = state.reader.search?.result.articles.contains(index) == true
            let isUnread = state.session.indexing == nil && !state.list.readArticles.contains(index)
            let marker = (index == state.reader.openArticle ? "▶" : hasMatch ? "•" : " ") + (isUnread ? "*" : " ")
            var columns: [String] = []
            if showsDate { columns.append((article.date ?? "").padding(toLength: 10, withPad: " ", startingAt: 0)) }
            if showsSource { columns.append(truncated(article.source ?? "", to: sourceWidth).padding(toLength: sourceWidth, withPad: " ", startingAt: 0)) }
            if !showsSource, let source = article.source { columns.append(source) }
            let aligned = showsDate || showsSource
            columns.append(people > 0 ? Counted.number(people).leftPadded(to: aligned ? 4 : 0) : (aligned ? "    " : ""))
            let suffix = " " + columns.filter { !$0.isEmpty }.joined(separator: " ")
            var style = Style.plain
            if listRow == state.list.selection { style = state.session.focus == .articles ? Style(reverse: true) : Style(underline: true) }
            if index == state.reader.openArticle || isUnread { style.bold = true }
            screen.fill(Rect(column: rect.column, row: row, columns: rect.columns, rows: 1), style: style)
            let titleWidth = max(0, rect.columns - marker.count - suffix.terminalWidth)
            screen.write(marker + truncated(state.listTitle(index), to: titleWidth), column: rect.column, row: row, limit: rect.columns, style: style)
            if titleWidth > 0 {
                screen.write(suffix, column: rect.column + rect.columns - suffix.terminalWidth, row: row, limit: suffix.terminalWidth,
                             style: Style(foreground: hasMatch ? .yellow : nil, underline: style.underline, reverse: style.reverse, dim: !style.reverse))
            }
        }
    }

    /// "Articles 3/2,096 · 1,950 unread", or with a filter "Articles 3/12 of 2,096 · 9 unread
    /// [mentions:kim]": the numbers first, so a narrow pane cuts the filter rather than them.
    static func title(_ state: AppState) -> String {
        let list = state.list
        let position = list.rows.isEmpty ? "0" : Counted.number(state.list.selection + 1)
        var title = "Articles \(position)/\(Counted.number(list.rows.count))"
        if list.filter != nil { title += " of \(Counted.number(list.total))" }
        if state.session.indexing == nil {
            let unread = state.list.unreadCount
            if unread > 0 { title += " · \(Counted.number(unread)) unread" }
        }
        if list.sort != .standard { title += " · by \(list.sort.description)" }
        if let filter = list.filter { title += " [\(filter.text)]" }
        return title
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
