import DossierCore
import DossierFormats
@testable import DossierUI
import Foundation
import Testing

/// The reader while its corpus is still being indexed, and the swap to the full corpus.
struct IndexingTests {
    /// The seed articles loaded once with a preview: the placeholder corpus, the titles as they came, and the result.
    struct Load {
        let preview: Corpus
        let titles: [(index: Int, title: String)]
        let corpus: Corpus

        init() throws {
            final class Events: @unchecked Sendable {
                let lock = NSLock()
                var preview: Corpus?
                var titles: [(index: Int, title: String)] = []
            }
            let events = Events()
            corpus = try CorpusLoader.load(paths: [], preview: { event in
                events.lock.withLock {
                    switch event {
                    case .found(let corpus): events.preview = corpus
                    case .titled(let index, let title): events.titles.append((index, title))
                    }
                }
            })
            preview = try #require(events.preview)
            titles = events.titles.sorted { $0.index < $1.index }
        }
    }

    static let midway = LoadProgress(stage: .reading, filesDone: 1, fileCount: 2, bytesRead: 2_865, seconds: 0.4)

    /// The app as the reader's loop drives it: keys through the key map, the open file read, when
    /// asked, before the next key.
    struct IndexingApp {
        var app: TestApp

        init(_ load: Load, size: Size) {
            app = TestApp(state: AppState(indexing: load.preview, size: size))
        }

        mutating func type(_ notation: String) { app.type(notation) }

        mutating func send(_ outcome: Outcome) { app.send(outcome) }
    }

    @Test func whileIndexing_listsTheFiles_readsTheOpenOne_andSaysHowFarIndexingHasCome() throws {
        let load = try Load()
        var indexing = IndexingApp(load, size: Size(columns: 120, rows: 24))
        #expect(indexing.app.state.hasText, "the open file was read")
        indexing.send(.progressed(Self.midway))
        indexing.send(.titled(Array(load.titles.prefix(1))))
        let screen = indexing.app.screen.text
        expectSnapshot(screen, named: "indexing-120x24")
        // The first title is known, the second file is still listed by its id.
        #expect(screen.contains(String(load.titles[0].title.prefix(20))))
        #expect(screen.contains(String(load.preview.articles[1].id.prefix(20))))
        // The reader shows the open file's text before any entity is known.
        let firstWords = load.corpus.articles.first { $0.path == load.preview.articles[0].path }!.paragraphText(0).prefix(30)
        #expect(screen.contains(firstWords))
        #expect(screen.contains("indexing 50%…"))
        #expect(indexing.app.status.hasPrefix("indexing 50%… · 1 of 2 files"))
    }

    @Test func whileIndexing_whatNeedsTheIndex_saysSo() throws {
        var indexing = IndexingApp(try Load(), size: Size(columns: 120, rows: 24))
        for (keys, message) in [("}", "mentions are linked when indexing is done"), ("]", "mentions are linked when indexing is done"),
                                ("n", "search is ready when indexing is done"), ("v", "entities are ready when indexing is done"),
                                ("!", "skipped files are known when indexing is done"),
                                (": entity <Space> pompeo <Enter>", "entities are ready when indexing is done"),
                                ("/ pompeo <Enter>", "pompeo will be searched when indexing is done"),
                                ("/ ... <Enter>", "has no words to search for")] {
            indexing.type(keys)
            #expect(indexing.app.status.contains(message), "\(keys)")
        }
        #expect(indexing.app.state.session.indexing?.pendingSearch == "pompeo", "a query that cannot parse does not replace a good one")
        // Moving about works as ever.
        indexing.type("j <Enter>")
        #expect(indexing.app.state.reader.openArticle == 1)
        #expect(indexing.app.state.articleInReader.path == indexing.app.state.corpus.articles[1].path)
        #expect(indexing.app.state.articleInReader.paragraphs.count > 3)
    }

    @Test func whenIndexed_theReaderKeepsItsPlace_andRunsTheWaitingSearchWithoutMoving() throws {
        let load = try Load()
        var indexing = IndexingApp(load, size: Size(columns: 120, rows: 24))
        indexing.type("j <Enter> j j j / pompeo <Enter> : open")
        let openPath = indexing.app.state.corpus.articles[indexing.app.state.reader.openArticle].path
        #expect(indexing.app.state.reader.scroll == 3)
        indexing.send(.finished(load.corpus))

        let state = indexing.app.state
        #expect(state.session.indexing == nil)
        #expect(state.corpus.articles[state.reader.openArticle].path == openPath)
        #expect(state.list.selection == state.reader.openArticle)
        #expect(state.reader.scroll == 3)
        #expect(state.session.focus == .reader)
        #expect(state.prompt.open?.text == "open", "a prompt being typed stays open")
        #expect(state.reader.search?.result.query == "pompeo")
        #expect(state.reader.search?.current == nil)
        #expect(indexing.app.status.contains("n goes to the next") == false, "the prompt has the status row")
        indexing.type("<Esc>")
        #expect(indexing.app.status.hasPrefix("\(state.reader.search!.result.hits.count) matches in 2 articles · n goes to the next"))
        // Mentions are there now, and n goes to the first match from where the reader stands.
        #expect(!indexing.app.screen.text.contains("indexing"))
        indexing.type("n")
        let hit = state.reader.search!.result.hits.first { $0.article >= state.reader.openArticle }!
        #expect(indexing.app.state.reader.openArticle == hit.article)
        #expect(indexing.app.status.hasPrefix("match "))
    }

    @Test func titlesAndReadsForAnotherArticle_areIgnoredOrKept_withoutCrashing() throws {
        let load = try Load()
        var indexing = IndexingApp(load, size: Size(columns: 80, rows: 24))
        indexing.send(.titled([(index: 99, title: "out of range")]))
        let other = ArticleParser.readAlone(path: load.preview.articles[1].path, id: "x")
        indexing.send(.textRead(ArticleContent(reading: other, index: 1, of: indexing.app.state.corpus)))
        #expect(indexing.app.state.articleInReader.path == load.preview.articles[0].path, "a read for an article no longer open is dropped")
        indexing.send(.finished(load.corpus))
        indexing.send(.titled([(index: 0, title: "late")]))
        #expect(indexing.app.state.session.indexing == nil)
        #expect(!indexing.app.screen.text.contains("late"))
    }
}
