/// Writes every term's postings in blocks (`PostingBlock`): the block table, where each term's blocks
/// start in it, and the two packed streams, articles with frequencies and positions.
struct PostingEncoder {
    private(set) var blockTable: [UInt64] = []
    private(set) var termBlockStarts: [Int] = [0]
    private(set) var articleStream: [UInt8] = []
    private(set) var positionStream: [UInt8] = []

    /// BM25's k1 and b, with which a block's highest score is bounded.
    static let k1 = 1.2
    static let b = 0.75

    /// Files every word of `wordTerms` (each word's term, articles one after another as `articleStarts`
    /// says) under its term, `termCount` terms in all. `wordTerms` is emptied once sorted: the largest
    /// array of a build (4 bytes a word) is not held while the blocks are written.
    init(wordTerms: inout [UInt32], articleStarts: [Int], termCount: Int) {
        let articleCount = articleStarts.count - 1
        let averageLength = max(1, Double(wordTerms.count) / Double(max(articleCount, 1)))
        // Each term's words in reading order, by a counting sort of every word on its term.
        var termStarts = [Int](repeating: 0, count: termCount + 1)
        for term in wordTerms { termStarts[Int(term) + 1] += 1 }
        for term in 0..<termCount { termStarts[term + 1] += termStarts[term] }
        var next = termStarts
        var occurrences = [UInt32](repeating: 0, count: wordTerms.count)
        for (position, term) in wordTerms.enumerated() {
            occurrences[next[Int(term)]] = UInt32(position)
            next[Int(term)] += 1
        }
        wordTerms = []
        termBlockStarts.reserveCapacity(termCount + 1)
        var block = BlockBuilder()
        for term in 0..<termCount {
            var article = 0
            var previousLast = -1
            var slot = termStarts[term]
            while slot < termStarts[term + 1] {
                let position = Int(occurrences[slot])
                article = Self.article(holding: position, from: article, starts: articleStarts)
                let end = articleStarts[article + 1]
                var frequency = 0
                while slot < termStarts[term + 1] && Int(occurrences[slot]) < end {
                    block.positions.append(UInt32(Int(occurrences[slot]) - articleStarts[article]))
                    frequency += 1
                    slot += 1
                }
                let length = Double(end - articleStarts[article])
                let part = Double(frequency) / (Double(frequency) + Self.k1 * (1 - Self.b + Self.b * length / averageLength))
                block.add(article: article, frequency: frequency, frequencyPart: part)
                if block.articles.count == PostingBlock.capacity { flush(&block, after: &previousLast) }
            }
            if !block.articles.isEmpty { flush(&block, after: &previousLast) }
            termBlockStarts.append(blockTable.count / PostingBlock.rowWords)
        }
        articleStream += repeatElement(0, count: BitPacking.padding)
        positionStream += repeatElement(0, count: BitPacking.padding)
    }

    /// The article that holds word `position`, searching forward from `article`: a common word's next
    /// article is one of the next few, a rare word's is found by galloping, then halving.
    private static func article(holding position: Int, from article: Int, starts: [Int]) -> Int {
        var low = article
        let near = min(starts.count - 2, article + 8)
        while low < near && starts[low + 1] <= position { low += 1 }
        if position < starts[low + 1] { return low }
        var step = 1
        var high = low
        while high < starts.count - 2 && starts[high + 1] <= position {
            low = high + 1
            high = min(starts.count - 2, high + step)
            step *= 2
        }
        while low < high {
            let middle = (low + high) / 2
            if starts[middle + 1] <= position { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private mutating func flush(_ block: inout BlockBuilder, after previousLast: inout Int) {
        var gaps = block.articles
        var largestGap: UInt32 = 0
        var previous = previousLast
        for index in gaps.indices {
            gaps[index] = UInt32(Int(block.articles[index]) - previous - 1)
            previous = Int(block.articles[index])
            largestGap = max(largestGap, gaps[index])
        }
        var positionGaps = block.positions
        var largestPositionGap: UInt32 = 0
        var start = 0
        for frequency in block.frequencies {
            for index in start..<(start + Int(frequency)) {
                if index > start { positionGaps[index] = block.positions[index] - block.positions[index - 1] - 1 }
                largestPositionGap = max(largestPositionGap, positionGaps[index])
            }
            start += Int(frequency)
        }
        let lessOne = block.frequencies.map { $0 - 1 }
        let articleBits = BitPacking.width(of: largestGap)
        let frequencyBits = BitPacking.width(of: lessOne.max() ?? 0)
        let positionBits = BitPacking.width(of: largestPositionGap)
        // Rounded up, so that skipping a block whose bound is no better than the worst kept never skips a better article.
        let maxPart = Float(block.largestFrequencyPart).nextUp
        let row = PostingBlock(lastArticle: previous, count: gaps.count, articleBits: articleBits, frequencyBits: frequencyBits,
                               positionBits: positionBits, articleOffset: articleStream.count, positionOffset: positionStream.count,
                               maxFrequencyPart: maxPart, positionCount: block.positions.count)
        blockTable += row.row
        gaps.withUnsafeBufferPointer { BitPacking.append($0, width: articleBits, to: &articleStream) }
        lessOne.withUnsafeBufferPointer { BitPacking.append($0, width: frequencyBits, to: &articleStream) }
        positionGaps.withUnsafeBufferPointer { BitPacking.append($0, width: positionBits, to: &positionStream) }
        previousLast = previous
        block.clear()
    }

    /// The block being gathered.
    private struct BlockBuilder {
        var articles: [UInt32] = []
        var frequencies: [UInt32] = []
        var positions: [UInt32] = []
        var largestFrequencyPart = 0.0

        mutating func add(article: Int, frequency: Int, frequencyPart: Double) {
            articles.append(UInt32(article))
            frequencies.append(UInt32(frequency))
            largestFrequencyPart = max(largestFrequencyPart, frequencyPart)
        }

        mutating func clear() {
            articles.removeAll(keepingCapacity: true)
            frequencies.removeAll(keepingCapacity: true)
            positions.removeAll(keepingCapacity: true)
            largestFrequencyPart = 0
        }
    }
}
