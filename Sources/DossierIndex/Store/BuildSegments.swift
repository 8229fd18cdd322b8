import DossierFormats
import DossierPlatform
import Foundation

/// What a build has learnt from its files so far, saved a batch at a time beside the index it is building,
/// so that a build killed before it saved the index goes on from its last segment instead of reading every
/// file again. The index, once saved, holds it all, and the segments go.
///
/// A segment is one file, written whole or not at all (`AtomicFile`): the build that wrote it (format and
/// fingerprint), then the words of its articles as a vocabulary of its own, then each file's stamp and what
/// became of it: its articles (fields, links and words, as the saved index keeps them) or why it was skipped;
/// then a checksum of all of it. A segment from another build, or one that does not match its checksum or make
/// sense, is removed, and its files are read again.
package struct BuildSegments: Sendable {
    /// What became of one file, as a segment keeps it.
    package struct Entry: Sendable {
        package let stamp: FileStamp
        package let outcome: Outcome

        package init(stamp: FileStamp, outcome: Outcome) {
            self.stamp = stamp
            self.outcome = outcome
        }
    }

    package enum Outcome: Sendable {
        /// Its articles, and a line for each record passed over.
        case analysed([ArticleAnalysis], notes: [String])
        /// A verdict on what it holds, kept until it changes.
        case skipped(reason: String)
    }

    private let fingerprint: IndexCache.Fingerprint
    /// Every segment's path starts with this: the index's own path and a mark no index file has.
    private let prefix: String

    package init(cache: IndexCache, roots: [String], fingerprint: IndexCache.Fingerprint) {
        self.fingerprint = fingerprint
        prefix = cache.filePath(forRoots: roots) + Self.mark
    }

    /// What follows an index's file name in its segments' names.
    static let mark = "-segment-"
    private static let magic: UInt64 = 0x4745_5353_4f44  // "DOSSEG"

    /// The segments' paths, in the order they were written, and what killed writers left half-written of theirs.
    private var paths: (segments: [String], temporaries: [String]) {
        let folder = (prefix as NSString).deletingLastPathComponent
        let start = (prefix as NSString).lastPathComponent
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return ([], []) }
        return (names.filter { $0.hasPrefix(start) }.sorted().map { folder + "/" + $0 },
                names.filter { $0.hasPrefix("." + start) }.map { folder + "/" + $0 })
    }

    /// Saves what became of `files` as the next segment; nothing when there is nothing to save.
    package func write(_ files: [(path: String, entry: Entry)], numbering: TermNumbering) throws {
        guard !files.isEmpty else { return }
        var vocabulary: [UInt32: Int] = [:]
        var terms: [UInt32] = []
        var body = BinaryWriter()
        body.write(files.count)
        for (path, entry) in files {
            body.write(path)
            CachedCorpus.encode(entry.stamp, into: &body)
            switch entry.outcome {
            case .skipped(let reason):
                body.write(false)
                body.write(reason)
            case .analysed(let analyses, let notes):
                body.write(true)
                body.write(notes.count)
                for note in notes { body.write(note) }
                body.write(analyses.count)
                for analysis in analyses {
                    CachedCorpus.encode(analysis.article, into: &body)
                    var links = BinaryWriter()
                    CachedCorpus.encodeLinks(of: analysis, into: &links)
                    body.writeSection(links)
                    guard case .compact(let words) = analysis.words else { preconditionFailure("a segment's article without its words") }
                    body.write(words.terms.count)
                    for term in words.terms {
                        if let local = vocabulary[term] {
                            body.write(local)
                        } else {
                            vocabulary[term] = terms.count
                            body.write(terms.count)
                            terms.append(term)
                        }
                    }
                    body.write(words.checkpoints.count)
                    var last = 0
                    for checkpoint in words.checkpoints {
                        body.write(Int(checkpoint) - last)
                        last = Int(checkpoint)
                    }
                }
            }
        }
        var whole = BinaryWriter()
        whole.writeFixed(Self.magic)
        whole.writeFixed(IndexCache.formatVersion)
        whole.writeFixed(fingerprint.whole)
        whole.writeFixed(fingerprint.people)
        let names = numbering.terms(numbered: terms)
        whole.write(names.count)
        for name in names { whole.write(name) }
        body.bytes.withUnsafeBytes { whole.append($0[...]) }
        var checksum = Checksum()
        checksum.add(whole.bytes)
        whole.writeFixed(checksum.finish())

        try AtomicFile.makeFolder((prefix as NSString).deletingLastPathComponent)
        let number = (paths.segments.compactMap { Int($0.dropFirst(prefix.count)) }.max() ?? 0) + 1
        let output = try AtomicFile(replacing: prefix + String(number).zeroPadded(to: 6), permissions: 0o600)
        try whole.bytes.withUnsafeBytes { try output.write($0) }
        // Not flushed to disk: a segment lost to a power cut costs only the resumption, and its checksum
        // shows one torn; waiting on the disk would hold up every build.
        try output.commit(durably: false)
    }

    /// Every file the segments hold, by path, its words numbered by `numbering`; a segment that cannot be
    /// used is removed. Where two segments hold one file, the later one's is kept.
    package func read(catalogCount: Int, numbering: TermNumbering) -> [String: Entry] {
        var entries: [String: Entry] = [:]
        for path in paths.segments {
            guard let bytes = FileManager.default.contents(atPath: path).map([UInt8].init),
                  let read = try? decode(bytes, catalogCount: catalogCount, numbering: numbering) else {
                unlink(path)
                continue
            }
            entries.merge(read) { _, later in later }
        }
        return entries
    }

    /// Removes every segment, and what killed writers left of theirs.
    package func remove() {
        let (segments, temporaries) = paths
        for path in segments { unlink(path) }
        for temporary in temporaries {
            // `.NAME.tmp-PID` is a temporary of NAME, removed only when no live writer holds it.
            let name = (temporary as NSString).lastPathComponent.dropFirst()
            guard let marker = name.range(of: ".tmp-", options: .backwards) else { continue }
            AtomicFile.removeAbandonedTemporaries(of: (temporary as NSString).deletingLastPathComponent + "/" + name[..<marker.lowerBound])
        }
    }

    private func decode(_ bytes: [UInt8], catalogCount: Int, numbering: TermNumbering) throws -> [String: Entry] {
        try bytes.withUnsafeBytes { raw in
            let damaged = BinaryReader.Damage(reason: "a build segment is damaged")
            guard raw.count >= 40 else { throw damaged }
            var checksum = Checksum()
            checksum.add(UnsafeRawBufferPointer(rebasing: raw[0..<(raw.count - 8)]))
            var reader = BinaryReader(raw)
            var trailer = BinaryReader(raw, from: raw.count - 8)
            guard try trailer.readFixed() == checksum.finish(), try reader.readFixed() == Self.magic,
                  try reader.readFixed() == IndexCache.formatVersion, try reader.readFixed() == fingerprint.whole,
                  try reader.readFixed() == fingerprint.people else { throw damaged }
            reader = BinaryReader(UnsafeRawBufferPointer(rebasing: raw[0..<(raw.count - 8)]), from: reader.position)
            let names = try (0..<reader.readCount()).map { _ in try reader.readString() }
            let terms = numbering.numbers(of: names)
            var entries: [String: Entry] = [:]
            for _ in 0..<(try reader.readCount()) {
                let path = try reader.readString()
                let stamp = try CachedCorpus.decodeStamp(&reader)
                guard try reader.readBool() else {
                    entries[path] = Entry(stamp: stamp, outcome: .skipped(reason: try reader.readString()))
                    continue
                }
                let notes = try (0..<reader.readCount()).map { _ in try reader.readString() }
                let analyses = try (0..<reader.readCount()).map { _ in
                    var analysis = try CachedCorpus.decodeAnalysis(&reader, catalogCount: catalogCount)
                    let words = try (0..<reader.readCount()).map { _ in
                        let local = try reader.readInt()
                        guard local < terms.count else { throw damaged }
                        return terms[local]
                    }
                    var last = 0
                    let checkpoints = try (0..<reader.readCount()).map { _ in
                        last += try reader.readInt()
                        guard last >= 0, last < analysis.article.textLength else { throw damaged }
                        return UInt32(last)
                    }
                    guard checkpoints.count == WordCheckpoints.count(ofArticleWith: words.count) else { throw damaged }
                    analysis.words = .compact(CompactTokens(terms: words, checkpoints: checkpoints))
                    return analysis
                }
                entries[path] = Entry(stamp: stamp, outcome: .analysed(analyses, notes: notes))
            }
            guard reader.isAtEnd else { throw damaged }
            return entries
        }
    }
}
