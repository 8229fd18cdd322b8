import DossierFormats
import DossierPlatform
import Foundation

/// Saved indexes, one file per corpus, in the user's cache folder.
///
/// A file is a header, sections and a directory with a checksum for every block
/// (`MappedIndexFile`). It is written to a temporary file beside the real one, synced,
/// then renamed over it, so a run killed at any moment leaves the old index or the new
/// one, never half of one, and a process that has the old one mapped keeps reading it
/// whole. Reading maps the file, checks the header and directory, decodes the articles
/// (their blocks checked first) and leaves the index where it lies, each block checked
/// when first read; anything wrong is reported in one line and the index rebuilt.
public struct IndexCache: Sendable {
    /// The folder that holds the saved indexes.
    public let directory: String
    /// For tests: stop writing after this many bytes, as a killed process would.
    var interruptAfterBytes: Int?
    /// Whether a search trusts a folder whose stamp has not moved to hold its files as saved, without
    /// examining each (`ConfigFile.trustsFolderTimes`); an edit in place is then left to a full load.
    public var trustsFolderTimes = false

    static let magic: UInt64 = 0x0A58_4449_5353_4F44  // "DOSSIDX\n"
    /// Bumped whenever the payload's layout or the meaning of what it holds changes.
    package static let formatVersion: UInt64 = 15

    /// What a saved index depends on besides its files (`IndexFingerprint`): all of it, and the people
    /// (the catalog) alone, which the header keeps too so that a rebuild can say what changed.
    package struct Fingerprint: Equatable, Sendable {
        package let whole: UInt64
        package let people: UInt64

        package init(whole: UInt64, people: UInt64) {
            self.whole = whole
            self.people = people
        }
    }

    public init(directory: String) {
        self.directory = directory
    }

    /// `$XDG_CACHE_HOME/dossier`, else `~/.cache/dossier` (`UserFolder`).
    public static func userDefault(environment: [String: String] = ProcessInfo.processInfo.environment) -> IndexCache {
        IndexCache(directory: UserFolder.cache.dossierFolder(environment: environment))
    }

    /// Absolute, links resolved: one folder opened by two spellings of its path shares one index.
    package static func roots(for paths: [String]) -> [String] {
        paths.map { path in
            guard let resolved = realpath(path, nil) else { return path }
            defer { free(resolved) }
            return String(cString: resolved)
        }
    }

    /// The file that holds the index of the corpus opened from `paths`.
    public func filePath(forPaths paths: [String]) -> String {
        filePath(forRoots: IndexCache.roots(for: paths))
    }

    package func filePath(forRoots roots: [String]) -> String {
        let key = Checksum.of(roots.joined(separator: "\0"))
        return directory + "/" + String(key, radix: 16).zeroPadded(to: 16) + ".index"
    }

    // MARK: - Reading

    /// Why a saved index was not used.
    package struct Problem: Error, Equatable {
        let path: String
        let reason: String
        /// False when the index cannot be saved there either (a folder stands in its place): then saying so is left to the write.
        var isRebuilt = true

        package var message: String { "index cache \(path) \(reason)" + (isRebuilt ? "; rebuilding it" : "") }
    }

    /// The saved index for `roots`, nil when there is none; throws `Problem` when there is one that cannot be used.
    package func read(roots: [String], fingerprint: IndexCache.Fingerprint, catalogCount: Int) throws(Problem) -> CachedCorpus? {
        guard let file = try map(roots: roots, fingerprint: fingerprint) else { return nil }
        return try decoding(file, roots: roots) {
            let cached = try CachedCorpus.decode(file, catalogCount: catalogCount)
            return (cached.roots, cached)
        }
    }

    /// What a search reads of a saved index: the skipped files, the articles by path (each decoded when asked for) and the index.
    package struct SavedForSearch: Sendable {
        package let skipped: [String: CachedCorpus.Skip]
        /// The folders listed when it was saved, nil when their listing alone does not tell what a load would find (`CachedCorpus.Meta.folders`).
        package let folders: [ListedFolder]?
        package let articles: SavedArticles
        package let index: SearchIndex
        /// What reading each file passed over, by saved path (`CachedCorpus.File.notes`).
        package let notes: [String: [String]]

        /// The corpus's merged links (`MergedLinks`); nil when the index was saved without them. The entities,
        /// quotes and rows are checked and decoded; the mentions are left where they lie, their checksums checked
        /// and every number of an article's or an entity's checked when it is read. Each article decoded
        /// afterwards must have the text length its links were checked against. The articles' checksums are
        /// checked whole too: a reader may show any of them, and damage is mended now, not found one at a time.
        package func mergedLinks(catalogCount: Int) throws(Problem) -> MergedLinks? {
            let file = articles.file
            do {
                // The mentions are checked whole too, their pages let go: a reader may read any of them.
                guard file.verify(.entities), file.verify(.articleLinkRows), file.verify(.mergedQuotes), file.verify(.entityMentionRows),
                      file.verifyLettingGo(.mergedLinks), file.verifyLettingGo(.entityMentions), file.verifyLettingGo(.articles) else {
                    throw BinaryReader.Damage(reason: "its checksum does not match")
                }
                guard !file.bytes(of: .entities).isEmpty else { return nil }
                let sections = MergedLinks.Sections(entities: file.bytes(of: .entities), links: file.bytes(of: .mergedLinks),
                                                    articleRows: file.bytes(of: .articleLinkRows), quotes: file.bytes(of: .mergedQuotes),
                                                    entityMentions: file.bytes(of: .entityMentions),
                                                    entityRows: file.bytes(of: .entityMentionRows))
                let decoded = try MergedLinks.decode(sections, articleCount: articles.count, catalogCount: catalogCount)
                // What was read from a file cut short or written over while it was read cannot be believed.
                if let problem = file.problem { throw Problem(path: file.path, reason: problem) }
                articles.expect(textLengths: decoded.textLengths)
                let mentions = SavedMentions(file: file, offsets: decoded.offsets, textLengths: decoded.textLengths,
                                             entityCount: decoded.entities.count)
                let entityMentions = SavedEntityMentions(file: file, starts: decoded.mentionStarts, counts: decoded.mentionCounts,
                                                         articleCount: articles.count)
                let gathered = EntityMentions(byEntity: EntityMentionLists(saved: entityMentions), articleCounts: decoded.articleCounts,
                                              personCounts: decoded.personCounts)
                return MergedLinks(entities: decoded.entities, mentions: MentionLists(saved: mentions), quotes: decoded.quotes,
                                   related: decoded.related, gathered: gathered)
            } catch let problem as Problem {
                throw problem
            } catch {
                throw Problem(path: file.path, reason: "is damaged (\((error as? BinaryReader.Damage)?.reason ?? "its links cannot be read"))")
            }
        }
    }

    /// The saved index for `roots` as a search reads it, without decoding its articles; nil when there is none.
    package func readForSearch(roots: [String], fingerprint: IndexCache.Fingerprint, catalogCount: Int) throws(Problem) -> SavedForSearch? {
        guard let file = try map(roots: roots, fingerprint: fingerprint) else { return nil }
        return try decoding(file, roots: roots) {
            let meta = try CachedCorpus.decodeMeta(file)
            let articles = try SavedArticles(file: file, count: meta.articleCount, catalogCount: catalogCount, listFacts: meta.listFacts)
            let index = try SearchIndex(file: file, articleCount: meta.articleCount, wordCount: meta.wordCount)
            return (meta.roots, SavedForSearch(skipped: meta.skipped, folders: meta.folders, articles: articles, index: index, notes: meta.notes))
        }
    }

    /// The file for `roots`, mapped, its header and directory checked; nil when there is none.
    private func map(roots: [String], fingerprint: IndexCache.Fingerprint) throws(Problem) -> MappedIndexFile? {
        let path = filePath(forRoots: roots)
        // Without blocking, and examined through the descriptor: a FIFO put at this path must not hang the load.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { return nil }
            throw Problem(path: path, reason: "cannot be read (\(String(cString: strerror(errno)).lowercased()))")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Problem(path: path, reason: "cannot be examined") }
        let kind = FileKind(mode: info.st_mode)
        guard kind == .regular else {
            throw Problem(path: path, reason: kind == .directory ? "is a folder, not an index" : "is not a regular file (\(kind.name))",
                          isRebuilt: kind != .directory)
        }
        return try MappedIndexFile(path: path, descriptor: descriptor, size: Int(info.st_size), fingerprint: fingerprint)
    }

    /// What `body` makes of a mapped file, its damage reported as a `Problem`, and refused when it belongs to other roots.
    private func decoding<Result>(_ file: MappedIndexFile, roots: [String],
                                  _ body: () throws -> (roots: [String], result: Result)) throws(Problem) -> Result {
        do {
            let decoded = try body()
            guard decoded.roots == roots else { throw Problem(path: file.path, reason: "belongs to another corpus") }
            return decoded.result
        } catch let problem as Problem {
            throw problem
        } catch let damage as BinaryReader.Damage {
            throw Problem(path: file.path, reason: "is damaged (\(damage.reason))")
        } catch {
            throw Problem(path: file.path, reason: "is damaged")
        }
    }

    // MARK: - Writing

    package struct WriteFailure: Error {
        package let message: String
    }

    /// Saves the index of a loaded corpus; `analyses[i]` and `stamps[i]` belong to the index's article i, and
    /// `notes` holds what reading each file passed over, by saved path.
    /// Articles are filed under their real paths (`paths`), which any spelling of their folder finds.
    /// `folders`, each by its real path, are the folders listed to find the files, when every file found is
    /// saved (with its articles or as skipped); a search trusts that listing while none of their stamps moves.
    /// `merged` is the corpus's links in its own numbers, when there are any to save (`MergedLinks`).
    package func write(roots: [String], fingerprint: IndexCache.Fingerprint, index: SearchIndex, analyses: [ArticleAnalysis],
               stamps: [FileStamp], skipped: [(path: String, stamp: FileStamp, reason: String)], notes: [String: [String]] = [:],
               folders: [ListedFolder]? = nil, paths: CachedPaths? = nil, merged: MergedLinks? = nil) throws {
        let writing = try startWriting(roots: roots, fingerprint: fingerprint, index: index, analyses: analyses, stamps: stamps,
                                       skipped: skipped, notes: notes, folders: folders, paths: paths)
        try writing.finish(merged: merged)
    }

    /// Writes all of a saved index but the merged links (`write` says what each argument is), to a temporary
    /// file that `Writing.finish` completes and puts in place: a load saves its articles' own links, then
    /// merges them, freeing each as it goes, and the two are never held at once.
    package func startWriting(roots: [String], fingerprint: IndexCache.Fingerprint, index: SearchIndex, analyses: [ArticleAnalysis],
                              stamps: [FileStamp], skipped: [(path: String, stamp: FileStamp, reason: String)],
                              notes: [String: [String]] = [:], folders: [ListedFolder]? = nil,
                              paths: CachedPaths? = nil) throws -> Writing {
        guard mkdirAll(directory) else { throw WriteFailure(message: "cannot create \(directory)") }
        let finalPath = filePath(forRoots: roots)
        AtomicFile.removeAbandonedTemporaries(of: finalPath)
        var existing = stat()
        if stat(finalPath, &existing) == 0, FileKind(mode: existing.st_mode) == .directory {
            throw WriteFailure(message: "\(finalPath) is a folder; remove it to let Dossier save the index there")
        }
        let output: AtomicFile
        do {
            output = try AtomicFile(replacing: finalPath, permissions: 0o600)
        } catch {
            throw WriteFailure(message: "cannot write \(error.path): \(error.reason)")
        }
        var file = IndexFileWriter(descriptor: output.descriptor, path: output.temporaryPath, limit: interruptAfterBytes)
        try Writing.leavingNoHalfFile(of: output) {
            try file.begin(.meta)
            CachedCorpus.encodeMeta(roots: roots, skipped: skipped, notes: notes, articleCount: analyses.count, wordCount: index.wordCount,
                                    folders: folders, listFacts: CachedCorpus.ListFacts(of: analyses.lazy.map(\.article)), into: &file.buffer)
            try file.begin(.articles)
            var offsets: [UInt64] = []
            offsets.reserveCapacity(analyses.count + 1)
            for (position, analysis) in analyses.enumerated() {
                offsets.append(UInt64(file.sectionLength))
                CachedCorpus.encode(stamps[position], into: &file.buffer)
                CachedCorpus.encode(analysis.article, path: paths?.saved(analysis.article.path), into: &file.buffer)
                var links = BinaryWriter()
                CachedCorpus.encodeLinks(of: analysis, into: &links)
                try file.writeSection(links)
                try file.flushIfFull()
            }
            offsets.append(UInt64(file.sectionLength))
            try file.write(.articleOffsets, offsets)
            try writeFileTable(of: analyses, stamps: stamps, paths: paths, into: &file)
            // Nil when the index's own arrays are damaged and cannot be read to be saved.
            let written: Void? = try index.storage.withArrays { buffers in
                try file.write(.termBytes, buffers.termBytes)
                try file.write(.termStarts, buffers.termStarts)
                try file.write(.sortedTerms, buffers.sortedTerms)
                try file.write(.articleStarts, buffers.articleStarts)
                try file.write(.postingBlocks, buffers.postingBlocks)
                try file.write(.termBlockStarts, buffers.termBlockStarts)
                try file.write(.articleStream, buffers.articleStream.assumingMemoryBound(to: UInt8.self))
                try file.write(.positionStream, buffers.positionStream.assumingMemoryBound(to: UInt8.self))
                try file.write(.wordCheckpoints, buffers.wordCheckpoints)
            }
            guard written != nil else { throw WriteFailure(message: "the index to save \(index.damage ?? "is damaged")") }
        }
        return Writing(output: output, file: file, finalPath: finalPath, fingerprint: fingerprint,
                       textLengths: analyses.map(\.article.textLength))
    }

    /// A saved index written but for its merged links; dropped unfinished, it leaves the index that was there.
    package final class Writing {
        private let output: AtomicFile
        private var file: IndexFileWriter
        private let finalPath: String
        private let fingerprint: Fingerprint
        /// Each article's text length, which every range of its merged links lies within.
        private let textLengths: [Int]

        fileprivate init(output: AtomicFile, file: IndexFileWriter, finalPath: String, fingerprint: Fingerprint, textLengths: [Int]) {
            self.output = output
            self.file = file
            self.finalPath = finalPath
            self.fingerprint = fingerprint
            self.textLengths = textLengths
        }

        /// Writes the merged links (none when nil: the sections are left empty), syncs the file and puts it in place.
        package func finish(merged: MergedLinks?) throws {
            try Self.leavingNoHalfFile(of: output) {
                try file.begin(.entities)
                if let merged {
                    try write(merged)
                } else {
                    // Empty sections: the next load merges again, and saves them.
                    for section: IndexSection in [.mergedLinks, .articleLinkRows, .mergedQuotes, .entityMentions, .entityMentionRows] {
                        try file.begin(section)
                    }
                }
                try file.finish(fingerprint: fingerprint)
            }
            do {
                try output.commit()
            } catch {
                throw WriteFailure(message: "cannot replace \(finalPath): \(error.reason)")
            }
        }

        /// The merged links' sections (`MergedLinks`), from `entities` on.
        private func write(_ merged: MergedLinks) throws {
            precondition(merged.mentions.count == textLengths.count && merged.quotes.count == textLengths.count
                         && merged.gathered.personCounts.count == textLengths.count, "merged links for another corpus")
            merged.encodeEntities(into: &file.buffer)
            try file.begin(.mergedLinks)
            var rows: [UInt64] = []
            rows.reserveCapacity(2 * (textLengths.count + 1))
            for position in textLengths.indices {
                MergedLinks.appendRow(to: &rows, start: file.sectionLength, low: textLengths[position], high: merged.gathered.personCounts[position])
                merged.encodeLinks(ofArticle: position, textLength: textLengths[position], into: &file.buffer)
                try file.flushIfFull()
            }
            MergedLinks.appendRow(to: &rows, start: file.sectionLength, low: 0, high: 0)
            try file.write(.articleLinkRows, rows)
            try file.begin(.mergedQuotes)
            for position in textLengths.indices {
                merged.encodeQuotes(ofArticle: position, into: &file.buffer)
                try file.flushIfFull()
            }
            try file.begin(.entityMentions)
            rows.removeAll(keepingCapacity: true)
            for entity in merged.entities.indices {
                MergedLinks.appendRow(to: &rows, start: file.sectionLength, low: merged.gathered.byEntity.count(of: entity),
                                        high: merged.gathered.articleCounts[entity])
                merged.encodeMentions(ofEntity: entity, into: &file.buffer)
                try file.flushIfFull()
            }
            MergedLinks.appendRow(to: &rows, start: file.sectionLength, low: 0, high: 0)
            try file.write(.entityMentionRows, rows)
        }

        /// Runs `write`; when it fails, removes the temporary file, or, for a test's interruption, leaves it
        /// where a run killed mid-write would.
        fileprivate static func leavingNoHalfFile(of output: AtomicFile, _ write: () throws -> Void) throws {
            do {
                try write()
            } catch let interruption as IndexFileWriter.Interruption {
                output.closeAsIfKilled()
                throw interruption
            } catch {
                output.abandon()
                throw error
            }
        }
    }

    /// The sections a search reads instead of the articles: each article's saved path, stamp and ids,
    /// and the articles in their paths' order.
    private func writeFileTable(of analyses: [ArticleAnalysis], stamps: [FileStamp], paths: CachedPaths?,
                                into file: inout IndexFileWriter) throws {
        var pathBytes: [UInt8] = []
        var pathStarts: [Int] = [0]
        pathStarts.reserveCapacity(analyses.count + 1)
        for analysis in analyses {
            pathBytes.append(contentsOf: (paths?.saved(analysis.article.path) ?? analysis.article.path).utf8)
            pathStarts.append(pathBytes.count)
        }
        let order = Self.byteOrder(of: pathBytes, starts: pathStarts)
        var table: [UInt64] = []
        table.reserveCapacity(analyses.count * SavedArticles.stampWords)
        for stamp in stamps {
            table += [stamp.size, UInt64(bitPattern: stamp.modifiedSeconds), UInt64(bitPattern: stamp.modifiedNanoseconds),
                      UInt64(bitPattern: stamp.changedSeconds), UInt64(bitPattern: stamp.changedNanoseconds), stamp.inode, stamp.device]
        }
        try file.write(.savedPaths, pathBytes)
        try file.write(.savedPathStarts, pathStarts)
        try file.write(.pathOrder, order)
        try file.write(.stamps, table)
        var idBytes: [UInt8] = []
        var idStarts: [Int] = [0]
        idStarts.reserveCapacity(analyses.count + 1)
        for analysis in analyses {
            idBytes.append(contentsOf: analysis.article.stableID.utf8)
            idStarts.append(idBytes.count)
        }
        try file.write(.stableIDs, idBytes)
        try file.write(.stableIDStarts, idStarts)
        try file.write(.shownIDLengths, analyses.map { UInt8(clamping: $0.article.id.utf8.count) })
        try file.write(.stableIDOrder, Self.byteOrder(of: idBytes, starts: idStarts))
    }

    /// The numbers of the strings `bytes` holds one after another (each from its start to the next), in the
    /// byte order of the strings, equal ones in their own order.
    private static func byteOrder(of bytes: [UInt8], starts: [Int]) -> [UInt32] {
        bytes.withUnsafeBufferPointer { bytes in
            func string(_ number: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[starts[number]..<starts[number + 1]]) }
            return (0..<(starts.count - 1)).sorted { left, right in
                let order = IndexBuffers.compare(string(left), string(right))
                return order != 0 ? order < 0 : left < right
            }.map { UInt32($0) }
        }
    }

    private func mkdirAll(_ path: String) -> Bool {
        (try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                  attributes: [.posixPermissions: 0o700])) != nil
    }

    // MARK: - Clearing

    /// Removes the saved index of the corpus at `paths`, or every saved index when `paths` is nil.
    /// Returns how many files went and their bytes.
    public func clear(paths: [String]?) -> (files: Int, bytes: UInt64) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return (0, 0) }
        let only = paths.map { (filePath(forPaths: $0) as NSString).lastPathComponent }
        var removed = (files: 0, bytes: UInt64(0))
        let segmentMark = ".index" + BuildSegments.mark
        for name in names where name.hasSuffix(".index") || AtomicFile.isTemporary(name, ofAFileEndingIn: ".index") || name.contains(segmentMark) {
            if let only, name != only, !name.hasPrefix(AtomicFile.temporaryPrefix(for: only)),
               !name.hasPrefix(only + BuildSegments.mark), !name.hasPrefix("." + only + BuildSegments.mark) { continue }
            let path = directory + "/" + name
            var info = stat()
            let size = stat(path, &info) == 0 ? UInt64(info.st_size) : 0
            if unlink(path) == 0 {
                removed.files += 1
                removed.bytes += size
            }
        }
        return removed
    }
}

extension String {
    /// Zeros before a number's digits up to a width, for file names of fixed length.
    package func zeroPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
