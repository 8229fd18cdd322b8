import DossierTestSupport
import Foundation
import Testing
@testable import DossierUI

/// Every picture of the reader in README.md and docs/ is the screen the reader draws today.
struct DocumentationPictureTests {
    @Test func theDocumentsShowPictures() throws {
        #expect(try DocumentationExamples.pictures().count >= 1)
    }

    @Test(arguments: try DocumentationExamples.pictures())
    func picture_isWhatTheReaderDraws(example: DocumentationExamples.Picture) throws {
        var app = try TestApp(size: Size(columns: example.columns, rows: example.rows), paths: example.paths)
        app.type(example.keys)
        // Screen.text frames each row in |…|.
        let rows = app.screen.text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
            .map { String($0.dropFirst().dropLast()) }
        // PICTURES_TO=FOLDER writes each picture as drawn today, to review and paste into the document.
        if let folder = ProcessInfo.processInfo.environment["PICTURES_TO"] {
            let name = example.file.replacingOccurrences(of: "/", with: "_") + "-\(example.line).txt"
            try rows.joined(separator: "\n").write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        #expect(DocumentationExamples.matches(shown: example.screen, actual: rows),
                "\(example) draws:\n\(rows.joined(separator: "\n"))")
    }
}
