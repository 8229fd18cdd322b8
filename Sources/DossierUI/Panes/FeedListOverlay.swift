/// The feed list over the screen: a row a feed, `unread/total  name  [tags]`, then how its last fetch
/// went; a feed whose last fetch failed is marked `!` and its error shown.
enum FeedListOverlay {
    /// Rows of feeds that fit: the screen less the status line and the box's title row.
    static func bodyRows(in size: Size) -> Int { max(1, size.rows - 2) }

    static func draw(_ state: AppState, _ view: FeedListView, in area: Rect, on screen: inout Screen) {
        guard area.columns > 4, area.rows > 1 else { return }
        screen.fill(area)
        let keys = state.keyMap
        let title = " Feeds: \(view.rows.count) · Enter shows one · \(keys.hint(for: .markShownRead)) marks it read · "
            + "\(keys.hint(for: .fetchFeeds)) fetches it · \(keys.hint(for: .cancel)) closes "
        screen.write(truncated(title, to: area.columns), column: area.column, row: area.row, limit: area.columns, style: Style(bold: true, reverse: true))
        let countWidth = view.rows.map { "\($0.unread)/\($0.total)".count }.max() ?? 3
        for (offset, row) in view.rows.dropFirst(view.scroll).prefix(area.rows - 1).enumerated() {
            let index = view.scroll + offset
            let counts = "\(row.unread)/\(row.total)"
            let tags = row.feed.tags.isEmpty ? "" : "  [" + row.feed.tags.joined(separator: ", ") + "]"
            let fetched = row.feed.lastFetch.map { "  · fetched \($0)" } ?? "  · not fetched yet"
            let line = (row.feed.failed ? "!" : " ") + String(repeating: " ", count: countWidth - counts.count) + counts
                + "  " + AppState.name(of: row.feed) + tags + fetched
            let selected = index == view.selection
            screen.write(truncated(line, to: area.columns), column: area.column, row: area.row + 1 + offset, limit: area.columns,
                         style: Style(bold: row.unread > 0, reverse: selected))
        }
    }
}
