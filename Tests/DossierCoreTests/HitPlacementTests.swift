@testable import DossierCore
@testable import DossierIndex
import DossierTestSupport
import Foundation
import Testing

/// Hits placed in their text in one walk: the same lines, columns and snippets as looking each
/// up alone, and nothing counted or shown from a file that changed since it was indexed.
struct HitPlacementTests {
    @Test func placedHits_haveTheLinesAndColumnsOfEachLookedUpAlone() throws {
        let folder = try TestCorpus.folder([
            "mixed.txt": "Government notes\r\n\r\nThe government of Zoë said “government” twice.\r\nA line with 東京 and the government.\n\nLast government.\n",
            "short.txt": "Short\n\nOne government here.\n",
        ])
        let corpus = try CorpusLoader.load(paths: [folder.path])
        let hits = corpus.index.search(try Query("government")).hits
        var placed: [PlacedHit] = []
        corpus.placeHits(hits) { placed.append($0) }
        #expect(placed.count == hits.count && placed.count == 6)
        for hit in placed {
            let text = corpus.articles[hit.article].text
            #expect(hit.location == text.location(of: hit.range.lowerBound), "\(hit)")
            #expect(hit.text.lowercased() == "government")
            #expect(hit.snippet.contains(hit.text))
        }
    }

    @Test func aSingleLineOfAMegabyte_placesEveryHit_onLine3_withRisingColumns() throws {
        let folder = try TestCorpus.folder(["short.txt": "Short\n\nNo match here.\n"])
        try Data(HostileCorpus.singleLine(megabytes: 1)).write(to: folder.appendingPathComponent("line.txt"))
        let corpus = try CorpusLoader.load(paths: [folder.path])
        let hits = corpus.index.search(try Query("government")).hits
        #expect(hits.count > 10_000)
        var placed: [PlacedHit] = []
        corpus.placeHits(hits) { placed.append($0) }
        #expect(placed.count == hits.count)
        #expect(placed.allSatisfy { $0.location.line == 3 })
        #expect(zip(placed, placed.dropFirst()).allSatisfy { $0.location.column < $1.location.column })
        let text = corpus.articles[placed[0].article].text
        for hit in stride(from: 0, to: placed.count, by: placed.count / 25).map({ placed[$0] }) {
            #expect(hit.location == text.location(of: hit.range.lowerBound))
            // One sentence runs the whole line: the snippet is a line's worth around the match, marked as cut.
            #expect(hit.snippet.unicodeScalars.count <= Snippet.width + 2)
            #expect(hit.snippet.contains("government"))
        }
        #expect(placed[placed.count / 2].snippet.hasPrefix("…") && placed[placed.count / 2].snippet.hasSuffix("…"))
    }

    @Test func snippet_keepsTheNearestWords_andMarksTheSidesThatLostAny() {
        let text = Array("One two three four five six seven eight nine ten. Next sentence here.".utf8)
        let sentence = 0..<50
        let match = 19..<23  // "four"
        #expect(Snippet.around(match, sentence: sentence, in: text) == "One two three four five six seven eight nine ten.")
        let long = Array((String(repeating: "word ", count: 200) + "target " + String(repeating: "more ", count: 200)).utf8)
        let target = 1_000..<1_006
        let snippet = Snippet.around(target, sentence: 0..<long.count, in: long)
        #expect(snippet.hasPrefix("…word ") && snippet.hasSuffix(" more…") && snippet.contains(" target "))
        #expect(snippet.unicodeScalars.count <= Snippet.width + 2)
        // A match that ends inside a word keeps the rest of that word attached.
        let possessive = Array("The Korea’s talks.".utf8)
        #expect(Snippet.around(4..<9, sentence: 0..<possessive.count, in: possessive) == "The Korea’s talks.")
    }

    @Test func hitsInAFileThatChangedAfterIndexing_areNeitherPlacedNorCounted() throws {
        let folder = try TestCorpus.folder([
            "kept.txt": "Kept\n\nThe government met.\n",
            "changed.txt": "Changed\n\nThe government spoke, and the government left.\n",
        ])
        let corpus = try CorpusLoader.load(paths: [folder.path])
        let hits = corpus.index.search(try Query("government")).hits
        #expect(hits.count == 3)
        // As if the file were replaced between the load and the search's output: it has another length now.
        try Data("Changed\n\nNothing of the sort.\n".utf8).write(to: folder.appendingPathComponent("changed.txt"))
        let changed = corpus.articlesChangedSinceIndexed(among: hits)
        #expect(changed.map { corpus.articles[$0].id } == ["changed"])
        var placed: [PlacedHit] = []
        corpus.placeHits(hits) { placed.append($0) }
        #expect(placed.map { corpus.articles[$0.article].id } == ["kept"])
        // A file that is gone, or cannot be read, is changed too; text already read stays as it was read.
        let unreadable = try CorpusLoader.load(paths: [folder.path])
        try HostileCorpus.makeUnreadable(folder.appendingPathComponent("kept.txt"))
        #expect(unreadable.articlesChangedSinceIndexed(among: unreadable.index.search(try Query("government")).hits).count == 1)
        var none: [PlacedHit] = []
        unreadable.placeHits(unreadable.index.search(try Query("government")).hits) { none.append($0) }
        #expect(none.isEmpty)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("kept.txt"))
        try Data("Kept\n\nThe government met.\n".utf8).write(to: folder.appendingPathComponent("kept.txt"))
        let again = try CorpusLoader.load(paths: [folder.path])
        try FileManager.default.removeItem(at: folder.appendingPathComponent("kept.txt"))
        #expect(again.articlesChangedSinceIndexed(among: again.index.search(try Query("government")).hits).count == 1)
    }
}
