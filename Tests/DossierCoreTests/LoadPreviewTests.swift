@testable import DossierCore
@testable import DossierFormats
@testable import DossierIndex
@testable import DossierText
import Foundation
import Testing

/// What a reader can show while a corpus loads: the files at once, then each title.
struct LoadPreviewTests {
    /// Collects preview events from the loading threads.
    final class Collector: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var found: [Corpus] = []
        private(set) var titles: [Int: [String]] = [:]
        private(set) var titledBeforeFound = false

        func record(_ event: LoadPreview) {
            lock.withLock {
                switch event {
                case .found(let corpus): found.append(corpus)
                case .titled(let index, let title):
                    if found.isEmpty { titledBeforeFound = true }
                    titles[index, default: []].append(title)
                }
            }
        }
    }

    static let files = [
        "politics/first.txt": "Minister resigns over budget\n\nThe minister resigned on Monday after the budget vote failed.",
        "politics/second.txt": "No headline here, only one long paragraph of text that runs on and on about a vote in parliament.",
        "sport/first.txt": "Cup final goes to extra time\n\nThe final went to extra time before a late goal settled it.",
        "empty.txt": "",
        "image.txt": "\u{0}PNG\u{0}\u{1}\u{2}\u{3}",
    ]

    @Test func preview_listsEveryFileFound_thenTitlesEachArticleOnce() throws {
        let folder = try TestCorpus.folder(Self.files)
        let collector = Collector()
        let corpus = try CorpusLoader.load(paths: [folder.path], preview: collector.record)

        #expect(collector.found.count == 1)
        let preview = try #require(collector.found.first)
        #expect(!collector.titledBeforeFound)
        // Every file found is listed, the skipped ones too, each titled by its id until read.
        let found = preview.articles.map(\.path)
        #expect(Set(found) == Set(corpus.articles.map(\.path) + corpus.skipped.map(\.path)))
        #expect(found.count == Self.files.count)
        #expect(preview.articles.allSatisfy { $0.title == $0.id && $0.paragraphs.isEmpty })
        #expect(preview.entities.isEmpty && preview.mentions.allSatisfy(\.isEmpty))
        #expect(Set(preview.articles.map(\.id)).count == preview.articles.count, "ids tell the two first.txt apart")

        // Each article's title arrives once, the one the loaded corpus gives it; skipped files get none.
        #expect(collector.titles.values.allSatisfy { $0.count == 1 })
        let titleByPath = Dictionary(uniqueKeysWithValues: collector.titles.map { (preview.articles[$0.key].path, $0.value[0]) })
        #expect(titleByPath == Dictionary(uniqueKeysWithValues: corpus.articles.map { ($0.path, $0.title) }))
    }

    @Test func preview_fromASavedIndex_titlesEveryArticleToo() throws {
        let folder = try TestCorpus.folder(Self.files)
        let cache = IndexCache(directory: try TestCorpus.folder([:]).appendingPathComponent("cache").path)
        _ = try CorpusLoader.load(paths: [folder.path], cache: cache)
        // A new file, so that the load reads it and takes every other article from the saved index.
        try Data("Late news\n\nThe minister spoke again on Friday.\n".utf8).write(to: folder.appendingPathComponent("late.txt"))
        let collector = Collector()
        let corpus = try CorpusLoader.load(paths: [folder.path], cache: cache, preview: collector.record)
        #expect(collector.titles.count == corpus.articles.count)
        #expect(Set(collector.titles.values.map { $0[0] }) == Set(corpus.articles.map(\.title)))
    }

    @Test func anUnchangedCorpus_needsNoPreview_sinceItOpensWholeFromItsSavedIndex() throws {
        let folder = try TestCorpus.folder(Self.files)
        let cache = IndexCache(directory: try TestCorpus.folder([:]).appendingPathComponent("cache").path)
        let first = try CorpusLoader.load(paths: [folder.path], cache: cache)
        let collector = Collector()
        let corpus = try CorpusLoader.load(paths: [folder.path], cache: cache, preview: collector.record)
        #expect(collector.found.isEmpty && collector.titles.isEmpty)
        #expect(corpus.articles.map(\.title) == first.articles.map(\.title))
    }

    @Test func readAlone_parsesTheFileAsTheCorpusDoes() throws {
        let folder = try TestCorpus.folder(Self.files)
        let corpus = try CorpusLoader.load(paths: [folder.path])
        for article in corpus.articles {
            let alone = ArticleParser.readAlone(path: article.path, id: article.id)
            #expect(alone.title == article.title)
            #expect(alone.paragraphs == article.paragraphs)
            #expect(alone.text.bytes == article.text.bytes)
            #expect(alone.wordCount == article.wordCount, "words are counted as loading counts them")
        }
    }

    @Test func tokenCount_isTheNumberOfTokens() {
        for text in ["Plain words, and Korea’s talks.", "Kim Jong-un's 'quoted' o'clock", "Pyongyang – 평양 – ＦＵＬＬ width",
                     "e\u{301}te\u{301} \u{301}\u{302} alone", "12.5% of 1,000", "", "   ", "’s ' ’"] {
            let bytes = Array(text.utf8)
            #expect(Tokenizer.count(in: bytes, range: 0..<bytes.count) == Tokenizer.tokens(in: bytes, range: 0..<bytes.count).count, "\(text)")
        }
    }

    @Test func readAlone_aFileThatIsNotAnArticle_saysWhy() throws {
        let folder = try TestCorpus.folder(Self.files)
        let cases = [
            ("image.txt", "It is not text"),
            ("empty.txt", "It is empty, so it will be skipped."),
            ("gone.txt", "It cannot be read: it does not exist."),
        ]
        for (name, expected) in cases {
            let article = ArticleParser.readAlone(path: folder.appendingPathComponent(name).path, id: name)
            #expect(article.title == name)
            #expect(article.paragraphs.count == 1)
            #expect(article.text.string(article.paragraphs[0]).hasPrefix(expected), "\(name)")
        }
    }
}
