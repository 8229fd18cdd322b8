import DossierText

// Read and unread: an article open in the reader for `AppState.readAfterSeconds` is read;
// `u` marks it either way, and `>` and `<` go to the next unread article in the list.

/// Counts the time the open article has been open, from the first tick after it opened, so
/// that articles passed through on the way elsewhere (holding `]`) are not marked.
func noteTimePassing(_ state: inout AppState, now: Double) {
    guard let dwell = state.dwell, dwell.article == state.openArticle, state.indexing == nil else { return }
    guard let since = dwell.since else {
        state.dwell = (dwell.article, now)
        return
    }
    if now - since >= AppState.readAfterSeconds {
        state.readArticles.insert(dwell.article)
        state.dwell = nil
    }
}

/// Marks the article under the list's cursor (or, from the other panes, the open one) read or unread.
func toggleRead(_ state: inout AppState) {
    guard let article = state.focus == .articles ? state.articleAtCursor : state.openArticle else {
        state.status = "no article here to mark"
        return
    }
    if state.readArticles.remove(article) == nil {
        state.readArticles.insert(article)
        state.status = "marked read"
    } else {
        // Unread on purpose: opening it again is not to mark it read behind the user's back.
        if state.dwell?.article == article { state.dwell = nil }
        state.status = "marked unread"
    }
    state.status += " · " + Counted.phrase(state.unreadCount, "unread article") + " in the list"
}

/// Opens the next (or previous) unread article in the list's order, from the cursor.
func stepUnread(_ state: inout AppState, forward: Bool) {
    let rows = state.list.rows
    guard !rows.isEmpty else {
        state.status = "no articles in the list"
        return
    }
    let start = state.list.row(of: state.openArticle) ?? state.listSelection
    var row = start
    for _ in 0..<rows.count {
        row = forward ? (row + 1) % rows.count : (row - 1 + rows.count) % rows.count
        if !state.readArticles.contains(rows[row]) {
            open(&state, article: rows[row])
            state.status = Counted.phrase(state.unreadCount, "unread article") + " in the list"
            return
        }
    }
    state.status = "no unread articles in the list"
}
