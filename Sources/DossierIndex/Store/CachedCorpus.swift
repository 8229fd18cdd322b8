import DossierFormats
import DossierLinking

/// What a saved index knows of a corpus: every file's analysis and stamp, the files it
/// skipped as not text, and the finished index.
package struct CachedCorpus: Sendable {
    /// A file's stamp and its articles' analyses: one for a plain-text file or a page, one a
    /// record for a feed or dataset, in the order of their records.
    package struct File: Sendable {
        package let stamp: FileStamp
        package var analyses: [ArticleAnalysis]
        /// What reading it passed over or left out, a line each ("line 3: the record is not valid JSON, skipped").
        package var notes: [String] = []
    }

    package struct Skip: Sendable {
        package let stamp: FileStamp
        package let reason: String
    }

    let roots: [String]
    package let files: [String: File]
    package let skipped: [String: Skip]
    /// The folders listed when it was saved (`Meta.folders`).
    package let folders: [ListedFolder]?
    /// The index as saved, its articles in the order the files were saved; a file's analysis
    /// says where (`ArticleAnalysis.Words.saved`).
    package let index: SearchIndex
    /// Whether it holds the corpus's merged links (`MergedLinks`): an index saved without them is saved
    /// again with them, so that the next load reads them instead of merging again.
    package let holdsMergedLinks: Bool

    // MARK: - Reading

    /// What a saved index says of itself before its articles: its roots, the files it skipped, how many articles it holds.
    struct Meta {
        let roots: [String]
        let skipped: [String: Skip]
        /// Each file's notes (`File.notes`), by saved path; files without any are left out.
        let notes: [String: [String]]
        let articleCount: Int
        /// How many words the index holds: what every article's word range must lie within.
        let wordCount: Int
        /// Every folder listed to find the files, by real path, with its stamp then; nil when the files
        /// found then were not all saved (one could not be read, or held no article), so that only
        /// listing them again tells what a load would find.
        let folders: [ListedFolder]?
        /// What the article list says of every article, so that a reader lists them without decoding each.
        let listFacts: ListFacts
    }

    /// What the article list says of the whole corpus.
    package struct ListFacts: Sendable, Equatable {
        /// Whether any article has a date: the list gives dates a column only then.
        package let anyDated: Bool
        /// Whether the articles come from more than one source: the list names each row's only then.
        package let severalSources: Bool

        package init(of articles: some Collection<Article>) {
            self.init(of: articles, within: ListFacts(anyDated: true, severalSources: true))
        }

        /// What the list says of some articles, `whole` being what it says of all: only what the whole has is
        /// looked for among them, since a part has no date or source the whole has not.
        package init(of articles: some Collection<Article>, within whole: ListFacts) {
            anyDated = whole.anyDated && articles.contains { $0.date != nil }
            if whole.severalSources, let firstSource = articles.lazy.compactMap(\.source).first {
                severalSources = articles.contains { $0.source.map { $0 != firstSource } ?? false }
            } else {
                severalSources = false
            }
        }

        init(anyDated: Bool, severalSources: Bool) {
            self.anyDated = anyDated
            self.severalSources = severalSources
        }
    }

    static func decodeMeta(_ file: MappedIndexFile) throws -> Meta {
        guard file.verify(.meta) else { throw BinaryReader.Damage(reason: "its checksum does not match") }
        var meta = BinaryReader(file.bytes(of: .meta))
        let roots = try (0..<meta.readCount()).map { _ in try meta.readString() }
        var skipped: [String: Skip] = [:]
        for _ in 0..<(try meta.readCount()) {
            let path = try meta.readString()
            skipped[path] = try Skip(stamp: decodeStamp(&meta), reason: meta.readString())
        }
        var notes: [String: [String]] = [:]
        for _ in 0..<(try meta.readCount()) {
            let path = try meta.readString()
            notes[path] = try (0..<meta.readCount()).map { _ in try meta.readString() }
        }
        let articleCount = try meta.readInt()
        let wordCount = try meta.readInt()
        var folders: [ListedFolder]?
        if try meta.readBool() {
            folders = try (0..<meta.readCount(minimumBytes: 8)).map { _ in try ListedFolder(path: meta.readString(), stamp: decodeStamp(&meta)) }
        }
        let listFacts = try ListFacts(anyDated: meta.readBool(), severalSources: meta.readBool())
        guard meta.isAtEnd else { throw BinaryReader.Damage(reason: "it has bytes past its end") }
        return Meta(roots: roots, skipped: skipped, notes: notes, articleCount: articleCount, wordCount: wordCount, folders: folders,
                    listFacts: listFacts)
    }

    /// Decodes a saved index file written by `IndexCache.write`, checking every number against what it
    /// indexes, so that a file which passed its checksums but makes no sense is refused, not trusted.
    /// The articles are decoded now; the index stays in the file, to be read where it lies.
    static func decode(_ file: MappedIndexFile, catalogCount: Int) throws -> CachedCorpus {
        let meta = try decodeMeta(file)
        let (roots, skipped, articleCount) = (meta.roots, meta.skipped, meta.articleCount)
        let checksumMismatch = BinaryReader.Damage(reason: "its checksum does not match")
        // The tables a search reads instead of the articles are checked too, though this load does not need them:
        // damage there is reported and mended now, not left to send every search to a full load.
        for section: IndexSection in [.articles, .articleOffsets, .savedPaths, .savedPathStarts, .pathOrder, .stamps, .entities, .mergedLinks,
                                         .articleLinkRows, .mergedQuotes, .entityMentions, .entityMentionRows]
            where !file.verify(section) {
            throw checksumMismatch
        }
        var reader = BinaryReader(file.bytes(of: .articles), releasingReadPages: true)
        guard articleCount <= reader.remaining / 16 else { throw BinaryReader.Damage(reason: "a count runs past the end") }
        var files: [String: File] = [:]
        var seenRecords = Set<String>()
        for position in 0..<articleCount {
            let stamp = try decodeStamp(&reader)
            let analysis = try decodeAnalysis(&reader, position: position, catalogCount: catalogCount, linksIncluded: true)
            let origin = analysis.article.origin
            guard seenRecords.insert(origin.path + "#" + String(origin.record ?? 0)).inserted else {
                throw BinaryReader.Damage(reason: "it holds one article twice")
            }
            if files[origin.path] == nil {
                files[origin.path] = File(stamp: stamp, analyses: [analysis])
            } else {
                guard files[origin.path]!.stamp == stamp else { throw BinaryReader.Damage(reason: "one file has two stamps") }
                files[origin.path]!.analyses.append(analysis)
            }
            reader.releaseReadPages()
        }
        guard reader.isAtEnd else { throw BinaryReader.Damage(reason: "it has bytes past its end") }
        for (path, lines) in meta.notes {
            guard files[path] != nil else { throw BinaryReader.Damage(reason: "it has notes on a file it does not hold") }
            files[path]!.notes = lines
        }
        let index = try SearchIndex(file: file, articleCount: articleCount, wordCount: meta.wordCount)
        return CachedCorpus(roots: roots, files: files, skipped: skipped, folders: meta.folders, index: index,
                            holdsMergedLinks: !file.bytes(of: .entities).isEmpty)
    }

    /// One article as `decode` reads it, its stamp and links stepped over: what a search shows of it.
    static func decodeArticle(_ reader: inout BinaryReader, position: Int, catalogCount: Int) throws -> ArticleAnalysis {
        _ = try decodeStamp(&reader)
        let analysis = try decodeAnalysis(&reader, position: position, catalogCount: catalogCount, linksIncluded: false)
        guard reader.isAtEnd else { throw BinaryReader.Damage(reason: "an article is not as long as it says") }
        return analysis
    }

    /// One article's fields and links as `encode` and `encodeLinks` wrote them, without a stamp; its words are
    /// the caller's to give it.
    static func decodeAnalysis(_ reader: inout BinaryReader, catalogCount: Int) throws -> ArticleAnalysis {
        try decodeAnalysis(&reader, position: 0, catalogCount: catalogCount, linksIncluded: true)
    }

    static func decodeStamp(_ reader: inout BinaryReader) throws -> FileStamp {
        try FileStamp(size: reader.readUInt64(), modifiedSeconds: reader.readSigned(), modifiedNanoseconds: reader.readSigned(),
                      changedSeconds: reader.readSigned(), changedNanoseconds: reader.readSigned(),
                      inode: reader.readUInt64(), device: reader.readUInt64())
    }

    private static func decodeAnalysis(_ reader: inout BinaryReader, position: Int, catalogCount: Int,
                                       linksIncluded: Bool) throws -> ArticleAnalysis {
        let path = try reader.readString()
        let length = try reader.readInt()
        let title = try reader.readString()
        let headline = try reader.readOptionalRange(within: length)
        let dateline = try reader.readOptionalString()
        let byline = try reader.readOptionalString()
        let section = try reader.readOptionalString()
        let source = try reader.readOptionalString()
        let date = try reader.readOptionalString()
        let paragraphs = try (0..<reader.readCount(minimumBytes: 2)).map { _ in try reader.readRange(within: length) }
        let wordCount = try reader.readInt()
        guard let format = DocumentFormat(rawValue: try reader.readString()) else { throw BinaryReader.Damage(reason: "an article's format is unknown") }
        let record = try reader.readInt()
        let span = try reader.readBool() ? reader.readRange(within: Int.max) : nil
        let fields = try DatasetFields(parsing: reader.readString())
        let url = try reader.readOptionalString()
        let isSummary = try reader.readBool()
        let key = try reader.readUInt64()
        let updated = try reader.readOptionalString()
        let feed = try reader.readOptionalString()
        let origin = ArticleOrigin(path: path, format: format, record: record == 0 ? nil : record, span: span, fields: fields)
        let article = Article(id: "", origin: origin, textLength: length, title: title, headlineRange: headline, dateline: dateline,
                              byline: byline, section: section, source: source, date: date, paragraphs: paragraphs,
                              wordCount: wordCount, url: url, isSummary: isSummary, key: key, updated: updated, feed: feed)
        let linksLength = try reader.readCount()
        guard linksIncluded else {
            try reader.skip(linksLength)
            return ArticleAnalysis(article: article, links: ArticleLinks(), quotes: [], pairs: [], words: .saved(position))
        }
        let linksEnd = reader.position + linksLength

        // Mentions come before the found entities they point to, so check their numbers afterwards.
        var links = ArticleLinks()
        var largestLocal = -1
        func readLocal() throws -> Int {
            let local = Int(try reader.readInt32())
            largestLocal = max(largestLocal, local)
            return local
        }
        links.mentions = try (0..<reader.readCount(minimumBytes: 4)).map { _ in
            let range = try reader.readRange(within: length)
            let entity = try reader.readBool() ? readLocal() : nil
            let candidates = try (0..<reader.readCount()).map { _ in try readLocal() }
            let form: Mention.Form = try reader.readBool() ? .surname : .name
            return Mention(range: range, entity: entity, candidates: candidates, form: form)
        }
        links.found = try (0..<reader.readCount(minimumBytes: 6)).map { _ in
            let key = try reader.readString()
            let name = try reader.readString()
            let kindNumber = try reader.readInt()
            guard kindNumber < Entity.Kind.allCases.count else { throw BinaryReader.Damage(reason: "an entity kind is unknown") }
            let role = try reader.readOptionalString()
            let genderNumber = try reader.readInt()
            guard genderNumber <= 2 else { throw BinaryReader.Damage(reason: "a gender is unknown") }
            return try FoundEntity(key: key, name: name, kind: Entity.Kind.allCases[kindNumber], role: role,
                                   gender: genderNumber == 0 ? nil : genderNumber == 1 ? .male : .female,
                                   surname: reader.readOptionalString(), givenName: reader.readOptionalString())
        }
        links.works = try Set((0..<reader.readCount(minimumBytes: 1)).map { _ in try reader.readString() })
        links.unresolvedSurnames = try (0..<reader.readCount(minimumBytes: 3)).map { _ in
            try ArticleLinks.UnresolvedSurname(range: reader.readRange(within: length), term: reader.readString())
        }
        let quotes = try (0..<reader.readCount(minimumBytes: 3)).map { _ in
            try Quote(range: reader.readRange(within: length), speaker: reader.readBool() ? readLocal() : nil)
        }
        let pairs = try (0..<reader.readCount(minimumBytes: 3)).map { _ in
            let first = try readLocal()
            let second = try readLocal()
            return try ArticleAnalysis.EntityPair(first: Int32(first), second: Int32(second), sentences: reader.readInt32())
        }
        guard largestLocal < catalogCount + links.found.count else {
            throw BinaryReader.Damage(reason: "a mention names an entity that is not there")
        }
        guard reader.position == linksEnd else { throw BinaryReader.Damage(reason: "an article's links are not as long as they say") }
        return ArticleAnalysis(article: article, links: links, quotes: quotes, pairs: pairs, words: .saved(position))
    }

    // MARK: - Writing

    static func encodeMeta(roots: [String], skipped: [(path: String, stamp: FileStamp, reason: String)], notes: [String: [String]],
                           articleCount: Int, wordCount: Int, folders: [ListedFolder]?, listFacts: ListFacts, into writer: inout BinaryWriter) {
        writer.write(roots.count)
        for root in roots { writer.write(root) }
        writer.write(skipped.count)
        for skip in skipped {
            writer.write(skip.path)
            encode(skip.stamp, into: &writer)
            writer.write(skip.reason)
        }
        let noted = notes.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
        writer.write(noted.count)
        for (path, lines) in noted {
            writer.write(path)
            writer.write(lines.count)
            for line in lines { writer.write(line) }
        }
        writer.write(articleCount)
        writer.write(wordCount)
        writer.write(folders != nil)
        if let folders {
            writer.write(folders.count)
            for folder in folders {
                writer.write(folder.path)
                encode(folder.stamp, into: &writer)
            }
        }
        writer.write(listFacts.anyDated)
        writer.write(listFacts.severalSources)
    }

    static func encode(_ stamp: FileStamp, into writer: inout BinaryWriter) {
        writer.write(stamp.size)
        writer.write(signed: stamp.modifiedSeconds)
        writer.write(signed: stamp.modifiedNanoseconds)
        writer.write(signed: stamp.changedSeconds)
        writer.write(signed: stamp.changedNanoseconds)
        writer.write(stamp.inode)
        writer.write(stamp.device)
    }

    /// An article's fields; its links follow as a section of their own (`encodeLinks`), which a
    /// search, needing only articles and the index, steps over.
    /// `path`, when given, is written in place of the article's own (the real path of the file it was found at).
    static func encode(_ article: Article, path: String? = nil, into writer: inout BinaryWriter) {
        writer.write(path ?? article.path)
        writer.write(article.textLength)
        writer.write(article.title)
        writer.write(article.headlineRange)
        writer.write(article.dateline)
        writer.write(article.byline)
        writer.write(article.section)
        writer.write(article.source)
        writer.write(article.date)
        writer.write(article.paragraphs.count)
        for paragraph in article.paragraphs { writer.write(paragraph) }
        writer.write(article.wordCount)
        writer.write(article.format.rawValue)
        writer.write(article.record ?? 0)
        writer.write(article.origin.span != nil)
        if let span = article.origin.span { writer.write(span) }
        writer.write(article.origin.fields.description)
        writer.write(article.url)
        writer.write(article.isSummary)
        writer.write(article.key)
        writer.write(article.updated)
        writer.write(article.feed)
    }

    static func encodeLinks(of analysis: ArticleAnalysis, into writer: inout BinaryWriter) {
        let links = analysis.links
        writer.write(links.mentions.count)
        for mention in links.mentions {
            writer.write(mention.range)
            writer.write(mention.entity != nil)
            if let entity = mention.entity { writer.write(entity) }
            writer.write(mention.candidates.count)
            for candidate in mention.candidates { writer.write(candidate) }
            writer.write(mention.form == .surname)
        }
        writer.write(links.found.count)
        for found in links.found {
            writer.write(found.key)
            writer.write(found.name)
            writer.write(Entity.Kind.allCases.firstIndex(of: found.kind)!)
            writer.write(found.role)
            writer.write(found.gender == nil ? 0 : found.gender == .male ? 1 : 2)
            writer.write(found.surname)
            writer.write(found.givenName)
        }
        writer.write(links.works.count)
        for work in links.works.sorted() { writer.write(work) }
        writer.write(links.unresolvedSurnames.count)
        for surname in links.unresolvedSurnames {
            writer.write(surname.range)
            writer.write(surname.term)
        }
        writer.write(analysis.quotes.count)
        for quote in analysis.quotes {
            writer.write(quote.range)
            writer.write(quote.speaker != nil)
            if let speaker = quote.speaker { writer.write(speaker) }
        }
        writer.write(analysis.pairs.count)
        for pair in analysis.pairs {
            writer.write(Int(pair.first))
            writer.write(Int(pair.second))
            writer.write(Int(pair.sentences))
        }
    }
}
