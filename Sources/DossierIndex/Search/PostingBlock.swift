/// One block of a term's postings as the block table describes it: up to 128 articles that hold the
/// term, in reading order, with how often each holds it, and where their words' positions lie.
///
/// A row is four 64-bit numbers:
/// 0. the last article of the block (low 32 bits), how many articles it holds (8 bits), and the bit widths
///    of its article gaps, its frequencies less one, and its position gaps (8 bits each);
/// 1. where its article gaps start in the articles stream, its frequencies following them;
/// 2. where its positions start in the positions stream;
/// 3. the most a BM25 score's frequency part can be in it (a `Float`'s bits, rounded up, low 32 bits), and
///    how many positions it holds (high 32 bits).
///
/// Article gaps are the distance from the previous article less one (the first from the previous block's
/// last). Positions are each article's words holding the term, from 0 at its first word: the first of an
/// article as it is, the rest as the gap from the one before less one. A word query reads the articles
/// stream alone; only a phrase or a hit's place needs positions.
struct PostingBlock {
    static let rowWords = 4
    static let capacity = 128

    let lastArticle: Int
    let count: Int
    let articleBits: Int
    let frequencyBits: Int
    let positionBits: Int
    let articleOffset: Int
    let positionOffset: Int
    /// The most `frequency / (frequency + k1 × (1 − b + b × length / average length))` is for an article of the block.
    let maxFrequencyPart: Float
    let positionCount: Int

    var frequencyOffset: Int { articleOffset + BitPacking.byteCount(count, width: articleBits) }
    var articleBytes: Range<Int> { articleOffset..<(frequencyOffset + BitPacking.byteCount(count, width: frequencyBits)) }
    var positionBytes: Range<Int> { positionOffset..<(positionOffset + BitPacking.byteCount(positionCount, width: positionBits)) }

    init(lastArticle: Int, count: Int, articleBits: Int, frequencyBits: Int, positionBits: Int, articleOffset: Int,
         positionOffset: Int, maxFrequencyPart: Float, positionCount: Int) {
        self.lastArticle = lastArticle
        self.count = count
        self.articleBits = articleBits
        self.frequencyBits = frequencyBits
        self.positionBits = positionBits
        self.articleOffset = articleOffset
        self.positionOffset = positionOffset
        self.maxFrequencyPart = maxFrequencyPart
        self.positionCount = positionCount
    }

    /// The row at `row` of `table`, nil when its numbers cannot describe a block of streams of these sizes:
    /// a row is read from a file another program may write over, so it is checked each time it is read.
    init?(row: Int, of table: UnsafeBufferPointer<UInt64>, articleStreamSize: Int, positionStreamSize: Int) {
        let base = row * Self.rowWords
        guard row >= 0, base + Self.rowWords <= table.count else { return nil }
        let first = table[base]
        let last = table[base + 3]
        let count = Int((first >> 32) & 0xFF)
        let widths = (Int((first >> 40) & 0xFF), Int((first >> 48) & 0xFF), Int(first >> 56))
        guard count >= 1, count <= Self.capacity, widths.0 <= 32, widths.1 <= 32, widths.2 <= 32,
              table[base + 1] < UInt64(Int32.max) * 4, table[base + 2] < UInt64(Int32.max) * 4 else { return nil }
        self.init(lastArticle: Int(first & 0xFFFF_FFFF), count: count, articleBits: widths.0, frequencyBits: widths.1,
                  positionBits: widths.2, articleOffset: Int(table[base + 1]), positionOffset: Int(table[base + 2]),
                  maxFrequencyPart: Float(bitPattern: UInt32(truncatingIfNeeded: last)), positionCount: Int(last >> 32))
        guard maxFrequencyPart.isFinite, maxFrequencyPart >= 0,
              articleBytes.upperBound + BitPacking.padding <= articleStreamSize,
              positionBytes.upperBound + BitPacking.padding <= positionStreamSize else { return nil }
    }

    /// The row's four numbers.
    var row: [UInt64] {
        [UInt64(lastArticle) | UInt64(count) << 32 | UInt64(articleBits) << 40 | UInt64(frequencyBits) << 48 | UInt64(positionBits) << 56,
         UInt64(articleOffset), UInt64(positionOffset),
         UInt64(maxFrequencyPart.bitPattern) | UInt64(positionCount) << 32]
    }
}
