@testable import DossierCore
@testable import DossierFormats
import Foundation
import Testing

struct ArticleParserTests {
    private func seed(_ id: String) throws -> Article {
        try #require(try TestCorpus.seeds().articles.first { $0.id == id })
    }

    @Test func seedWithoutHeadline_derivesTitleFromFirstSentence() throws {
        let article = try seed(TestCorpus.seedIDs.first)
        #expect(article.headlineRange == nil)
        #expect(article.title == "Secretary of State Mike Pompeo will travel to North Korea this weekend where he…")
        #expect(article.title.count <= ArticleParser.derivedTitleLimit)
    }

    @Test func seedWithoutHeadline_hasDatelineSourceAndNoFooterInBody() throws {
        let article = try seed(TestCorpus.seedIDs.first)
        #expect(article.dateline == "WASHINGTON")
        #expect(article.source == "CNN")
        #expect(article.paragraphs.count == 14)
        let body = article.paragraphs.indices.map(article.paragraphText)
        #expect(body.first?.hasPrefix("Secretary of State Mike Pompeo") == true)
        #expect(!body.contains { $0.contains("WASHINGTON") || $0.contains("Cable News Network") || $0.contains("(Photo") })
        #expect(body.last?.hasPrefix("Critics have pointed out") == true)
    }

    @Test func seedWithHeadline_dropsTheEmptyBylineTemplate() throws {
        let article = try seed(TestCorpus.seedIDs.second)
        #expect(article.title == "North, South Korea set to meet again in September")
        #expect(article.headlineRange != nil)
        #expect(article.section == "Technologies")
        #expect(article.byline == nil)
        #expect(article.dateline == nil)
        let body = article.paragraphs.indices.map(article.paragraphText)
        #expect(!body.contains { $0.hasPrefix("By ") })
        #expect(body.first == "Leaders of North and South Korea are set to meet again in September, reports say.")
        #expect(body.count == 11)
    }

    @Test func typography_survivesIntact() throws {
        let first = try seed(TestCorpus.seedIDs.first)
        let second = try seed(TestCorpus.seedIDs.second)
        let text = (first.paragraphs.indices.map(first.paragraphText) + second.paragraphs.indices.map(second.paragraphText)).joined()
        for mark in ["“", "”", "’", "–", "—"] { #expect(text.contains(mark) || first.text.string(0..<first.text.bytes.count).contains(mark), "\(mark)") }
        #expect(first.text.string(0..<first.text.bytes.count).contains("™ & ©"))
        #expect(text.contains("Pompeo’s fourth"))
        #expect(text.contains("war — a very basic"))
    }

    @Test func readingOrder_putsDatedArticlesFirstThenPaths() throws {
        let folder = try TestCorpus.folder([
            "b.txt": "Undated B\n\nBody text here.\n",
            "a.txt": "Undated A\n\nBody text here.\n",
            "old.txt": "Old news\n\nBy Jane Doe, in World on March 3, 2017.\n\nBody.\n",
            "new.txt": "New news\n\nBy , in World on 2018-10-02.\n\nBody.\n",
        ])
        let corpus = try CorpusLoader.load(paths: [folder.path])
        #expect(corpus.articles.map(\.id) == ["new", "old", "a", "b"])
        #expect(corpus.articles[1].byline == "Jane Doe")
        #expect(corpus.articles[1].date == "2017-03-03")
        #expect(corpus.articles[0].date == "2018-10-02")
    }

    @Test func bylineLikeProse_staysInTheBody() throws {
        let corpus = try TestCorpus.single("Talks resume\n\nBy the end of the year, both sides hope to agree.\n")
        #expect(corpus.articles[0].byline == nil)
        #expect(corpus.articles[0].paragraphText(0).hasPrefix("By the end of the year"))
    }

    @Test func hardWrappedParagraphs_areJoined() throws {
        let corpus = try TestCorpus.single("Headline here\n\nThe first line of a paragraph\nwraps onto a second line.\n\nAnother paragraph.\n")
        let article = corpus.articles[0]
        #expect(article.paragraphs.count == 2)
        #expect(article.paragraphText(0) == "The first line of a paragraph wraps onto a second line.")
    }

    /// A short plain name is the id; two files of one name are told apart by their keys, and their paths find them.
    @Test func clashingFileNames_getIDsOfTheirOwn_andTheirPathsFindThem() throws {
        let folder = try TestCorpus.folder(["one/story.txt": "A\n\nText.\n", "two/story.txt": "B\n\nText.\n", "solo.md": "C\n\nText.\n"])
        let corpus = try CorpusLoader.load(paths: [folder.path])
        let ids = corpus.articles.map(\.id)
        #expect(Set(ids).count == 3 && ids.contains("solo"))
        #expect(ids.filter { $0 != "solo" }.allSatisfy { $0.count == 6 && $0.allSatisfy(\.isHexDigit) })
        #expect(corpus.article(named: "one/story")?.title == "A")
        #expect(corpus.article(named: "two/story")?.title == "B")
    }
}
