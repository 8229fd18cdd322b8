/// A walk over one term's postings in reading order, a block decoded only when the walk stops in it: a
/// phrase led by its rarest word leaps over every block of a common word that holds none of the
/// articles it asks for, and reads the positions of those it stops at alone.
struct PostingCursor {
    private let buffers: IndexBuffers
    private let rows: Range<Int>
    private var row: Int
    private var block: PostingBlock?
    /// The last article of the block before the current one: where its gaps count from.
    private var previousLast = -1
    private var articles: [Int] = []
    private var frequencies: [Int] = []
    /// Where each article's positions start among the block's, and where the last ends.
    private var positionStarts: [Int] = []
    private var slot = 0
    private var positionsChecked = false

    init(term: UInt32, in buffers: IndexBuffers) throws(IndexBuffers.Damage) {
        self.buffers = buffers
        rows = try buffers.blockRows(of: term)
        row = rows.lowerBound
    }

    /// How many blocks the term's postings take: how common it is, to a block.
    var blockCount: Int { rows.count }

    /// The article the cursor is at; nil once past the last.
    var article: Int? { slot < articles.count ? articles[slot] : nil }

    /// How often the term occurs in the current article.
    var frequency: Int { frequencies[slot] }

    /// Moves to the first article at or after `target`, decoding no block that ends before it; false when there is none.
    mutating func advance(to target: Int) throws(IndexBuffers.Damage) -> Bool {
        if let article, article >= target { return true }
        // Within the current block, when it reaches the target.
        if let block, block.lastArticle >= target {
            while articles[slot] < target { slot += 1 }
            return true
        }
        if block != nil {
            previousLast = block!.lastArticle
            row += 1
        }
        while row < rows.upperBound {
            let next = try buffers.block(row)
            guard next.lastArticle > previousLast else { throw IndexBuffers.doesNotAddUp }
            if next.lastArticle >= target {
                try load(next)
                while articles[slot] < target { slot += 1 }
                return true
            }
            previousLast = next.lastArticle
            row += 1
        }
        block = nil
        articles.removeAll(keepingCapacity: true)
        slot = 0
        return false
    }

    /// Appends the current article's positions, rising, to `positions`.
    mutating func appendPositions(articleLength: Int, to positions: inout [UInt32]) throws(IndexBuffers.Damage) {
        guard let block, slot < articles.count else { return }
        if !positionsChecked {
            try buffers.checkStream(.positionStream, bytes: block.positionBytes)
            positionsChecked = true
        }
        try buffers.appendCheckedPositions(of: block, from: positionStarts[slot], count: frequencies[slot], articleLength: articleLength,
                                           to: &positions)
    }

    private mutating func load(_ next: PostingBlock) throws(IndexBuffers.Damage) {
        try buffers.decode(next, after: previousLast, articles: &articles, frequencies: &frequencies)
        positionStarts.removeAll(keepingCapacity: true)
        var start = 0
        for frequency in frequencies {
            positionStarts.append(start)
            start += frequency
        }
        block = next
        slot = 0
        positionsChecked = false
    }
}
