/// The key table from the key map, then how to read the list and write a filter, over the
/// whole screen but the status line, so nothing of the panes shows beside it. Longer than the
/// screen, it scrolls (j, k, Space, b).
enum HelpOverlay {
    /// Notes below the keys: what the list's marks mean and the filter language.
    static func notes(_ keyMap: KeyMap) -> [(String, String)] {
        let staying = [Action.nextEntityMention, .previousEntityMention, .nextMatch, .previousMatch, .nextUnread]
            .map { keyMap.hint(for: $0) }.joined(separator: ", ") + " and " + keyMap.hint(for: .previousUnread)
        return [
            ("", ""),
            ("The list", "▶ open · • holds a search match · * unread (bold) · the number: mentions of people"),
            ("Entities", "the article's people, places and bodies; 3/12: mentioned 3 times here, 12 in all articles"),
            ("Filter (\(keyMap.hint(for: .openFilter)))", "mentions:NAME source:NAME since:2018-09-01 until:2018-12 format:feed unread read"),
            ("", "plain words match the title; terms combine with and, or, not and ( ); @name is a saved filter"),
            ("", staying + " stay within the filtered list"),
            ("Commands", ":filter EXPR  :sort date|source|title|mentions [reverse]  :dossier NAME"),
            ("", ":entity NAME  :open ARTICLE  :help  :q"),
            ("Corrections", ":kind person|place|organisation|none  :merge NAME  :split [NAME]  :speaker NAME|none  :undo"),
            ("", "for the name the reader is on, the selected entity, or a dossier and its quote; Tab completes names"),
            ("", "kept in corrections.toml, for every command and corpus"),
            ("Mouse", "click a pane, a row or a name; the wheel scrolls; Shift+drag selects text"),
        ]
    }

    /// A line a bound action, ending in the name config.toml's [keys] rebinds it by; an action left without a
    /// key is listed too, so that it can be found and bound again.
    static func lines(_ keyMap: KeyMap) -> [(String, String)] {
        keyMap.bindings.map { binding in
            (binding.keys.isEmpty ? "(no key)" : binding.keys.map(\.notation).joined(separator: " "),
             keyMap.help(of: binding) + " [\(binding.name)]")
        } + notes(keyMap) + [("Config", "config.toml's [keys] binds an action by the name in [ ]: filter = \"f\"")]
    }

    /// What closes the help, as its title and the status line say it: "Esc or ?".
    static func closingKeys(_ keyMap: KeyMap) -> String {
        "\(keyMap.hint(for: .cancel)) or \(keyMap.hint(for: .toggleHelp))"
    }

    /// The rows at a width: each line's help wrapped beside its keys, so none is cut.
    static func rows(_ keyMap: KeyMap, width: Int) -> [(String, String)] {
        let lines = lines(keyMap)
        let keyWidth = keyColumnWidth(lines, width: width)
        return lines.flatMap { keys, help -> [(String, String)] in
            let wrapped = help.isEmpty ? [""] : ReaderLayout.wrapText(help, width: max(10, width - keyWidth - 4))
            return wrapped.enumerated().map { ($0.offset == 0 ? keys : "", $0.element) }
        }
    }

    private static func keyColumnWidth(_ lines: [(String, String)], width: Int) -> Int {
        min(width / 3, lines.map { $0.0.terminalWidth }.max() ?? 0)
    }

    /// Rows for lines below the title.
    static func bodyRows(in size: Size) -> Int { max(1, size.rows - 2) }

    static func draw(_ state: AppState, in area: Rect, on screen: inout Screen) {
        let keyWidth = keyColumnWidth(lines(state.keyMap), width: area.columns)
        let lines = rows(state.keyMap, width: area.columns)
        screen.fill(area)
        let body = max(1, area.rows - 1)
        let first = min(state.overlays.helpScroll, max(0, lines.count - body))
        let keyMap = state.keyMap
        let scrolling = "\(keyMap.hint(for: .moveDown))/\(keyMap.hint(for: .moveUp)) scroll"
        let more = lines.count > body ? " · \(first + 1)–\(min(lines.count, first + body)) of \(lines.count), \(scrolling)" : ""
        screen.fill(Rect(column: area.column, row: area.row, columns: area.columns, rows: 1), style: Style(bold: true, reverse: true))
        screen.write(truncated(" Keys (\(closingKeys(keyMap)) closes)" + more, to: area.columns), column: area.column, row: area.row, limit: area.columns,
                     style: Style(bold: true, reverse: true))
        for (offset, line) in lines.dropFirst(first).prefix(body).enumerated() {
            let row = area.row + 1 + offset
            screen.write(" " + truncated(line.0, to: keyWidth), column: area.column, row: row, limit: keyWidth + 1, style: Style(bold: true))
            let helpColumn = area.column + keyWidth + 3
            screen.write(truncated(line.1, to: area.columns - keyWidth - 3), column: helpColumn, row: row, limit: area.columns - keyWidth - 3)
        }
    }
}
