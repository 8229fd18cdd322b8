import DossierCore

/// The entity pane: the selected entity, the cursor and scroll of its list, and what it lists.
public struct EntityPaneState {
    /// The entity whose mentions `]` and `[` follow.
    public internal(set) var selectedEntity: Int?
    /// Row of the cursor: the open article's entities, then the selected entity's mentions or quotes.
    public internal(set) var selection = 0
    /// The first row of the list shown.
    public internal(set) var scroll = 0
    /// What the pane lists for the selected entity: its mentions or its quotes.
    public internal(set) var view: View = .mentions
    /// Entities in the open article, most-mentioned first, with their counts there. Kept, not
    /// sorted on every frame: a huge article names tens of thousands.
    public private(set) var inOpenArticle: [(entity: Int, count: Int)] = []
    private var inOpenArticleKey: Int?

    /// What the pane lists below the open article's entities.
    public enum View: Equatable, Sendable {
        case mentions, quotes
    }

    mutating func toggleView() {
        view = view == .mentions ? .quotes : .mentions
    }

    mutating func moveCursor(by delta: Int) {
        selection = selection.addingClamped(delta)
    }

    /// The cursor and scroll go back to the top, as when another article opens.
    mutating func resetCursor() {
        selection = 0
        scroll = 0
    }

    mutating func select(row: Int) {
        selection = row
    }

    mutating func select(entity: Int?) {
        selectedEntity = entity
    }

    /// Keeps the cursor on a row, and, when the pane is on screen (`visibleRows`), in view.
    mutating func clamp(rowCount: Int, visibleRows: Int?) {
        selection = min(max(0, selection), max(0, rowCount - 1))
        if let visibleRows { scroll = scrolled(scroll, toShow: selection, rows: max(1, visibleRows), count: rowCount) }
    }

    /// Sorts the open article's entities again when another article is open.
    mutating func refreshInOpenArticle(_ article: Int, of corpus: Corpus) {
        if inOpenArticleKey == article { return }
        inOpenArticle = corpus.mentionCounts(inArticle: article)
            .sorted { $0.value != $1.value ? $0.value > $1.value : corpus.entities[$0.key].name < corpus.entities[$1.key].name }
            .map { ($0.key, $0.value) }
        inOpenArticleKey = article
    }
}
