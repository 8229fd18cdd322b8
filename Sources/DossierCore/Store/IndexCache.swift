import Foundation

/// Saved indexes, one file per corpus, in the user's cache folder.
///
/// A file is a 40-byte header (magic, format version, fingerprint, payload length,
/// payload checksum) and a payload (`CachedCorpus`). It is written to a temporary
/// file beside the real one, synced, then renamed over it, so a run killed at any
/// moment leaves the old index or the new one, never half of one. Reading checks the
/// header and the checksum before it believes a byte; anything wrong is reported in
/// one line and the index rebuilt.
public struct IndexCache: Sendable {
    /// The folder that holds the saved indexes.
    public let directory: String
    /// For tests: stop writing after this many payload bytes, as a killed process would.
    var interruptAfterBytes: Int?

    static let magic: UInt64 = 0x0A58_4449_5353_4F44  // "DOSSIDX\n"
    /// Bumped whenever the payload's layout or the meaning of what it holds changes.
    static let formatVersion: UInt64 = 5
    static let headerSize = 40

    public init(directory: String) {
        self.directory = directory
    }

    /// `$XDG_CACHE_HOME/dossier`, else `~/.cache/dossier`; nil when the environment names neither.
    public static func userDefault(environment: [String: String] = ProcessInfo.processInfo.environment) -> IndexCache? {
        if let cacheHome = environment["XDG_CACHE_HOME"], cacheHome.hasPrefix("/") {
            return IndexCache(directory: cacheHome + "/dossier")
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return IndexCache(directory: home + "/.cache/dossier")
        }
        return nil
    }

    /// Absolute, links resolved: one folder opened by two spellings of its path shares one index.
    static func roots(for paths: [String]) -> [String] {
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

    func filePath(forRoots roots: [String]) -> String {
        let key = Checksum.of(roots.joined(separator: "\0"))
        return directory + "/" + String(key, radix: 16).zeroPadded(to: 16) + ".index"
    }

    // MARK: - Reading

    /// Why a saved index was not used.
    struct Problem: Error, Equatable {
        let path: String
        let reason: String
        /// False when the index cannot be saved there either (a folder stands in its place): then saying so is left to the write.
        var isRebuilt = true

        var message: String { "index cache \(path) \(reason)" + (isRebuilt ? "; rebuilding it" : "") }
    }

    /// The saved index for `roots`, nil when there is none; throws `Problem` when there is one that cannot be used.
    /// With `linksIncluded` false, each article's links are stepped over (still checksummed): enough for a search.
    func read(roots: [String], fingerprint: UInt64, catalogCount: Int, linksIncluded: Bool = true) throws(Problem) -> CachedCorpus? {
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
        let size = Int(info.st_size)
        guard size >= IndexCache.headerSize else { throw Problem(path: path, reason: "is damaged (it ends early)") }
        guard let mapping = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapping != MAP_FAILED else {
            throw Problem(path: path, reason: "cannot be mapped into memory")
        }
        defer { munmap(mapping, size) }
        let bytes = UnsafeRawBufferPointer(start: mapping, count: size)
        do {
            var header = BinaryReader(bytes)
            guard try header.readFixed() == IndexCache.magic else { throw Problem(path: path, reason: "is not a Dossier index") }
            guard try header.readFixed() == IndexCache.formatVersion else {
                throw Problem(path: path, reason: "was written by another version of Dossier")
            }
            guard try header.readFixed() == fingerprint else {
                throw Problem(path: path, reason: "was built by another build of Dossier or with another catalog")
            }
            let length = try header.readFixed()
            let expected = try header.readFixed()
            guard length == UInt64(size - IndexCache.headerSize) else {
                throw Problem(path: path, reason: "is damaged (\(length > UInt64(size - IndexCache.headerSize) ? "it ends early" : "it is longer than it says"))")
            }
            // The checksum is taken while decoding, so that the index's large arrays are read once, from the
            // file into their own memory; a file that fails either way is reported by its checksum first.
            let checksumMismatch = Problem(path: path, reason: "is damaged (its checksum does not match)")
            var payload = BinaryReader(bytes, from: IndexCache.headerSize, readingRawArraysFrom: descriptor)
            let cached: CachedCorpus
            do {
                cached = try CachedCorpus.decode(&payload, catalogCount: catalogCount, linksIncluded: linksIncluded)
            } catch let damage as BinaryReader.Damage {
                var checksum = Checksum()
                checksum.add(UnsafeRawBufferPointer(rebasing: bytes[IndexCache.headerSize...]))
                throw checksum.finish() == expected ? Problem(path: path, reason: "is damaged (\(damage.reason))") : checksumMismatch
            }
            guard payload.finishChecksum() == expected else { throw checksumMismatch }
            guard cached.roots == roots else { throw Problem(path: path, reason: "belongs to another corpus") }
            return cached
        } catch let problem as Problem {
            throw problem
        } catch let damage as BinaryReader.Damage {
            throw Problem(path: path, reason: "is damaged (\(damage.reason))")
        } catch {
            throw Problem(path: path, reason: "is damaged")
        }
    }

    // MARK: - Writing

    struct WriteFailure: Error {
        let message: String
    }

    /// Saves the index of a loaded corpus; `analyses[i]` and `stamps[i]` belong to the index's article i.
    /// Articles are filed under their real paths (`paths`), which any spelling of their folder finds.
    func write(roots: [String], fingerprint: UInt64, index: SearchIndex, analyses: [ArticleAnalysis],
               stamps: [FileStamp], skipped: [(path: String, stamp: FileStamp, reason: String)], paths: CachedPaths? = nil) throws {
        guard mkdirAll(directory) else { throw WriteFailure(message: "cannot create \(directory)") }
        let finalPath = filePath(forRoots: roots)
        removeAbandonedTemporaries(of: finalPath)
        var existing = stat()
        if stat(finalPath, &existing) == 0, FileKind(mode: existing.st_mode) == .directory {
            throw WriteFailure(message: "\(finalPath) is a folder; remove it to let Dossier save the index there")
        }
        let temporaryPath = finalPath + ".tmp-\(getpid())"
        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw WriteFailure(message: "cannot write \(temporaryPath): \(String(cString: strerror(errno)).lowercased())")
        }
        // Held while the file is written, and let go by the kernel however this process ends:
        // what tells a file being written from one abandoned (`removeAbandonedTemporaries`).
        flock(descriptor, LOCK_EX)
        var file = CacheFileWriter(descriptor: descriptor, path: temporaryPath, limit: interruptAfterBytes)
        do {
            try file.writeHeaderPlaceholder()
            CachedCorpus.encodeHeader(roots: roots, terms: index.terms, skipped: skipped, fileCount: analyses.count, into: &file.buffer)
            for (position, analysis) in analyses.enumerated() {
                CachedCorpus.encode(stamps[position], into: &file.buffer)
                CachedCorpus.encode(analysis.article, path: paths?.saved(analysis.article.path), into: &file.buffer)
                var links = BinaryWriter()
                CachedCorpus.encodeLinks(of: analysis, into: &links)
                try file.writeSection(links)
                try file.flushIfFull()
            }
            let arrays = index.savedArrays
            try file.writeRaw(arrays.wordTerms)
            try file.writeRaw(arrays.articleStarts)
            try file.writeRaw(arrays.postingEntries)
            try file.writeRaw(arrays.postingStarts)
            try file.finish(fingerprint: fingerprint)
        } catch let interruption as CacheFileWriter.Interruption {
            close(descriptor)
            throw interruption
        } catch {
            close(descriptor)
            unlink(temporaryPath)
            throw error
        }
        close(descriptor)
        guard rename(temporaryPath, finalPath) == 0 else {
            let reason = String(cString: strerror(errno)).lowercased()
            unlink(temporaryPath)
            throw WriteFailure(message: "cannot replace \(finalPath): \(reason)")
        }
        // The rename itself is durable only once the folder is synced.
        let folder = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    /// Temporary files left by runs that were killed while writing. A writer holds a lock on its file
    /// until it is renamed, and the kernel lets the lock go when the process ends, so a file whose lock
    /// can be taken is abandoned, even when its name's process id now belongs to another process
    /// (after a reboot). A file just created may not be locked yet: one that young is left alone
    /// while a process with its id lives.
    private func removeAbandonedTemporaries(of finalPath: String) {
        let prefix = (finalPath as NSString).lastPathComponent + ".tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)) else { continue }
            let path = directory + "/" + name
            let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            defer { close(descriptor) }
            var info = stat()
            guard fstat(descriptor, &info) == 0, FileKind(mode: info.st_mode) == .regular,
                  flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { continue }
            let processGone = kill(pid, 0) != 0 && errno == ESRCH
            let ageSeconds = time(nil) - info.st_mtim.tv_sec
            if pid == getpid() || processGone || ageSeconds > IndexCache.newTemporarySeconds { unlink(path) }
        }
    }

    /// How long a temporary file may stand unlocked after it was made, before its writer locks it.
    static let newTemporarySeconds = 10

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
        for name in names where name.hasSuffix(".index") || name.contains(".index.tmp-") {
            if let only, name != only, !name.hasPrefix(only + ".tmp-") { continue }
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

/// Streams a cache file's payload to disk in megabyte pieces, checksumming as it goes,
/// then fills in the header and syncs.
private struct CacheFileWriter {
    struct Interruption: Error {}

    let descriptor: Int32
    let path: String
    let limit: Int?
    var buffer = BinaryWriter()
    private var checksum = Checksum()
    private var payloadBytes = 0

    init(descriptor: Int32, path: String, limit: Int?) {
        self.descriptor = descriptor
        self.path = path
        self.limit = limit
    }

    mutating func writeHeaderPlaceholder() throws {
        try writeAll([UInt8](repeating: 0, count: IndexCache.headerSize), at: 0)
    }

    mutating func flushIfFull() throws {
        if buffer.bytes.count >= 1 << 20 { try flush() }
    }

    /// A section after its length; a large one (a huge article's links) straight from its own buffer, not copied into this one.
    mutating func writeSection(_ section: BinaryWriter) throws {
        guard section.bytes.count >= 1 << 20 else {
            buffer.writeSection(section)
            return
        }
        buffer.write(section.bytes.count)
        try flush()
        try writePayload(section.bytes)
    }

    /// A count, then the records' bytes as they lie in memory (fixed-width integers only), in pieces.
    mutating func writeRaw<Record>(_ records: [Record]) throws {
        buffer.write(records.count)
        try records.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let end = min(raw.count, offset + (4 << 20))
                buffer.append(raw[offset..<end])
                try flush()
                offset = end
            }
        }
        try flush()
    }

    mutating func finish(fingerprint: UInt64) throws {
        try flush()
        var header = BinaryWriter()
        header.writeFixed(IndexCache.magic)
        header.writeFixed(IndexCache.formatVersion)
        header.writeFixed(fingerprint)
        header.writeFixed(UInt64(payloadBytes))
        header.writeFixed(checksum.finish())
        try writeAll(header.bytes, at: 0)
        guard fsync(descriptor) == 0 else { throw failure("cannot sync") }
    }

    private mutating func flush() throws {
        try writePayload(buffer.bytes)
        buffer.removeAll()
    }

    private mutating func writePayload(_ bytes: [UInt8]) throws {
        if let limit, payloadBytes + bytes.count > limit {
            try writeAll(Array(bytes.prefix(max(0, limit - payloadBytes))), at: IndexCache.headerSize + payloadBytes)
            throw Interruption()
        }
        checksum.add(bytes)
        try writeAll(bytes, at: IndexCache.headerSize + payloadBytes)
        payloadBytes += bytes.count
    }

    private func writeAll(_ bytes: [UInt8], at offset: Int) throws {
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress! + done, bytes.count - done, off_t(offset + done)) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure("cannot write")
            }
            done += count
        }
    }

    private func failure(_ what: String) -> IndexCache.WriteFailure {
        IndexCache.WriteFailure(message: "\(what) \(path): \(String(cString: strerror(errno)).lowercased())")
    }
}

extension String {
    /// Zeros before a number's digits up to a width, for file names of fixed length.
    func zeroPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
