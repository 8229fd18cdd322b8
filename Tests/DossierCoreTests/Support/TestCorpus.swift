import DossierTestSupport
import Foundation
import Testing
@testable import DossierCore
import DossierFormats

/// Corpora for tests: the bundled seeds, the shared BBC corpus, or files written to a temporary folder.
enum TestCorpus {
    /// The seeds' ids: the starts of their keys, made from their files' names (000_6fb30d2b1fa199a6.txt and
    /// 004_aa78b19fab688198.txt), which are too long to be ids themselves.
    static let seedIDs = (first: "34fe7d", second: "92bab1")

    static func seeds() throws -> Corpus {
        try CorpusLoader.load(paths: [])
    }

    /// The shared folder beside the repository, which a user's clone does not have.
    static var sharedFolder: URL {
        // Support/ → DossierCoreTests/ → Tests/ → the repository → its parent, where shared/ lives.
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
    }

    /// Whether the shared corpora are beside the repository: tests that need them are skipped, and
    /// reported as skipped, in a clone without them.
    static var hasBBC: Bool { bbcFolder != nil }
    static var hasAEB: Bool { aebFolder != nil }

    static var bbcFolder: URL? {
        let url = sharedFolder.appendingPathComponent("corpora/bbc")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The Article Extraction Benchmark's pages and hand-checked bodies.
    static var aebFolder: URL? {
        let url = sharedFolder.appendingPathComponent("corpora/aeb")
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("ground-truth.json").path) ? url : nil
    }

    static let noBBC: Comment = "../shared/corpora/bbc is not beside the repository"
    static let noAEB: Comment = "../shared/corpora/aeb is not beside the repository"

    /// Writes `files` (relative path → contents) into a new temporary folder.
    static func folder(_ files: [String: String]) throws -> URL {
        let folder = TemporaryFolder.url("test")
        for (path, contents) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
        return folder
    }

    /// A corpus of one article with the given text, linked against the bundled catalog, in memory.
    static func single(_ text: String) throws -> Corpus {
        try CorpusLoader.load(texts: [("article", text)])
    }
}

extension Corpus {
    /// Linked mentions of an entity in one article, by ids.
    func count(of entityID: String, inArticle articleID: String) -> Int {
        guard let entity = entityIndex(id: entityID),
              let article = try? lookUpArticle(articleID) else { return -1 }
        return mentions[article].filter { $0.entity == entity }.count
    }

    /// The surface text of every mention in the first article, with its entity id or "?" when ambiguous.
    var linkedNames: [String] {
        mentions[0].map { mention in
            "\(articles[0].text.string(mention.range))=\(mention.entity.map { entities[$0].id } ?? "?")"
        }
    }
}

extension Corpus {
    /// Each article as its file's name, with `#N` for record N of a feed or dataset ("news#4"): what
    /// tests of reading order and record numbers compare, whatever the articles' ids are.
    var fileLabels: [String] {
        articles.map { article in
            let name = ArticleIDs.fileName(of: article.path)
            return article.record.map { "\(name)#\($0)" } ?? name
        }
    }

    /// The article a file label (`fileLabels`), id or title names, as commands find it.
    func article(named label: String) -> Article? {
        (try? lookUpArticle(label)).map { articles[$0] }
    }
}
