import DossierCore
import DossierTestSupport
import Foundation
import Testing
@testable import DossierUI

/// The hostile articles drawn by the reader: borders stay put and no control reaches a cell.
@Suite(.serialized) struct HostileScreenTests {
    static let corpus = Result { try CorpusLoader.load(paths: [HostileCorpus.make().path]) }

    @Test(arguments: [Size(columns: 120, rows: 30), Size(columns: 80, rows: 24), Size(columns: 40, rows: 12)])
    func everyHostileArticle_keepsBordersAlignedAndControlsOut(size: Size) throws {
        let corpus = try Self.corpus.get()
        for article in corpus.articles.indices {
            var app = TestApp(state: AppState(corpus: corpus, size: size))
            app.resize(size)
            for _ in 0..<article { app.send(.moveDown) }
            #expect(app.state.list.selection == article && app.state.session.focus == .articles)
            app.send(.activate)
            for _ in 0..<3 {
                let state = app.state
                let screen = render(state)
                let separators = [state.layout.reader, state.layout.entities].compactMap { $0?.column }.map { $0 - 1 }.filter { $0 >= 0 }
                for row in 0..<(size.rows - 1) {
                    for column in separators {
                        #expect(screen[column, row].character == "│", "\(corpus.articles[article].id) at \(size.columns)×\(size.rows): border moved at row \(row)")
                    }
                }
                for cell in screen.cells {
                    #expect(!cell.character.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value)
                        || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
                }
                for leaked in ["pwned", "another title", "[31m", "[2J", "app command", "c1 title"] {
                    #expect(!screen.text.contains(leaked), "\(leaked) shown in \(corpus.articles[article].id)")
                }
                app.send(.pageDown)
            }
        }
    }

    @Test func headlineWithEscapeSequences_keepsTheSpacesBetweenItsWords() {
        let title = "Title with \u{1B}[2J and \u{1B}]0;x\u{07} clear"
        #expect(ReaderLayout.wrapText(title, width: 60) == ["Title with \u{FFFD} and \u{FFFD} clear"])
    }

    @Test func tab_movesTheNextWordToTheNextTabStop() throws {
        let corpus = try Self.corpus.get()
        let tabs = try #require(corpus.articles.first { $0.path.hasSuffix("/tabs.txt") })
        let layout = ReaderLayout(article: tabs, width: 60)
        let words = try #require(layout.lines.compactMap { line -> [ReaderLayout.PlacedWord]? in
            if case .body(let words) = line { return words } else { return nil }
        }.first)
        #expect(words.map(\.column) == [0, 8, 16])  // "Name:" then "value" and "more" at tab stops
    }
}
