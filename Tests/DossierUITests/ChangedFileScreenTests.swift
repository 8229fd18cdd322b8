import DossierTestSupport
import DossierCore
import Foundation
import Testing
@testable import DossierUI

/// An article whose file changed after it was indexed: the reader says so in full, and marks nothing.
struct ChangedFileScreenTests {
    @Test func articleWhoseFileChanged_showsTheWholeNoticeNamingIt_withNoMarks() throws {
        let folder = TemporaryFolder.url("changed")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("talks.txt")
        try Data("Talks in Pyongyang\n\nMike Pompeo met Kim Jong Un in Pyongyang, and Donald Trump said so.\n".utf8).write(to: file)
        let corpus = try CorpusLoader.load(paths: [folder.path])
        try Data("Short now.\n".utf8).write(to: file)

        let size = Size(columns: 120, rows: 24)
        var app = TestApp(state: AppState(corpus: corpus, size: size))
        app.resize(size)
        let state = app.state
        let screen = render(state)
        let reader = try #require(state.layout.reader)
        let shown = (reader.row..<(reader.row + reader.rows)).map { row in
            (reader.column..<(reader.column + reader.columns - 1)).map { String(screen[$0, row].character) }.joined()
        }.joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(shown.contains("/talks.txt changed, or cannot be read, since Dossier indexed it."))
        #expect(shown.contains("Open the corpus again to index it anew.]"))
        for row in (reader.row + 1)..<(reader.row + reader.rows) {
            for column in reader.column..<(reader.column + reader.columns - 1) {
                let style = screen[column, row].style
                #expect(style.foreground == nil && !style.underline, "a mark at \(column), \(row)")
            }
        }
    }
}
