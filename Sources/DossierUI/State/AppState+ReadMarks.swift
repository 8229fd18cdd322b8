import DossierText

// Read and unread: an article open in the reader for `ListState.readAfterSeconds` is read;
// `u` marks it either way, and `>` and `<` go to the next unread article in the list.

extension AppState {
    /// Counts the time the open article has been open; read marks wait for the index.
    mutating func noteTimePassing(now: Double) {
        guard session.indexing == nil else { return }
        list.noteTimePassing(now: now, openArticle: reader.openArticle)
    }

    /// Marks the article under the list's cursor (or, from the other panes, the open one) read or unread.
    mutating func toggleRead() {
        guard let article = session.focus == .articles ? list.articleAtCursor : reader.openArticle else {
            session.status = "no article here to mark"
            return
        }
        session.status = list.toggleRead(article) ? "marked read" : "marked unread"
        session.status += " · " + Counted.phrase(list.unreadCount, "unread article") + " in the list"
    }

    /// Marks every article the list shows read (all of them when no filter is on), to be taken back with undo.
    mutating func markShownRead() {
        let marked = list.markRead(list.rows)
        session.status = marked == 0 ? "every article in the list is read already"
            : "marked " + Counted.phrase(marked, "article") + " read · \(key(.undoRead)) takes it back"
    }

    /// Takes back the last marking of many articles read.
    mutating func undoMarkingRead() {
        session.status = list.undoMarkingRead()
            ? "read marks as they were · " + Counted.phrase(list.unreadCount, "unread article") + " in the list"
            : "nothing to take back: \(key(.markShownRead)) marks what the list shows read"
    }

    /// Opens the next (or previous) unread article in the list's order, from the cursor.
    mutating func stepUnread(forward: Bool) {
        let rows = list.rows
        guard !rows.isEmpty else {
            session.status = "no articles in the list"
            return
        }
        let start = list.row(of: reader.openArticle) ?? list.selection
        var row = start
        for _ in 0..<rows.count {
            row = forward ? (row + 1) % rows.count : (row - 1 + rows.count) % rows.count
            if !list.readArticles.contains(rows[row]) {
                open(article: rows[row])
                session.status = Counted.phrase(list.unreadCount, "unread article") + " in the list"
                return
            }
        }
        session.status = "no unread articles in the list"
    }
}
