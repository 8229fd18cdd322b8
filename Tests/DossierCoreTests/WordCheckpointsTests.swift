@testable import DossierCore
@testable import DossierFormats
@testable import DossierIndex
import DossierPlatform
import DossierTestSupport
@testable import DossierText
import Foundation
import Testing

/// The index keeps the first byte of every 64th word of each article, and a hit is placed by tokenizing on
/// from the checkpoint before it: every word must be placed where tokenizing the whole article places it,
/// held or saved, in any order, and a checkpoint that is no word's start must place nothing.
struct WordCheckpointsTests {
    /// Articles around each multiple of the stride, and empty ones between them.
    static let lengths = [0, 1, 63, 64, 65, 0, 128, 129, 5, 300, 0, 0, 64]

    @Test func everyArticlesCheckpoints_areKeptInSlotsOfTheirOwn_whateverItsLength() {
        var index = SearchIndex()
        var given: [[UInt32]] = []
        for (article, length) in Self.lengths.enumerated() {
            // Distinct in every article, so that two articles sharing a slot would show.
            let checkpoints = (0..<WordCheckpoints.count(ofArticleWith: length)).map { UInt32(article * 1_000 + $0) }
            given.append(checkpoints)
            index.add(indexed: [UInt32](repeating: 0, count: length), checkpoints: checkpoints)
        }
        index.finish(terms: ["word"])
        #expect(Self.lengths.indices.map { index.checkpoints(ofArticle: $0) } == given)
        #expect(index.storage.read { $0.wordCheckpoints.count }
            == WordCheckpoints.slotCount(wordCount: Self.lengths.reduce(0, +), articleCount: Self.lengths.count))
        // Word 130 of the 300-word article lies after its third checkpoint, word 128.
        #expect(index.checkpoint(before: 130, inArticle: 9)! == (128, 9_002))
        #expect(index.checkpoint(before: 300, inArticle: 9) == nil && index.checkpoint(before: 0, inArticle: 0) == nil)
    }

    /// Long paragraphs, headlines, possessives and words of other scripts, across many checkpoints.
    static let files: [String: String] = {
        var files = IndexCacheTests.articles
        let sentence = "Korea’s envoy, Ri Yong Ho, said 'tis naïve to think rock'n'roll – or コンピュータ – would end it's talks. "
        files["long.txt"] = "A long one\n\n" + String(repeating: sentence, count: 40) + "\n\n" + String(repeating: "Short para. ", count: 3)
        files["many.txt"] = "Many paragraphs\n\n" + (0..<50).map { "Paragraph \($0) has seven words in it." }.joined(separator: "\n\n")
        return files
    }()

    /// Each word's range as tokenizing the article's runs whole gives it.
    static func expectedRanges(of article: Article) -> [Range<Int>] {
        article.contentRanges.flatMap { Tokenizer.wordRanges(in: article.text.bytes, range: $0) }
    }

    @Test func everyWord_isPlacedAsTokenizingTheWholeArticlePlacesIt_heldAndSaved_forwardAndBack() throws {
        let setup = try IndexCacheTests.Setup(Self.files)
        let held = try setup.load().corpus
        let saved = try setup.load(purpose: .search).corpus
        #expect(saved.articles.areReadFromSavedIndex)
        for corpus in [held as any SearchableCorpus, saved] {
            for article in corpus.articles.indices {
                let expected = Self.expectedRanges(of: corpus.articles[article])
                #expect(expected.count == corpus.index.wordCount(ofArticle: article))
                let words = Array(expected.indices)
                for order in [words, words.reversed(), words.shuffled()] {
                    let placed = order.map { corpus.byteRange(of: Hit(article: article, words: $0..<($0 + 1))) }
                    #expect(placed == order.map { expected[$0] }, "\(corpus.articles[article].path)")
                }
            }
        }
    }

    @Test func aCheckpointWrittenOverBehindValidChecksums_thatIsNoWordsStart_placesNothing() throws {
        let setup = try IndexCacheTests.Setup(Self.files)
        let held = try setup.load().corpus
        let long = try #require(held.articles.firstIndex { $0.path.hasSuffix("long.txt") })
        let expected = Self.expectedRanges(of: held.articles[long])
        // The forger moves the article's second checkpoint (word 64) one byte into its word.
        let words = held.index.wordRange(ofArticle: long)
        let slot = WordCheckpoints.firstSlot(ofArticle: long, startingAtWord: words.lowerBound) + 1
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: setup.cacheFile)))
        let section = try #require(IndexFileForgery.range(of: .wordCheckpoints, in: bytes))
        let at = section.lowerBound + slot * 4
        let value = bytes[at..<(at + 4)].reversed().reduce(0) { $0 << 8 | Int($1) }
        #expect(value == expected[64].lowerBound, "the checkpoint is word 64's first byte")
        for byte in 0..<4 { bytes[at + byte] = UInt8(truncatingIfNeeded: (value + 1) >> (8 * byte)) }
        IndexFileForgery.reseal(&bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: setup.cacheFile), options: .atomic)

        let forged = try setup.load(purpose: .search).corpus
        #expect(forged.articles.areReadFromSavedIndex, "it passed its checksums")
        for word in 64..<128 { #expect(forged.byteRange(of: Hit(article: long, words: word..<(word + 1))) == nil) }
        // The words before and after the forged checkpoint are still found.
        for word in [0, 63, 128, 200] {
            #expect(forged.byteRange(of: Hit(article: long, words: word..<(word + 1))) == expected[word])
        }
    }
}
