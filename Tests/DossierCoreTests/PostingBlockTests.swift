@testable import DossierCore
@testable import DossierIndex
import DossierTestSupport
import Foundation
import Testing

/// The postings kept in bit-packed blocks of 128 articles, with a bound on each block's score: every
/// query answers exactly what reading every article's words would, across blocks, and the top articles
/// of a word, found by skipping blocks, are the full ranking's first.
struct PostingBlockTests {
    static let vocabulary = ["alpha", "beta", "gamma", "delta", "alphabet", "omega", "alps", "zeta"]

    /// 700 articles of words drawn unevenly from the vocabulary, so that common words fill several blocks,
    /// rare ones one, and many articles score alike.
    static func articles() -> [[Int]] {
        var generator = SeededGenerator(seed: 28)
        return (0..<700).map { _ in
            (0..<Int.random(in: 1...60, using: &generator)).map { _ in
                // Squared, so that the first words are common and the last rare.
                let draw = Double.random(in: 0..<1, using: &generator)
                return min(vocabulary.count - 1, Int(draw * draw * Double(vocabulary.count)))
            }
        }
    }

    static func index(of articles: [[Int]]) -> SearchIndex {
        var index = SearchIndex()
        for words in articles {
            // Places no test here reads: each checkpoint its word's number.
            let checkpoints = stride(from: 0, to: words.count, by: WordCheckpoints.stride).map(UInt32.init)
            index.add(indexed: words.map(UInt32.init), checkpoints: checkpoints)
        }
        index.finish(terms: vocabulary)
        return index
    }

    /// Every place the phrase's words stand in a row, found by reading every article.
    static func expectedHits(_ phrase: [String], in articles: [[Int]]) -> [Hit] {
        func matches(_ word: Int, _ pattern: String) -> Bool {
            pattern.hasSuffix("*") ? vocabulary[word].hasPrefix(pattern.dropLast()) : vocabulary[word] == pattern
        }
        var hits: [Hit] = []
        for (article, words) in articles.enumerated() where words.count >= phrase.count {
            for start in 0...(words.count - phrase.count) where phrase.indices.allSatisfy({ matches(words[start + $0], phrase[$0]) }) {
                hits.append(Hit(article: article, words: start..<start + phrase.count))
            }
        }
        return hits
    }

    // Phrases whose rarest and commonest words come first, in the middle and last: a phrase's words are
    // asked rarest first, and of three or more the commonest only where the others stand in place.
    static let queries = ["alpha", "beta", "zeta", "omega", "alp*", "alpha beta", "beta alpha alpha", "gamma delta", "alpha omega alpha",
                          "beta gamma zeta", "alpha zeta beta", "al* beta", "nothing"]

    @Test func everyQuery_findsWhatReadingEveryArticleFinds() throws {
        let articles = Self.articles()
        let index = Self.index(of: articles)
        let rows = index.storage.read { $0.postingBlocks.count / PostingBlock.rowWords } ?? 0
        #expect(rows > Self.vocabulary.count, "common words take several blocks")
        for text in Self.queries {
            let phrase = text.split(separator: " ").map(String.init)
            #expect(index.search(try Query(text)).hits == Self.expectedHits(phrase, in: articles), "\(text)")
        }
    }

    @Test func topArticles_skippingBlocks_areTheFullRankingsFirst() throws {
        let index = Self.index(of: Self.articles())
        for text in Self.queries {
            let query = try Query(text)
            let full = index.search(query).ranking
            for limit in [1, 3, 20, 129, 1_000] {
                #expect(index.topArticles(query, limit: limit) == Array(full.prefix(limit)), "\(text), top \(limit)")
            }
        }
    }

    @Test func theWordsOfEveryArticle_comeBackFromThePostings() throws {
        let articles = Self.articles()
        let index = Self.index(of: articles)
        #expect(index.wordTermsOfEveryArticle() == articles.flatMap { $0.map(UInt32.init) })
        #expect(index.wordCount == articles.reduce(0) { $0 + $1.count })
    }

    @Test func aSavedIndex_answersAsTheBuiltOne() throws {
        var files: [String: String] = [:]
        for (number, words) in Self.articles().enumerated() {
            files["article-\(String(number).zeroPadded(to: 4)).txt"] = words.map { Self.vocabulary[$0] }.joined(separator: " ") + "\n"
        }
        let setup = try IndexCacheTests.Setup(files)
        let built = try setup.load().corpus
        let mapped = try setup.load(purpose: .search).corpus
        #expect(!mapped.isLinked, "answered from the saved index")
        for text in Self.queries {
            let query = try Query(text)
            #expect(mapped.index.search(query).hits == built.index.search(query).hits, "\(text)")
            #expect(mapped.index.topArticles(query, limit: 20) == built.index.topArticles(query, limit: 20), "\(text)")
        }
        #expect(mapped.index.damage == nil)
    }
}
