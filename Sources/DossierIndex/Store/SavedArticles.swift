import DossierFormats
import DossierPlatform
import Foundation

/// The articles of a saved index as a search reads them: each file's stamp found by binary search on
/// its path, and an article decoded from the file only when something asks for it, the first time.
/// A search of 100,000 articles that matches twelve decodes twelve.
///
/// The tables a freshness check reads (paths, their order, stamps, article offsets) are checked whole
/// when this is made, checksums and structure; an article's bytes when it is first decoded. An article
/// that fails then stands as one with no text, and `damage` says why, so that no damaged byte is shown.
/// Another program may write over the file after the check, so each number is checked again where it is
/// used: one that no longer holds reads as nothing and marks the file damaged.
package final class SavedArticles: @unchecked Sendable {
    let file: MappedIndexFile
    package let count: Int
    private let offsets: UnsafeBufferPointer<UInt64>
    private let pathBytes: UnsafeBufferPointer<UInt8>
    private let pathStarts: UnsafeBufferPointer<Int>
    private let pathOrder: UnsafeBufferPointer<UInt32>
    private let stampTable: UnsafeBufferPointer<UInt64>
    private let idBytes: UnsafeBufferPointer<UInt8>
    private let idStarts: UnsafeBufferPointer<Int>
    private let shownIDLengths: UnsafeBufferPointer<UInt8>
    private let idOrder: UnsafeBufferPointer<UInt32>
    private let catalogCount: Int
    /// What the article list says of them all, as saved.
    let listFacts: CachedCorpus.ListFacts

    /// Each article's path in this run, when set by `name(paths:)`; otherwise its saved path spelt as
    /// the user typed its root (`CachedPaths.typed`).
    private var paths: [String]?
    private var spelling = CachedPaths(typed: [], real: [])
    /// Each article's text length as its merged links were checked against (`MergedLinks`), when they were read.
    private var expectedLengths: [Int]?

    /// The articles decoded so far, by position.
    private let decoded = Locked<[Int: Article]>([:])
    private let firstDamage = FirstDamage()

    init(file: MappedIndexFile, count: Int, catalogCount: Int, listFacts: CachedCorpus.ListFacts) throws(BinaryReader.Damage) {
        let doesNotAddUp = BinaryReader.Damage(reason: "its index does not add up")
        let tables: [IndexSection] = [.articleOffsets, .savedPaths, .savedPathStarts, .pathOrder, .stamps, .stableIDs, .stableIDStarts,
                                      .shownIDLengths, .stableIDOrder]
        for section in tables where !file.verify(section) {
            throw BinaryReader.Damage(reason: "its checksum does not match")
        }
        guard let offsets = file.array(of: .articleOffsets, as: UInt64.self), let pathBytes = file.array(of: .savedPaths, as: UInt8.self),
              let pathStarts = file.array(of: .savedPathStarts, as: Int.self), let pathOrder = file.array(of: .pathOrder, as: UInt32.self),
              let stampTable = file.array(of: .stamps, as: UInt64.self), let idBytes = file.array(of: .stableIDs, as: UInt8.self),
              let idStarts = file.array(of: .stableIDStarts, as: Int.self), let shownIDLengths = file.array(of: .shownIDLengths, as: UInt8.self),
              let idOrder = file.array(of: .stableIDOrder, as: UInt32.self), idOrder.count == count,
              offsets.count == count + 1, pathStarts.count == count + 1, pathOrder.count == count, stampTable.count == count * Self.stampWords,
              idStarts.count == count + 1, shownIDLengths.count == count,
              offsets.first == 0, offsets.last == UInt64(file.bytes(of: .articles).count), pathStarts.first == 0, pathStarts.last == pathBytes.count,
              idStarts.first == 0, idStarts.last == idBytes.count
        else { throw doesNotAddUp }
        for index in 0..<count where offsets[index + 1] < offsets[index] || pathStarts[index + 1] < pathStarts[index]
            || idStarts[index + 1] <= idStarts[index] || Int(shownIDLengths[index]) > idStarts[index + 1] - idStarts[index]
            || shownIDLengths[index] == 0 {
            throw doesNotAddUp
        }
        guard pathOrder.allSatisfy({ Int($0) < count }), idOrder.allSatisfy({ Int($0) < count }) else { throw doesNotAddUp }
        self.file = file
        self.count = count
        self.offsets = offsets
        self.pathBytes = pathBytes
        self.pathStarts = pathStarts
        self.pathOrder = pathOrder
        self.stampTable = stampTable
        self.idBytes = idBytes
        self.idStarts = idStarts
        self.shownIDLengths = shownIDLengths
        self.idOrder = idOrder
        self.catalogCount = catalogCount
        self.listFacts = listFacts
    }

    /// The saved index file's path, for saying which is damaged.
    package var filePath: String { file.path }

    func savedPath(of article: Int) -> UnsafeBufferPointer<UInt8> { string(article, of: pathBytes, startingAt: pathStarts) }

    /// Article `article`'s string among `bytes` (a path or an id), empty (and the file damaged) where its starts do not hold.
    private func string(_ article: Int, of bytes: UnsafeBufferPointer<UInt8>, startingAt starts: UnsafeBufferPointer<Int>) -> UnsafeBufferPointer<UInt8> {
        let (start, end) = (starts[article], starts[article + 1])
        guard start >= 0, start <= end, end <= bytes.count else {
            firstDamage.note(FirstDamage.doesNotAddUp)
            return UnsafeBufferPointer(start: nil, count: 0)
        }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// The article in place `rank` of path order, nil (and the file damaged) when the number is not an article's.
    func article(inPathOrder rank: Int) -> Int? { article(inPlace: rank, of: pathOrder) }

    /// The article in place `rank` of an order (paths', ids'), nil (and the file damaged) when the number is not an article's.
    private func article(inPlace rank: Int, of order: UnsafeBufferPointer<UInt32>) -> Int? {
        let article = Int(order[rank])
        guard article < count else {
            firstDamage.note(FirstDamage.doesNotAddUp)
            return nil
        }
        return article
    }

    /// The first place in `order` whose article's string (`string`) is not before `key` in byte order, by binary search;
    /// nil when the file is damaged.
    private func firstPlace(notBefore key: UnsafeBufferPointer<UInt8>, in order: UnsafeBufferPointer<UInt32>,
                            string: (Int) -> UnsafeBufferPointer<UInt8>) -> Int? {
        var low = 0
        var high = order.count
        while low < high {
            let middle = (low + high) / 2
            guard let article = article(inPlace: middle, of: order) else { return nil }
            if IndexBuffers.compare(string(article), key) < 0 { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The articles saved from the file at `path` (its saved spelling), in saved order.
    package func articles(savedAt path: String) -> [Int] {
        var path = path
        return path.withUTF8 { key in
            guard var low = firstPlace(notBefore: key, in: pathOrder, string: savedPath) else { return [] }
            var found: [Int] = []
            while low < pathOrder.count, let article = article(inPathOrder: low), IndexBuffers.compare(savedPath(of: article), key) == 0 {
                found.append(article)
                low += 1
            }
            return found
        }
    }

    /// The 64-bit numbers each article has in the stamps table (`IndexSection.stamps`).
    static let stampWords = 7

    package func stamp(of article: Int) -> FileStamp {
        let row = article * Self.stampWords
        return FileStamp(size: stampTable[row], modifiedSeconds: Int64(bitPattern: stampTable[row + 1]),
                         modifiedNanoseconds: Int64(bitPattern: stampTable[row + 2]), changedSeconds: Int64(bitPattern: stampTable[row + 3]),
                         changedNanoseconds: Int64(bitPattern: stampTable[row + 4]), inode: stampTable[row + 5], device: stampTable[row + 6])
    }

    /// Gives each article the path it has in this run; call once, before any is asked for.
    package func name(paths: [String]) {
        self.paths = paths
    }

    /// Spells each article's path as `spelling` turns its saved path back into one under a root as typed;
    /// call once, before any is asked for.
    package func spell(_ spelling: CachedPaths) {
        self.spelling = spelling
    }

    /// Holds each article, when decoded, to the text length the ranges of its links lie within; call
    /// once, before any is asked for. One saved with another length is damage.
    func expect(textLengths: [Int]) {
        precondition(textLengths.count == count, "text lengths of another corpus")
        expectedLengths = textLengths
    }

    /// The path of the article at `position` in this run.
    package func path(of position: Int) -> String {
        if let paths { return paths[position] }
        return spelling.typed(String(decoding: savedPath(of: position), as: UTF8.self))
    }

    /// The article's stable id and the id it is shown by, as saved: they are the ones a load would give it
    /// while no file of the corpus changed.
    package func ids(of position: Int) -> (id: String, stableID: String) {
        let (start, end) = (idStarts[position], idStarts[position + 1])
        guard start >= 0, start < end, end <= idBytes.count, Int(shownIDLengths[position]) <= end - start else {
            firstDamage.note(FirstDamage.doesNotAddUp)
            return ("?", "?")
        }
        let shownEnd = start + Int(shownIDLengths[position])
        return (String(decoding: UnsafeBufferPointer(rebasing: idBytes[start..<shownEnd]), as: UTF8.self),
                String(decoding: UnsafeBufferPointer(rebasing: idBytes[start..<end]), as: UTF8.self))
    }

    /// Lets go of the pages of the tables a check of every file read through once: each is read again, from
    /// the page cache, only for the few articles shown (`MappedIndexFile.letGo`).
    package func letGoOfFileTables() {
        for section: IndexSection in [.savedPaths, .savedPathStarts, .pathOrder, .stamps] { file.letGo(of: section) }
    }

    /// The first article saved with this stable id, found by binary search on the saved ids; nil when none has it.
    package func article(stableID: String) -> Int? {
        var stableID = stableID
        return stableID.withUTF8 { key in
            let savedID = { self.string($0, of: self.idBytes, startingAt: self.idStarts) }
            guard let place = firstPlace(notBefore: key, in: idOrder, string: savedID), place < idOrder.count,
                  let article = article(inPlace: place, of: idOrder), IndexBuffers.compare(savedID(article), key) == 0 else { return nil }
            return article
        }
    }

    /// Why an article could not be decoded, in a line naming the file; nil while none failed.
    var damage: String? {
        (file.problem ?? firstDamage.reason).map { "index cache \(file.path) \($0)" }
    }

    /// Article `position`, decoded the first time it is asked for.
    func article(at position: Int) -> Article {
        if let known = decoded.withLock({ $0[position] }) { return known }
        // Decoded outside the lock, so that threads decode different articles at once; the first one kept wins.
        let article = decode(position)
        return decoded.withLock { decoded in
            if let known = decoded[position] { return known }
            decoded[position] = article
            return article
        }
    }

    private func decode(_ position: Int) -> Article {
        let (start, end) = (offsets[position], offsets[position + 1])
        do {
            guard start <= end, end <= UInt64(file.bytes(of: .articles).count) else { throw BinaryReader.Damage(reason: "its index does not add up") }
            let range = Int(start)..<Int(end)
            guard file.verify(.articles, bytes: range) else { throw BinaryReader.Damage(reason: "its checksum does not match") }
            var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: file.bytes(of: .articles)[range]))
            let analysis = try CachedCorpus.decodeArticle(&reader, position: position, catalogCount: catalogCount)
            if let expectedLengths, analysis.article.textLength != expectedLengths[position] {
                throw BinaryReader.Damage(reason: "an article's links do not fit its text")
            }
            let (id, stableID) = ids(of: position)
            return analysis.article.relocated(to: path(of: position)).renamed(id, stableID: stableID)
        } catch {
            firstDamage.note("is damaged (\((error as? BinaryReader.Damage)?.reason ?? "an article cannot be read"))")
            // As long as its links say, so that none of their ranges falls outside it.
            return Article(id: ids(of: position).id, origin: ArticleOrigin(path: path(of: position)), textLength: expectedLengths?[position] ?? 0,
                           title: "", headlineRange: nil, dateline: nil, byline: nil, section: nil, source: nil, date: nil, paragraphs: [],
                           wordCount: 0)
        }
    }
}
