@testable import DossierCore
@testable import DossierFormats
@testable import DossierIndex
import DossierTestSupport
@testable import DossierText
import Foundation
import Testing

/// Every rule about hostile input, on the corpus `HostileCorpus` writes.
@Suite(.serialized) struct HostileInputTests {
    /// Loaded once for the suite: the 5 MB line makes each load take seconds in a debug build.
    static let loaded = Result { () throws -> (Corpus, [String]) in
        let folder = try HostileCorpus.make(withLongLine: true)
        nonisolated(unsafe) var warnings: [String] = []
        let corpus = try CorpusLoader.load(paths: [folder.path], warn: { warnings.append($0) })
        return (corpus, warnings)
    }

    private func load() throws -> (Corpus, [String]) { try Self.loaded.get() }

    private func article(_ id: String, in corpus: Corpus) throws -> Article {
        try #require(corpus.articles.first { $0.id == id }, "\(id) did not load")
    }

    @Test func filesThatAreNotText_areSkippedWithOneWarningEach() throws {
        let (corpus, warnings) = try load()
        let skipped = Dictionary(uniqueKeysWithValues: corpus.skipped.map { (($0.path as NSString).lastPathComponent, $0.reason) })
            .filter { HostileCorpus.specialFiles[$0.key] == nil }
        #expect(skipped["image.txt"]?.contains("NUL") == true)
        #expect(skipped["archive.md"]?.contains("NUL") == true)
        #expect(skipped["random.txt"] == "it is not text (it is not UTF-8 text)")
        #expect(skipped["empty.txt"] == "it is empty")
        #expect(skipped["blank.txt"] == "it is empty")
        #expect(skipped.count == 5)
        for name in skipped.keys { #expect(warnings.filter { $0.contains(name) }.count == 1, "\(name)") }
    }

    @Test func everyOtherFile_loads_andHiddenOnesDoNot() throws {
        let (corpus, warnings) = try load()
        let ids = Set(corpus.fileLabels)
        #expect(ids == ["escapes", "invalid-utf8", "cjk", "emoji", "combining", "crlf", "cr", "tabs", "formfeed", "bom",
                        "with space é", "deep", "long-line"])
        #expect(warnings.contains { $0.contains("dangling.txt") && $0.contains("points nowhere") })
    }

    @Test func entriesThatAreNotRegularFiles_areSkippedWithTheirReason_andNeverOpenedToRead() throws {
        // A FIFO opened to read would block the load for ever, and /dev/zero never ends: the load finishing is half the test.
        let (corpus, warnings) = try load()
        let skipped = Dictionary(uniqueKeysWithValues: corpus.skipped.map { (($0.path as NSString).lastPathComponent, $0.reason) })
        for (name, reason) in HostileCorpus.specialFiles {
            #expect(skipped[name] == reason, "\(name)")
            #expect(warnings.filter { $0.hasSuffix("/\(name): \(reason)") }.count == 1, "\(name)")
        }
    }

    @Test func aFileReachedByTwoNames_loadsOnce() throws {
        let (corpus, _) = try load()
        #expect(corpus.articles.filter { $0.title == "Windows headline" }.count == 1, "crlf.txt and its hard link")
        #expect(corpus.articles.filter { $0.title == "Old Mac headline" }.count == 1, "cr.txt and a symbolic link to it")
    }

    @Test func aFileNamedWithItsFolder_orAFolderNamedTwice_loadsOnce() throws {
        let folder = try TestCorpus.folder(["a.txt": "First\n\nMike Pompeo spoke.\n", "b.txt": "Second\n\nKim Jong Un spoke.\n"])
        let spellings = [[folder.path, folder.appendingPathComponent("a.txt").path],
                         [folder.appendingPathComponent("a.txt").path, folder.path],
                         [folder.path, folder.path + "/../" + folder.lastPathComponent]]
        for paths in spellings {
            let corpus = try CorpusLoader.load(paths: paths)
            #expect(corpus.articles.map(\.id).sorted() == ["a", "b"], "\(paths)")
            #expect(corpus.index.search(try Query("spoke")).hits.count == 2, "\(paths)")
        }
    }

    @Test func aPathNamedDirectly_thatIsNotARegularFileOrFolder_isAnErrorNamingIt() throws {
        let folder = try HostileCorpus.make()
        for (name, reason) in HostileCorpus.specialFiles {
            let path = folder.appendingPathComponent(name).path
            #expect(throws: DossierError.unreadable(path, reason: reason)) { try CorpusLoader.load(paths: [path]) }
        }
        #expect(throws: DossierError.unreadable("/dev/zero", reason: "it is not a regular file (a character device)")) {
            try CorpusLoader.load(paths: ["/dev/zero"])
        }
    }

    @Test func aFileSwappedForAFIFOAfterItWasListed_isSkipped_notWaitedOn() throws {
        let folder = try TestCorpus.folder(["kept.txt": "Kept\n\nMike Pompeo spoke.\n", "swapped.txt": "Swapped\n\nText.\n"])
        let swapped = folder.appendingPathComponent("swapped.txt").path
        try FileManager.default.removeItem(atPath: swapped)
        try #require(mkfifo(swapped, 0o644) == 0)
        // What a listing saw as a plain file is read as whatever stands there when its turn comes.
        let file = ArticleFile(path: swapped, relativePath: "swapped.txt", stamp: nil)
        #expect(throws: DossierError.unreadable(swapped, reason: "it is not a regular file (a FIFO)")) { try FileReader.bytes(of: file.path) }
        let corpus = try CorpusLoader.load(paths: [folder.path])
        #expect(corpus.articles.map(\.id) == ["kept"])
    }

    @Test func symlinkLoop_isWalkedOnce() throws {
        let (corpus, _) = try load()
        #expect(corpus.articles.filter { $0.id == "deep" }.count == 1)
        #expect(!corpus.articles.contains { $0.path.contains("/loop/") })
    }

    @Test func invalidUTF8_becomesReplacementCharacters_andOffsetsStayRight() throws {
        let (corpus, _) = try load()
        let index = try #require(corpus.articles.firstIndex { $0.id == "invalid-utf8" })
        let article = corpus.articles[index]
        let body = article.paragraphText(0)
        #expect(body.filter { $0 == "\u{FFFD}" }.count >= 4)
        // "Donald Trump" is on line 3, after 4 bad sequences: the column counts each replacement as one.
        let trump = try #require(corpus.mentions[index].first { $0.entity == corpus.entityIndex(id: "donald-trump") })
        let location = article.text.location(of: trump.range.lowerBound)
        let line = String(decoding: HostileCorpus.invalidUTF8, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)[2]
        let expectedColumn = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: line.range(of: "Donald")!.lowerBound) + 1
        #expect(location == SourceLocation(line: 3, column: expectedColumn))
    }

    @Test func escapeSequences_neverSurviveSanitising_andTheNameAfterThemLinks() throws {
        let (corpus, _) = try load()
        let index = try #require(corpus.articles.firstIndex { $0.id == "escapes" })
        let shown = DisplaySanitizer.sanitized(corpus.articles[index].paragraphText(0))
        #expect(!shown.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
        #expect(!shown.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
        for leaked in ["pwned title", "another title", "1$qm", "app command", "privacy", "Xstring", "[2J", "[31m", "c1 title"] {
            #expect(!shown.contains(leaked), "\(leaked) leaked")
        }
        #expect(shown.contains("Cleared?") && shown.contains("red") && shown.contains("reversed"))
        #expect(corpus.mentions[index].contains { $0.entity == corpus.entityIndex(id: "donald-trump") })
    }

    @Test func lineEndings_CRLFAndCR_makeTheSameParagraphs() throws {
        let (corpus, _) = try load()
        for id in ["crlf", "cr"] {
            let article = try article(id, in: corpus)
            #expect(article.headlineRange != nil, "\(id)")
            #expect(article.paragraphs.count == 2, "\(id)")
            #expect(!article.paragraphText(0).contains("\r"), "\(id)")
        }
        let crlf = try article("crlf", in: corpus)
        #expect(crlf.paragraphText(0) == "First paragraph.  Still first.")
        let cr = try article("cr", in: corpus)
        let second = cr.paragraphs[1]
        #expect(cr.text.location(of: second.lowerBound) == SourceLocation(line: 5, column: 1))
    }

    @Test func bomTabsAndFormFeeds_areText() throws {
        let (corpus, _) = try load()
        #expect(try article("bom", in: corpus).title == "Headline after a BOM")
        #expect(try article("formfeed", in: corpus).paragraphText(0) == "Page one. Page two.")
        #expect(try article("tabs", in: corpus).paragraphText(0) == "Name: value more")
    }

    @Test func fiveMegabyteLine_loadsWhole() throws {
        let (corpus, _) = try load()
        let article = try article("long-line", in: corpus)
        #expect(article.paragraphs.count == 1)
        #expect(article.wordCount > 600_000)
        #expect(corpus.index.search(try Query("nuclear")).hits.count > 60_000)
    }

    @Test func missingOrUnreadablePath_isOneClearError() throws {
        #expect(throws: DossierError.pathNotFound("/no/such/place")) { try CorpusLoader.load(paths: ["/no/such/place"]) }
        let onlyBinary = TemporaryFolder.url("binary")
        try FileManager.default.createDirectory(at: onlyBinary, withIntermediateDirectories: true)
        try Data([0, 1, 2, 3]).write(to: onlyBinary.appendingPathComponent("x.txt"))
        #expect(throws: DossierError.noArticles([onlyBinary.path])) { try CorpusLoader.load(paths: [onlyBinary.path]) }
    }

    @Test func aNameThatIsNotUTF8_isSkippedWithAWarning_andTheRestLoads() throws {
        let folder = try TestCorpus.folder(["kept.txt": "Kept article\n\nIt loads beside the file with a Latin-1 name."])
        // "café.txt" in Latin-1: the name's bytes are not UTF-8, so no String can give the path back.
        let name: [UInt8] = Array("caf".utf8) + [0xE9] + Array(".txt".utf8)
        let path = Array(folder.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        let descriptor = path.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        try #require(descriptor >= 0)
        _ = write(descriptor, "Lost article\n\nText.", 20)
        close(descriptor)
        nonisolated(unsafe) var warnings: [String] = []
        let corpus = try CorpusLoader.load(paths: [folder.path], warn: { warnings.append($0) })
        #expect(corpus.articles.map(\.id) == ["kept"])
        #expect(warnings == ["skipped \(folder.path)/caf\u{FFFD}.txt: its name is not UTF-8"])
        #expect(corpus.skipped.map(\.reason) == ["its name is not UTF-8"], "the reader's list of skipped files has it too")
    }
}

/// A page or feed is read whole, so one larger than the stated limit is refused before it is held.
struct TooLargeDocumentTests {
    /// A small gzipped page that unpacks past the limit (a "zip bomb") used to be unpacked to gigabytes.
    @Test func aGzippedPageThatUnpacksPastTheLimit_isTooLarge_namingTheLimit() throws {
        let page = Array("<html><body><p>".utf8) + [UInt8](repeating: 0x20, count: DocumentFormat.largestDocument + 1_000)
            + Array("Envoys met.</p></body></html>".utf8)
        let folder = try TestCorpus.folder(["small.txt": "Talks\n\nEnvoys met in Hanoi.\n"])
        try Data(try Gzip.compress(page)).write(to: folder.appendingPathComponent("bomb.html.gz"))
        var warnings: [String] = []
        let corpus = try CorpusLoader.load(paths: [folder.path], warn: { warnings.append($0) })
        #expect(corpus.articles.count == 1)
        #expect(warnings.count == 1 && warnings[0].hasSuffix("bomb.html.gz: it is too large: it unpacks to more than 64 MB, the most Dossier reads of one"),
                "\(warnings)")
    }

    /// The limit is this run's, not the file's: a run with a higher one (`DOSSIER_LARGEST_DOCUMENT_MB`)
    /// must read the file again, so "too large" is never saved as the file's verdict.
    @Test func tooLarge_isNeverSavedAsTheFilesVerdict_andIsReadAgainNextTime() throws {
        let setup = try IndexCacheTests.Setup(["small.txt": "Talks\n\nEnvoys met in Hanoi.\n"])
        let page = Array("<html><body><p>".utf8) + [UInt8](repeating: 0x20, count: DocumentFormat.largestDocument + 1_000)
        let bomb = try Gzip.compress(page)
        try Data(bomb).write(to: setup.corpus.appendingPathComponent("bomb.html.gz"))
        let first = try setup.load()
        let second = try setup.load()
        #expect(second.warnings == first.warnings && second.warnings.count == 1 && second.warnings[0].contains("too large"), "\(second.warnings)")
        #expect(second.bytesRead == bomb.count, "the bomb is read again, and only it")
    }

    /// A dataset whose one record is over the limit says so, not that it holds no records.
    @Test func aGzippedDatasetOfOneHugeRecord_isTooLarge_namingTheRecordAndTheLimit() throws {
        let record = Array("{\"title\":\"Big\",\"text\":\"".utf8) + [UInt8](repeating: 0x61, count: DocumentFormat.largestDocument + 1_000)
            + Array("\"}\n".utf8)
        let folder = try TestCorpus.folder(["small.txt": "Talks\n\nEnvoys met in Hanoi.\n"])
        try Data(try Gzip.compress(record)).write(to: folder.appendingPathComponent("bomb.jsonl.gz"))
        var warnings: [String] = []
        let corpus = try CorpusLoader.load(paths: [folder.path], warn: { warnings.append($0) })
        #expect(corpus.articles.count == 1)
        #expect(warnings.count == 1 && warnings[0].hasSuffix(
            "bomb.jsonl.gz: its one record (line 1) is too large: larger than 64 MB, the most Dossier reads of one"), "\(warnings)")
    }

    @Test func theLimitsSetting_isAWholeNumberOfMegabytes_andAnythingElseIsSaid() throws {
        #expect(try DocumentFormat.largestDocument(in: "8") == 8_000_000)
        #expect(try DocumentFormat.largestDocument(in: " 2000 ") == 2_000_000_000)
        for wrong in ["0", "-1", "2001", "1.5", "64MB", ""] {
            #expect(throws: DossierError.invalidEnvironment("DOSSIER_LARGEST_DOCUMENT_MB",
                                                            reason: "a whole number of megabytes from 1 to 2000 is wanted, not \"\(wrong)\"")) {
                try DocumentFormat.largestDocument(in: wrong)
            }
        }
    }

    @Test func aPageLargerThanTheLimit_isRefusedBeforeItIsRead() throws {
        let folder = try TestCorpus.folder([:])
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("huge.html").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("<html>".utf8)))
        // Its size alone decides: a sparse file of that size holds nothing to read.
        #expect(truncate(path, off_t(DocumentFormat.largestDocument + 1)) == 0)
        #expect(throws: ContentProblem.self) { try DocumentFormat.unpackedBytes(of: path, limit: DocumentFormat.largestDocument) }
    }
}
