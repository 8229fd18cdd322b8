import DossierPlatform
import Foundation

/// Where an index's arrays lie: in memory after a build, or in a saved index file mapped as it is.
///
/// A built index is whole and sound by construction. A mapped one is trusted piece by piece: the
/// small tables every query reads (terms, article and posting starts) are checked, checksums and
/// structure, on the first query; a term's postings the first time a query reads them. A check that fails
/// marks the index damaged (`damage`), and every query from then on finds nothing, so that no number is
/// used before it is checked.
///
/// Another program may still write over the file in place after a check. So every number read from the
/// mapping is checked again where it is used (`IndexBuffers`): a start or length that does not hold marks
/// the index damaged instead of reading past an array, and the file's change is caught after the query
/// (`MappedIndexFile.problem`), so that what the query found is not shown.
final class IndexStorage: @unchecked Sendable {
    struct Arrays {
        var termBytes: [UInt8] = []
        var termStarts: [Int] = [0]
        var sortedTerms: [UInt32] = []
        var articleStarts: [Int] = [0]
        var postingBlocks: [UInt64] = []
        var termBlockStarts: [Int] = [0]
        var articleStream: [UInt8] = Array(repeating: 0, count: BitPacking.padding)
        var positionStream: [UInt8] = Array(repeating: 0, count: BitPacking.padding)
        var wordCheckpoints: [UInt32] = []
    }

    private let arrays: Arrays
    private let file: MappedIndexFile?
    private let mapped: IndexBuffers?

    /// What the checks of a mapped index found so far.
    private struct Checks {
        var tablesChecked = false
        /// One bit a term: set once its block table rows were checked against their checksums.
        var checkedTerms: [UInt64] = []
    }

    private let checks: Locked<Checks>
    private let firstDamage = FirstDamage()

    init(arrays: Arrays) {
        self.arrays = arrays
        wordCount = arrays.articleStarts.last ?? 0
        file = nil
        mapped = nil
        checks = Locked(Checks())
    }

    /// The index in a mapped file, its sections' sizes checked against one another (nothing else is read yet).
    /// How many words the index holds, as the saved index's checked header says, or as built: what every article's
    /// words must lie within, so that a number written over in the mapping can never make an article longer.
    let wordCount: Int

    init(file: MappedIndexFile, articleCount: Int, wordCount: Int) throws(BinaryReader.Damage) {
        let doesNotAddUp = BinaryReader.Damage(reason: "its index does not add up")
        guard let termStarts = file.array(of: .termStarts, as: Int.self), let sortedTerms = file.array(of: .sortedTerms, as: UInt32.self),
              let articleStarts = file.array(of: .articleStarts, as: Int.self),
              let postingBlocks = file.array(of: .postingBlocks, as: UInt64.self),
              let termBlockStarts = file.array(of: .termBlockStarts, as: Int.self),
              let termBytes = file.array(of: .termBytes, as: UInt8.self),
              let wordCheckpoints = file.array(of: .wordCheckpoints, as: UInt32.self) else { throw doesNotAddUp }
        let articleStream = file.bytes(of: .articleStream)
        let positionStream = file.bytes(of: .positionStream)
        guard termStarts.count >= 1, sortedTerms.count == termStarts.count - 1, articleStarts.count == articleCount + 1,
              termBlockStarts.count == termStarts.count, postingBlocks.count % PostingBlock.rowWords == 0,
              articleStream.count >= BitPacking.padding, positionStream.count >= BitPacking.padding,
              termStarts.count < Int(UInt32.max), wordCount < Int(UInt32.max),
              wordCheckpoints.count == WordCheckpoints.slotCount(wordCount: wordCount, articleCount: articleCount) else { throw doesNotAddUp }
        arrays = Arrays()
        self.wordCount = wordCount
        self.file = file
        mapped = IndexBuffers(termBytes: termBytes, termStarts: termStarts,
                              sortedTerms: sortedTerms, articleStarts: articleStarts,
                              postingBlocks: postingBlocks, termBlockStarts: termBlockStarts,
                              articleStream: articleStream, positionStream: positionStream, wordCheckpoints: wordCheckpoints,
                              wordCount: wordCount, storage: nil)
        checks = Locked(Checks(checkedTerms: [UInt64](repeating: 0, count: (termStarts.count + 63) / 64)))
    }

    /// Why the index can no longer be used, once a check failed or its file lost pages, in a line that
    /// names the file; nil while sound.
    var damage: String? {
        // A file written over or cut short explains whatever a check then found.
        guard let file, let reason = file.problem ?? firstDamage.reason else { return nil }
        return "index cache \(file.path) \(reason)"
    }

    /// Runs `body` on the index's arrays, checked as far as every query needs; nil when the index is damaged,
    /// or became so while `body` ran (what it found is then not to be believed). With `confirmingTheFile`,
    /// whether another program cut the file short or wrote to it meanwhile is asked of the system too, a
    /// call that a query makes once and a look-up of one number, made for every hit, does without.
    func read<Result>(confirmingTheFile: Bool = false, _ body: (IndexBuffers) throws(IndexBuffers.Damage) -> Result) -> Result? {
        guard let mapped else {
            return arrays.termBytes.withUnsafeBufferPointer { termBytes in
                arrays.termStarts.withUnsafeBufferPointer { termStarts in
                    arrays.sortedTerms.withUnsafeBufferPointer { sortedTerms in
                        arrays.articleStarts.withUnsafeBufferPointer { articleStarts in
                            arrays.postingBlocks.withUnsafeBufferPointer { postingBlocks in
                                arrays.termBlockStarts.withUnsafeBufferPointer { termBlockStarts in
                                    arrays.articleStream.withUnsafeBytes { articleStream in
                                        arrays.positionStream.withUnsafeBytes { positionStream in
                                            arrays.wordCheckpoints.withUnsafeBufferPointer { wordCheckpoints in
                                                try? body(IndexBuffers(termBytes: termBytes, termStarts: termStarts, sortedTerms: sortedTerms,
                                                                       articleStarts: articleStarts, postingBlocks: postingBlocks,
                                                                       termBlockStarts: termBlockStarts, articleStream: articleStream,
                                                                       positionStream: positionStream, wordCheckpoints: wordCheckpoints,
                                                                       wordCount: wordCount, storage: nil))
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        guard isSound(confirmingTheFile: confirmingTheFile), checkTables(mapped) else { return nil }
        var buffers = mapped
        buffers.storage = self
        let result: Result
        do {
            result = try body(buffers)
        } catch {
            markDamaged(error.reason)
            return nil
        }
        return isSound(confirmingTheFile: confirmingTheFile) ? result : nil
    }

    private func isSound(confirmingTheFile: Bool) -> Bool {
        firstDamage.reason == nil && (!confirmingTheFile || file?.problem == nil) && !(file?.lostPages ?? false)
    }

    fileprivate func markDamaged(_ reason: String) {
        firstDamage.note(reason)
    }

    /// The tables every query reads, checked once: their blocks, then that every start rises and stays inside what it indexes.
    private func checkTables(_ buffers: IndexBuffers) -> Bool {
        if checks.withLock({ $0.tablesChecked }) { return true }
        guard let file else { return true }
        for section: IndexSection in [.termBytes, .termStarts, .sortedTerms, .articleStarts, .termBlockStarts] where !file.verify(section) {
            markDamaged("is damaged (its checksum does not match)")
            return false
        }
        func rises(_ starts: UnsafeBufferPointer<Int>, to end: Int) -> Bool {
            guard starts.first == 0, starts.last == end else { return false }
            for index in 1..<starts.count where starts[index] < starts[index - 1] { return false }
            return true
        }
        let termCount = UInt32(buffers.termCount)
        guard rises(buffers.termStarts, to: buffers.termBytes.count), rises(buffers.articleStarts, to: wordCount),
              rises(buffers.termBlockStarts, to: buffers.postingBlocks.count / PostingBlock.rowWords),
              buffers.sortedTerms.allSatisfy({ $0 < termCount }) else {
            markDamaged(IndexBuffers.doesNotAddUp.reason)
            return false
        }
        checks.withLock { $0.tablesChecked = true }
        return true
    }

    /// Checks a term's rows of the block table against their checksums, the first time they are read; a
    /// block's streams are checked as it is decoded (`IndexBuffers.articles(inBlock:)`).
    fileprivate func checkBlocks(of term: Int, rows: Range<Int>) throws(IndexBuffers.Damage) {
        let done = checks.withLock { $0.checkedTerms[term / 64] & (1 << UInt64(term % 64)) != 0 }
        guard !done, let file else { return }
        let width = PostingBlock.rowWords * 8
        guard file.verify(.postingBlocks, bytes: (rows.lowerBound * width)..<(rows.upperBound * width)) else {
            throw IndexBuffers.Damage(reason: "is damaged (its checksum does not match)")
        }
        checks.withLock { $0.checkedTerms[term / 64] |= 1 << UInt64(term % 64) }
    }

    /// Checks the bytes of a stream a block is about to be decoded from.
    fileprivate func checkStream(_ section: IndexSection, bytes: Range<Int>) throws(IndexBuffers.Damage) {
        guard let file else { return }
        guard file.verify(section, bytes: bytes) else { throw IndexBuffers.Damage(reason: "is damaged (its checksum does not match)") }
    }

    /// The arrays as they are to be saved, for `IndexCache.write`.
    func withArrays<Result>(_ body: (IndexBuffers) throws -> Result) throws -> Result? {
        var failure: Error?
        let result = read { buffers -> Result? in
            do { return try body(buffers) } catch { failure = error; return nil }
        }
        if let failure { throw failure }
        return result ?? nil
    }
}

/// An index's arrays, as `SearchIndex` reads them; through `postings(of:)` a mapped index's postings are
/// checked before they are read.
///
/// The arrays of a mapped index lie in a file that another program may write over at any time, so a
/// number read from them is checked where it is used, once read: a term or article number against its
/// table, a start against the next and the array it indexes. One that does not hold marks the index
/// damaged (`IndexStorage.read` then discards what the query found) and reads as empty.
struct IndexBuffers {
    struct Damage: Error {
        let reason: String
    }

    static let doesNotAddUp = Damage(reason: FirstDamage.doesNotAddUp)

    let termBytes: UnsafeBufferPointer<UInt8>
    let termStarts: UnsafeBufferPointer<Int>
    let sortedTerms: UnsafeBufferPointer<UInt32>
    let articleStarts: UnsafeBufferPointer<Int>
    let postingBlocks: UnsafeBufferPointer<UInt64>
    let termBlockStarts: UnsafeBufferPointer<Int>
    let articleStream: UnsafeRawBufferPointer
    let positionStream: UnsafeRawBufferPointer
    /// Every article's checkpoints, in their slots (`WordCheckpoints`).
    let wordCheckpoints: UnsafeBufferPointer<UInt32>
    /// How many words the index holds (`IndexStorage.wordCount`).
    let wordCount: Int
    /// Set for a mapped index: what checks its pieces.
    fileprivate(set) var storage: IndexStorage?

    var termCount: Int { termStarts.count - 1 }
    var articleCount: Int { articleStarts.count - 1 }

    /// `starts[slot]..<starts[slot + 1]` when `slot` names a row of the table and the range lies inside
    /// `0..<limit`; each start is read once, so what is checked is what is used.
    private static func range(at slot: Int, of starts: UnsafeBufferPointer<Int>, within limit: Int) -> Range<Int>? {
        guard slot >= 0, slot < starts.count - 1 else { return nil }
        let lower = starts[slot]
        let upper = starts[slot + 1]
        guard lower >= 0, lower <= upper, upper <= limit else { return nil }
        return lower..<upper
    }

    /// Marks a mapped index damaged by a number that does not hold, and gives what stands for nothing.
    private func damaged<Empty>(_ empty: Empty) -> Empty {
        storage?.markDamaged(Self.doesNotAddUp.reason)
        return empty
    }

    /// Where article `article`'s words lie among all the words; empty, and the index damaged, when its numbers do not hold.
    func wordRange(ofArticle article: Int) -> Range<Int> {
        Self.range(at: article, of: articleStarts, within: wordCount) ?? damaged(0..<0)
    }

    /// Article `article`'s checkpoints (`WordCheckpoints`), checked against their checksum in a mapped index.
    func checkpoints(ofArticle article: Int) throws(Damage) -> Slice<UnsafeBufferPointer<UInt32>> {
        let words = wordRange(ofArticle: article)
        let first = WordCheckpoints.firstSlot(ofArticle: article, startingAtWord: words.lowerBound)
        let slots = first..<(first + WordCheckpoints.count(ofArticleWith: words.count))
        guard article >= 0, article < articleCount, slots.upperBound <= wordCheckpoints.count else { throw Self.doesNotAddUp }
        let width = MemoryLayout<UInt32>.stride
        try checkStream(.wordCheckpoints, bytes: (slots.lowerBound * width)..<(slots.upperBound * width))
        return wordCheckpoints[slots]
    }

    /// Checkpoint `number` of article `article` (`WordCheckpoints`), its bytes checked against their checksum in a
    /// mapped index: what placing one hit reads, where `checkpoints(ofArticle:)` checks all of a long article's.
    /// Nil when the article has no such checkpoint.
    func checkpoint(_ number: Int, ofArticle article: Int) throws(Damage) -> UInt32? {
        let words = wordRange(ofArticle: article)
        guard article >= 0, article < articleCount, number >= 0, number < WordCheckpoints.count(ofArticleWith: words.count) else { return nil }
        let slot = WordCheckpoints.firstSlot(ofArticle: article, startingAtWord: words.lowerBound) + number
        guard slot < wordCheckpoints.count else { throw Self.doesNotAddUp }
        let width = MemoryLayout<UInt32>.stride
        try checkStream(.wordCheckpoints, bytes: (slot * width)..<((slot + 1) * width))
        return wordCheckpoints[slot]
    }

    /// The rows of the block table that hold a term's postings, checked.
    func blockRows(of term: UInt32) throws(Damage) -> Range<Int> {
        guard let rows = Self.range(at: Int(term), of: termBlockStarts, within: postingBlocks.count / PostingBlock.rowWords) else {
            throw Self.doesNotAddUp
        }
        try storage?.checkBlocks(of: Int(term), rows: rows)
        return rows
    }

    /// Row `row` of the block table; damage when its numbers do not hold.
    func block(_ row: Int) throws(Damage) -> PostingBlock {
        guard let block = PostingBlock(row: row, of: postingBlocks, articleStreamSize: articleStream.count,
                                       positionStreamSize: positionStream.count), block.lastArticle < articleCount else {
            throw Self.doesNotAddUp
        }
        return block
    }

    /// Checks the bytes a block is about to be read from, in a mapped index.
    func checkStream(_ section: IndexSection, bytes: Range<Int>) throws(Damage) {
        try storage?.checkStream(section, bytes: bytes)
    }

    /// A term's bytes; empty, and the index damaged, when its numbers do not hold.
    func bytes(ofTerm term: UInt32) -> UnsafeBufferPointer<UInt8> {
        guard let range = Self.range(at: Int(term), of: termStarts, within: termBytes.count) else {
            return damaged(UnsafeBufferPointer(start: nil, count: 0))
        }
        return UnsafeBufferPointer(rebasing: termBytes[range])
    }

    /// The term numbered `term`.
    func term(_ term: UInt32) -> String {
        String(decoding: bytes(ofTerm: term), as: UTF8.self)
    }

    /// Where terms at or after `key` begin in byte order (a position in `sortedTerms`).
    func lowerBound(of key: UnsafeBufferPointer<UInt8>) -> Int {
        var low = 0
        var high = sortedTerms.count
        while low < high {
            let middle = (low + high) / 2
            if Self.compare(bytes(ofTerm: sortedTerms[middle]), key) < 0 { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The number of `term`, nil when no word has it.
    func id(of term: String) -> UInt32? {
        var term = term
        return term.withUTF8 { key in
            let position = lowerBound(of: key)
            guard position < sortedTerms.count, Self.compare(bytes(ofTerm: sortedTerms[position]), key) == 0 else { return nil }
            return sortedTerms[position]
        }
    }

    /// The positions in `sortedTerms` of every term that starts with `prefix`.
    func ranks(withPrefix prefix: String) -> Range<Int> {
        var prefix = prefix
        return prefix.withUTF8 { key in
            let lower = lowerBound(of: key)
            var upper = lower
            while upper < sortedTerms.count {
                let candidate = bytes(ofTerm: sortedTerms[upper])
                guard candidate.count >= key.count, Self.compare(UnsafeBufferPointer(rebasing: candidate[0..<key.count]), key) == 0 else { break }
                upper += 1
            }
            return lower..<upper
        }
    }

    /// Byte order: memcmp, then the shorter first.
    static func compare(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(left.count, right.count)
        if common > 0, let a = left.baseAddress, let b = right.baseAddress {
            let order = memcmp(a, b, common)
            if order != 0 { return Int(order) }
        }
        return left.count - right.count
    }
}
