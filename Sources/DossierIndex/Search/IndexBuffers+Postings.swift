extension IndexBuffers {
    /// An article that holds a term: how often, and where in its block its positions start.
    struct ArticlePosting {
        let article: Int
        let frequency: Int
        let blockRow: Int
        /// The first of its positions among its block's.
        let firstPosition: Int
    }

    /// Decodes a block's articles and frequencies into `articles` and `frequencies`, replacing what they
    /// held; `previous` is the last article of the term's block before it, -1 for its first. Damage when
    /// the block's bytes fail their check or its numbers do not hold.
    func decode(_ block: PostingBlock, after previous: Int, articles: inout [Int], frequencies: inout [Int]) throws(Damage) {
        try checkStream(.articleStream, bytes: block.articleBytes)
        articles.removeAll(keepingCapacity: true)
        frequencies.removeAll(keepingCapacity: true)
        var article = previous
        var positionCount = 0
        let frequencyOffset = block.frequencyOffset
        for index in 0..<block.count {
            article += 1 + Int(BitPacking.value(at: index, width: block.articleBits, from: block.articleOffset, in: articleStream))
            let frequency = 1 + Int(BitPacking.value(at: index, width: block.frequencyBits, from: frequencyOffset, in: articleStream))
            articles.append(article)
            frequencies.append(frequency)
            positionCount += frequency
        }
        guard article == block.lastArticle, positionCount == block.positionCount else { throw Self.doesNotAddUp }
    }

    /// Appends `count` positions of a block from its `start`-th, those of one article `length` words long,
    /// as the article's word numbers, rising. Damage when they do not lie inside the article.
    func appendPositions(of block: PostingBlock, from start: Int, count: Int, articleLength: Int,
                         to positions: inout [UInt32]) throws(Damage) {
        try checkStream(.positionStream, bytes: block.positionBytes)
        try appendCheckedPositions(of: block, from: start, count: count, articleLength: articleLength, to: &positions)
    }

    /// `appendPositions`, for a block whose positions' bytes were checked already.
    func appendCheckedPositions(of block: PostingBlock, from start: Int, count: Int, articleLength: Int,
                                to positions: inout [UInt32]) throws(Damage) {
        guard start >= 0, count >= 1, start + count <= block.positionCount else { throw Self.doesNotAddUp }
        var position = -1
        for index in start..<(start + count) {
            position += 1 + Int(BitPacking.value(at: index, width: block.positionBits, from: block.positionOffset, in: positionStream))
            guard position < articleLength else { throw Self.doesNotAddUp }
            positions.append(UInt32(position))
        }
    }

    /// Calls `body` with each of a term's blocks in order, its row, and its articles and frequencies decoded.
    func forEachBlock(of term: UInt32,
                      _ body: (_ row: Int, PostingBlock, _ articles: [Int], _ frequencies: [Int]) throws(Damage) -> Void) throws(Damage) {
        var articles: [Int] = []
        var frequencies: [Int] = []
        var previous = -1
        for row in try blockRows(of: term) {
            let block = try block(row)
            guard block.lastArticle > previous else { throw Self.doesNotAddUp }
            try decode(block, after: previous, articles: &articles, frequencies: &frequencies)
            try body(row, block, articles, frequencies)
            previous = block.lastArticle
        }
    }

    /// Every article that holds a term, in reading order.
    func articlePostings(of term: UInt32) throws(Damage) -> [ArticlePosting] {
        var postings: [ArticlePosting] = []
        try forEachBlock(of: term) { row, _, articles, frequencies in
            var firstPosition = 0
            for index in articles.indices {
                postings.append(ArticlePosting(article: articles[index], frequency: frequencies[index], blockRow: row, firstPosition: firstPosition))
                firstPosition += frequencies[index]
            }
        }
        return postings
    }

    /// The positions of the postings in `postings`, all of one article, rising.
    func positions(of postings: ArraySlice<ArticlePosting>) throws(Damage) -> [UInt32] {
        guard let first = postings.first else { return [] }
        let length = wordRange(ofArticle: first.article).count
        var positions: [UInt32] = []
        for posting in postings {
            try appendPositions(of: block(posting.blockRow), from: posting.firstPosition, count: posting.frequency, articleLength: length,
                                to: &positions)
        }
        if postings.count > 1 { positions.sort() }
        return positions
    }
}
