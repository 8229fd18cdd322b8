@testable import DossierCore
@testable import DossierIndex
import DossierPlatform
import DossierTestSupport
import Foundation
import Testing

/// Another program writes over a saved index in place while a search holds it mapped. Its tables were
/// checked on the first query; every number read from them afterwards must be checked again where it is
/// used, so that whatever the bytes, a query neither crashes nor answers from them.
@Suite(.serialized)
struct IndexOverwrittenInUseTests {
    /// The sections a query, a hit's placement or an article's decoding reads numbers from.
    static let sections: [IndexSection] = [.termBytes, .termStarts, .sortedTerms, .articleStarts, .postingBlocks, .termBlockStarts, .articleStream, .positionStream,
                                           .articleOffsets, .savedPathStarts, .pathOrder]

    /// A search's corpus on a freshly saved index whose first query has been answered (so its tables
    /// were checked), and the expected hits of the queries asked of it.
    static func mappedAndQueried(_ setup: IndexCacheTests.Setup, pristine: [UInt8]) throws -> any SearchableCorpus {
        // A new file each time, as Dossier writes one, dated in the past so that a write now is seen.
        try Data(pristine).write(to: URL(fileURLWithPath: setup.cacheFile), options: .atomic)
        datedInThePast(setup.cacheFile)
        let loaded = try setup.load(purpose: .search)
        #expect(loaded.warnings.isEmpty && loaded.corpus.savedIndexDamage == nil)
        #expect(!loaded.corpus.index.search(try Query("pompeo")).hits.isEmpty)
        return loaded.corpus
    }

    /// Sets the file's times to 2001, whenever it was written.
    static func datedInThePast(_ path: String) {
        var times = [timespec(tv_sec: 1_000_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    }

    /// Writes `bytes` over the file at `offset`, in place.
    static func overwrite(_ path: String, at offset: Int, with bytes: [UInt8]) {
        let descriptor = open(path, O_WRONLY)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        #expect(bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(offset)) } == bytes.count)
    }

    /// Everything a search's user can ask of the corpus: every answer is looked at, none may crash.
    static func askEverything(of corpus: any SearchableCorpus) throws -> [String] {
        var answers: [String] = []
        for query in ["pompeo", "kim jong", "said", "sanction*", "committee number", "c*", "the"] {
            let result = corpus.index.search(try Query(query))
            corpus.placeHits(result.hits) { answers.append("\($0.article)@\($0.range):\($0.snippet)") }
            answers.append("\(query): \(result.ranking.map(\.article)) \(corpus.index.topArticles(try Query(query), limit: 3).map(\.article))")
        }
        for article in corpus.articles.indices {
            answers.append("\(corpus.articles[article].title) \(corpus.index.wordCount(ofArticle: article))")
        }
        return answers
    }

    /// Random bytes over each section that a query reads, with the file's time left as the write made it:
    /// no crash, no answer, and the file named as written to.
    @Test func randomBytesOverASection_areNeverACrash_andTheIndexIsReportedChanged() throws {
        let setup = try IndexCacheTests.Setup(IndexCacheTests.articlesSpanningManyPages)
        _ = try setup.load()
        let pristine = [UInt8](try Data(contentsOf: URL(fileURLWithPath: setup.cacheFile)))
        var generator = SeededGenerator(seed: 25)
        for section in Self.sections {
            let range = IndexCacheTests.range(of: section, in: pristine)
            for _ in 0..<3 {
                let corpus = try Self.mappedAndQueried(setup, pristine: pristine)
                Self.overwrite(setup.cacheFile, at: range.lowerBound, with: (0..<range.count).map { _ in UInt8.random(in: 0...255, using: &generator) })
                _ = try Self.askEverything(of: corpus)
                #expect(corpus.index.search(try Query("pompeo")).hits.isEmpty, "\(section): nothing is answered from a changed file")
                #expect(corpus.savedIndexDamage == "index cache \(setup.cacheFile) is damaged (another program wrote to it while in use)",
                        "\(section)")
            }
        }
    }

    /// The same with the file's time put back after each write, so that only the checks where numbers are
    /// used stand between the bytes and a crash. Large and small numbers both: random bytes make huge
    /// ones, and a start just past its neighbour is the subtle case.
    @Test func numbersWrittenOverBehindTheFilesBack_areNeverACrash() throws {
        let setup = try IndexCacheTests.Setup(IndexCacheTests.articlesSpanningManyPages)
        _ = try setup.load()
        let pristine = [UInt8](try Data(contentsOf: URL(fileURLWithPath: setup.cacheFile)))
        var generator = SeededGenerator(seed: 2_025)
        var damaged = 0
        for section in Self.sections {
            let range = IndexCacheTests.range(of: section, in: pristine)
            for round in 0..<6 where !range.isEmpty {
                let corpus = try Self.mappedAndQueried(setup, pristine: pristine)
                var bytes = Array(pristine[range])
                if round < 2 {
                    for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
                } else {
                    // A few numbers nudged: each 8-byte (or 4-byte) number made a little larger or smaller.
                    for _ in 0..<(1 + round) {
                        let at = Int.random(in: 0..<bytes.count, using: &generator)
                        bytes[at] = round.isMultiple(of: 2) ? bytes[at] &+ 1 : bytes[at] &- 1
                    }
                }
                Self.overwrite(setup.cacheFile, at: range.lowerBound, with: bytes)
                Self.datedInThePast(setup.cacheFile)
                _ = try Self.askEverything(of: corpus)
                if corpus.savedIndexDamage != nil { damaged += 1 }
                if corpus.index.damage != nil {
                    #expect(corpus.index.search(try Query("committee")).hits.isEmpty, "a damaged index answers nothing")
                }
            }
        }
        #expect(damaged > 0, "numbers that do not hold are found where they are used")
    }
}
