@testable import DossierFormats
@testable import DossierLinking
@testable import DossierText
import DossierTestSupport
import Foundation
import Testing

/// A huge article's tokens are made a chunk at a time, and a run longer than a chunk is cut in
/// pieces. Neither may change a single token, nor what linking finds.
@Suite struct ArticleWordsTests {
    private static let linker = EntityLinker(entities: try! EntityCatalog.bundled().entities, gazetteer: try! Gazetteer.bundled())

    private func words(_ text: SourceText, chunkLimit: Int) -> ArticleWords {
        let article = ArticleParser.parse(text, id: "a", path: "a")
        return ArticleWords(text: text, headline: article.headlineRange, paragraphs: article.paragraphs, chunkLimit: chunkLimit)
    }

    private func allTokens(_ words: ArticleWords) -> [Token] {
        var tokens: [Token] = []
        words.forEachChunk { _, runs in tokens += runs.joined() }
        return tokens
    }

    /// What linking found, comparable: every mention with its entity, and the entities found in text.
    private func summary(_ links: ArticleLinks) -> [String] {
        links.mentions.map { "\($0.range) \(String(describing: $0.entity)) \($0.candidates) \($0.form)" }
            + links.found.map { "\($0.key) \($0.kind) \($0.role ?? "") \($0.surname ?? "") \($0.givenName ?? "")" }
    }

    private func expectPiecesKeepTokens(_ string: String, limit: Int) {
        let bytes = Array(string.utf8)
        let run = 0..<bytes.count
        let pieces = ArticleWords.pieces(of: run, in: bytes, limit: limit)
        #expect(pieces.first?.lowerBound == 0 && pieces.last?.upperBound == bytes.count, "\(string)")
        #expect(zip(pieces, pieces.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound && !$0.isEmpty }, "\(string)")
        let pieceTokens = pieces.flatMap { Tokenizer.tokens(in: bytes, range: $0) }
        #expect(pieceTokens == Tokenizer.tokens(in: bytes, range: run), "limit \(limit): \(string)")
        for piece in pieces {
            // Longer than the limit only when one word is.
            #expect(piece.count <= limit || Tokenizer.tokens(in: bytes, range: piece).count <= 1, "limit \(limit): \(piece) of \(string)")
        }
    }

    @Test func cuttingARun_keepsEveryToken_onAwkwardText() {
        let samples = [
            "Korea’s KOREA'S korea's it's 's s' ''s Ri's a''a''a''a''b a'b'c'd", "Zoe\u{0308}’s café naïve ÉLYSÉE’S",
            "コンピュータ 北朝鮮の金正恩。金正恩、ポンペオ。", "👍🏽 🇬🇧 e\u{0301}\u{0301} \u{0301}alone", "one,two;three:four(five)six-seven",
            "Mr. Pompeo met Kim. Then he left! Did he? \"Yes.\" 'No,' said Ri.", String(repeating: "longword", count: 40) + " end",
        ]
        for sample in samples {
            for limit in [1, 2, 3, 5, 8, 13, 40] { expectPiecesKeepTokens(sample, limit: limit) }
        }
    }

    @Test func cuttingARun_keepsEveryToken_onRandomText() {
        let alphabet = ["a", "B", "s", "'", "’", "ʼ", " ", ". ", ",", "-", "é", "\u{0301}", "金", "👍🏽", "\n", "S", "1"]
        var generator = SeededGenerator(seed: 2026)
        for _ in 0..<300 {
            let sample = (0..<Int(generator.next() % 120)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            expectPiecesKeepTokens(sample, limit: 1 + Int(generator.next() % 30))
        }
    }

    @Test func aLongRun_isCutAtASentenceStart() {
        let text = "The first sentence is here. The second one follows it. And a third."
        let pieces = ArticleWords.pieces(of: 0..<text.utf8.count, in: Array(text.utf8), limit: 30)
        let strings = pieces.map { String(decoding: Array(text.utf8)[$0], as: UTF8.self) }
        #expect(strings == ["The first sentence is here. ", "The second one follows it. ", "And a third."])
    }

    @Test func chunks_giveTheWholeArticlesTokens_termsAndCounts() throws {
        for article in try TestCorpus.seeds().articles {
            let whole = words(article.text, chunkLimit: ArticleWords.defaultChunkLimit)
            for limit in [1, 100, 1_000] {
                let chunked = words(article.text, chunkLimit: limit)
                #expect(allTokens(chunked) == allTokens(whole), "\(article.id) at \(limit)")
                #expect(chunked.localTerms.joined().map { chunked.vocabulary[Int($0)] } == whole.localTerms.joined().map { whole.vocabulary[Int($0)] })
                #expect(chunked.lowercaseTerms == whole.lowercaseTerms)
                #expect(chunked.bodyWordCount == whole.bodyWordCount && whole.bodyWordCount == article.wordCount)
            }
        }
    }

    @Test func linkingInChunks_findsWhatLinkingTheWholeArticleFinds() throws {
        var texts = try TestCorpus.seeds().articles.map(\.text)
        if let bbc = TestCorpus.bbcFolder {
            let files = try FileManager.default.subpathsOfDirectory(atPath: bbc.path).filter { $0.hasSuffix(".txt") }.sorted()
            texts += try files.prefix(200).map { SourceText(decoding: try FileReader.bytes(of: bbc.path + "/" + $0)) }
        }
        for text in texts {
            let whole = Self.linker.link(words(text, chunkLimit: ArticleWords.defaultChunkLimit))
            let longestParagraph = ArticleParser.parse(text, id: "a", path: "a").contentRanges.map(\.count).max() ?? 1
            // Every paragraph whole, but each in a chunk of its own.
            let chunked = Self.linker.link(words(text, chunkLimit: longestParagraph))
            #expect(summary(chunked) == summary(whole))
            #expect(!whole.mentions.isEmpty || text.bytes.count < 500)
        }
    }

    @Test func aHugeLineCutInPieces_isLinkedAsAWhole() throws {
        // The seeds' paragraphs on one line, cut between sentences: a chunk holds the longest sentence, not much more.
        for article in try TestCorpus.seeds().articles {
            let line = article.paragraphs.map { article.text.string($0) }.joined(separator: " ").replacingOccurrences(of: "\n", with: " ")
            let text = SourceText(decoding: Array(("Headline\n\n" + line).utf8))
            let whole = words(text, chunkLimit: ArticleWords.defaultChunkLimit)
            let longestSentence = SentenceSplitter.sentences(in: text.bytes, range: whole.runs[1]).map(\.count).max() ?? 0
            let cut = words(text, chunkLimit: longestSentence + 2)
            #expect(whole.runs.count == 2 && cut.runs.count > 4, "\(cut.runs.count) runs")
            #expect(allTokens(cut) == allTokens(whole))
            let linked = Self.linker.link(whole)
            #expect(linked.mentions.count > 10)
            #expect(summary(Self.linker.link(cut)) == summary(linked))
        }
    }
}
