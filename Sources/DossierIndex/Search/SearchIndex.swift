import Foundation

/// An inverted index of every word of every article, built at load or read where it lies in a saved
/// index file (`IndexStorage`).
///
/// Articles are numbered in reading order, and each term's postings list its
/// occurrences in that order, so hits come out in reading order without sorting.
/// A phrase is found by merging its words' postings: the positions of its first word
/// whose next position is one of the second word's, and so on.
///
/// The index keeps 4 bytes a word: each occurrence as the word's position among all
/// the corpus's words. It keeps no byte offsets: a hit names its words by position,
/// and `Corpus.byteRange(of:)` finds them again in the article's text, which a view
/// reads anyway to show them.
public struct SearchIndex: Sendable {
    /// The finished index's arrays; empty until `finish`.
    private(set) var storage = IndexStorage(arrays: IndexStorage.Arrays())
    /// Words added and not yet filed: the term of every word of every article, one article after
    /// another, flat, so that 100,000 articles are one allocation, not 100,000.
    private var addedWordTerms: [UInt32] = []
    private var addedArticleStarts: [Int] = [0]
    public private(set) var articleCount = 0
    private var averageLength = 1.0

    public init() {}

    /// The index saved in a mapped file, read where it lies.
    init(file: MappedIndexFile, articleCount: Int) throws(BinaryReader.Damage) {
        storage = try IndexStorage(file: file, articleCount: articleCount)
        self.articleCount = articleCount
        averageLength = max(1, Double(file.array(of: .postingEntries, as: UInt32.self)?.count ?? 0) / Double(max(articleCount, 1)))
    }

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
            // Each posting names one word and there are as many postings as words, so a word named twice
            // is the only way one could be left unnamed.
            var words = [UInt32](repeating: UInt32.max, count: buffers.postingEntries.count)
            for term in 0..<UInt32(buffers.termCount) {
                for position in try buffers.postings(of: term) {
                    guard Int(position) < words.count, words[Int(position)] == UInt32.max else { throw IndexBuffers.Damage(reason: "is damaged (a word has two terms)") }
                    words[Int(position)] = term
                }
            }
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

    /// Adds the next article (in reading order) from its words' term numbers, which `finish` names.
    package mutating func add(indexed articleWords: some Collection<UInt32>) {
        addedWordTerms.append(contentsOf: articleWords)
        addedArticleStarts.append(addedWordTerms.count)
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
        var starts = [Int](repeating: 0, count: terms.count + 1)
        for term in addedWordTerms { starts[Int(term) + 1] += 1 }
        for term in terms.indices { starts[term + 1] += starts[term] }
        var next = starts
        // An empty index skips the builder: asked for no capacity, it writes to the runtime's one shared
        // empty array, which ThreadSanitizer reports when two corpora are built at once.
        arrays.postingEntries = addedWordTerms.isEmpty ? [] : [UInt32](unsafeUninitializedCapacity: addedWordTerms.count) { slots, initialized in
            // Walking the words in order leaves every term's occurrences in reading order.
            for (position, term) in addedWordTerms.enumerated() {
                slots[next[Int(term)]] = UInt32(position)
                next[Int(term)] += 1
            }
            initialized = addedWordTerms.count
        }
        arrays.postingStarts = starts
        articleCount = addedArticleStarts.count - 1
        averageLength = max(1, Double(addedWordTerms.count) / Double(max(articleCount, 1)))
        // The words' terms go once filed: a phrase is found from its words' postings.
        arrays.articleStarts = addedArticleStarts
        addedWordTerms = []
        addedArticleStarts = [0]
        storage = IndexStorage(arrays: arrays)
    }

    /// The article that holds word `position`, searching forward from `article`: postings come in
    /// reading order, so a walk over them moves this cursor forward only. `starts` is `articleStarts`, of
    /// at least one article. Whatever numbers it holds, the answer is an article from `article` on: the
    /// caller checks that it holds the word.
    @inline(__always)
    private static func article(holding position: Int, from article: Int, starts: UnsafeBufferPointer<Int>) -> Int {
        let articleCount = starts.count - 1
        if position < starts[article + 1] { return article }
        // A common word's next article is one of the next few: look there before galloping.
        var low = min(article + 1, articleCount - 1)
        let near = min(articleCount - 1, article + 8)
        while low < near && starts[low + 1] <= position { low += 1 }
        if position < starts[low + 1] { return low }
        // Gallop, then halve: a far article costs a logarithm.
        var step = 1
        var high = low
        while high < articleCount - 1 && starts[high + 1] <= position {
            low = high + 1
            high = min(articleCount - 1, high + step)
            step *= 2
        }
        while low < high {
            let middle = (low + high) / 2
            if starts[middle + 1] <= position { low = middle + 1 } else { high = middle }
        }
        return low
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
    /// every hit: a single word's matches in each article are counted straight off its postings.
    public func topArticles(_ query: Query, limit: Int) -> [RankedArticle] {
        storage.read(confirmingTheFile: true) { buffers throws(IndexBuffers.Damage) in
            let countsByPhrase = try query.phrases.map { phrase throws(IndexBuffers.Damage) in try matchCounts(of: phrase, in: buffers) }
            var articles = countsByPhrase[0].map(\.article)
            for counts in countsByPhrase.dropFirst() { articles = sortedIntersection(articles, counts.map(\.article)) }
            var scores = [Double](repeating: 0, count: articles.count)
            var matches = [Int](repeating: 0, count: articles.count)
            for counts in countsByPhrase {
                let documentFrequency = Double(counts.count)
                let idf = log(1 + (Double(articleCount) - documentFrequency + 0.5) / (documentFrequency + 0.5))
                var slot = 0
                for entry in counts {
                    while slot < articles.count && articles[slot] < entry.article { slot += 1 }
                    guard slot < articles.count else { break }
                    guard articles[slot] == entry.article else { continue }
                    let frequency = Double(entry.count)
                    let lengthRatio = Double(buffers.wordRange(ofArticle: entry.article).count) / averageLength
                    scores[slot] += idf * frequency * 2.2 / (frequency + 1.2 * (0.25 + 0.75 * lengthRatio))
                    matches[slot] += entry.count
                }
            }
            // Keep the best `limit` in order as they come: no sort of every matching article.
            var best: [RankedArticle] = []
            func ranksBefore(_ left: RankedArticle, _ right: RankedArticle) -> Bool {
                left.score != right.score ? left.score > right.score : left.article < right.article
            }
            for slot in articles.indices {
                let candidate = RankedArticle(article: articles[slot], score: scores[slot], matches: matches[slot])
                guard best.count < limit || ranksBefore(candidate, best[best.count - 1]) else { continue }
                var position = best.count
                while position > 0 && ranksBefore(candidate, best[position - 1]) { position -= 1 }
                best.insert(candidate, at: position)
                if best.count > limit { best.removeLast() }
            }
            return best
        } ?? []
    }

    private struct ArticleCount {
        let article: Int
        let count: Int
    }

    /// How often a phrase occurs in each article that holds it, in reading order.
    private func matchCounts(of phrase: [Query.Word], in buffers: IndexBuffers) throws(IndexBuffers.Damage) -> [ArticleCount] {
        var counts: [ArticleCount] = []
        if phrase.count == 1 && !phrase[0].isPrefix {
            guard let id = buffers.id(of: phrase[0].term) else { return [] }
            let positions = try buffers.postings(of: id)
            guard !positions.isEmpty else { return [] }
            let starts = buffers.articleStarts
            guard starts.count > 1 else { throw IndexBuffers.doesNotAddUp }
            var start = 0
            var article = 0
            while start < positions.count {
                let position = Int(positions[start])
                article = Self.article(holding: position, from: article, starts: starts)
                let words = buffers.wordRange(ofArticle: article)
                guard words.contains(position) else { throw IndexBuffers.doesNotAddUp }
                // Every position before the article's end is one of its words.
                var end = start + 1
                while end < positions.count && Int(positions[end]) < words.upperBound { end += 1 }
                counts.append(ArticleCount(article: article, count: end - start))
                start = end
            }
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

    /// The positions of a query word, rising: its term's postings, or those of every term it begins, merged.
    private func positions(of word: Query.Word, in buffers: IndexBuffers) throws(IndexBuffers.Damage) -> [UInt32] {
        if !word.isPrefix {
            guard let id = buffers.id(of: word.term) else { return [] }
            return Array(try buffers.postings(of: id))
        }
        var merged: [UInt32] = []
        for rank in buffers.ranks(withPrefix: word.term) { merged += try buffers.postings(of: buffers.sortedTerms[rank]) }
        merged.sort()
        return merged
    }

    /// Where a phrase occurs: the positions of its first word whose next words are at the positions of
    /// the phrase's next words, each list merged with the next, and none running into the next article.
    private func occurrences(of phrase: [Query.Word], in buffers: IndexBuffers) throws(IndexBuffers.Damage) -> [Hit] {
        var starts = try positions(of: phrase[0], in: buffers)
        for (offset, word) in phrase.enumerated().dropFirst() where !starts.isEmpty {
            if !word.isPrefix, let id = buffers.id(of: word.term) {
                starts = Self.starts(starts, followedAt: offset, by: try buffers.postings(of: id))
            } else {
                starts = try positions(of: word, in: buffers).withUnsafeBufferPointer { following in
                    Self.starts(starts, followedAt: offset, by: following)
                }
            }
        }
        var hits: [Hit] = []
        guard !starts.isEmpty else { return hits }
        let articleStarts = buffers.articleStarts
        guard articleStarts.count > 1 else { throw IndexBuffers.doesNotAddUp }
        hits.reserveCapacity(starts.count)
        var article = 0
        for start in starts {
            let position = Int(start)
            article = Self.article(holding: position, from: article, starts: articleStarts)
            let words = buffers.wordRange(ofArticle: article)
            guard words.contains(position) else { throw IndexBuffers.doesNotAddUp }
            // A phrase does not run on into the next article.
            guard position + phrase.count <= words.upperBound else { continue }
            hits.append(Hit(article: article, words: position - words.lowerBound..<position - words.lowerBound + phrase.count))
        }
        return hits
    }

    /// The `starts` whose word `offset` places on is one of `following`; both rise. A few starts against a
    /// long list leap through it (galloping), so "yukos said" does not walk every "said".
    private static func starts(_ starts: [UInt32], followedAt offset: Int, by following: UnsafeBufferPointer<UInt32>) -> [UInt32] {
        var kept: [UInt32] = []
        var next = 0
        for start in starts {
            let target = Int(start) + offset
            guard next < following.count else { break }
            if Int(following[next]) < target {
                var step = 1
                var low = next
                while low + step < following.count && Int(following[low + step]) < target {
                    low += step
                    step *= 2
                }
                var high = min(following.count, low + step)
                low += 1
                while low < high {
                    let middle = (low + high) / 2
                    if Int(following[middle]) < target { low = middle + 1 } else { high = middle }
                }
                next = low
            }
            if next < following.count && Int(following[next]) == target { kept.append(start) }
        }
        return kept
    }

    /// Okapi BM25 (k1 = 1.2, b = 0.75) with each phrase as one term; ties keep reading order.
    private func rank(_ articles: [Int], hitsByPhrase: [[Hit]], in buffers: IndexBuffers) -> [RankedArticle] {
        var scores = [Double](repeating: 0, count: articles.count)
        var matches = [Int](repeating: 0, count: articles.count)
        for hits in hitsByPhrase {
            let documentFrequency = Double(distinctArticleCount(hits))
            let idf = log(1 + (Double(articleCount) - documentFrequency + 0.5) / (documentFrequency + 0.5))
            // Walk the phrase's hits (sorted by article) alongside the matching articles.
            var slot = 0
            var start = 0
            while start < hits.count {
                let article = hits[start].article
                var end = start + 1
                while end < hits.count && hits[end].article == article { end += 1 }
                while slot < articles.count && articles[slot] < article { slot += 1 }
                if slot < articles.count && articles[slot] == article {
                    let frequency = Double(end - start)
                    let lengthRatio = Double(buffers.wordRange(ofArticle: article).count) / averageLength
                    scores[slot] += idf * frequency * 2.2 / (frequency + 1.2 * (0.25 + 0.75 * lengthRatio))
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
