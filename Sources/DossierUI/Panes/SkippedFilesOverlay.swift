import DossierFormats
import DossierText

/// The files that were found but not loaded, each with its reason, and what was passed over in the
/// files that were (a record that is not valid JSON), in a box over the screen.
enum SkippedFilesOverlay {
    static func draw(_ skipped: [SkippedFile], keyMap: KeyMap, in area: Rect, on screen: inout Screen) {
        let box = Rect(column: area.column + 1, row: area.row + 1, columns: area.columns - 2, rows: min(area.rows - 2, skipped.count + 2))
        guard box.columns > 4, box.rows > 1 else { return }
        // The whole area is cleared, so no piece of a pane shows beside the box.
        screen.fill(area)
        let closing = "\(keyMap.hint(for: .cancel)) or \(keyMap.hint(for: .toggleSkippedFiles))"
        let files = skipped.filter { !$0.isPartOfFile }.count
        let counts = [files > 0 || skipped.count == files ? Counted.phrase(files, "file") + " skipped" : nil,
                      skipped.count > files ? Counted.phrase(skipped.count - files, "warning") + " on files read" : nil].compactMap { $0 }
        screen.write(" \(counts.joined(separator: ", ")) (\(closing) closes) ", column: box.column + 1, row: box.row, limit: box.columns - 1,
                     style: Style(bold: true, reverse: true))
        for (offset, file) in skipped.prefix(box.rows - 2).enumerated() {
            let line = "\(file.path): \(file.reason)"
            screen.write(" " + truncated(line, to: box.columns - 2), column: box.column, row: box.row + 1 + offset, limit: box.columns)
        }
        if skipped.count > box.rows - 2, box.rows >= 3 {
            screen.write(" … and \(skipped.count - (box.rows - 2)) more (see the warnings on stderr)", column: box.column, row: box.row + box.rows - 1, limit: box.columns, style: Style(dim: true))
        }
    }
}
