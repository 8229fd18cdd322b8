@testable import DossierCore
import DossierFormats
import DossierIndex
import DossierTestSupport
import Foundation
import Testing

/// Ids made from what names an article: they stay with it wherever it moves, and are short enough to type.
struct ArticleIDTests {
    static func rss(_ items: [(guid: String, title: String)]) -> String {
        let entries = items.map { "<item><title>\($0.title)</title><guid>\($0.guid)</guid><description>\($0.title), told in full.</description></item>" }
        return "<rss version=\"2.0\"><channel><title>Desk</title>\(entries.joined())</channel></rss>"
    }

    /// Stable ids by title, for comparing corpora.
    static func stableIDs(_ corpus: Corpus) -> [String: String] {
        Dictionary(uniqueKeysWithValues: corpus.articles.map { ($0.title, $0.stableID) })
    }

    @Test func aNewItemAtTheTopOfAFeed_leavesTheOtherItemsTheirIDs() throws {
        let folder = try TestCorpus.folder(["desk.xml": Self.rss([("a", "Alpha"), ("b", "Bravo")])])
        let before = Self.stableIDs(try CorpusLoader.load(paths: [folder.path]))
        try Data(Self.rss([("c", "Charlie"), ("a", "Alpha"), ("b", "Bravo")]).utf8).write(to: folder.appendingPathComponent("desk.xml"))
        let after = Self.stableIDs(try CorpusLoader.load(paths: [folder.path]))
        #expect(after["Alpha"] == before["Alpha"] && after["Bravo"] == before["Bravo"])
        #expect(after["Charlie"] != nil && after["Charlie"] != before["Alpha"])
    }

    @Test func aRenamedFeedFile_andAReorderedDataset_keepTheirArticlesIDs() throws {
        let records = [#"{"id": "r1", "title": "One", "text": "The first record."}"#, #"{"id": "r2", "title": "Two", "text": "The second."}"#,
                       #"{"title": "Three", "text": "A record with no id of its own."}"#]
        let folder = try TestCorpus.folder(["desk.xml": Self.rss([("a", "Alpha")]), "data.jsonl": records.joined(separator: "\n")])
        let before = Self.stableIDs(try CorpusLoader.load(paths: [folder.path]))
        try FileManager.default.moveItem(at: folder.appendingPathComponent("desk.xml"), to: folder.appendingPathComponent("renamed.rss"))
        try Data(records.reversed().joined(separator: "\n").utf8).write(to: folder.appendingPathComponent("data.jsonl"))
        let after = Self.stableIDs(try CorpusLoader.load(paths: [folder.path]))
        #expect(after == before)
        #expect(Set(before.values).count == 4)
    }

    @Test func theSameItemInAFeedFile_andInTheLibrary_hasOneID() throws {
        let folder = try TestCorpus.folder([
            "desk.xml": Self.rss([("tag:desk,1", "Alpha")]),
            "library.jsonl": #"{"guid": "tag:desk,1", "title": "Alpha", "text": "Alpha, told in full."}"#,
        ])
        let corpus = try CorpusLoader.load(paths: [folder.path])
        #expect(corpus.articles.count == 2)
        // One key; the second copy is told apart from the first, and both stay.
        #expect(corpus.articles[0].key == corpus.articles[1].key)
        #expect(corpus.articles[0].stableID != corpus.articles[1].stableID)
    }

    @Test func shownIDs_areTheShortestUniqueStarts_atLeastSix_andAtMostSixteen() {
        let keys: [UInt64] = [0xABCD_EF01_2345_6789, 0xABCD_EF99_0000_0000, 0x1234_5600_0000_0000, 0x1234_5700_0000_0000, 7]
        let named = ArticleIDs.make(keys: keys, paths: keys.map { "/news/\($0).json" }, records: keys.map { _ in nil })
        #expect(named.stableIDs == ["abcdef0123456789", "abcdef9900000000", "1234560000000000", "1234570000000000", "0000000000000007"])
        #expect(named.ids == ["abcdef0", "abcdef9", "123456", "123457", "000000"])
    }

    @Test func aPlainFileWithAShortPlainName_isKnownByIt_andALongOneByItsKey() throws {
        let folder = try TestCorpus.folder([
            "envoys.txt": "Envoys\n\nMike Pompeo flew to Hanoi.\n",
            "000_6fb30d2b1fa199a6.txt": "Long\n\nA file whose name is too long to be an id.\n",
            "cafe00.txt": "Hex\n\nA name that reads as the start of a key.\n",
        ])
        let corpus = try CorpusLoader.load(paths: [folder.path])
        let ids = Dictionary(uniqueKeysWithValues: corpus.articles.map { ($0.title, $0.id) })
        #expect(ids["Envoys"] == "envoys")
        #expect(ids["Long"]?.count == 6 && ids["Hex"]?.count == 6 && ids["Hex"] != "cafe00")
        #expect(corpus.articles.allSatisfy { $0.id.count <= 16 && $0.stableID.count <= 16 })
        // Each is found by its file's name too.
        #expect(corpus.article(named: "000_6fb30d2b1fa199a6")?.title == "Long")
        #expect(corpus.article(named: "cafe00")?.title == "Hex")
    }

    /// A search answered from the saved index names its articles as a load does, without decoding them.
    @Test func aSearchFromTheSavedIndex_namesArticlesAsALoadDoes() throws {
        let folder = try TestCorpus.folder(["desk.xml": Self.rss([("a", "Alpha"), ("b", "Bravo"), ("a", "Alpha")]),
                                            "envoys.txt": "Envoys\n\nMike Pompeo flew to Hanoi.\n"])
        let cache = IndexCache(directory: TemporaryFolder.url("cache").path)
        let loaded = try CorpusLoader.load(paths: [folder.path], cache: cache)
        let searched = try CorpusLoader.loadForSearch(paths: [folder.path], cache: cache)
        #expect(searched is SearchCorpus)
        let pairs = { (articles: CorpusArticles) in Set(articles.map { "\($0.id) \($0.stableID) \($0.title)" }) }
        #expect(pairs(searched.articles) == pairs(loaded.articles))
    }
}
