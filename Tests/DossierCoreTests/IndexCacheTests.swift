@testable import DossierCore
@testable import DossierFormats
@testable import DossierIndex
@testable import DossierLinking
@testable import DossierPlatform
import Foundation
import Testing

/// The saved index: reused when nothing changed, refreshed file by file when something did,
/// and never trusted when it is damaged, foreign or half-written.
struct IndexCacheTests {
    /// A corpus folder, a cache folder, and a way to load the one with the other.
    struct Setup {
        let corpus: URL
        let cache: IndexCache

        init(_ files: [String: String] = IndexCacheTests.articles) throws {
            corpus = try TestCorpus.folder(files)
            cache = IndexCache(directory: try TestCorpus.folder([:]).appendingPathComponent("cache").path)
        }

        var cacheFile: String { cache.filePath(forPaths: [corpus.path]) }

        /// Loads, and records what was read afresh and what was said.
        func load(with cache: IndexCache? = nil) throws -> (corpus: Corpus, bytesRead: Int, warnings: [String]) {
            let reads = Box()
            var warnings: [String] = []
            let corpus = try CorpusLoader.load(paths: [self.corpus.path], cache: cache ?? self.cache,
                                               progress: { progress in reads.set(progress.bytesRead) }, warn: { warnings.append($0) })
            return (corpus, reads.value, warnings)
        }

        /// Loads as a search does, and records what was read afresh and what was said.
        func load(purpose: LoadPurpose) throws -> (corpus: any SearchableCorpus, bytesRead: Int, warnings: [String]) {
            guard purpose == .search else {
                let whole = try load()
                return (whole.corpus, whole.bytesRead, whole.warnings)
            }
            let reads = Box()
            var warnings: [String] = []
            let corpus = try CorpusLoader.loadForSearch(paths: [self.corpus.path], cache: cache,
                                                        progress: { progress in reads.set(progress.bytesRead) }, warn: { warnings.append($0) })
            return (corpus, reads.value, warnings)
        }

        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: corpus.appendingPathComponent(name))
        }

        func patchCache(_ change: (inout [UInt8]) -> Void) throws {
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: cacheFile)))
            change(&bytes)
            try Data(bytes).write(to: URL(fileURLWithPath: cacheFile))
        }
    }

    final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var latest = 0
        var value: Int { lock.withLock { latest } }
        func set(_ value: Int) { lock.withLock { latest = max(latest, value) } }
    }

    static let articles = [
        "pompeo.txt": "Pompeo visits Pyongyang\n\nSecretary of State Mike Pompeo met Kim Jong Un in Pyongyang. Pompeo said talks were productive.\n",
        "ri.txt": "Ri Yong Ho speaks\n\nNorth Korean Foreign Minister Ri Yong Ho said \"the sanctions must end\" at the forum.\n",
        "trump.txt": "Trump tweets\n\nPresident Donald Trump praised Kim Jong Un. Trump said a second summit was likely.\n",
    ]

    /// Everything a user sees of a corpus, as plain values, to compare a cached load with a fresh one;
    /// a search's corpus has no entities, mentions or quotes to show.
    static func summary(_ searchable: any SearchableCorpus) -> [String] {
        let corpus = searchable as? Corpus
        let articles = searchable.articles.indices.map { index -> String in
            let article = searchable.articles[index]
            let mentions = corpus.map { corpus in
                corpus.mentions[index].map { "\($0.range)=\($0.entity.map { corpus.entities[$0].id } ?? "?")" }
            } ?? []
            let quotes = corpus.map { corpus in
                corpus.quotes[index].map { "\($0.range)=\($0.speaker.map { corpus.entities[$0].id } ?? "?")" }
            } ?? []
            return "\(article.id)|\(article.title)|\(article.paragraphs)|\(mentions)|\(quotes)"
        }
        let entities = corpus.map { corpus in
            corpus.entities.indices.map { index -> String in
                // Each mention found from its entity, as `]` finds it: a forged place reads as none, never past the article's mentions.
                let places = corpus.mentionsByEntity[index].map { corpus.mention(at: $0).map { "\($0.range)" } ?? "none" }
                return "\(corpus.entities[index].id):\(corpus.mentionsByEntity.count(of: index)):\(places):"
                    + "\(corpus.related[index].map { "\($0.entity)x\($0.count)" })"
            }
        } ?? []
        let searches = ["pompeo", "kim jong", "said", "sanction*", "summit"].map { query in
            "\(query): \(searchable.index.search(try! Query(query)).hits.map { "\($0.article)@\(searchable.byteRange(of: $0).map { "\($0)" } ?? "lost")" })"
        }
        return articles + entities + searches
    }

    // MARK: - Reuse

    @Test func secondLoad_readsNoFile_andAnswersAsTheFirst() throws {
        let setup = try Setup()
        let first = try setup.load()
        #expect(first.bytesRead > 0)
        #expect(FileManager.default.fileExists(atPath: setup.cacheFile))
        let second = try setup.load()
        #expect(second.bytesRead == 0, "every file should come from the saved index")
        #expect(second.warnings.isEmpty)
        #expect(Self.summary(second.corpus) == Self.summary(first.corpus))
        let fresh = try CorpusLoader.load(paths: [setup.corpus.path])
        #expect(Self.summary(second.corpus) == Self.summary(fresh))
        // The text comes from the file on demand, exactly as indexed.
        let pompeo = try #require(second.corpus.articles.firstIndex { $0.id == "pompeo" })
        let names = second.corpus.mentions[pompeo].map { second.corpus.articles[pompeo].text.string($0.range) }
        #expect(names == ["Pompeo", "Pyongyang", "Mike Pompeo", "Kim Jong Un", "Pyongyang", "Pompeo"])
    }

    @Test func aWorkNamedInOneArticle_isNoPersonInAnother_andATitledSurnameIsTheCorpussOne_afterALoadFromTheSavedIndex() throws {
        let setup = try Setup([
            "film.txt": "Awards\n\nMike Leigh's latest film Vera Drake won the Golden Lion.\n",
            "star.txt": "Favourite\n\nVera Drake is the favourite, said Imelda Staunton. Mr Leigh agreed.\n",
        ])
        func leighLinked(_ corpus: Corpus) -> Bool {
            let star = corpus.articles.firstIndex { $0.id == "star" }!
            return corpus.mentions[star].contains { corpus.articles[star].text.string($0.range) == "Leigh" && $0.entity.map { corpus.entities[$0].name } == "Mike Leigh" }
        }
        _ = try setup.load()
        // Only the film's article is read again: the star's comes from the index, and still names no Vera Drake.
        try setup.write("film.txt", "Awards\n\nMike Leigh's latest film Vera Drake won the Golden Lion again.\n")
        let second = try setup.load()
        #expect(second.bytesRead > 0)
        #expect(!second.corpus.entities.contains { $0.name == "Vera Drake" })
        let fresh = try CorpusLoader.load(paths: [setup.corpus.path])
        #expect(Self.summary(second.corpus) == Self.summary(fresh))
        let third = try setup.load()
        #expect(third.bytesRead == 0)
        #expect(!third.corpus.entities.contains { $0.name == "Vera Drake" })
        #expect(leighLinked(second.corpus) && leighLinked(third.corpus))
    }

    @Test func anySpellingOfOneFolder_sharesOneSavedIndex_withoutRebuildingIt() throws {
        let setup = try Setup()
        let elsewhere = try TestCorpus.folder([:])
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let link = elsewhere.appendingPathComponent("link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: setup.corpus.path)
        func load(_ path: String, purpose: LoadPurpose = .everything) throws -> (corpus: any SearchableCorpus, bytesRead: Int) {
            let reads = Box()
            let corpus: any SearchableCorpus = purpose == .search
                ? try CorpusLoader.loadForSearch(paths: [path], cache: setup.cache, progress: { reads.set($0.bytesRead) })
                : try CorpusLoader.load(paths: [path], cache: setup.cache, progress: { reads.set($0.bytesRead) })
            return (corpus, reads.value)
        }
        func cacheFileIdentity() throws -> [String] {
            let attributes = try FileManager.default.attributesOfItem(atPath: setup.cacheFile)
            return ["\(attributes[.systemFileNumber] ?? "")", "\(attributes[.modificationDate] ?? "")"]
        }
        let first = try load(setup.corpus.path)
        #expect(first.bytesRead > 0)
        let saved = try cacheFileIdentity()
        for spelling in [setup.corpus.path + "/", link, setup.corpus.path + "/./", setup.corpus.path] {
            #expect(setup.cache.filePath(forPaths: [spelling]) == setup.cacheFile)
            let again = try load(spelling)
            #expect(again.bytesRead == 0, "\(spelling) should find every file in the saved index")
            #expect(try cacheFileIdentity() == saved, "\(spelling) should not rewrite the saved index")
            #expect(Self.summary(again.corpus) == Self.summary(first.corpus))
            // Paths are shown as the user spelt them, and the text is read from there.
            let folder = spelling.hasSuffix("/") ? spelling : spelling + "/"
            #expect(again.corpus.articles.allSatisfy { $0.path.hasPrefix(folder) })
            #expect(again.corpus.articles.allSatisfy { $0.text.bytes.count > 0 })
        }
        let search = try load(link, purpose: .search)
        #expect(!search.corpus.isLinked, "a search by another spelling should use the saved index as it is")
        #expect(search.corpus.articles.allSatisfy { $0.path.hasPrefix(link + "/") })
    }

    @Test func noCache_neitherReadsNorWrites() throws {
        let setup = try Setup()
        _ = try CorpusLoader.load(paths: [setup.corpus.path])
        #expect(!FileManager.default.fileExists(atPath: setup.cacheFile))
    }

    // MARK: - Loading for a search

    /// Every hit of a few queries, by article id and the text it covers, and the ranking.
    static func searchSummary(_ corpus: any SearchableCorpus) throws -> [String] {
        try ["pompeo", "kim jong", "said", "sanction*", "summit", "\"second summit\" trump"].map { text in
            let result = corpus.index.search(try Query(text))
            let hits = result.hits.map { hit in
                "\(corpus.articles[hit.article].id):\(corpus.byteRange(of: hit).map { corpus.articles[hit.article].text.string($0) } ?? "lost")"
            }
            return "\(text): \(hits) ranked \(result.ranking.map { "\(corpus.articles[$0.article].id)=\($0.score)" })"
        }
    }

    @Test func searchLoad_ofAnUnchangedCorpus_readsNoLinks_andFindsWhatAFullLoadFinds() throws {
        var files = Self.articles
        files["binary.txt"] = "PNG\u{0}\u{0}\u{1}"
        let setup = try Setup(files)
        let full = try setup.load()
        #expect(full.corpus.isLinked)
        let searchOnly = try setup.load(purpose: .search)
        #expect(!searchOnly.corpus.isLinked)
        #expect(searchOnly.bytesRead == 0)
        #expect(searchOnly.warnings == full.warnings, "the skipped file is reported as before")
        #expect(searchOnly.corpus.articles.map(\.id) == full.corpus.articles.map(\.id))
        #expect(try Self.searchSummary(searchOnly.corpus) == Self.searchSummary(full.corpus))
    }

    @Test func searchLoad_afterAChange_loadsEverything_andSavesIt() throws {
        let setup = try Setup()
        _ = try setup.load()
        try setup.write("trump.txt", "Trump tweets again\n\nPresident Donald Trump spoke about denuclearization.\n")
        let second = try setup.load(purpose: .search)
        #expect(second.corpus.isLinked, "a changed corpus is loaded whole, as any load would")
        #expect(second.corpus.index.search(try Query("denuclearization")).hits.count == 1)
        let third = try setup.load(purpose: .search)
        #expect(!third.corpus.isLinked && third.bytesRead == 0, "and the refreshed index was saved")
        #expect(try Self.searchSummary(third.corpus) == Self.searchSummary(try CorpusLoader.load(paths: [setup.corpus.path])))
    }

    @Test func searchLoad_withoutASavedIndex_orWithADamagedOne_loadsEverything() throws {
        let setup = try Setup()
        #expect(try setup.load(purpose: .search).corpus.isLinked)
        try setup.patchCache { bytes in
            let stamps = Self.range(of: .stamps, in: bytes)
            bytes[(stamps.lowerBound + stamps.upperBound) / 2] ^= 0xFF
        }
        let damaged = try setup.load(purpose: .search)
        #expect(damaged.corpus.isLinked)
        #expect(damaged.warnings.count == 1 && damaged.warnings[0].hasSuffix("rebuilding it"), "reported once, by the full load")
    }

    // MARK: - Invalidation

    @Test func changedFile_isReadAgain_andOnlyIt() throws {
        let setup = try Setup()
        _ = try setup.load()
        let changed = "Trump tweets again\n\nPresident Donald Trump spoke to Ri Yong Ho about denuclearization.\n"
        try setup.write("trump.txt", changed)
        let second = try setup.load()
        #expect(second.bytesRead == changed.utf8.count)
        #expect(second.corpus.index.search(try Query("denuclearization")).hits.count == 1)
        #expect(second.corpus.index.search(try Query("second summit")).hits.isEmpty)
        #expect(Self.summary(second.corpus) == Self.summary(try CorpusLoader.load(paths: [setup.corpus.path])))
    }

    @Test func sameSizeEdit_isSeenByItsModificationTime() throws {
        let setup = try Setup()
        _ = try setup.load()
        let path = setup.corpus.appendingPathComponent("ri.txt").path
        let original = try String(contentsOfFile: path, encoding: .utf8)
        try setup.write("ri.txt", original.replacingOccurrences(of: "sanctions", with: "embargoes"))
        var times = [timespec(tv_sec: 1_000_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        let second = try setup.load()
        #expect(second.bytesRead == original.utf8.count)
        #expect(second.corpus.index.search(try Query("embargoes")).hits.count == 1)
    }

    @Test func sameSizeEdit_withItsModificationTimePutBack_isSeenByItsChangeTime() throws {
        let setup = try Setup()
        _ = try setup.load()
        let path = setup.corpus.appendingPathComponent("ri.txt").path
        let original = try String(contentsOfFile: path, encoding: .utf8)
        var before = stat()
        try #require(stat(path, &before) == 0)
        try setup.write("ri.txt", original.replacingOccurrences(of: "sanctions", with: "embargoes"))
        // As `touch -r` would: the edit keeps the size, and the modification time is set back to what it was.
        var times = [before.st_atim, before.st_mtim]
        try #require(utimensat(AT_FDCWD, path, &times, 0) == 0)
        var after = stat()
        try #require(stat(path, &after) == 0)
        try #require(after.st_size == before.st_size && after.st_mtim.tv_sec == before.st_mtim.tv_sec
                     && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
        for purpose in [LoadPurpose.search, .everything] {
            let second = try setup.load(purpose: purpose)
            #expect(second.corpus.index.search(try Query("embargoes")).hits.count == 1, "\(purpose)")
        }
    }

    @Test func addedAndDeletedFiles_areFollowed() throws {
        let setup = try Setup()
        _ = try setup.load()
        let added = "Nauert briefs\n\nState Department spokesperson Heather Nauert said the talks went well.\n"
        try setup.write("nauert.txt", added)
        try FileManager.default.removeItem(at: setup.corpus.appendingPathComponent("pompeo.txt"))
        let second = try setup.load()
        #expect(second.bytesRead == added.utf8.count)
        #expect(second.corpus.articles.map(\.id).sorted() == ["nauert", "ri", "trump"])
        #expect(second.corpus.index.search(try Query("nauert")).hits.count == 2)
        #expect(second.corpus.index.search(try Query("productive")).hits.isEmpty, "the deleted article's words are gone")
        #expect(Self.summary(second.corpus) == Self.summary(try CorpusLoader.load(paths: [setup.corpus.path])))
        // And the refreshed index is saved: a third load reads nothing.
        #expect(try setup.load().bytesRead == 0)
    }

    @Test func skippedFiles_areRememberedAndStillReported() throws {
        let setup = try Setup()
        try Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D]).write(to: setup.corpus.appendingPathComponent("image.txt"))
        let first = try setup.load()
        let second = try setup.load()
        #expect(second.bytesRead == 0)
        #expect(second.corpus.skipped.map(\.path) == first.corpus.skipped.map(\.path))
        #expect(second.warnings.contains { $0.contains("image.txt") && $0.contains("not text") })
        // Saved again after another change, the verdict is still there.
        try setup.write("nauert.txt", "Nauert briefs\n\nHeather Nauert spoke.\n")
        _ = try setup.load()
        #expect(try setup.load().bytesRead == 0)
    }

    // MARK: - Damage

    @Test func truncatedCache_isReportedInOneLine_andRebuilt() throws {
        let setup = try Setup()
        let first = try setup.load()
        try setup.patchCache { $0.removeLast($0.count / 3) }
        let second = try setup.load()
        #expect(second.warnings == ["index cache \(setup.cacheFile) is damaged (it ends early); rebuilding it"])
        #expect(Self.summary(second.corpus) == Self.summary(first.corpus))
        #expect(try setup.load().warnings.isEmpty, "the rebuilt index is saved")
    }

    @Test func corruptedArticleByte_failsItsBlocksChecksum_atLoad() throws {
        let setup = try Setup()
        let first = try setup.load()
        try setup.patchCache { bytes in
            let articles = Self.range(of: .articles, in: bytes)
            bytes[(articles.lowerBound + articles.upperBound) / 2] ^= 0x5A
        }
        let second = try setup.load()
        #expect(second.warnings == ["index cache \(setup.cacheFile) is damaged (its checksum does not match); rebuilding it"])
        #expect(Self.summary(second.corpus) == Self.summary(first.corpus))
    }

    /// The index's postings are checked when a query first reads them: a load that never reads them pays
    /// nothing for them, and a query that meets a damaged block finds nothing and says so.
    @Test func corruptedPostingByte_isFoundByTheQueryThatReadsIt_andTheSearchRebuilds() throws {
        let setup = try Setup()
        let first = try setup.load()
        try setup.patchCache { bytes in
            let postings = Self.range(of: .positionStream, in: bytes)
            bytes[(postings.lowerBound + postings.upperBound) / 2] ^= 0x5A
        }
        let second = try setup.load(purpose: .search)
        #expect(second.warnings.isEmpty, "a search's load does not read the postings")
        #expect(second.corpus.index.damage == nil)
        let damaged = second.corpus.index.search(try Query("pompeo"))
        #expect(damaged.hits.isEmpty && damaged.ranking.isEmpty, "nothing read from a damaged block is used")
        #expect(second.corpus.index.damage == "index cache \(setup.cacheFile) is damaged (its checksum does not match)")
        #expect(second.corpus.index.search(try Query("trump")).hits.isEmpty, "and no later query trusts the file either")
        #expect(second.corpus.index.topArticles(try Query("trump"), limit: 5).isEmpty)
        // What `dossier search` then does: the saved index is removed, and the next load builds and saves it again.
        _ = setup.cache.clear(paths: [setup.corpus.path])
        let rebuilt = try setup.load(purpose: .search)
        #expect(rebuilt.corpus.index.damage == nil)
        #expect(Self.summary(rebuilt.corpus) == Self.summary(first.corpus))
    }

    /// A search decodes only the articles it shows, so a damaged article is found when it is read: it is
    /// then shown as no text, and the corpus says the saved index is damaged.
    @Test func corruptedArticleByte_inASearch_isFoundWhenTheArticleIsRead() throws {
        let setup = try Setup()
        let first = try setup.load()
        try setup.patchCache { bytes in
            let articles = Self.range(of: .articles, in: bytes)
            bytes[articles.lowerBound + 20] ^= 0x5A
        }
        let search = try setup.load(purpose: .search)
        #expect(search.warnings.isEmpty && !search.corpus.isLinked)
        #expect(search.corpus.savedIndexDamage == nil, "no article is read yet")
        let ids = search.corpus.articles.map(\.id)
        #expect(ids.count == first.corpus.articles.count)
        #expect(search.corpus.savedIndexDamage == "index cache \(setup.cacheFile) is damaged (its checksum does not match)")
        #expect(search.corpus.articles.contains { $0.title.isEmpty && $0.textLength == 0 }, "the damaged one is shown as nothing")
    }

    /// Another program truncates the saved index while it is mapped (Dossier itself only ever replaces it by
    /// rename, which leaves a mapping whole). Reading a page past the new end raises SIGBUS; the query must
    /// neither crash nor answer from what it read, before or after its blocks were first checked.
    @Test func indexTruncatedWhileMapped_isReportedAsDamaged_neverACrash() throws {
        for queriedBefore in [false, true] {
            let setup = try Setup(Self.articlesSpanningManyPages)
            let first = try setup.load()
            #expect(try FileManager.default.attributesOfItem(atPath: setup.cacheFile)[.size] as? Int ?? 0 > 16 * 4096)
            let mapped = try setup.load(purpose: .search)
            #expect(!mapped.corpus.isLinked && mapped.warnings.isEmpty, "the search load keeps the index in its file")
            if queriedBefore {
                #expect(mapped.corpus.index.search(try Query("pompeo")).hits.count == Self.hitCount("pompeo", in: first.corpus))
            }
            #expect(truncate(setup.cacheFile, off_t(MappedIndexFile.headerSize)) == 0)
            let after = mapped.corpus.index.search(try Query("pompeo"))
            #expect(after.hits.isEmpty, "queried before: \(queriedBefore)")
            let damage = try #require(mapped.corpus.index.damage)
            #expect(damage == "index cache \(setup.cacheFile) is damaged (it was cut short while in use)")
            // The next run finds the file cut short, says so in one line, and rebuilds it.
            let next = try setup.load()
            #expect(next.warnings == ["index cache \(setup.cacheFile) is damaged (it ends early); rebuilding it"])
            #expect(Self.summary(next.corpus) == Self.summary(first.corpus))
        }
    }

    /// A query that is reading the mapping when the cut comes reads pages past the new end: the SIGBUS that
    /// raises is answered with a page of zeros, which fails the block's checksum, and the loss is noted.
    @Test func pagesLostToATruncation_readAsZeros_failTheirChecksums_andAreNoted() throws {
        let setup = try Setup(Self.articlesSpanningManyPages)
        _ = try setup.load()
        let descriptor = open(setup.cacheFile, O_RDONLY)
        defer { close(descriptor) }
        let file = try Self.mapped(setup.cacheFile, descriptor: descriptor)
        #expect(file.problem == nil && file.verify(.meta))
        let postings = file.bytes(of: .postingBlocks)
        let saved = [UInt8](try Data(contentsOf: URL(fileURLWithPath: setup.cacheFile)))
        #expect(postings.count > 4096 && Self.range(of: .postingBlocks, in: saved).lowerBound > 4 * 4096)
        #expect(truncate(setup.cacheFile, off_t(MappedIndexFile.headerSize)) == 0)
        #expect(!file.verify(.postingBlocks), "the lost pages read as zeros, which fail the checksum")
        #expect(file.lostPages)
        #expect(file.problem != nil)
    }

    /// The reader's crash guard is installed after the index is mapped, so it hears of SIGBUS first: it used
    /// to take a page lost to a truncation for a crash, restore the terminal and remove itself. A handler
    /// of ours asks the mapping guard's mender first, and a mended fault never reaches the rest of it.
    @Test func aHandlerInstalledAfterTheMappingGuard_leavesALostPageToIt() throws {
        let setup = try Setup(Self.articlesSpanningManyPages)
        _ = try setup.load()
        let descriptor = open(setup.cacheFile, O_RDONLY)
        defer { close(descriptor) }
        let file = try Self.mapped(setup.cacheFile, descriptor: descriptor)
        let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 1)
        defer {
            sigaction(SIGBUS, previous, nil)
            previous.deallocate()
        }
        SignalHandOver.install({ number, info, context in
            if SignalHandOver.isMended(number, info) { return }
            IndexCacheTests.faultsThatReachedTheLaterHandler += 1
            SignalHandOver.handOver(number, info, context, to: IndexCacheTests.laterHandlersPrevious!, endingTheProcess: false)
        }, for: SIGBUS, keepingPreviousIn: previous)
        Self.laterHandlersPrevious = previous
        #expect(truncate(setup.cacheFile, off_t(MappedIndexFile.headerSize)) == 0)
        #expect(!file.verify(.postingBlocks))
        #expect(file.lostPages)
        #expect(Self.faultsThatReachedTheLaterHandler == 0)
    }

    nonisolated(unsafe) static var faultsThatReachedTheLaterHandler = 0
    nonisolated(unsafe) static var laterHandlersPrevious: UnsafeMutablePointer<sigaction>?

    /// The saved index at `path`, open at `descriptor`, mapped as a load maps it.
    static func mapped(_ path: String, descriptor: Int32) throws -> MappedIndexFile {
        var info = stat()
        #expect(fstat(descriptor, &info) == 0)
        return try MappedIndexFile(path: path, descriptor: descriptor, size: Int(info.st_size),
                                   fingerprint: IndexFingerprint.of(catalog: try EntityCatalog.bundled(), gazetteer: try Gazetteer.bundled(),
                                                                    fields: DatasetFields()))
    }

    /// Enough articles that their saved index spans many pages, so that a read can reach past a truncation.
    static let articlesSpanningManyPages = articles.merging((0..<400).map { number in
        ("filler-\(number).txt", "Filler \(number)\n\nThe committee number \(number) met on day \(number * 7) and said little.\n")
    }) { first, _ in first }

    static func hitCount(_ query: String, in corpus: Corpus) -> Int {
        corpus.index.search(try! Query(query)).hits.count
    }

    /// Where a section lies in a saved index file, from its directory.
    static func range(of section: IndexSection, in bytes: [UInt8]) -> Range<Int> {
        IndexFileForgery.range(of: section, in: bytes) ?? 0..<0
    }

    @Test func foreignFiles_areNeverTrusted() throws {
        let setup = try Setup()
        _ = try setup.load()
        try setup.patchCache { $0[8] &+= 1 }  // the format version
        #expect(try setup.load().warnings == ["index cache \(setup.cacheFile) was written by another version of Dossier; rebuilding it"])
        try setup.patchCache { $0[16] &+= 1 }  // the fingerprint: another build or catalog
        #expect(try setup.load().warnings.first?.contains("was built by another build of Dossier or with other dataset fields") == true)
        try setup.patchCache { $0.replaceSubrange(0..<8, with: Array("GIF89a\0\0".utf8)) }
        #expect(try setup.load().warnings == ["index cache \(setup.cacheFile) is not a Dossier index; rebuilding it"])
        try setup.patchCache { $0 = [] }
        #expect(try setup.load().warnings == ["index cache \(setup.cacheFile) is damaged (it ends early); rebuilding it"])
    }

    /// A change to the user's people rebuilds every saved index, and each says that is why.
    @Test func anIndexBuiltForOtherPeople_saysSo() throws {
        let setup = try Setup()
        _ = try setup.load()
        let choe = Entity(id: "choe-son-hui", name: "Choe Son Hui", kind: .person, description: "North Korean diplomat")
        let catalog = try EntityCatalog.bundled().merging([choe])
        var warnings: [String] = []
        _ = try CorpusLoader.load(paths: [setup.corpus.path], catalog: catalog, cache: setup.cache, warn: { warnings.append($0) })
        #expect(warnings == ["index cache \(setup.cacheFile) was built for other people (the [[people]] of your config file, or the bundled ones, changed); rebuilding it"])
    }

    /// A file that passes its checksums but whose numbers are wrong is still refused or read safely, never
    /// trusted into a crash: flip bytes one at a time, make the checksums match, load, and search.
    @Test func damageBehindValidChecksums_neverCrashes() throws {
        let setup = try Setup()
        let expected = Self.summary(try setup.load().corpus)
        let pristine = [UInt8](try Data(contentsOf: URL(fileURLWithPath: setup.cacheFile)))
        var refused = 0
        var foundByQueries = 0
        for position in stride(from: 24, to: pristine.count, by: 7) where !(48..<56).contains(position) {
            var bytes = pristine
            bytes[position] ^= 0xFF
            IndexFileForgery.reseal(&bytes)
            for purpose in [LoadPurpose.search, .everything] {
                try Data(bytes).write(to: URL(fileURLWithPath: setup.cacheFile))
                let loaded = try setup.load(purpose: purpose)
                if !loaded.warnings.isEmpty {
                    refused += 1
                    #expect(loaded.warnings.count == 1 && loaded.warnings[0].hasSuffix("rebuilding it"))
                    #expect(Self.summary(loaded.corpus) == expected)
                }
                _ = Self.summary(loaded.corpus)
                if loaded.corpus.index.damage != nil {
                    foundByQueries += 1
                    for query in ["pompeo", "kim jong", "said", "sanction*", "summit"] {
                        #expect(loaded.corpus.index.search(try Query(query)).hits.isEmpty, "a damaged index answers nothing")
                    }
                }
            }
        }
        #expect(refused > 0)
        #expect(foundByQueries > 0)
    }

    // MARK: - Interrupted writes

    @Test func killDuringWrite_leavesTheOldIndex() throws {
        let setup = try Setup()
        _ = try setup.load()
        let before = try Data(contentsOf: URL(fileURLWithPath: setup.cacheFile))
        let added = "Kim meets Moon\n\nKim Jong Un met Moon Jae-in at the border.\n"
        try setup.write("moon.txt", added)
        var dying = setup.cache
        dying.interruptAfterBytes = 100
        let interrupted = try setup.load(with: dying)
        #expect(interrupted.corpus.articles.count == 4, "the run itself still has every article")
        #expect(interrupted.warnings.count == 1 && interrupted.warnings[0].contains("not saved"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: setup.cacheFile)) == before, "the saved index is untouched")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: setup.cache.directory).filter { $0.contains(".tmp-") }
        #expect(leftovers.count == 1, "the half-written file is where a killed run would leave it")

        // The next run trusts the old index for the old files, takes the new one from the segment the interrupted
        // run saved of it (`BuildSegments`), reading none, and clears the leftover.
        let next = try setup.load()
        #expect(next.warnings.isEmpty)
        #expect(next.bytesRead == 0)
        #expect(next.corpus.articles.count == 4)
        #expect(try FileManager.default.contentsOfDirectory(atPath: setup.cache.directory).filter { $0.contains(".tmp-") }.isEmpty)
    }

    @Test func leftoverTemporary_ofALiveProcessThatIsNotWritingIt_isRemoved_andALockedOneIsNot() throws {
        let setup = try Setup()
        _ = try setup.load()
        // Process 1 always lives, and is no Dossier writing an index (as after a reboot reused the id).
        let temporaries = setup.cache.directory + "/" + AtomicFile.temporaryPrefix(for: setup.cacheFile)
        let abandoned = temporaries + "1"
        try Data("half an index".utf8).write(to: URL(fileURLWithPath: abandoned))
        var old = [timespec(tv_sec: 1_000_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000_000, tv_nsec: 0)]
        try #require(utimensat(AT_FDCWD, abandoned, &old, 0) == 0)
        // A writer at work holds the lock on its file, however old its last write.
        let beingWritten = temporaries + "2"
        try Data("being written".utf8).write(to: URL(fileURLWithPath: beingWritten))
        try #require(utimensat(AT_FDCWD, beingWritten, &old, 0) == 0)
        let writer = open(beingWritten, O_RDONLY)
        defer { close(writer) }
        try #require(flock(writer, LOCK_EX) == 0)

        try setup.write("moon.txt", "Kim meets Moon\n\nKim Jong Un met Moon Jae-in at the border.\n")
        _ = try setup.load()
        #expect(!FileManager.default.fileExists(atPath: abandoned))
        #expect(FileManager.default.fileExists(atPath: beingWritten))
    }

    @Test func aFIFOOrAFolderAtTheCachePath_isReportedInOneLine_andNeverWaitedOn() throws {
        let setup = try Setup()
        try FileManager.default.createDirectory(atPath: setup.cache.directory, withIntermediateDirectories: true)
        try #require(mkfifo(setup.cacheFile, 0o600) == 0)
        let first = try setup.load()
        #expect(first.warnings == ["index cache \(setup.cacheFile) is not a regular file (a FIFO); rebuilding it"])
        #expect(try setup.load().bytesRead == 0, "the FIFO was replaced by the index")

        try FileManager.default.removeItem(atPath: setup.cacheFile)
        try FileManager.default.createDirectory(atPath: setup.cacheFile, withIntermediateDirectories: false)
        let folder = try setup.load()
        #expect(folder.warnings == ["index cache \(setup.cacheFile) is a folder, not an index",
                                    "the index cache was not saved: \(setup.cacheFile) is a folder; remove it to let Dossier save the index there"])
        #expect(folder.corpus.articles.count == 3)
    }

    @Test func clear_removesOneCorpusOrAll() throws {
        let first = try Setup()
        _ = try first.load()
        let other = try TestCorpus.folder(["a.txt": "Pompeo in Seoul\n\nMike Pompeo arrived in Seoul.\n"])
        _ = try CorpusLoader.load(paths: [other.path], cache: first.cache)
        #expect(try FileManager.default.contentsOfDirectory(atPath: first.cache.directory).count == 2)
        #expect(first.cache.clear(paths: [other.path]).files == 1)
        #expect(FileManager.default.fileExists(atPath: first.cacheFile))
        #expect(first.cache.clear(paths: nil).files == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: first.cache.directory).isEmpty)
    }

    // MARK: - Text read back

    @Test func fileChangedAfterIndexing_showsANotice_notOtherText() throws {
        let setup = try Setup()
        let corpus = try setup.load().corpus
        let index = try #require(corpus.articles.firstIndex { $0.id == "ri" })
        try setup.write("ri.txt", "short")
        let text = corpus.articles[index].text
        #expect(text.bytes.count == corpus.articles[index].textLength)
        #expect(text.string(0..<text.bytes.count).hasPrefix("[This file changed"))
    }
}

/// How a test loads a corpus: whole, or as a search does.
enum LoadPurpose {
    case everything, search
}

extension SearchableCorpus {
    /// True for a whole corpus, linked; false for a search's articles and index alone.
    var isLinked: Bool { self is Corpus }
}
