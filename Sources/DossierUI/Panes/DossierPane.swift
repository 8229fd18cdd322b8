
/// The dossier view, over the whole screen but the status line: a title row, then the lines
/// of `DossierView`, the selected one reversed.
enum DossierPane {
    /// The screen row of the first line below the title.
    static let firstBodyRow = 1

    static func bodyRows(_ state: AppState) -> Int { max(1, state.session.size.rows - 2) }

    static func draw(_ state: AppState, _ dossier: DossierView, on screen: inout Screen) {
        let width = state.session.size.columns
        let area = Rect(column: 0, row: 0, columns: width, rows: state.session.size.rows - 1)
        screen.fill(area)
        let name = state.corpus.entities[dossier.entity].name
        let keyMap = state.keyMap
        drawPaneTitle("Dossier: \(name) · \(keyMap.hint(for: .activate)) goes there · \(keyMap.hint(for: .cancel)) closes", focused: true, in: Rect(column: 0, row: 0, columns: width, rows: 1), on: &screen)
        for (offset, line) in dossier.lines.dropFirst(dossier.scroll).prefix(bodyRows(state)).enumerated() {
            let row = firstBodyRow + offset
            let isSelected = dossier.scroll + offset == dossier.selection
            if isSelected { screen.fill(Rect(column: 0, row: row, columns: width, rows: 1), style: Style(reverse: true)) }
            var column = 1
            for part in line.parts {
                guard column < width else { break }
                switch part {
                case .text(let text, var style):
                    style.reverse = isSelected
                    column += screen.write(truncated(text, to: width - column), column: column, row: row, limit: width - column, style: style)
                case .bar(let length, var style):
                    style.reverse = isSelected
                    column += screen.write(String(repeating: "█", count: min(length, width - column)), column: column, row: row,
                                           limit: width - column, style: style)
                }
            }
        }
    }
}
