import Foundation

/// An inverted index of every word of every article, built once at load.
///
/// Articles are numbered in reading order, and each term's postings list its
/// occurrences in that order, so hits come out in reading order without sorting.
/// A phrase is found from the occurrences of its first word by checking the terms
/// of the words that follow in the article.
///
/// The index keeps 8 bytes a word: each word's term, and each occurrence as the word's
/// position among all the corpus's words. It keeps no byte offsets: a hit names its
/// words by position, and `Corpus.byteRange(of:)` finds them again in the article's
/// text, which a view reads anyway to show them.
public struct SearchIndex: Sendable {
    private var termIDs: [String: UInt32] = [:]
    /// Terms by id.
    private(set) var terms: [String] = []
    /// Terms in sorted order, for prefix queries.
    private var sortedTerms: [String] = []
    /// `sortedRank[termID]` is the term's position in `sortedTerms`.
    private var sortedRank: [Int32] = []
    /// The term of every word of every article, one article after another: flat, so that 100,000
    /// articles are one allocation, not 100,000. Article `a` holds `wordTerms[articleStarts[a]..<articleStarts[a + 1]]`.
    private var wordTerms: [UInt32] = []
    private var articleStarts: [Int] = [0]
    /// Each term's occurrences as positions in `wordTerms`, in reading order: term `t` has
    /// `postingEntries[postingStarts[t]..<postingStarts[t + 1]]`. Built in one counting pass by `finish`.
    private var postingEntries: [UInt32] = []
    private var postingStarts: [Int] = [0]
    private var averageLength = 1.0

    public var articleCount: Int { articleStarts.count - 1 }

    public init() {}

    private mutating func setTerms(_ terms: [String]) {
        self.terms = terms
        termIDs.reserveCapacity(terms.count)
        for (id, term) in terms.enumerated() { termIDs[term] = UInt32(id) }
    }

    /// An index exactly as saved, checked so that no number in it points outside what it indexes.
    init(terms: [String], wordTerms: [UInt32], articleStarts: [Int], postingEntries: [UInt32], postingStarts: [Int],
         articleCount: Int) throws {
        let doesNotAddUp = BinaryReader.Damage(reason: "its index does not add up")
        guard articleStarts.first == 0, articleStarts.last == wordTerms.count, articleStarts.count == articleCount + 1,
              postingStarts.first == 0, postingStarts.last == postingEntries.count, postingStarts.count == terms.count + 1,
              postingEntries.count == wordTerms.count, wordTerms.count < Int(UInt32.max) else { throw doesNotAddUp }
        for article in 0..<articleCount where articleStarts[article] > articleStarts[article + 1] { throw doesNotAddUp }
        for term in terms.indices where postingStarts[term] > postingStarts[term + 1] { throw doesNotAddUp }
        let termCount = UInt32(terms.count)
        let wordCount = UInt32(wordTerms.count)
        guard wordTerms.allSatisfy({ $0 < termCount }) else { throw BinaryReader.Damage(reason: "a word has no term") }
        // Whether a posting points at a word of its own term is left unchecked (a random read per posting, a second
        // at 100,000 articles); the checksum vouches for that, and a wrong word would be a wrong hit, not a crash.
        // Queries walk postings with a cursor that only moves forward, so each term's must rise.
        try postingEntries.withUnsafeBufferPointer { postings in
            for term in terms.indices where postingStarts[term] < postingStarts[term + 1] {
                var previous = postings[postingStarts[term]]
                guard previous < wordCount else { throw BinaryReader.Damage(reason: "a posting points outside the index") }
                for slot in (postingStarts[term] + 1)..<postingStarts[term + 1] {
                    let position = postings[slot]
                    guard position > previous, position < wordCount else {
                        throw BinaryReader.Damage(reason: position > previous ? "a posting points outside the index" : "a term's postings are out of order")
                    }
                    previous = position
                }
            }
        }
        setTerms(terms)
        self.wordTerms = wordTerms
        self.articleStarts = articleStarts
        self.postingEntries = postingEntries
        self.postingStarts = postingStarts
        sortTerms()
    }

    /// What the index cache saves of a finished index.
    var savedArrays: (wordTerms: [UInt32], articleStarts: [Int], postingEntries: [UInt32], postingStarts: [Int]) {
        (wordTerms, articleStarts, postingEntries, postingStarts)
    }

    /// The terms of one article's words, numbered as in `terms`.
    func wordTerms(ofArticle article: Int) -> ArraySlice<UInt32> {
        wordTerms[articleStarts[article]..<articleStarts[article + 1]]
    }

    /// How many words article `article` has in the index.
    public func wordCount(ofArticle article: Int) -> Int { articleStarts[article + 1] - articleStarts[article] }

    /// Adds the next article (in reading order) from its words' term numbers, which `finish` names.
    mutating func add(indexed articleWords: some Collection<UInt32>) {
        wordTerms.append(contentsOf: articleWords)
        articleStarts.append(wordTerms.count)
    }

    /// Names the terms the words are numbered by, files every word under its term and sorts the
    /// dictionary; call once after the last `add`.
    mutating func finish(terms: [String]) {
        setTerms(terms)
        var starts = [Int](repeating: 0, count: terms.count + 1)
        for term in wordTerms { starts[Int(term) + 1] += 1 }
        for term in terms.indices { starts[term + 1] += starts[term] }
        var next = starts
        // An empty index skips the builder: asked for no capacity, it writes to the runtime's one shared
        // empty array, which ThreadSanitizer reports when two corpora are built at once.
        postingEntries = wordTerms.isEmpty ? [] : [UInt32](unsafeUninitializedCapacity: wordTerms.count) { slots, initialized in
            // Walking the words in order leaves every term's occurrences in reading order.
            for (position, term) in wordTerms.enumerated() {
                slots[next[Int(term)]] = UInt32(position)
                next[Int(term)] += 1
            }
            initialized = wordTerms.count
        }
        postingStarts = starts
        sortTerms()
    }

    /// Sorts the dictionary for prefix queries, and measures the average article for BM25.
    private mutating func sortTerms() {
        averageLength = max(1, Double(wordTerms.count) / Double(max(articleCount, 1)))
        let order = terms.indices.sorted { terms[$0] < terms[$1] }
        sortedTerms = order.map { terms[$0] }
        sortedRank = Array(repeating: 0, count: terms.count)
        for (rank, id) in order.enumerated() { sortedRank[id] = Int32(rank) }
    }

    /// The article that holds word `position`, searching forward from `article`: postings come in
    /// reading order, so a walk over them moves this cursor forward only. `starts` is `articleStarts`.
    @inline(__always)
    private static func article(holding position: Int, from article: Int, starts: UnsafeBufferPointer<Int>) -> Int {
        let articleCount = starts.count - 1
        if position < starts[article + 1] { return article }
        // A common word's next article is one of the next few: look there before galloping.
        var low = article + 1
        let near = min(articleCount - 1, article + 8)
        while low < near && starts[low + 1] <= position { low += 1 }
        if position < starts[low + 1] { return low }
        // Gallop, then halve: a far article costs a logarithm.
        var step = 1
        var high = low
        while high < articleCount && starts[high + 1] <= position {
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

    private func postings(of term: UInt32) -> ArraySlice<UInt32> {
        postingEntries[postingStarts[Int(term)]..<postingStarts[Int(term) + 1]]
    }

    // MARK: - Querying

    /// Every match of the query in reading order, and the matching articles ranked by BM25.
    public func search(_ query: Query) -> SearchResult {
        let hitsByPhrase = query.phrases.map(occurrences(of:))
        // An article matches only when it holds every phrase; hits are sorted, so merge sorted article lists.
        var articles = distinctArticles(hitsByPhrase[0])
        for hits in hitsByPhrase.dropFirst() { articles = sortedIntersection(articles, distinctArticles(hits)) }
        var hits = hitsByPhrase[0]
        if hitsByPhrase.count > 1 {
            let kept = Set(articles)
            hits = hitsByPhrase.flatMap { $0.filter { kept.contains($0.article) } }
            hits.sort { ($0.article, $0.words.lowerBound, $0.words.upperBound) < ($1.article, $1.words.lowerBound, $1.words.upperBound) }
        }
        return SearchResult(query: query, hits: hits, ranking: rank(articles, hitsByPhrase: hitsByPhrase))
    }

    /// The `limit` most relevant articles, exactly `search(query).ranking.prefix(limit)`, without gathering
    /// every hit: a single word's matches in each article are counted straight off its postings.
    public func topArticles(_ query: Query, limit: Int) -> [RankedArticle] {
        let countsByPhrase = query.phrases.map(matchCounts(of:))
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
                let lengthRatio = Double(wordCount(ofArticle: entry.article)) / averageLength
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
    }

    private struct ArticleCount {
        let article: Int
        let count: Int
    }

    /// How often a phrase occurs in each article that holds it, in reading order.
    private func matchCounts(of phrase: [Query.Word]) -> [ArticleCount] {
        var counts: [ArticleCount] = []
        if phrase.count == 1 && !phrase[0].isPrefix {
            guard let id = termIDs[phrase[0].term] else { return [] }
            postings(of: id).withUnsafeBufferPointer { positions in
                articleStarts.withUnsafeBufferPointer { starts in
                    var start = 0
                    var article = 0
                    while start < positions.count {
                        article = Self.article(holding: Int(positions[start]), from: article, starts: starts)
                        // Every position before the article's end is one of its words.
                        let articleEnd = UInt32(starts[article + 1])
                        var end = start + 1
                        while end < positions.count && positions[end] < articleEnd { end += 1 }
                        counts.append(ArticleCount(article: article, count: end - start))
                        start = end
                    }
                }
            }
            return counts
        }
        let hits = occurrences(of: phrase)
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

    private typealias Matcher = (UInt32) -> Bool

    private func matcher(for word: Query.Word) -> Matcher {
        if !word.isPrefix {
            guard let id = termIDs[word.term] else { return { _ in false } }
            return { $0 == id }
        }
        let lower = lowerBound(of: word.term)
        var upper = lower
        while upper < sortedTerms.count, sortedTerms[upper].hasPrefix(word.term) { upper += 1 }
        let ranks = Int32(lower)..<Int32(upper)
        return { [sortedRank] in ranks.contains(sortedRank[Int($0)]) }
    }

    private func lowerBound(of term: String) -> Int {
        var low = 0
        var high = sortedTerms.count
        while low < high {
            let middle = (low + high) / 2
            if sortedTerms[middle] < term { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The positions of a phrase's first word, in reading order.
    private func firstWordPositions(_ word: Query.Word) -> [UInt32] {
        if !word.isPrefix { return termIDs[word.term].map { Array(postings(of: $0)) } ?? [] }
        var merged: [UInt32] = []
        var index = lowerBound(of: word.term)
        while index < sortedTerms.count, sortedTerms[index].hasPrefix(word.term) {
            merged += postings(of: termIDs[sortedTerms[index]]!)
            index += 1
        }
        merged.sort()
        return merged
    }

    private func occurrences(of phrase: [Query.Word]) -> [Hit] {
        let following = phrase.dropFirst().map(matcher(for:))
        let candidates = firstWordPositions(phrase[0])
        var hits: [Hit] = []
        hits.reserveCapacity(candidates.count)
        var article = 0
        wordTerms.withUnsafeBufferPointer { terms in
            articleStarts.withUnsafeBufferPointer { starts in
                for candidate in candidates {
                    let position = Int(candidate)
                    article = Self.article(holding: position, from: article, starts: starts)
                    let first = starts[article]
                    // A phrase does not run on into the next article.
                    guard position + following.count < starts[article + 1] else { continue }
                    var matches = true
                    for (offset, matcher) in following.enumerated() where !matcher(terms[position + offset + 1]) {
                        matches = false
                        break
                    }
                    if matches { hits.append(Hit(article: article, words: position - first..<position - first + following.count + 1)) }
                }
            }
        }
        return hits
    }

    /// Okapi BM25 (k1 = 1.2, b = 0.75) with each phrase as one term; ties keep reading order.
    private func rank(_ articles: [Int], hitsByPhrase: [[Hit]]) -> [RankedArticle] {
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
                    let lengthRatio = Double(wordCount(ofArticle: article)) / averageLength
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
