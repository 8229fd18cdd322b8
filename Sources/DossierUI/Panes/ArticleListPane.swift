import DossierCore

/// The article list: one row an article, only the visible rows drawn.
enum ArticleListPane {
    static func draw(_ state: AppState, in rect: Rect, on screen: inout Screen) {
        let corpus = state.corpus
        drawPaneTitle("Articles \(state.openArticle + 1)/\(corpus.articles.count)", focused: state.focus == .articles, in: rect, on: &screen)
        let rows = rect.rows - 1
        guard rows > 0 else { return }
        for offset in 0..<rows {
            let index = state.listScroll + offset
            guard index < corpus.articles.count else { break }
            let row = rect.row + 1 + offset
            let article = corpus.articles[index]
            let people = corpus.personMentionCounts[index]
            let hasMatch = state.search?.result.articles.contains(index) == true
            let marker = index == state.openArticle ? "▶" : hasMatch ? "•" : " "
            let suffix = " " + [article.source, people > 0 ? "\(people)" : nil].compactMap { $0 }.joined(separator: " ")
            var style = Style.plain
            if index == state.listSelection { style = state.focus == .articles ? Style(reverse: true) : Style(underline: true) }
            if index == state.openArticle { style.bold = true }
            screen.fill(Rect(column: rect.column, row: row, columns: rect.columns, rows: 1), style: style)
            let titleWidth = max(0, rect.columns - 2 - suffix.terminalWidth)
            screen.write(marker + " " + truncated(state.listTitle(index), to: titleWidth), column: rect.column, row: row, limit: rect.columns, style: style)
            if titleWidth > 0 {
                screen.write(suffix, column: rect.column + rect.columns - suffix.terminalWidth, row: row, limit: suffix.terminalWidth,
                             style: Style(foreground: hasMatch ? .yellow : nil, underline: style.underline, reverse: style.reverse, dim: !style.reverse))
            }
        }
    }
}
