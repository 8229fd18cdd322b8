import Foundation

/// An inverted index of every word of every article, built at load or read where it lies in a saved
/// index file (`IndexStorage`).
///
/// Articles are numbered in reading order, and each term's postings list the articles that hold it in
/// that order, so hits come out in reading order without sorting. Postings are kept as Lucene and tantivy
/// keep theirs (`PostingBlock`): in blocks of 128 articles, gaps and frequencies bit-packed, each block's
/// highest possible score beside it, and the words' positions in a stream apart, which a word query never
/// reads. A phrase is found by intersecting its words' articles, then, in each article they share, the
/// positions of its first word whose next position is one of the second word's, and so on.
///
/// A hit names its words by position; `Corpus.byteRange(of:)` finds them again in the article's text, which a
/// view reads anyway to show them, by tokenizing on from the nearest checkpoint before them: the index keeps the
/// first byte of every 64th word of each article (`WordCheckpoints`), not of every word, which would double its size.
public struct SearchIndex: Sendable {
    /// The finished index's arrays; empty until `finish`.
    private(set) var storage = IndexStorage(arrays: IndexStorage.Arrays())
    /// Words added and not yet filed: the term of every word of every article, one article after
    /// another, flat, so that 100,000 articles are one allocation, not 100,000.
    private var addedWordTerms: [UInt32] = []
    private var addedArticleStarts: [Int] = [0]
    /// The checkpoints of the articles added, in their slots (`WordCheckpoints`).
    private var addedCheckpoints: [UInt32] = []
    public private(set) var articleCount = 0
    private var averageLength = 1.0

    public init() {}

    /// The index saved in a mapped file, read where it lies.
    init(file: MappedIndexFile, articleCount: Int, wordCount: Int) throws(BinaryReader.Damage) {
        storage = try IndexStorage(file: file, articleCount: articleCount, wordCount: wordCount)
        self.articleCount = articleCount
        averageLength = max(1, Double(wordCount) / Double(max(articleCount, 1)))
    }

    /// How many words the index holds.
    package var wordCount: Int { storage.wordCount }

    /// Why a saved index can no longer be used, once a piece of it failed its check, in a line naming its
    /// file; nil while sound. A query that meets damage finds nothing, so a caller checks this after each one.
    public var damage: String? { storage.damage }

    /// Every term, by number: what numbering goes on from when a saved index is extended.
    package func allTerms() -> [String] {
        storage.read { buffers in (0..<UInt32(buffers.termCount)).map(buffers.term) } ?? []
    }

    /// Every word's term, numbered as in `allTerms`, one article after another, rebuilt from the postings:
    /// what carries a saved index's unchanged articles into a new one. Nil when the index is damaged.
    package func wordTermsOfEveryArticle() -> [UInt32]? {
        storage.read { buffers throws(IndexBuffers.Damage) in
            // Each position names one word and there are as many as words, so a word named twice
            // is the only way one could be left unnamed.
            var words = [UInt32](repeating: UInt32.max, count: buffers.wordCount)
            var positions: [UInt32] = []
            for term in 0..<UInt32(buffers.termCount) {
                try buffers.forEachBlock(of: term) { _, block, articles, frequencies throws(IndexBuffers.Damage) in
                    var first = 0
                    for (article, frequency) in zip(articles, frequencies) {
                        let range = buffers.wordRange(ofArticle: article)
                        positions.removeAll(keepingCapacity: true)
                        try buffers.appendPositions(of: block, from: first, count: frequency, articleLength: range.count, to: &positions)
                        for position in positions {
                            let word = range.lowerBound + Int(position)
                            guard words[word] == UInt32.max else { throw IndexBuffers.Damage(reason: "is damaged (a word has two terms)") }
                            words[word] = term
                        }
                        first += frequency
                    }
                }
            }
            guard !words.contains(UInt32.max) else { throw IndexBuffers.Damage(reason: "is damaged (a word has no term)") }
            return words
        }
    }

    /// Where article `article`'s words lie among all the corpus's words (`wordTermsOfEveryArticle`).
    package func wordRange(ofArticle article: Int) -> Range<Int> {
        storage.read { $0.wordRange(ofArticle: article) } ?? 0..<0
    }

    /// How many words article `article` has in the index.
    public func wordCount(ofArticle article: Int) -> Int {
        wordRange(ofArticle: article).count
    }

    /// Adds the next article (in reading order) from its words' term numbers, which `finish` names, and the
    /// first byte of every 64th of its words (`ArticleWords.checkpoints`).
    package mutating func add(indexed articleWords: some Collection<UInt32>, checkpoints: some Collection<UInt32>) {
        precondition(checkpoints.count == WordCheckpoints.count(ofArticleWith: articleWords.count), "an article's checkpoints do not fit its words")
        let firstSlot = WordCheckpoints.firstSlot(ofArticle: addedArticleStarts.count - 1, startingAtWord: addedWordTerms.count)
        addedCheckpoints.append(contentsOf: repeatElement(WordCheckpoints.unused, count: firstSlot - addedCheckpoints.count))
        addedCheckpoints.append(contentsOf: checkpoints)
        addedWordTerms.append(contentsOf: articleWords)
        addedArticleStarts.append(addedWordTerms.count)
    }

    /// The first byte of every 64th word of article `article`, as `add` took them; nil when the index is damaged.
    package func checkpoints(ofArticle article: Int) -> [UInt32]? {
        storage.read { buffers throws(IndexBuffers.Damage) in try Array(buffers.checkpoints(ofArticle: article)) }
    }

    /// The checkpoint at or before word `word` of article `article`: that word's number and its first byte. Nil
    /// when the word is not the article's, or the index is damaged.
    package func checkpoint(before word: Int, inArticle article: Int) -> (word: Int, byte: Int)? {
        storage.read { buffers throws(IndexBuffers.Damage) in
            guard word >= 0, word < buffers.wordRange(ofArticle: article).count,
                  let byte = try buffers.checkpoint(word / WordCheckpoints.stride, ofArticle: article) else { return nil }
            return (word / WordCheckpoints.stride * WordCheckpoints.stride, Int(byte))
        } ?? nil
    }

    /// Names the terms the words are numbered by, files every word under its term and sorts the
    /// dictionary; call once after the last `add`.
    package mutating func finish(terms: [String]) {
        var arrays = IndexStorage.Arrays()
        arrays.termStarts.reserveCapacity(terms.count + 1)
        for term in terms {
            arrays.termBytes.append(contentsOf: term.utf8)
            arrays.termStarts.append(arrays.termBytes.count)
        }
        arrays.sortedTerms = arrays.termBytes.withUnsafeBufferPointer { bytes in
            func term(_ id: UInt32) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: bytes[arrays.termStarts[Int(id)]..<arrays.termStarts[Int(id) + 1]])
            }
            return (0..<UInt32(terms.count)).sorted { IndexBuffers.compare(term($0), term($1)) < 0 }
        }
        let wordCount = addedWordTerms.count
        // Handed over, so that the encoder lets the words' terms go once it has filed them: a phrase is found
        // from its words' postings.
        var words: [UInt32] = []
        swap(&words, &addedWordTerms)
        let postings = PostingEncoder(wordTerms: &words, articleStarts: addedArticleStarts, termCount: terms.count)
        arrays.postingBlocks = postings.blockTable
        arrays.termBlockStarts = postings.termBlockStarts
        arrays.articleStream = postings.articleStream
        arrays.positionStream = postings.positionStream
        articleCount = addedArticleStarts.count - 1
        averageLength = max(1, Double(wordCount) / Double(max(articleCount, 1)))
        arrays.articleStarts = addedArticleStarts
        addedArticleStarts = [0]
        addedCheckpoints.append(contentsOf: repeatElement(WordCheckpoints.unused, count: WordCheckpoints.slotCount(
            wordCount: wordCount, articleCount: articleCount) - addedCheckpoints.count))
        swap(&arrays.wordCheckpoints, &addedCheckpoints)
        storage = IndexStorage(arrays: arrays)
    }

    // MARK: - Querying

    /// Every match of the query in reading order, and the matching articles ranked by BM25.
    /// Nothing when the index is damaged (`damage` says why).
    public func search(_ query: Query) -> SearchResult {
        storage.read(confirmingTheFile: true) { buffers throws(IndexBuffers.Damage) in
            let hitsByPhrase = try query.phrases.map { phrase throws(IndexBuffers.Damage) in try occurrences(of: phrase, in: buffers) }
            // An article matches only when it holds every phrase; hits are sorted, so merge sorted article lists.
            var articles = distinctArticles(hitsByPhrase[0])
            for hits in hitsByPhrase.dropFirst() { articles = sortedIntersection(articles, distinctArticles(hits)) }
            var hits = hitsByPhrase[0]
            if hitsByPhrase.count > 1 {
                let kept = Set(articles)
                hits = hitsByPhrase.flatMap { $0.filter { kept.contains($0.article) } }
                hits.sort { ($0.article, $0.words.lowerBound, $0.words.upperBound) < ($1.article, $1.words.lowerBound, $1.words.upperBound) }
            }
            return SearchResult(query: query, hits: hits, ranking: rank(articles, hitsByPhrase: hitsByPhrase, in: buffers))
        } ?? SearchResult(query: query, hits: [], ranking: [])
    }

    /// The `limit` most relevant articles, exactly `search(query).ranking.prefix(limit)`, without gathering
    /// every hit: a word's matches in each article are its frequencies, read off its postings without their
    /// positions, and a query of one word skips every block whose highest possible score could not enter them.
    public func topArticles(_ query: Query, limit: Int) -> [RankedArticle] {
        storage.read(confirmingTheFile: true) { buffers throws(IndexBuffers.Damage) in
            if query.phrases.count == 1, query.phrases[0].count == 1, !query.phrases[0][0].isPrefix {
                guard let id = buffers.id(of: query.phrases[0][0].term) else { return [] }
                return try topArticles(holding: id, limit: limit, in: buffers)
            }
            let countsByPhrase = try query.phrases.map { phrase throws(IndexBuffers.Damage) in try matchCounts(of: phrase, in: buffers) }
            var articles = countsByPhrase[0].map(\.article)
            for counts in countsByPhrase.dropFirst() { articles = sortedIntersection(articles, counts.map(\.article)) }
            var scores = [Double](repeating: 0, count: articles.count)
            var matches = [Int](repeating: 0, count: articles.count)
            for counts in countsByPhrase {
                let idf = inverseDocumentFrequency(counts.count)
                var slot = 0
                for entry in counts {
                    while slot < articles.count && articles[slot] < entry.article { slot += 1 }
                    guard slot < articles.count else { break }
                    guard articles[slot] == entry.article else { continue }
                    scores[slot] += score(frequency: entry.count, article: entry.article, idf: idf, in: buffers)
                    matches[slot] += entry.count
                }
            }
            var best = TopArticles(limit: limit)
            for slot in articles.indices { best.offer(RankedArticle(article: articles[slot], score: scores[slot], matches: matches[slot])) }
            return best.articles
        } ?? []
    }

    /// The best `limit` articles for one term, its blocks taken best bound first, and the walk ended at the
    /// first block whose best article could not rank above the worst of those kept: every block after it
    /// is bounded lower still. Most of a common word's blocks are never decoded.
    private func topArticles(holding term: UInt32, limit: Int, in buffers: IndexBuffers) throws(IndexBuffers.Damage) -> [RankedArticle] {
        var blocks: [PostingBlock] = []
        var documentFrequency = 0
        for row in try buffers.blockRows(of: term) {
            let block = try buffers.block(row)
            guard block.lastArticle > (blocks.last?.lastArticle ?? -1) else { throw IndexBuffers.doesNotAddUp }
            blocks.append(block)
            documentFrequency += block.count
        }
        let idf = inverseDocumentFrequency(documentFrequency)
        let byBound = blocks.indices.sorted { (blocks[$0].maxFrequencyPart, -$0) > (blocks[$1].maxFrequencyPart, -$1) }
        var best = TopArticles(limit: limit)
        var articles: [Int] = []
        var frequencies: [Int] = []
        for index in byBound {
            let block = blocks[index]
            // An article scoring the worst kept could still rank above it by coming earlier, so only a lower bound ends the walk.
            if let worst = best.worstKept, idf * 2.2 * Double(block.maxFrequencyPart) < worst.score { break }
            try buffers.decode(block, after: index == 0 ? -1 : blocks[index - 1].lastArticle, articles: &articles, frequencies: &frequencies)
            for (article, frequency) in zip(articles, frequencies) {
                best.offer(RankedArticle(article: article, score: score(frequency: frequency, article: article, idf: idf, in: buffers),
                                         matches: frequency))
            }
        }
        return best.articles
    }

    /// BM25's inverse document frequency of a phrase held by `documentFrequency` articles.
    private func inverseDocumentFrequency(_ documentFrequency: Int) -> Double {
        log(1 + (Double(articleCount) - Double(documentFrequency) + 0.5) / (Double(documentFrequency) + 0.5))
    }

    /// Okapi BM25 (k1 = 1.2, b = 0.75) of a phrase found `frequency` times in `article`.
    private func score(frequency: Int, article: Int, idf: Double, in buffers: IndexBuffers) -> Double {
        let lengthRatio = Double(buffers.wordRange(ofArticle: article).count) / averageLength
        let part = Double(frequency) / (Double(frequency) + PostingEncoder.k1 * (1 - PostingEncoder.b + PostingEncoder.b * lengthRatio))
        return idf * 2.2 * part
    }

    /// The best articles offered, kept in order as they come: no sort of every matching article.
    private struct TopArticles {
        let limit: Int
        private(set) var articles: [RankedArticle] = []

        init(limit: Int) {
            self.limit = limit
        }

        /// The worst of those kept, once there are `limit` of them.
        var worstKept: RankedArticle? { articles.count == limit ? articles.last : nil }

        mutating func offer(_ candidate: RankedArticle) {
            guard limit > 0, articles.count < limit || ranksBefore(candidate, articles[articles.count - 1]) else { return }
            var position = articles.count
            while position > 0 && ranksBefore(candidate, articles[position - 1]) { position -= 1 }
            articles.insert(candidate, at: position)
            if articles.count > limit { articles.removeLast() }
        }

        private func ranksBefore(_ left: RankedArticle, _ right: RankedArticle) -> Bool {
            left.score != right.score ? left.score > right.score : left.article < right.article
        }
    }

    private struct ArticleCount {
        let article: Int
        let count: Int
    }

    /// How often a phrase occurs in each article that holds it, in reading order.
    private func matchCounts(of phrase: [Query.Word], in buffers: IndexBuffers) throws(IndexBuffers.Damage) -> [ArticleCount] {
        var counts: [ArticleCount] = []
        if phrase.count == 1 {
            // A word's frequencies are its counts: no position is read.
            for posting in try articlePostings(of: phrase[0], in: buffers) {
                if counts.last?.article == posting.article {
                    counts[counts.count - 1] = ArticleCount(article: posting.article, count: counts[counts.count - 1].count + posting.frequency)
                } else {
                    counts.append(ArticleCount(article: posting.article, count: posting.frequency))
                }
            }
            return counts
        }
        if !phrase.contains(where: \.isPrefix) {
            try forEachArticle(holding: phrase, in: buffers) { article, starts in counts.append(ArticleCount(article: article, count: starts.count)) }
            return counts
        }
        let hits = try occurrences(of: phrase, in: buffers)
        var start = 0
        while start < hits.count {
            var end = start + 1
            while end < hits.count && hits[end].article == hits[start].article { end += 1 }
            counts.append(ArticleCount(article: hits[start].article, count: end - start))
            start = end
        }
        return counts
    }

    private func distinctArticles(_ hits: [Hit]) -> [Int] {
        var articles: [Int] = []
        for hit in hits where articles.last != hit.article { articles.append(hit.article) }
        return articles
    }

    private func sortedIntersection(_ left: [Int], _ right: [Int]) -> [Int] {
        var result: [Int] = []
        var (i, j) = (0, 0)
        while i < left.count && j < right.count {
            if left[i] == right[j] { result.append(left[i]); i += 1; j += 1 }
            else if left[i] < right[j] { i += 1 } else { j += 1 }
        }
        return result
    }

    /// The articles that hold a query word, in reading order: its term's, or those of every term it
    /// begins, merged (an article then comes once for each of its terms, together).
    private func articlePostings(of word: Query.Word, in buffers: IndexBuffers) throws(IndexBuffers.Damage) -> [IndexBuffers.ArticlePosting] {
        if !word.isPrefix {
            guard let id = buffers.id(of: word.term) else { return [] }
            return try buffers.articlePostings(of: id)
        }
        var merged: [IndexBuffers.ArticlePosting] = []
        for rank in buffers.ranks(withPrefix: word.term) { merged += try buffers.articlePostings(of: buffers.sortedTerms[rank]) }
        // Stable, so that an article's postings stay in the order of their terms.
        return merged.enumerated().sorted { ($0.element.article, $0.offset) < ($1.element.article, $1.offset) }.map(\.element)
    }

    /// Where a phrase occurs: in each article that holds all its words, the positions of its first word
    /// whose next words are at the positions of the phrase's next words.
    private func occurrences(of phrase: [Query.Word], in buffers: IndexBuffers) throws(IndexBuffers.Damage) -> [Hit] {
        if phrase.contains(where: \.isPrefix) { return try occurrencesOfPrefixes(phrase, in: buffers) }
        var hits: [Hit] = []
        try forEachArticle(holding: phrase, in: buffers) { article, starts in
            for start in starts { hits.append(Hit(article: article, words: Int(start)..<Int(start) + phrase.count)) }
        }
        return hits
    }

    /// Calls `body` with each article that holds a phrase of exact words, in reading order, and the
    /// positions where the phrase starts in it, rising.
    private func forEachArticle(holding phrase: [Query.Word], in buffers: IndexBuffers,
                                _ body: (Int, ArraySlice<UInt32>) -> Void) throws(IndexBuffers.Damage) {
        var cursors: [PostingCursor] = []
        for word in phrase {
            guard let id = buffers.id(of: word.term) else { return }
            cursors.append(try PostingCursor(term: id, in: buffers))
        }
        // The words with fewest blocks are asked first, so that a common word leaps to the articles a rare one holds.
        let order = cursors.indices.sorted { cursors[$0].blockCount < cursors[$1].blockCount }
        // Of three words or more, the commonest after the first ("of" in "house of commons", in nearly every
        // article) is asked last and only where the others stand in place: its blocks are decoded for those
        // articles alone, not for every article the others share. The first word's places are where the
        // phrase could start, so it is always among the aligned.
        let deferred = order.count >= 3 ? order.last { $0 != 0 } : nil
        let aligned = order.filter { $0 != deferred }
        var starts: [UInt32] = []
        var following: [UInt32] = []
        var candidate = 0
        search: while true {
            // The aligned words' cursors at one article, each leaping to the furthest any has reached.
            var agreed = false
            while !agreed {
                agreed = true
                for word in aligned {
                    guard try cursors[word].advance(to: candidate) else { break search }
                    let article = cursors[word].article!
                    if article > candidate {
                        candidate = article
                        agreed = false
                        break
                    }
                }
            }
            // Where the phrase could start, from its first word's places; then each other word, rarest first,
            // keeps the starts it follows. (Starting from the rarest word's places instead measured slower.)
            let length = buffers.wordRange(ofArticle: candidate).count
            starts.removeAll(keepingCapacity: true)
            try cursors[0].appendPositions(articleLength: length, to: &starts)
            var kept = starts.count
            for word in aligned where word != 0 && kept > 0 {
                following.removeAll(keepingCapacity: true)
                try cursors[word].appendPositions(articleLength: length, to: &following)
                kept = Self.keep(&starts, count: kept, followedAt: word, by: following)
            }
            if let deferred, kept > 0 {
                // Past its last article, the phrase can occur nowhere further on.
                guard try cursors[deferred].advance(to: candidate) else { break search }
                if cursors[deferred].article == candidate {
                    following.removeAll(keepingCapacity: true)
                    try cursors[deferred].appendPositions(articleLength: length, to: &following)
                    kept = Self.keep(&starts, count: kept, followedAt: deferred, by: following)
                } else {
                    kept = 0
                }
            }
            if kept > 0 { body(candidate, starts[..<kept]) }
            candidate += 1
        }
    }

    /// `occurrences` of a phrase with a prefix among its words (`profit*`), whose articles are those of
    /// every term it begins: each word's postings gathered whole, then walked in step.
    private func occurrencesOfPrefixes(_ phrase: [Query.Word], in buffers: IndexBuffers) throws(IndexBuffers.Damage) -> [Hit] {
        let postings = try phrase.map { word throws(IndexBuffers.Damage) in try articlePostings(of: word, in: buffers) }
        // Each word's postings as runs of one article each, walked in step: an article every word holds is a candidate.
        var cursors = [Int](repeating: 0, count: phrase.count)
        var hits: [Hit] = []
        // The rarest word leads: the others leap to its articles.
        let lead = postings.indices.min { postings[$0].count < postings[$1].count } ?? 0
        var leadStart = 0
        while leadStart < postings[lead].count {
            let article = postings[lead][leadStart].article
            var leadEnd = leadStart + 1
            while leadEnd < postings[lead].count && postings[lead][leadEnd].article == article { leadEnd += 1 }
            defer { leadStart = leadEnd }
            var runs: [Range<Int>] = []
            var heldByAll = true
            for word in phrase.indices {
                if word == lead {
                    runs.append(leadStart..<leadEnd)
                    continue
                }
                let start = Self.firstPosting(in: postings[word], from: cursors[word], atOrAfter: article)
                cursors[word] = start
                guard start < postings[word].count, postings[word][start].article == article else {
                    heldByAll = false
                    break
                }
                var end = start + 1
                while end < postings[word].count && postings[word][end].article == article { end += 1 }
                runs.append(start..<end)
            }
            guard heldByAll else { continue }
            var starts = try buffers.positions(of: postings[0][runs[0]])
            var kept = starts.count
            for word in phrase.indices.dropFirst() where kept > 0 {
                kept = Self.keep(&starts, count: kept, followedAt: word, by: try buffers.positions(of: postings[word][runs[word]]))
            }
            for start in starts[..<kept] { hits.append(Hit(article: article, words: Int(start)..<Int(start) + phrase.count)) }
        }
        return hits
    }

    /// The first posting from `cursor` on whose article is `article` or later: a leap through a long list (galloping).
    private static func firstPosting(in postings: [IndexBuffers.ArticlePosting], from cursor: Int, atOrAfter article: Int) -> Int {
        guard cursor < postings.count, postings[cursor].article < article else { return cursor }
        var step = 1
        var low = cursor
        while low + step < postings.count && postings[low + step].article < article {
            low += step
            step *= 2
        }
        var high = min(postings.count, low + step)
        low += 1
        while low < high {
            let middle = (low + high) / 2
            if postings[middle].article < article { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Keeps, at the front of `starts`, the first `count` starts whose word `offset` places on is one of
    /// `following`, in place; both rise. Returns how many are kept.
    private static func keep(_ starts: inout [UInt32], count: Int, followedAt offset: Int, by following: [UInt32]) -> Int {
        var kept = 0
        var next = 0
        for index in 0..<count {
            let target = Int(starts[index]) + offset
            while next < following.count && Int(following[next]) < target { next += 1 }
            guard next < following.count else { break }
            if Int(following[next]) == target {
                starts[kept] = starts[index]
                kept += 1
            }
        }
        return kept
    }

    /// Okapi BM25 (k1 = 1.2, b = 0.75) with each phrase as one term; ties keep reading order.
    private func rank(_ articles: [Int], hitsByPhrase: [[Hit]], in buffers: IndexBuffers) -> [RankedArticle] {
        var scores = [Double](repeating: 0, count: articles.count)
        var matches = [Int](repeating: 0, count: articles.count)
        for hits in hitsByPhrase {
            let idf = inverseDocumentFrequency(distinctArticleCount(hits))
            // Walk the phrase's hits (sorted by article) alongside the matching articles.
            var slot = 0
            var start = 0
            while start < hits.count {
                let article = hits[start].article
                var end = start + 1
                while end < hits.count && hits[end].article == article { end += 1 }
                while slot < articles.count && articles[slot] < article { slot += 1 }
                if slot < articles.count && articles[slot] == article {
                    scores[slot] += score(frequency: end - start, article: article, idf: idf, in: buffers)
                    matches[slot] += end - start
                }
                start = end
            }
        }
        return articles.indices
            .map { RankedArticle(article: articles[$0], score: scores[$0], matches: matches[$0]) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.article < $1.article }
    }

    private func distinctArticleCount(_ hits: [Hit]) -> Int {
        var count = 0
        var last = -1
        for hit in hits where hit.article != last { count += 1; last = hit.article }
        return count
    }
}

/// One match of a query: which words of which article.
public struct Hit: Sendable, Equatable {
    /// Index into `Corpus.articles`.
    public let article: Int
    /// Positions of the phrase's words among the article's indexed words (0-based); `Corpus.byteRange(of:)`
    /// turns them into the byte range from the first word's start to the last word's end.
    public let words: Range<Int>

    public init(article: Int, words: Range<Int>) {
        self.article = article
        self.words = words
    }
}

/// An article that matches a query, with its relevance.
public struct RankedArticle: Sendable, Equatable {
    public let article: Int
    public let score: Double
    public let matches: Int
}

/// What a query found.
public struct SearchResult: Sendable {
    public let query: Query
    /// Every match, in reading order: by article, then by position.
    public let hits: [Hit]
    /// The matching articles, most relevant first.
    public let ranking: [RankedArticle]

    public var articleCount: Int { ranking.count }

    public init(query: Query, hits: [Hit], ranking: [RankedArticle]) {
        self.query = query
        self.hits = hits
        self.ranking = ranking
    }
}
