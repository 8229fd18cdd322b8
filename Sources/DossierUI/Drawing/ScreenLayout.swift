/// Where each pane goes at the current size.
///
/// 100 columns and wider: articles, reader and entities side by side. Narrower:
/// the entity pane folds away (`e` shows it in place of the article list).
/// Narrower than 60 or shorter than 12 rows: only the focused pane.
/// The last row is the status line, or the prompt while one is open.
public struct ScreenLayout: Equatable {
    public static let minimum = Size(columns: 20, rows: 6)

    public let articles: Rect?
    public let reader: Rect?
    public let entities: Rect?
    public let statusRow: Int
    public let isTooSmall: Bool

    init(state: AppState) {
        let size = state.session.size
        isTooSmall = size.columns < Self.minimum.columns || size.rows < Self.minimum.rows
        statusRow = size.rows - 1
        let rows = size.rows - 1
        func rect(_ column: Int, _ columns: Int) -> Rect { Rect(column: column, row: 0, columns: columns, rows: rows) }
        if isTooSmall {
            (articles, reader, entities) = (nil, nil, nil)
        } else if size.columns < 60 || size.rows < 12 {
            let whole = rect(0, size.columns)
            articles = state.session.focus == .articles ? whole : nil
            reader = state.session.focus == .reader ? whole : nil
            entities = state.session.focus == .entities ? whole : nil
        } else if size.columns < 100 {
            let side = max(22, size.columns * 3 / 10)
            if state.session.showsEntitiesWhenNarrow {
                articles = nil
                reader = rect(0, size.columns - side - 1)
                entities = rect(size.columns - side, side)
            } else {
                articles = rect(0, side)
                reader = rect(side + 1, size.columns - side - 1)
                entities = nil
            }
        } else {
            // Both side panes grow with the screen, so that wide terminals show whole titles and names.
            let list = min(64, max(26, size.columns * 8 / 25))
            let side = min(64, max(28, size.columns / 4))
            articles = rect(0, list)
            reader = rect(list + 1, size.columns - list - side - 2)
            entities = rect(size.columns - side, side)
        }
    }

    /// The panes on screen, in Tab order.
    public var visiblePanes: [Pane] {
        [(Pane.articles, articles), (.reader, reader), (.entities, entities)].compactMap { $0.1 == nil ? nil : $0.0 }
    }

    /// Rows of content in a pane, below its title row.
    public static func contentRows(_ rect: Rect?) -> Int { max(0, (rect?.rows ?? 0) - 1) }
}
