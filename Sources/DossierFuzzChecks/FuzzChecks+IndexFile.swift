import DossierCore
import DossierIndex
import Foundation

extension FuzzChecks {
    /// A small corpus and its saved index, made once in a folder of the fuzzer's own.
    private struct SavedCorpus {
        let folder: String
        let cache: IndexCache
        let pristine: [UInt8]
        /// What a sound load answers, to compare a rebuilt one with.
        let answers: [String]

        var cacheFile: String { cache.filePath(forPaths: [folder]) }
    }

    nonisolated(unsafe) private static var cachedSavedCorpus: SavedCorpus?
    /// One check at a time: each writes the one saved index its corpus has (tests run checks at once).
    private static let oneAtATime = NSLock()

    private static var savedCorpus: SavedCorpus {
        if let cachedSavedCorpus { return cachedSavedCorpus }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-fuzz-index-\(getpid())").path
        atexit { try? FileManager.default.removeItem(atPath: FileManager.default.temporaryDirectory.appendingPathComponent("dossier-fuzz-index-\(getpid())").path) }
        let folder = root + "/articles"
        // A few short articles of our own, so that the file has every section and a query reads each.
        let articles = [
            "talks.txt": "Talks resume\n\nSecretary of State Mike Pompeo met Kim Jong Un in Pyongyang. Pompeo said the talks were productive.\n",
            "forum.txt": "Minister speaks\n\nForeign Minister Ri Yong Ho said \"the sanctions must end\" at the forum in Singapore.\n",
            "summit.txt": "Summit likely\n\nPresident Donald Trump praised Kim Jong Un and said a second summit was likely.\n",
        ]
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in articles { try! Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name)) }
        let cache = IndexCache(directory: root + "/cache")
        let corpus = try! CorpusLoader.load(paths: [folder], cache: cache)
        let path = cache.filePath(forPaths: [folder])
        let made = SavedCorpus(folder: folder, cache: cache, pristine: [UInt8](FileManager.default.contents(atPath: path)!),
                               answers: answers(of: corpus))
        cachedSavedCorpus = made
        return made
    }

    private static let queries = ["pompeo", "kim jong", "said", "sanction*", "s*", "summit likely"]

    private static func answers(of corpus: any SearchableCorpus) -> [String] {
        queries.map { query in
            let result = corpus.index.search(try! Query(query))
            return "\(query): \(result.hits.map { "\(corpus.articles[$0.article].id)@\(corpus.byteRange(of: $0).map { "\($0)" } ?? "lost")" })"
        }
    }

    /// `file` with each edit made: five bytes, an offset (big-endian, taken modulo the file's length) and a byte to exclusive-or there.
    private static func edited(_ file: [UInt8], by edits: ArraySlice<UInt8>) -> [UInt8] {
        var file = file
        var edit = edits.startIndex
        while edit + 5 <= edits.endIndex {
            let offset = edits[edit..<(edit + 4)].reduce(0) { $0 << 8 | Int($1) } % file.count
            file[offset] ^= edits[edit + 4]
            edit += 5
        }
        return file
    }

    /// The checks for a saved index file: the file the bytes make, loaded as a search loads it and as
    /// the reader does, and queried, never crashes or hangs. Refused, it is said in one line and the
    /// rebuilt index answers as the sound one does; found damaged by a query, it answers nothing.
    ///
    /// The first byte says how the rest makes the file: bit 1 clear, as edits of a sound index (each
    /// five bytes: an offset, then a byte to exclusive-or there), so that the fuzzer reaches past the
    /// header; set, as the whole file. Bit 0 set makes every checksum match again, as someone who
    /// knew the format would.
    public static func checkIndexFile(_ bytes: [UInt8]) -> [String] {
        oneAtATime.lock()
        defer { oneAtATime.unlock() }
        var promises = Promises()
        let saved = savedCorpus
        let mode = bytes.first ?? 0
        var file = mode & 2 == 0 ? edited(saved.pristine, by: bytes.dropFirst()) : Array(bytes.dropFirst())
        if mode & 1 != 0 { IndexFileForgery.reseal(&file) }
        for searching in [true, false] {
            // A new file each time, as Dossier writes one.
            try! Data(file).write(to: URL(fileURLWithPath: saved.cacheFile), options: .atomic)
            var warnings: [String] = []
            let corpus: any SearchableCorpus
            do {
                corpus = searching
                    ? try CorpusLoader.loadForSearch(paths: [saved.folder], cache: saved.cache, warn: { warnings.append($0) })
                    : try CorpusLoader.load(paths: [saved.folder], cache: saved.cache, warn: { warnings.append($0) })
            } catch {
                promises.expect(false, "a load failed: \(error)")
                continue
            }
            promises.expect(warnings.count <= 1 && warnings.allSatisfy { $0.hasSuffix("; rebuilding it") && !$0.contains("\n") },
                            "a damaged index is not reported in one line: \(warnings)")
            let answers = answers(of: corpus)
            for article in corpus.articles.indices { _ = corpus.index.wordCount(ofArticle: article) }
            if let whole = corpus as? Corpus {
                // What the reader reads of a corpus opened whole: every entity's mentions, each found in its article, as `]` finds them.
                for entity in whole.entities.indices {
                    for reference in whole.mentionsByEntity[entity] { _ = whole.mention(at: reference) }
                    _ = (whole.mentionsByEntity.count(of: entity), whole.articleCount(of: entity), EntityProfile(entity: entity, in: whole))
                }
                for article in whole.articles.indices { _ = (whole.mentions[article], whole.articles[article].title) }
            }
            if corpus.index.damage != nil {
                promises.expect(queries.allSatisfy { corpus.index.search(try! Query($0)).hits.isEmpty }, "a damaged index answers")
            } else if !warnings.isEmpty {
                promises.expect(answers == saved.answers, "a rebuilt index answers otherwise than the sound one")
            }
        }
        return promises.broken
    }
}
