@testable import DossierCore
@testable import DossierIndex
@testable import DossierText
import Testing

struct SearchTests {
    static let seedFigures: [(query: String, matches: Int, articles: Int)] = [
        ("denuclearization", 8, 2),
        ("second summit", 4, 1),
        ("Korea", 19, 2),
    ]

    @Test(arguments: seedFigures.indices)
    func seedQuery_givesTheExpectedFigures(row: Int) throws {
        let (query, matches, articles) = Self.seedFigures[row]
        let result = try TestCorpus.seeds().index.search(Query(query))
        #expect(result.hits.count == matches, "\(query)")
        #expect(result.articleCount == articles, "\(query)")
    }

    @Test func words_areWholeTokensInAnyCase() throws {
        let corpus = try TestCorpus.single("Korea and Korean talks. KOREA’s envoy met korea's.")
        let hits = corpus.index.search(try Query("korea")).hits
        #expect(hits.map { corpus.articles[0].text.string(corpus.byteRange(of: $0)!) } == ["Korea", "KOREA", "korea"])
    }

    @Test func hyphen_separatesWords() throws {
        let corpus = try TestCorpus.single("Kim Jong-un arrived. Later Kim Jong Un left.")
        #expect(corpus.index.search(try Query("Kim Jong Un")).hits.count == 2)
    }

    @Test func apostrophes_areOneCharacter() throws {
        let corpus = try TestCorpus.single("It isn’t clear. It isn't sure.")
        #expect(corpus.index.search(try Query("isn't")).hits.count == 2)
        #expect(corpus.index.search(try Query("isn’t")).hits.count == 2)
    }

    @Test func trailingStar_isAPrefix() throws {
        let result = try TestCorpus.seeds().index.search(Query("denuclear*"))
        #expect(result.hits.count == 8)
        let none = try TestCorpus.seeds().index.search(Query("denuclearizationx*"))
        #expect(none.hits.isEmpty)
    }

    @Test func quotedPhrases_mustAllOccur() throws {
        let corpus = try TestCorpus.seeds()
        let both = corpus.index.search(try Query("\"second summit\" \"Panmunjom\""))
        #expect(both.hits.isEmpty)  // Panmunjom appears only in the other article
        let together = corpus.index.search(try Query("\"second summit\" Pompeo"))
        #expect(together.articleCount == 1)
        #expect(together.hits.count == 4 + 7)
    }

    @Test func hits_comeInReadingOrder() throws {
        let result = try TestCorpus.seeds().index.search(Query("Korea"))
        let keys = result.hits.map { [$0.article, $0.words.lowerBound] }
        #expect(keys == keys.sorted { $0.lexicographicallyPrecedes($1) })
    }

    @Test func ranking_putsTheDenserArticleFirst() throws {
        let corpus = try TestCorpus.seeds()
        let result = corpus.index.search(try Query("Ri"))
        #expect(result.ranking.map { corpus.articles[$0.article].id } == [TestCorpus.seedIDs.second, TestCorpus.seedIDs.first])
    }

    @Test func emptyQuery_isAnError() {
        #expect(throws: DossierError.self) { try Query("  -- ") }
    }

    @Test(.enabled(if: TestCorpus.hasBBC, TestCorpus.noBBC))
    func bbcCorpus_answersCommonWordsAndPhrases() throws {
        let bbc = try #require(TestCorpus.bbcFolder)
        let corpus = try CorpusLoader.load(paths: [bbc.path])
        #expect(corpus.skipped.isEmpty)
        #expect(corpus.articles.filter { $0.path.hasSuffix(".txt") }.count == 2_095)
        let result = corpus.index.search(try Query("Tony Blair"))
        #expect(result.articleCount > 50)
        for hit in result.hits.prefix(50) {
            #expect(corpus.byteRange(of: hit).map { corpus.articles[hit.article].text.string($0).lowercased() } == "tony blair")
        }
    }

    /// The top-k path counts postings instead of gathering hits; it must rank exactly as the full search does.
    @Test(.enabled(if: TestCorpus.hasBBC, TestCorpus.noBBC))
    func topArticles_areTheFullRankingsFirstArticles() throws {
        let bbc = try #require(TestCorpus.bbcFolder)
        let corpus = try CorpusLoader.load(paths: [bbc.path])
        for text in ["the", "said", "tony blair", "profit*", "\"gordon brown\" \"tax\"", "yukos", "no-such-word", "world cup"] {
            let query = try Query(text)
            let full = corpus.index.search(query).ranking
            #expect(!full.isEmpty || text == "no-such-word", "\(text)")
            for limit in [1, 20, 1_000] {
                #expect(corpus.index.topArticles(query, limit: limit) == Array(full.prefix(limit)), "\(text), top \(limit)")
            }
        }
    }
}
