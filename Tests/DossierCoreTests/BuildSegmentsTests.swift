@testable import DossierCore
@testable import DossierIndex
import DossierLinking
import Foundation
import Testing

/// A build saves what it has read a batch of files at a time, so that one stopped before it saved the index
/// goes on from there: the next load reads no file it already read, answers exactly as a whole build, and
/// reads again whatever changed since or whose segment cannot be believed.
struct BuildSegmentsTests {
    /// Every kind of file: text, a feed, a dataset with a record passed over, and a file that is not text.
    static let files = MergedLinksTests.files

    /// A load that reads every file and leaves its segments, its index unsaved: a folder stands where the
    /// index goes, as a build killed before its end leaves none.
    static func unsavedLoad(_ setup: IndexCacheTests.Setup) throws -> (everything: [String], warnings: [String]) {
        try FileManager.default.createDirectory(atPath: setup.cacheFile, withIntermediateDirectories: true)
        let first = try setup.load()
        #expect(first.warnings.contains { $0.hasPrefix("the index cache was not saved") })
        #expect(!segments(of: setup).isEmpty, "the load saved what it read")
        try FileManager.default.removeItem(atPath: setup.cacheFile)
        return (MergedLinksTests.everything(first.corpus), first.warnings.filter { !$0.contains(setup.cacheFile) })
    }

    static func segments(of setup: IndexCacheTests.Setup) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: setup.cache.directory)) ?? []).filter { $0.contains(BuildSegments.mark) }
    }

    static func size(of file: URL) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: file.path)[.size] as! Int
    }

    @Test func aLoadStoppedBeforeItSavedTheIndex_goesOnFromItsSegments_readingNoFileAgain() throws {
        let setup = try IndexCacheTests.Setup(Self.files)
        let unsaved = try Self.unsavedLoad(setup)
        let resumed = try setup.load()
        #expect(resumed.bytesRead == 0, "every file was in a segment")
        #expect(MergedLinksTests.everything(resumed.corpus) == unsaved.everything)
        #expect(MergedLinksTests.everything(resumed.corpus) == MergedLinksTests.everything(try CorpusLoader.load(paths: [setup.corpus.path])))
        // What reading the files said, it says again: the record passed over, the file skipped.
        #expect(resumed.warnings.sorted() == unsaved.warnings.sorted())
        #expect(resumed.warnings.contains { $0.contains("news.jsonl: line 2:") } && resumed.warnings.contains { $0.hasPrefix("skipped ") })
        // Saved now, the index holds it all and the segments are gone.
        #expect(Self.segments(of: setup).isEmpty)
        let saved = try setup.load()
        #expect(saved.corpus.articles.areReadFromSavedIndex && saved.bytesRead == 0)
        #expect(MergedLinksTests.everything(saved.corpus) == unsaved.everything)
    }

    @Test func aFileChangedSinceItsSegment_isReadAgain_andOnlyIt() throws {
        let setup = try IndexCacheTests.Setup(Self.files)
        _ = try Self.unsavedLoad(setup)
        try setup.write("pompeo.txt", "Pompeo returns\n\nMike Pompeo flew home from Pyongyang on Monday.\n")
        let resumed = try setup.load()
        #expect(resumed.bytesRead == (try Self.size(of: setup.corpus.appendingPathComponent("pompeo.txt"))))
        #expect(MergedLinksTests.everything(resumed.corpus) == MergedLinksTests.everything(try CorpusLoader.load(paths: [setup.corpus.path])))
    }

    @Test func aDamagedSegment_orOneFromAnotherBuild_isRemoved_andItsFilesReadAgain() throws {
        let setup = try IndexCacheTests.Setup(Self.files)
        let whole = try Self.unsavedLoad(setup)
        let segment = setup.cache.directory + "/" + (try #require(Self.segments(of: setup).first))
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: segment)))
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: segment))
        let damaged = try setup.load()
        // The few files are one segment's: every one is read again.
        let total = try FileManager.default.contentsOfDirectory(atPath: setup.corpus.path)
            .reduce(0) { $0 + (try Self.size(of: setup.corpus.appendingPathComponent($1))) }
        #expect(damaged.bytesRead == total && damaged.warnings.sorted() == whole.warnings.sorted())
        #expect(MergedLinksTests.everything(damaged.corpus) == whole.everything)

        // Segments written for other people (another catalog, so another build) are not this build's.
        try setup.cache.clear(paths: nil)
        _ = try Self.unsavedLoad(setup)
        let choe = Entity(id: "choe-son-hui", name: "Choe Son Hui", kind: .person, description: "North Korean diplomat")
        let reads = IndexCacheTests.Box()
        _ = try CorpusLoader.load(paths: [setup.corpus.path], catalog: try EntityCatalog.bundled().merging([choe]), cache: setup.cache,
                                  progress: { reads.set($0.bytesRead) })
        #expect(reads.value == total, "every file was read again")
        #expect(Self.segments(of: setup).isEmpty, "the foreign segments were removed, and the index saved")
    }

    @Test func clearingTheCache_removesASegmentsToo() throws {
        let setup = try IndexCacheTests.Setup(Self.files)
        _ = try Self.unsavedLoad(setup)
        let count = Self.segments(of: setup).count
        #expect(setup.cache.clear(paths: [setup.corpus.path]).files == count)
        #expect(Self.segments(of: setup).isEmpty)
    }
}
