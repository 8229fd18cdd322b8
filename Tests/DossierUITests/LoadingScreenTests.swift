import DossierCore
import Testing
@testable import DossierUI

/// The screen a reader sees while a corpus without a saved index is indexed.
struct LoadingScreenTests {
    static let midway = LoadProgress(stage: .reading, filesDone: 43_000, fileCount: 100_000, bytesRead: 96_000_000, seconds: 4)

    @Test func midway_showsShareFilesSpeedAndTimeLeft() {
        let screen = LoadingScreen.render(Self.midway, paths: ["/archive/bbc"], size: Size(columns: 80, rows: 24))
        expectSnapshot(screen.text, named: "loading-80x24")
        let text = screen.text  // each row between two bars
        #expect(text.contains("Indexing /archive/bbc"))
        #expect(text.contains("43,000 of 100,000 files · 24 MB/s · 6 s left"))
        #expect(text.contains("indexing 43%…  ·  q quit"))
    }

    @Test func stages_sayWhatIsHappening() {
        #expect(LoadingScreen.statusText(nil) == "indexing…")
        #expect(LoadingScreen.statusText(Self.midway) == "indexing 43%…")
        let indexing = LoadProgress(stage: .indexing, filesDone: 10, fileCount: 10, bytesRead: 1, seconds: 1)
        #expect(LoadingScreen.statusText(indexing) == "building the word index…")
    }

    @Test func everySize_fitsWithoutCrashing() {
        for columns in [1, 5, 19, 20, 33, 80, 200] {
            for rows in [1, 2, 3, 4, 6, 8, 9, 40] {
                let screen = LoadingScreen.render(Self.midway, paths: [String(repeating: "wide 語 ", count: 30)],
                                                  size: Size(columns: columns, rows: rows))
                #expect(screen.text.split(separator: "\n", omittingEmptySubsequences: false).allSatisfy { $0.count <= columns + 2 }, "\(columns)×\(rows)")
            }
        }
    }
}
