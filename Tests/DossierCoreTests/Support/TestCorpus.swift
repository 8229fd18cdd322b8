import Foundation
@testable import DossierCore

/// Corpora for tests: the bundled seeds, the shared BBC corpus, or files written to a temporary folder.
enum TestCorpus {
    static let seedIDs = (first: "000_6fb30d2b1fa199a6", second: "004_aa78b19fab688198")

    static func seeds() throws -> Corpus {
        try CorpusLoader.load(paths: [])
    }

    /// The shared folder beside the repository, which a user's clone does not have.
    static var sharedFolder: URL {
        // Support/ → DossierCoreTests/ → Tests/ → the repository → its parent, where shared/ lives.
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
    }

    static var bbcFolder: URL? {
        let url = sharedFolder.appendingPathComponent("corpora/bbc")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The BBC corpus, or nil after saying that the test is skipped because a clone without
    /// ../shared does not have it.
    static func bbcFolderOrSkip(_ test: String = #function) -> URL? {
        if let bbcFolder { return bbcFolder }
        print("skipped \(test): ../shared/corpora/bbc is not beside the repository")
        return nil
    }

    /// The Article Extraction Benchmark's pages and hand-checked bodies, or nil after saying that the
    /// test is skipped because a clone without ../shared does not have them.
    static func aebFolderOrSkip(_ test: String = #function) -> URL? {
        let url = sharedFolder.appendingPathComponent("corpora/aeb")
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("ground-truth.json").path) { return url }
        print("skipped \(test): ../shared/corpora/aeb is not beside the repository")
        return nil
    }

    /// Writes `files` (relative path → contents) into a new temporary folder.
    static func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-test-\(UUID().uuidString)")
        for (path, contents) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
        return folder
    }

    /// A corpus of one article with the given text, linked against the bundled catalog.
    static func single(_ text: String) throws -> Corpus {
        try CorpusLoader.load(paths: [folder(["article.txt": text]).path])
    }
}

extension Corpus {
    /// Linked mentions of an entity in one article, by ids.
    func count(of entityID: String, inArticle articleID: String) -> Int {
        guard let entity = entityIndex(id: entityID),
              let article = articles.firstIndex(where: { $0.id == articleID }) else { return -1 }
        return mentions[article].filter { $0.entity == entity }.count
    }

    /// The surface text of every mention in the first article, with its entity id or "?" when ambiguous.
    var linkedNames: [String] {
        mentions[0].map { mention in
            "\(articles[0].text.string(mention.range))=\(mention.entity.map { entities[$0].id } ?? "?")"
        }
    }
}
