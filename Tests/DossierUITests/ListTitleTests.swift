import DossierCore
import DossierTestSupport
@testable import DossierUI
import Foundation
import Testing

/// The article list gives each title the room first, at every width: the count, date and source get
/// columns only beside a title of reasonable length, and give them up to a title that would otherwise fit.
struct ListTitleTests {
    /// Sources with long names, as feeds and datasets have them.
    static let sources = ["The Los Angeles Times Washington Bureau", "DH News Service", "Washington Examiner Politics and Policy Desk"]

    /// Thirty articles from the three sources, with titles from 9 to 114 characters.
    static func longSources(titles: (Int) -> String = title(_:)) throws -> String {
        let folder = TemporaryFolder.url("list-titles")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let records = try (0..<30).map { index -> String in
            let record: [String: String] = [
                "title": titles(index), "text": "Kim Jong Un met Mike Pompeo in Pyongyang on the \(index + 1)th.",
                "source": sources[index % sources.count], "date": "2019-02-\(String(format: "%02d", index % 28 + 1))",
            ]
            return String(decoding: try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]), as: UTF8.self)
        }
        try Data((records.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("wire.jsonl"))
        return folder.path
    }

    static func title(_ index: Int) -> String {
        let words = ["Envoys", "meet", "again", "in", "Hanoi", "as", "talks", "on", "sanctions", "stall", "over", "the", "winter"]
        return "\(index + 1). " + (0..<(1 + index * 3 % 20)).map { words[$0 % words.count] }.joined(separator: " ")
    }

    /// Each visible list row as drawn, without its two markers, beside the title it shows.
    private func listRows(_ app: TestApp) throws -> [(drawn: String, title: String)] {
        let pane = try #require(ScreenLayout(state: app.state).articles)
        let screen = app.screen
        return (1..<pane.rows).compactMap { offset in
            let listRow = app.state.list.scroll + offset - 1
            guard listRow < app.state.list.rows.count else { return nil }
            let cells = ((pane.column + 2)..<(pane.column + pane.columns)).map { screen[$0, pane.row + offset] }
            let drawn = String(cells.filter { !$0.isContinuation }.map(\.character))
            return (drawn, app.state.listTitle(app.state.list.rows[listRow]))
        }
    }

    /// How many columns of `title` a drawn row shows: all of it, or the part before the ellipsis.
    private func shownWidth(of title: String, in drawn: String) -> Int {
        if drawn.hasPrefix(title) { return title.terminalWidth }
        guard let cut = drawn.firstIndex(of: "…") else { return 0 }
        let shown = drawn[..<cut]
        return title.hasPrefix(shown) ? String(shown).terminalWidth : 0
    }

    @Test(arguments: [80, 120, 200])
    func everyRow_showsTheTitleFirst_andAtTwoHundredColumnsWholeWhenThePaneHoldsIt(columns: Int) throws {
        let app = try TestApp(size: Size(columns: columns, rows: 24), paths: [Self.longSources()])
        let pane = try #require(ScreenLayout(state: app.state).articles)
        let rows = try listRows(app)
        #expect(rows.count == 22)
        for row in rows {
            let shown = shownWidth(of: row.title, in: row.drawn)
            #expect(shown >= min(20, row.title.terminalWidth), "\(row.drawn) shows too little of \(row.title)")
            if row.title.terminalWidth <= pane.columns - 2 { #expect(shown == row.title.terminalWidth, "\(row.drawn) cuts \(row.title)") }
        }
        expectSnapshot(app.screen.text, named: "list-long-sources-\(columns)x24")
    }

    @Test func aListOfOneSource_doesNotRepeatItOnEveryRow() throws {
        let folder = TemporaryFolder.url("one-source")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let records = (1...3).map { "{\"title\": \"Short \($0)\", \"text\": \"Words.\", \"source\": \"DH News Service\"}" }
        try Data(records.joined(separator: "\n").utf8).write(to: folder.appendingPathComponent("one.jsonl"))
        let app = try TestApp(size: Size(columns: 200, rows: 12), paths: [folder.path])
        #expect(try listRows(app).allSatisfy { !$0.drawn.contains("DH News") })
        let mixed = try TestApp(size: Size(columns: 200, rows: 12), paths: [Self.longSources { _ in "Short" }])
        #expect(try listRows(mixed).contains { $0.drawn.contains("DH News Servi…") })
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: aebPages), "../shared/corpora/aeb is not beside the repository"))
    func onTheBenchmarkPages_at80x24_everyRowShowsTwentyCharactersOfItsTitle() throws {
        var app = try TestApp(size: Size(columns: 80, rows: 24), paths: [Self.aebPages])
        #expect(app.state.list.rows.count == 181)
        var seen = 0
        while seen < app.state.list.rows.count {
            let rows = try listRows(app)
            for row in rows {
                #expect(shownWidth(of: row.title, in: row.drawn) >= min(20, row.title.terminalWidth), "\(row.drawn) for \(row.title)")
            }
            seen = app.state.list.scroll + rows.count
            app.type("<PgDn>")
        }
    }

    static let aebPages = DocumentationExamples.repository.deletingLastPathComponent().appendingPathComponent("shared/corpora/aeb/html").path
}
