@testable import DossierCore
@testable import DossierFormats
@testable import DossierIndex
@testable import DossierLinking
import DossierPlatform
import Foundation
import Testing

/// The merged links a saved index keeps: a corpus in which nothing changed opens from them, its
/// articles read only when shown, and answers exactly as the load that merged them did; links that
/// are damaged, forged or stale are never believed.
struct MergedLinksTests {
    /// Pages of text, a feed from one source and a dataset from another with a record that is not
    /// JSON, and a file that is not text: every kind of article, note and skip a load reports.
    static let files = IndexCacheTests.articles.merging([
        "gazette.xml": FeedTests.rss2,
        "news.jsonl": DatasetTests.jsonLines,
        "blob.txt": "binary \u{0} bytes \u{1}\u{2}\u{3} here",
    ]) { first, _ in first }

    /// All that a reader shows of a corpus, as plain values.
    static func everything(_ corpus: Corpus) -> [String] {
        let articles = corpus.articles.indices.map { index in
            let article = corpus.articles[index]
            return [article.id, article.stableID, article.path, article.title, article.date ?? "-", article.source ?? "-",
                    "\(article.textLength)", "\(article.paragraphs)", "\(corpus.personMentionCounts[index])",
                    "\(corpus.mentionCounts(inArticle: index).sorted { $0.key < $1.key })"].joined(separator: "|")
        }
        let entities = corpus.entities.indices.map { index in
            "\(corpus.entities[index]) \(corpus.mentionsByEntity[index]) \(corpus.quotesByEntity[index]) \(corpus.related[index]) "
                + "\(corpus.articleCount(of: index))"
        }
        let skipped = corpus.skipped.map { "\($0.path): \($0.reason) \($0.isPartOfFile)" }.sorted()
        return articles + entities + ["\(Array(corpus.mentions))", "\(corpus.quotes)"] + skipped
    }

    @Test func anUnchangedCorpus_opensFromItsMergedLinks_asTheLoadThatSavedThemMadeIt() throws {
        let setup = try IndexCacheTests.Setup(Self.files)
        let first = try setup.load()
        #expect(!first.corpus.articles.areReadFromSavedIndex)
        let second = try setup.load()
        #expect(second.corpus.articles.areReadFromSavedIndex, "an unchanged corpus should open from its saved index")
        #expect(second.bytesRead == 0)
        #expect(Self.everything(second.corpus) == Self.everything(first.corpus))
        // A saved place names its article by stable id, found in the saved index's own table.
        for index in first.corpus.articles.indices {
            #expect(second.corpus.articleIndex(stableID: first.corpus.articles[index].stableID) == index)
        }
        #expect(second.corpus.articleIndex(stableID: "0000000000000000") == nil && second.corpus.articleIndex(stableID: "") == nil)
        #expect(second.corpus.articles.listFacts == first.corpus.articles.listFacts)
        #expect(second.corpus.articles.listFacts.anyDated && second.corpus.articles.listFacts.severalSources)
        // What the load said of the files, it says again: the record passed over, the file skipped.
        #expect(second.warnings.sorted() == first.warnings.sorted())
        #expect(second.warnings.contains { $0.contains("news.jsonl: line 2:") } && second.warnings.contains { $0.hasPrefix("skipped ") })
        #expect(Self.everything(second.corpus) == Self.everything(try CorpusLoader.load(paths: [setup.corpus.path])))
    }

    @Test func aFolderWhoseStampMoved_isListedAgain_andTheNextLoadOpensFromTheMergedLinks() throws {
        let setup = try IndexCacheTests.Setup(Self.files)
        let first = try setup.load()
        // A file comes and goes: the folder's stamp moves, no article changes.
        try setup.write("draft.txt", "x")
        try FileManager.default.removeItem(at: setup.corpus.appendingPathComponent("draft.txt"))
        let second = try setup.load()
        #expect(!second.corpus.articles.areReadFromSavedIndex, "a folder that moved is listed, not trusted")
        #expect(second.bytesRead == 0, "its files are as saved")
        #expect(Self.everything(second.corpus) == Self.everything(first.corpus))
        let third = try setup.load()
        #expect(third.corpus.articles.areReadFromSavedIndex)
        #expect(Self.everything(third.corpus) == Self.everything(first.corpus))
    }

    @Test func aChangedFile_isReadAgain_neverAnsweredFromTheSavedLinks() throws {
        let setup = try IndexCacheTests.Setup(Self.files)
        _ = try setup.load()
        // The same length, so that only the stamp tells.
        let original = IndexCacheTests.articles["trump.txt"]!
        try setup.write("trump.txt", original.replacingOccurrences(of: "Donald Trump praised", with: "Donald Trump thanked"))
        let second = try setup.load()
        #expect(!second.corpus.articles.areReadFromSavedIndex)
        let trump = try #require(second.corpus.articles.firstIndex { $0.id == "trump" })
        #expect(String(decoding: second.corpus.articles[trump].text.bytes, as: UTF8.self).contains("thanked"))
        #expect(Self.everything(second.corpus) == Self.everything(try CorpusLoader.load(paths: [setup.corpus.path])))
        // Saved again with it, the next load opens from the saved links.
        #expect(try setup.load().corpus.articles.areReadFromSavedIndex)
    }

    @Test func aFileCheckPutOff_opensOnTheFoldersStamps_andThenFindsAFileWrittenOverInPlace() throws {
        let setup = try IndexCacheTests.Setup(Self.files)
        let first = try setup.load()
        func loadPuttingOffTheCheck() throws -> (corpus: Corpus, check: DeferredFileCheck?) {
            let handed = Locked<DeferredFileCheck?>(nil)
            let corpus = try CorpusLoader.load(paths: [setup.corpus.path], cache: setup.cache,
                                               deferringFileCheck: { check in handed.withLock { $0 = check } })
            return (corpus, handed.withLock { $0 })
        }
        let unchanged = try loadPuttingOffTheCheck()
        #expect(unchanged.corpus.articles.areReadFromSavedIndex)
        #expect(try #require(unchanged.check).examine() == .unchanged)

        // Written over in place, the same length: the folder's stamp does not move, the file's does.
        let original = IndexCacheTests.articles["trump.txt"]!
        try setup.write("trump.txt", original.replacingOccurrences(of: "Donald Trump praised", with: "Donald Trump thanked"))
        let opened = try loadPuttingOffTheCheck()
        #expect(opened.corpus.articles.areReadFromSavedIndex, "opened on the folders' stamps before its files are examined")
        #expect(Self.everything(opened.corpus) == Self.everything(first.corpus))
        #expect(try #require(opened.check).examine() == .filesChanged)
        #expect(try #require(unchanged.check).examine() == .filesChanged, "a check made later sees the files as they are then")

        // A skipped file written over counts too: it may be an article now.
        let reread = try setup.load()
        #expect(!reread.corpus.articles.areReadFromSavedIndex)
        try setup.write("blob.txt", "binary \u{0} bytes \u{1}\u{2}\u{3} there")
        #expect(try #require(try loadPuttingOffTheCheck().check).examine() == .filesChanged)

        // Without the check put off, a load examines every file first, as before.
        #expect(!(try setup.load().corpus.articles.areReadFromSavedIndex))
    }

    @Test func aPlaceItsArticleDoesNotHave_behindValidChecksums_isFoundByTheCheckPutOff_andNeverShown() throws {
        let setup = try IndexCacheTests.Setup()
        _ = try setup.load()
        let sound = try setup.load().corpus
        let pompeo = try #require(sound.entityIndex(id: "mike-pompeo"))
        let first = try #require(sound.mentionsByEntity[pompeo].first)
        #expect(first.article < 0x80 && first.mention < 0x40 && sound.mentions[first.article].count < 0x7F, "one byte each, as forged below")
        // The forger makes Pompeo's first place the 127th mention of its article, and every checksum match again.
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: setup.cacheFile)))
        let rows = try #require(IndexFileForgery.range(of: .entityMentionRows, in: bytes))
        let start = bytes[(rows.lowerBound + pompeo * 16)..<(rows.lowerBound + pompeo * 16 + 8)].reversed().reduce(0) { $0 << 8 | Int($1) }
        let section = try #require(IndexFileForgery.range(of: .entityMentions, in: bytes))
        #expect(bytes[section.lowerBound + start] == UInt8(first.article) && bytes[section.lowerBound + start + 1] == UInt8(first.mention))
        bytes[section.lowerBound + start + 1] = 0x7F
        IndexFileForgery.reseal(&bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: setup.cacheFile), options: .atomic)

        let handed = Locked<DeferredFileCheck?>(nil)
        let forged = try CorpusLoader.load(paths: [setup.corpus.path], cache: setup.cache,
                                           deferringFileCheck: { check in handed.withLock { $0 = check } })
        #expect(forged.articles.areReadFromSavedIndex, "it passed its checksums")
        // Whatever reads the place finds no mention there, and nothing reads past the article's mentions.
        #expect(forged.mention(at: forged.mentionsByEntity[pompeo][0]) == nil)
        #expect(EntityProfile(entity: pompeo, in: forged).mentionCount == sound.mentionsByEntity.count(of: pompeo))
        guard case .indexDamaged(let damage) = try #require(handed.withLock { $0 }).examine() else {
            Issue.record("the examination should find the index damaged")
            return
        }
        #expect(damage == "index cache \(setup.cacheFile) is damaged (its mentions do not add up)")
    }

    @Test(arguments: [IndexSection.entities, .mergedLinks, .articleLinkRows, .mergedQuotes, .entityMentions, .entityMentionRows])
    func damagedMergedLinks_areReportedInOneLine_andTheIndexRebuilt(section: IndexSection) throws {
        let setup = try IndexCacheTests.Setup(Self.files)
        let first = try setup.load()
        try setup.patchCache { bytes in
            let range = IndexFileForgery.range(of: section, in: bytes)!
            bytes[range.lowerBound + range.count / 2] ^= 0x5A
        }
        let second = try setup.load()
        let damage = second.warnings.filter { $0.contains("index cache") }
        #expect(damage.count == 1 && damage[0].hasSuffix("is damaged (its checksum does not match); rebuilding it"), "\(damage)")
        #expect(Self.everything(second.corpus) == Self.everything(first.corpus))
        let third = try setup.load()
        #expect(third.corpus.articles.areReadFromSavedIndex && !third.warnings.contains { $0.contains("index cache") })
    }

    @Test func linksWrittenOverInPlace_afterTheCorpusOpened_readAsNone_andSayTheFileIsDamaged() throws {
        let setup = try IndexCacheTests.Setup()
        _ = try setup.load()
        let corpus = try setup.load().corpus
        #expect(corpus.articles.areReadFromSavedIndex && corpus.mentions.damage == nil)
        let first = try #require(corpus.articles.indices.first { !corpus.mentions[$0].isEmpty && corpus.articles[$0].textLength < 127 })
        #expect(first == 0, "the first article's links open the section")
        // Another program makes the first article's text longer in the links, where ranges past its text would then pass.
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: setup.cacheFile)))
        let section = try #require(IndexFileForgery.range(of: .mergedLinks, in: bytes))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: setup.cacheFile))
        try handle.seek(toOffset: UInt64(section.lowerBound))
        try handle.write(contentsOf: [0x7F])
        try handle.close()
        #expect(corpus.mentions[first].isEmpty)
        #expect(corpus.mentions.damage?.contains("is damaged") == true)
    }

    @Test func anEntitysMentionsWrittenOverInPlace_afterTheCorpusOpened_readAsNone_andSayTheFileIsDamaged() throws {
        let setup = try IndexCacheTests.Setup()
        let merged = try setup.load().corpus
        let corpus = try setup.load().corpus
        #expect(corpus.articles.areReadFromSavedIndex && corpus.linkDamage == nil)
        let pompeo = try #require(corpus.entityIndex(id: "mike-pompeo"))
        #expect(corpus.mentionsByEntity[pompeo] == merged.mentionsByEntity[pompeo] && corpus.mentionsByEntity.count(of: pompeo) > 1)
        #expect(corpus.mentionsByEntity.allSatisfy { $0.allSatisfy { corpus.mention(at: $0) != nil } })
        // Another program points every mention past the end of the corpus's articles.
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: setup.cacheFile)))
        let section = try #require(IndexFileForgery.range(of: .entityMentions, in: bytes))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: setup.cacheFile))
        try handle.seek(toOffset: UInt64(section.lowerBound))
        try handle.write(contentsOf: [UInt8](repeating: 0x7F, count: section.count))
        try handle.close()
        #expect(corpus.mentionsByEntity[pompeo].isEmpty)
        #expect(corpus.linkDamage?.contains("is damaged") == true)
        // A place that names no mention of its article is none, not a read past its mentions.
        #expect(corpus.mention(at: MentionReference(article: 0, mention: 1_000_000)) == nil)
    }

    // MARK: - What a forged file's links are checked against

    static let catalog = [Entity(id: "a", name: "A", kind: .person, description: "one"), Entity(id: "b", name: "B", kind: .place, description: "two")]

    /// The links as saved and read again: all but the mentions decoded, and each article's mentions read from where they lie.
    static func decoded(_ links: MergedLinks, textLengths: [Int], catalogCount: Int = 2) throws -> (MergedLinks.Decoded, [[Mention]]) {
        var entityBytes = BinaryWriter()
        links.encodeEntities(into: &entityBytes)
        var linkBytes = BinaryWriter()
        var quoteBytes = BinaryWriter()
        var mentionBytes = BinaryWriter()
        var articleRows: [UInt64] = []
        var entityRows: [UInt64] = []
        for position in textLengths.indices {
            MergedLinks.appendRow(to: &articleRows, start: linkBytes.bytes.count, low: textLengths[position], high: links.gathered.personCounts[position])
            links.encodeLinks(ofArticle: position, textLength: textLengths[position], into: &linkBytes)
            links.encodeQuotes(ofArticle: position, into: &quoteBytes)
        }
        MergedLinks.appendRow(to: &articleRows, start: linkBytes.bytes.count, low: 0, high: 0)
        for entity in links.entities.indices {
            MergedLinks.appendRow(to: &entityRows, start: mentionBytes.bytes.count, low: links.gathered.byEntity.count(of: entity),
                                          high: links.gathered.articleCounts[entity])
            links.encodeMentions(ofEntity: entity, into: &mentionBytes)
        }
        MergedLinks.appendRow(to: &entityRows, start: mentionBytes.bytes.count, low: 0, high: 0)
        let buffers = [entityBytes.bytes, linkBytes.bytes, articleRows.withUnsafeBytes { Array($0) }, quoteBytes.bytes, mentionBytes.bytes,
                       entityRows.withUnsafeBytes { Array($0) }]
        // Each section where the file would hold it: at a multiple of 8.
        let allocated = buffers.map { UnsafeMutableRawBufferPointer.allocate(byteCount: max($0.count, 1), alignment: 8) }
        defer { for buffer in allocated { buffer.deallocate() } }
        let held = zip(allocated, buffers).map { raw, bytes in
            bytes.withUnsafeBytes { raw.copyMemory(from: $0) }
            return UnsafeRawBufferPointer(rebasing: raw[0..<bytes.count])
        }
        let sections = MergedLinks.Sections(entities: held[0], links: held[1], articleRows: held[2], quotes: held[3], entityMentions: held[4],
                                            entityRows: held[5])
        let decoded = try MergedLinks.decode(sections, articleCount: textLengths.count, catalogCount: catalogCount)
        let mentions = try textLengths.indices.map { position in
            var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: held[1][decoded.offsets[position]..<decoded.offsets[position + 1]]))
            let (length, mentions) = try MergedLinks.readMentions(&reader, entityCount: decoded.entities.count)
            #expect(length == decoded.textLengths[position])
            return mentions
        }
        return (decoded, mentions)
    }

    static func links(mention: Mention, quote: Quote? = nil, entities: [Entity] = catalog,
                      related: [MergedLinks.Related] = [], articleCount: Int = 0, personCount: Int = 0) -> MergedLinks {
        // Gathered as none: a forged mention may name an entity that is not there to gather it under.
        MergedLinks(entities: entities, mentions: MentionLists([[mention]]), quotes: [quote.map { [$0] } ?? []],
                    related: entities.indices.map { $0 == 0 ? related : [] },
                    gathered: EntityMentions(byEntity: EntityMentionLists(entities.map { _ in [] }),
                                             articleCounts: entities.map { _ in articleCount }, personCounts: [personCount]))
    }

    @Test func soundLinks_decodeAsTheyWereSaved() throws {
        let found = Entity(id: "c-d", name: "C D", kind: .person, description: "person found in the text", aliases: ["Dr C D"],
                           surname: "d", gender: .female, isFound: true)
        let mentions = [[Mention(range: 0..<3, entity: 2, candidates: [], form: .name),
                         Mention(range: 5..<6, entity: nil, candidates: [0, 2], form: .surname)], []]
        let links = MergedLinks(entities: Self.catalog + [found], mentions: MentionLists(mentions),
                                quotes: [[Quote(range: 1..<4, speaker: 2), Quote(range: 7..<9, speaker: nil)], []],
                                related: [[MergedLinks.Related(entity: 2, sentences: 3)], [], [MergedLinks.Related(entity: 0, sentences: 3)]])
        let (decoded, decodedMentions) = try Self.decoded(links, textLengths: [10, 0])
        #expect(decoded.textLengths == [10, 0])
        #expect(decoded.entities == links.entities && decodedMentions == mentions && decoded.quotes == links.quotes)
        #expect(decoded.related == links.related)
    }

    @Test func linksThatPointOutside_whatTheyLink_areRefused() {
        let sound = Mention(range: 0..<3, entity: 1, candidates: [], form: .name)
        let forgeries: [(String, MergedLinks, Int)] = [
            ("an entity not there", Self.links(mention: Mention(range: 0..<3, entity: 2, candidates: [], form: .name)), 2),
            ("a candidate not there", Self.links(mention: Mention(range: 0..<3, entity: nil, candidates: [0, 5], form: .name)), 2),
            ("a range past the text", Self.links(mention: Mention(range: 8..<12, entity: 0, candidates: [], form: .name)), 2),
            ("a quote past the text", Self.links(mention: sound, quote: Quote(range: 9..<11, speaker: 0)), 2),
            ("a speaker not there", Self.links(mention: sound, quote: Quote(range: 1..<2, speaker: 7)), 2),
            ("a relation to no one", Self.links(mention: sound, related: [MergedLinks.Related(entity: 4, sentences: 1)]), 2),
            ("one entity twice", Self.links(mention: sound, entities: Self.catalog + [Self.catalog[0]]), 2),
            ("fewer entities than the catalog", Self.links(mention: Mention(range: 0..<3, entity: 0, candidates: [], form: .name),
                                                            entities: [Self.catalog[0]]), 2),
            ("an entity in more articles than it has mentions", Self.links(mention: sound, articleCount: 1), 2),
            ("more mentions of people than an article's bytes hold", Self.links(mention: sound, personCount: 1_000), 2),
        ]
        for (what, links, catalogCount) in forgeries {
            #expect(throws: BinaryReader.Damage.self, "\(what)") { try Self.decoded(links, textLengths: [10], catalogCount: catalogCount) }
        }
        #expect(throws: Never.self) { try Self.decoded(Self.links(mention: sound), textLengths: [10]) }
    }

    @Test func anArticleSavedWithAnotherLengthThanItsLinks_standsAsDamage_asLongAsItsLinksSay() throws {
        let setup = try IndexCacheTests.Setup()
        _ = try setup.load()
        let address = try IndexAddress(paths: [setup.corpus.path], catalog: nil, gazetteer: nil, cache: setup.cache, fields: DatasetFields())
        let saved = try #require(try setup.cache.readForSearch(roots: address.roots, fingerprint: address.fingerprint,
                                                               catalogCount: address.catalog.entities.count))
        saved.articles.spell(address.cachedPaths)
        let lengths = (0..<saved.articles.count).map { $0 == 0 ? 1_000 : 0 }
        saved.articles.expect(textLengths: lengths)
        let articles = CorpusArticles(saved: saved.articles)
        #expect(articles[0].textLength == 1_000 && articles[0].title.isEmpty)
        #expect(articles.damage?.contains("an article's links do not fit its text") == true)
    }
}
