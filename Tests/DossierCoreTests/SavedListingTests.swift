@testable import DossierCore
@testable import DossierFormats
@testable import DossierIndex
import Foundation
import Testing

/// A search of an unchanged corpus lists no folder: the saved index keeps each folder's stamp, and
/// while none moved, the files are the ones saved and are examined where they lie. Anything that
/// could change what a load finds sends the search back to listing the folders.
struct SavedListingTests {
    typealias Setup = IndexCacheTests.Setup

    private static func search(_ setup: Setup, path: String? = nil, cache: IndexCache? = nil)
        throws -> (corpus: SearchCorpus?, whole: any SearchableCorpus, warnings: [String]) {
        var warnings: [String] = []
        let corpus = try CorpusLoader.loadForSearch(paths: [path ?? setup.corpus.path], cache: cache ?? setup.cache,
                                                    warn: { warnings.append($0) })
        return (corpus as? SearchCorpus, corpus, warnings)
    }

    @Test func anUnchangedCorpus_isSearchedWithoutListingItsFolders_andAnswersAsAFullLoad() throws {
        var files = IndexCacheTests.articles
        files["desk/wire.txt"] = "Wire copy\n\nRi Son Gwon said the talks would go on.\n"
        files["binary.txt"] = "PNG\u{0}\u{0}\u{1}"
        let setup = try Setup(files)
        let full = try setup.load()
        let searched = try Self.search(setup)
        let corpus = try #require(searched.corpus)
        #expect(!corpus.listedTheFolders)
        #expect(searched.warnings == full.warnings, "the skipped file is reported as before")
        #expect(corpus.articles.map(\.id) == full.corpus.articles.map(\.id))
        #expect(corpus.articles.map(\.stableID) == full.corpus.articles.map(\.stableID))
        #expect(corpus.articles.map(\.path) == full.corpus.articles.map(\.path))
        #expect(try IndexCacheTests.searchSummary(corpus) == IndexCacheTests.searchSummary(full.corpus))
    }

    @Test func aFolderSpeltAnotherWay_showsItsPathsAsSpelt() throws {
        let setup = try Setup()
        _ = try setup.load()
        let spelt = setup.corpus.path + "/./"
        let corpus = try #require(try Self.search(setup, path: spelt).corpus)
        #expect(!corpus.listedTheFolders)
        #expect(corpus.articles.map(\.path).sorted() == ["pompeo.txt", "ri.txt", "trump.txt"].map { spelt + $0 })
        #expect(corpus.articles.allSatisfy { $0.text.bytes.count > 0 })
    }

    @Test func aFileAddedOrRemoved_inAnyFolder_isFound_byListingAgain() throws {
        var files = IndexCacheTests.articles
        files["desk/wire.txt"] = "Wire copy\n\nRi Son Gwon said the talks would go on.\n"
        let setup = try Setup(files)
        _ = try setup.load()
        try setup.write("desk/nauert.txt", "Nauert briefs\n\nHeather Nauert said the talks went well.\n")
        let added = try Self.search(setup).whole
        #expect(added.index.search(try Query("nauert")).hits.count == 2, "a file added to a folder below is found")
        try FileManager.default.removeItem(at: setup.corpus.appendingPathComponent("pompeo.txt"))
        let removed = try Self.search(setup).whole
        #expect(removed.index.search(try Query("productive")).hits.isEmpty, "a removed file's words are gone")
        #expect(removed.articles.count == 4)
    }

    @Test func aFileEditedInPlace_isSeen_thoughNoFolderMoved() throws {
        let setup = try Setup()
        _ = try setup.load()
        let path = setup.corpus.appendingPathComponent("ri.txt").path
        var folderBefore = stat()
        try #require(stat(setup.corpus.path, &folderBefore) == 0)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seek(toOffset: UInt64("Ri Yong Ho speaks\n\nNorth Korean Foreign Minister Ri Yong Ho said \"the ".utf8.count))
        try handle.write(contentsOf: Data("embargoes".utf8))
        try handle.close()
        var folderAfter = stat()
        try #require(stat(setup.corpus.path, &folderAfter) == 0)
        try #require(folderAfter.st_mtim.tv_nsec == folderBefore.st_mtim.tv_nsec && folderAfter.st_ctim.tv_nsec == folderBefore.st_ctim.tv_nsec,
                     "an edit in place leaves its folder as it was")
        let searched = try Self.search(setup).whole
        #expect(searched.index.search(try Query("embargoes")).hits.count == 1)
    }

    @Test func aFileOfAnotherKindAdded_listsTheFoldersUntilAFullLoadSavesTheirNewStamps() throws {
        let setup = try Setup()
        _ = try setup.load()
        try setup.write("notes.pdf", "not an article")
        let listed = try #require(try Self.search(setup).corpus)
        #expect(listed.listedTheFolders, "the folder moved, so it is listed")
        #expect(listed.articles.count == 3)
        let reload = try setup.load()
        #expect(reload.bytesRead == 0, "no article changed")
        #expect(try #require(try Self.search(setup).corpus).listedTheFolders == false, "the full load saved the folder's new stamp")
    }

    @Test func anEntryPassedOverInTheListing_isNeverLeftOut_byTrustingIt() throws {
        let setup = try Setup()
        // A FIFO named as an article: passed over with a warning, and never saved, so only listing finds it again.
        try #require(mkfifo(setup.corpus.appendingPathComponent("pipe.txt").path, 0o644) == 0)
        _ = try setup.load()
        let searched = try Self.search(setup)
        #expect(searched.corpus?.listedTheFolders == true, "a listing that passed an entry over is not trusted")
        #expect(searched.warnings.contains { $0.contains("pipe.txt") }, "and the entry is still reported")
    }
}

extension SavedListingTests {
    @Test func trustingFolderTimes_leavesAnEditInPlaceToAFullLoad_butStillSeesAFileAdded() throws {
        let setup = try Setup()
        _ = try setup.load()
        var trusting = setup.cache
        trusting.trustsFolderTimes = true
        let path = setup.corpus.appendingPathComponent("ri.txt").path
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seek(toOffset: UInt64("Ri Yong Ho speaks\n\nNorth Korean Foreign Minister Ri Yong Ho said \"the ".utf8.count))
        try handle.write(contentsOf: Data("embargoes".utf8))
        try handle.close()
        let trusted = try Self.search(setup, cache: trusting).whole
        #expect(trusted.index.search(try Query("embargoes")).hits.isEmpty, "the edit in place is not looked for")
        #expect(try setup.load().corpus.index.search(try Query("embargoes")).hits.count == 1, "a full load sees it")
        #expect(try Self.search(setup, cache: trusting).whole.index.search(try Query("embargoes")).hits.count == 1,
                "and saves it for the next search")
        try setup.write("nauert.txt", "Nauert briefs\n\nHeather Nauert said the talks went well.\n")
        #expect(try Self.search(setup, cache: trusting).whole.index.search(try Query("nauert")).hits.count == 2, "a file added moves its folder")
    }
}
