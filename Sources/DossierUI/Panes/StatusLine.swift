import DossierText


/// The bottom row: the prompt while one is open, otherwise messages, counters and a key hint.
enum StatusLine {
    static func draw(_ state: AppState, row: Int, on screen: inout Screen) {
        let width = state.session.size.columns
        if let prompt = state.prompt.open {
            // Only the Characters from the scroll on that can fit are drawn or measured.
            let lead = prompt.kind.lead
            let shown = prompt.characters[min(prompt.scroll, prompt.characters.count)...].prefix(width)
            screen.write(lead + String(shown), column: 0, row: row, limit: width)
            let cursorColumn = lead.count + String(shown.prefix(prompt.cursor - prompt.scroll)).terminalWidth
            if cursorColumn < width { screen.restyle(column: cursorColumn, row: row, columns: 1) { $0.reverse = true } }
            return
        }
        let style = Style(reverse: true)
        screen.fill(Rect(column: 0, row: row, columns: width, rows: 1), style: style)
        // The open article's row in the list, counted as the list's title counts: "4/12".
        let listRow = state.list.row(of: state.reader.openArticle).map { Counted.number($0 + 1) } ?? "–"
        let right = " \(listRow)/\(Counted.number(state.list.rows.count)) "
        let hint = width >= 60 ? " · \(state.keyMap.hint(for: .toggleHelp)) help" : ""
        var parts = [state.session.indexing?.summary, state.reader.layout.isComplete ? nil : "wrapping the article…"].compactMap { $0 }
        if !state.session.status.isEmpty { parts.append(state.session.status) }
        let message = parts.joined(separator: " · ")
        let left = " " + message
        let rightWidth = right.terminalWidth + hint.terminalWidth
        screen.write(truncated(left, to: max(0, width - rightWidth)), column: 0, row: row, limit: width, style: style)
        if width > rightWidth + 10 {
            screen.write(hint + right, column: width - rightWidth, row: row, limit: rightWidth, style: style)
        }
    }
}
