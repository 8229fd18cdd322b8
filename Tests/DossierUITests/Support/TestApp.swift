import DossierCore
import DossierUI

/// The reader without a terminal: keys go through the real key map and `update`; `screen` is `render`.
struct TestApp {
    var state: AppState

    init(size: Size = Size(columns: 80, rows: 24), paths: [String] = []) throws {
        state = AppState(corpus: try CorpusLoader.load(paths: paths), size: size)
    }

    /// Time passing, as the reader's loop reports it.
    mutating func wait(seconds: Double, from start: Double = 0) {
        update(&state, .tick(start))
        update(&state, .tick(start + seconds))
    }

    init(state: AppState) {
        self.state = state
    }

    /// Types keys in the shared notation: `"/ brown <Enter>"`.
    mutating func type(_ notation: String) {
        for key in Key.sequence(notation) {
            if let action = KeyMap.action(for: key, in: state) { update(&state, action) }
        }
    }

    mutating func resize(_ size: Size) { update(&state, .resized(size)) }

    var screen: Screen { render(state) }

    /// The status line's text, trimmed.
    var status: String {
        let rows = screen.text.split(separator: "\n")
        return String(rows[rows.count - 1].dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
    }
}

import Foundation
