
/// Draws the state into a screen of its size. Pure: reads the state, writes cells.
public func render(_ state: AppState) -> Screen {
    var screen = Screen(size: state.session.size)
    let layout = state.layout
    if layout.isTooSmall {
        screen.write("terminal too small", column: 0, row: 0, limit: state.session.size.columns)
        return screen
    }
    if let rect = layout.articles { ArticleListPane.draw(state, in: rect, on: &screen) }
    if let rect = layout.reader { ReaderPane.draw(state, in: rect, on: &screen) }
    if let rect = layout.entities { EntityPane.draw(state, in: rect, on: &screen) }
    for rect in [layout.articles, layout.reader, layout.entities].compactMap({ $0 }) where rect.column > 0 {
        for row in 0..<rect.rows { screen.write("│", column: rect.column - 1, row: row, limit: 1, style: Style(dim: true)) }
    }
    StatusLine.draw(state, row: layout.statusRow, on: &screen)
    let overlayArea = Rect(column: 0, row: 0, columns: state.session.size.columns, rows: layout.statusRow)
    if let dossier = state.overlays.dossier { DossierPane.draw(state, dossier, on: &screen) }
    if state.overlays.showsHelp { HelpOverlay.draw(state, in: overlayArea, on: &screen) }
    if state.overlays.showsSkippedFiles { SkippedFilesOverlay.draw(state.corpus.skipped, keyMap: state.keyMap, in: overlayArea, on: &screen) }
    if let feeds = state.overlays.feedList { FeedListOverlay.draw(state, feeds, in: overlayArea, on: &screen) }
    return screen
}

/// The title row of a pane; reversed when the pane has the focus.
func drawPaneTitle(_ title: String, focused: Bool, in rect: Rect, on screen: inout Screen) {
    let style = focused ? Style(bold: true, reverse: true) : Style(bold: true, underline: true)
    screen.fill(Rect(column: rect.column, row: rect.row, columns: rect.columns, rows: 1), style: style)
    screen.write(truncated(" " + title, to: rect.columns), column: rect.column, row: rect.row, limit: rect.columns, style: style)
}

/// Text cut to a width, with an ellipsis when cut.
func truncated(_ text: String, to width: Int) -> String {
    guard text.terminalWidth > width else { return text }
    guard width > 1 else { return width == 1 ? "…" : "" }
    var result = ""
    var used = 0
    for character in text {
        let characterWidth = character.terminalWidth
        if used + characterWidth > width - 1 { break }
        result.append(character)
        used += characterWidth
    }
    return result + "…"
}
