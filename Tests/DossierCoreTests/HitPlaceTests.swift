@testable import DossierCore
@testable import DossierFormats
@testable import DossierIndex
import DossierTestSupport
@testable import DossierText
import Foundation
import Testing

/// The index keeps words by position, and a byte offset only every 64th word; a hit's place is found again
/// from the text, so the tokenizer's ways of finding words must agree on every kind of text.
@Suite struct HitPlaceTests {
    private func expectWordRangesMatchTokens(_ text: SourceText, _ label: String) {
        let whole = 0..<text.bytes.count
        let ranges = Tokenizer.wordRanges(in: text.bytes, range: whole)
        #expect(ranges == Tokenizer.tokens(in: text.bytes, range: whole).map(\.range), "\(label)")
        // A hit keeps only its word's start; the rest of the word is found from there.
        let fromStarts = ranges.map { Tokenizer.wordRange(startingAt: $0.lowerBound, in: text.bytes, limit: whole.upperBound) }
        #expect(fromStarts == ranges, "\(label)")
        // A checkpoint is a word's start: tokenizing on from there gives the rest of the words, and no
        // place inside a word passes for one.
        for (number, range) in ranges.enumerated() where number % 7 == 0 {
            var rest: [Range<Int>] = []
            Tokenizer.forEachWordRange(in: text.bytes, range: range.lowerBound..<whole.upperBound) { rest.append($0); return true }
            #expect(rest == Array(ranges[number...]), "\(label)")
            #expect(Tokenizer.isWordBoundary(range.lowerBound, in: text.bytes, runStart: 0), "\(label) word \(number)")
            for inside in (range.lowerBound + 1)..<range.upperBound where text.bytes[inside] & 0xC0 != 0x80 {
                #expect(!Tokenizer.isWordBoundary(inside, in: text.bytes, runStart: 0), "\(label) word \(number) byte \(inside)")
            }
        }
    }

    @Test func wordRanges_equalTokenRanges_onAwkwardText() {
        let samples = [
            "Korea’s KOREA'S korea's it's 's s' ''s Ri's", "Zoe\u{0308}’s café naïve ÉLYSÉE’S", "コンピュータ 北朝鮮の金正恩",
            "👍🏽 🇬🇧 e\u{0301}\u{0301} \u{0301}alone", "Jong-un, isn’t – don't ʼokina ´s ‘quoted’", "ǅemal ΣΊΣΥΦΟΣ’s straße",
        ]
        for sample in samples { expectWordRangesMatchTokens(SourceText(decoding: Array(sample.utf8)), sample) }
    }

    @Test func wordRanges_equalTokenRanges_onTheSeedsAndHostileFiles() throws {
        for article in try TestCorpus.seeds().articles { expectWordRangesMatchTokens(article.text, article.id) }
        for (name, bytes) in HostileCorpus.files { expectWordRangesMatchTokens(SourceText(decoding: bytes), name) }
    }

    @Test(.enabled(if: TestCorpus.hasBBC, TestCorpus.noBBC))
    func wordRanges_equalTokenRanges_onTheBBCCorpus() throws {
        let bbc = try #require(TestCorpus.bbcFolder)
        let files = FileManager.default.enumerator(atPath: bbc.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".txt") }
        #expect(files.count == 2_095)
        for file in files {
            expectWordRangesMatchTokens(SourceText(decoding: try FileReader.bytes(of: bbc.path + "/" + file)), file)
        }
    }

    @Test func phraseHit_spansFromItsFirstWordToItsLast() throws {
        let corpus = try TestCorpus.single("Leaders met.\n\nThe Kim Jong-un summit, then Kim Jong Un’s reply.")
        let hits = corpus.index.search(try Query("kim jong un")).hits
        #expect(hits.map(\.words.count) == [3, 3])
        #expect(hits.map { corpus.articles[0].text.string(corpus.byteRange(of: $0)!) } == ["Kim Jong-un", "Kim Jong Un"])
    }

    @Test func phrase_doesNotRunOnIntoTheNextArticle() throws {
        let folder = try TestCorpus.folder(["a.txt": "First article\n\nIt ends with North", "b.txt": "Second article\n\nKorea begins it."])
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = try CorpusLoader.load(paths: [folder.path])
        #expect(corpus.index.search(try Query("north korea")).hits.isEmpty)
        #expect(corpus.index.search(try Query("north")).hits.count == 1)
    }

    @Test func hitInAFileChangedAfterIndexing_hasNoPlace_andNothingBreaks() throws {
        let folder = try TestCorpus.folder(["a.txt": "Headline here\n\nPompeo met Kim in Pyongyang on Sunday."])
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = try CorpusLoader.load(paths: [folder.path])
        let hits = corpus.index.search(try Query("pyongyang")).hits
        #expect(hits.count == 1)
        // Another length: the article shows a notice instead, which holds other words.
        try Data("Headline here\n\nShorter now.".utf8).write(to: folder.appendingPathComponent("a.txt"))
        #expect(corpus.byteRange(of: hits[0]) == nil)
        #expect(corpus.byteRanges(of: hits).isEmpty)
    }
}

/// An article with more hits than are placed at once is placed alone, a piece at a time, each piece
/// going on from the last: the hits come out as placing them all at once would give them.
struct HitPlacementStepTests {
    @Test func articlesOfManyHits_standAlone_andTheRestGoInWindows() {
        let counts = [3, HitPlacer.hitsAtOnce + 1, 2, 1]
        let hits = counts.enumerated().flatMap { article, count in (0..<count).map { Hit(article: article, words: $0..<($0 + 1)) } }
        let big = 3..<(3 + HitPlacer.hitsAtOnce + 1)
        #expect(HitPlacementStep.steps(for: hits) == [.window([0..<3]), .alone(big), .window([big.upperBound..<(big.upperBound + 2),
                                                                                                (big.upperBound + 2)..<(big.upperBound + 3)])])
        #expect(HitPlacementStep.steps(for: hits, piece: 2) == [.alone(0..<3), .alone(big), .window([big.upperBound..<(big.upperBound + 2),
                                                                                                       (big.upperBound + 2)..<(big.upperBound + 3)])])
    }

    @Test func everyWordAHit_placedInPieces_isPlacedAsWordByWord() throws {
        // Lines of ten words, so that lines and columns go on across the pieces.
        let line = Array(repeating: "word", count: 10).joined(separator: " ")
        let text = "Words\n\n" + Array(repeating: line, count: 100).joined(separator: "\n")
        let corpus = try TestCorpus.single(text)
        let hits = corpus.index.search(try Query("word")).hits
        #expect(hits.count == 1_000)
        var whole: [PlacedHit] = []
        corpus.placeHits(hits) { whole.append($0) }
        var placed: [PlacedHit] = []
        // Pieces of 64 hits: none ends at a line's end, and the last is short.
        corpus.placeHits(hits, piece: 64) { placed.append($0) }
        #expect(placed == whole)
        let source = corpus.articles[0].text
        let expected = Tokenizer.wordRanges(in: source.bytes, range: 7..<source.bytes.count)
        #expect(placed.map(\.range) == expected)
        #expect(placed.map(\.location) == expected.map { source.location(of: $0.lowerBound) })
        #expect(placed.allSatisfy { $0.text == "word" && $0.snippet.contains("word") })
    }
}
