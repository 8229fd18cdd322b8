import DossierCore
import DossierUI

/// The reader without a terminal: keys go through the real key map and `update`, the corpus work
/// the effects ask for is done at once (`InlineRunner`); `screen` is `render`.
struct TestApp {
    private(set) var runner: InlineRunner
    /// Every effect left for a terminal's loop (quit, draw, links, fetches), in order.
    private(set) var effects: [Effect] = []

    init(size: Size = Size(columns: 80, rows: 24), paths: [String] = [], settings: ReaderSettings = ReaderSettings()) throws {
        self.init(state: AppState(corpus: try CorpusLoader.load(paths: paths), size: size, settings: settings))
    }

    init(state: AppState, defersLayouts: Bool = false) {
        runner = InlineRunner(state, defersLayouts: defersLayouts)
    }

    var state: AppState { runner.state }

    /// Time passing, as the reader's loop reports it.
    mutating func wait(seconds: Double, from start: Double = 0) {
        send(.tick(start))
        send(.tick(start + seconds))
    }

    /// Types keys in the shared notation: `"/ brown <Enter>"`.
    mutating func type(_ notation: String) {
        effects += runner.type(notation)
    }

    mutating func send(_ action: Action) {
        effects += runner.send(action)
    }

    mutating func send(_ outcome: Outcome) {
        effects += runner.send(outcome)
    }

    /// Wraps whole the layouts that waited (with `defersLayouts`), as the loop's thread does.
    mutating func finishLayouts() {
        effects += runner.finishLayouts()
    }

    mutating func resize(_ size: Size) { send(.resized(size)) }

    var screen: Screen { render(state) }

    /// The status line's text, trimmed.
    var status: String {
        let rows = screen.text.split(separator: "\n")
        return String(rows[rows.count - 1].dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
    }
}

import Foundation
