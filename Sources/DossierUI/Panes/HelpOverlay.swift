/// The key table from `KeyMap`, in a box over the screen.
enum HelpOverlay {
    static func draw(in area: Rect, on screen: inout Screen) {
        let lines = KeyMap.bindings.map { binding in
            (binding.keys.map(\.notation).joined(separator: " "), binding.help)
        }
        let keyWidth = lines.map { $0.0.terminalWidth }.max() ?? 0
        let width = min(area.columns, max(40, keyWidth + 3 + (lines.map { $0.1.terminalWidth }.max() ?? 0) + 2))
        let height = min(area.rows, lines.count + 2)
        let box = Rect(column: area.column + (area.columns - width) / 2, row: area.row + (area.rows - height) / 2, columns: width, rows: height)
        screen.fill(box)
        screen.write(" Keys (Esc or ? closes) ", column: box.column + 1, row: box.row, limit: box.columns - 1, style: Style(bold: true, reverse: true))
        for (offset, line) in lines.enumerated() where offset + 1 < box.rows {
            let row = box.row + 1 + offset
            screen.write(" " + line.0, column: box.column, row: row, limit: keyWidth + 1, style: Style(bold: true))
            screen.write(line.1, column: box.column + keyWidth + 3, row: row, limit: box.columns - keyWidth - 3)
        }
    }
}
