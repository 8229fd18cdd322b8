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
        var starts: [UInt32] = []
        Tokenizer.appendWordStarts(in: text.bytes, range: whole, to: &starts)
        #expect(starts == ranges.map { UInt32($0.lowerBound) }, "\(label)")
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
