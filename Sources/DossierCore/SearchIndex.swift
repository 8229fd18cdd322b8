import Foundation

/// An inverted index of every word of every article, built once at load.
///
/// Articles are numbered in reading order, and each term's postings list its
/// occurrences in that order, so hits come out in reading order without sorting.
/// A phrase is found from the occurrences of its first word by checking the words
/// that follow in the article's own token list.
public struct SearchIndex: Sendable {
    struct Occurrence: Sendable {
        let article: Int32
        let token: Int32
    }

    struct IndexedToken: Sendable {
        let term: Int32
        let start: Int32
        let end: Int32
    }

    private var termIDs: [String: Int32] = [:]
    /// Terms by id.
    private(set) var terms: [String] = []
    /// Terms in sorted order, for prefix queries.
    private var sortedTerms: [String] = []
    /// `sortedRank[termID]` is the term's position in `sortedTerms`.
    private var sortedRank: [Int32] = []
    /// Every article's tokens, one article after another: flat, so that 100,000 articles are one
    /// allocation, not 100,000. Article `a` holds `tokens[articleStarts[a]..<articleStarts[a + 1]]`.
    private var tokens: [IndexedToken] = []
    private var articleStarts: [Int] = [0]
    /// Each term's occurrences, in reading order: term `t` has `postingEntries[postingStarts[t]..<postingStarts[t + 1]]`.
    /// Built in one counting pass by `finish`.
    private var postingEntries: [Occurrence] = []
    private var postingStarts: [Int] = [0]
    private var averageLength = 1.0

    public var articleCount: Int { articleStarts.count - 1 }

    public init() {}

    /// An index that numbers terms as a saved index did, so that its articles' tokens can be added unchanged.
    init(terms: [String]) {
        self.terms = terms
        termIDs.reserveCapacity(terms.count)
        for (id, term) in terms.enumerated() { termIDs[term] = Int32(id) }
    }

    /// An index exactly as saved, checked so that no number in it points outside what it indexes.
    /// `textLengths[a]` is the length of article a's text, which its tokens must lie within.
    init(terms: [String], tokens: [IndexedToken], articleStarts: [Int], postingEntries: [Occurrence], postingStarts: [Int],
         textLengths: [Int]) throws {
        struct Invalid: Error {}
        guard articleStarts.first == 0, articleStarts.last == tokens.count, articleStarts.count == textLengths.count + 1,
              postingStarts.first == 0, postingStarts.last == postingEntries.count, postingStarts.count == terms.count + 1,
              postingEntries.count == tokens.count else { throw BinaryReader.Damage(reason: "its index does not add up") }
        for article in textLengths.indices {
            guard articleStarts[article] <= articleStarts[article + 1], articleStarts[article + 1] <= tokens.count else {
                throw BinaryReader.Damage(reason: "its index does not add up")
            }
            let length = textLengths[article]
            for token in tokens[articleStarts[article]..<articleStarts[article + 1]] {
                guard token.term >= 0, Int(token.term) < terms.count, token.start >= 0, token.start <= token.end,
                      Int(token.end) <= length else { throw BinaryReader.Damage(reason: "a word lies outside its text") }
            }
        }
        for term in terms.indices {
            guard postingStarts[term] <= postingStarts[term + 1], postingStarts[term + 1] <= postingEntries.count else {
                throw BinaryReader.Damage(reason: "its index does not add up")
            }
            for occurrence in postingEntries[postingStarts[term]..<postingStarts[term + 1]] {
                let article = Int(occurrence.article)
                // Whether it points at its own term is left unchecked (a random read per posting, a second at
                // 100,000 articles); the checksum vouches for that, and a wrong word would be a wrong hit, not a crash.
                guard article >= 0, article < textLengths.count, occurrence.token >= 0,
                      Int(occurrence.token) < articleStarts[article + 1] - articleStarts[article]
                else { throw BinaryReader.Damage(reason: "a posting points outside its article") }
            }
        }
        self.init(terms: terms)
        self.tokens = tokens
        self.articleStarts = articleStarts
        self.postingEntries = postingEntries
        self.postingStarts = postingStarts
        sortTerms()
    }

    /// What the index cache saves of a finished index.
    var savedArrays: (tokens: [IndexedToken], articleStarts: [Int], postingEntries: [Occurrence], postingStarts: [Int]) {
        (tokens, articleStarts, postingEntries, postingStarts)
    }

    /// The tokens of one article, terms numbered as in `terms`.
    func tokens(ofArticle article: Int) -> ArraySlice<IndexedToken> {
        tokens[articleStarts[article]..<articleStarts[article + 1]]
    }

    private func tokenCount(ofArticle article: Int) -> Int { articleStarts[article + 1] - articleStarts[article] }

    /// Adds the next article from tokens already numbered as in `terms` (validated by the caller).
    mutating func add(indexed articleTokens: ArraySlice<IndexedToken>) {
        tokens.append(contentsOf: articleTokens)
        articleStarts.append(tokens.count)
    }

    /// Adds the next article (in reading order), numbering its vocabulary once.
    mutating func add(_ compact: CompactTokens) {
        let globalIDs = compact.vocabulary.map { term -> Int32 in
            if let existing = termIDs[term] { return existing }
            let id = Int32(terms.count)
            termIDs[term] = id
            terms.append(term)
            return id
        }
        for entry in compact.entries {
            tokens.append(IndexedToken(term: globalIDs[Int(entry.term)], start: Int32(bitPattern: entry.start),
                                       end: Int32(bitPattern: entry.end)))
        }
        articleStarts.append(tokens.count)
    }

    /// Files every token under its term and sorts the dictionary; call once after the last `add`.
    mutating func finish() {
        var starts = [Int](repeating: 0, count: terms.count + 1)
        for token in tokens { starts[Int(token.term) + 1] += 1 }
        for term in terms.indices { starts[term + 1] += starts[term] }
        var next = starts
        postingEntries = [Occurrence](unsafeUninitializedCapacity: tokens.count) { slots, initialized in
            // Walking articles in order leaves every term's occurrences in reading order.
            for article in 0..<articleCount {
                let first = articleStarts[article]
                for position in first..<articleStarts[article + 1] {
                    let term = Int(tokens[position].term)
                    slots[next[term]] = Occurrence(article: Int32(article), token: Int32(position - first))
                    next[term] += 1
                }
            }
            initialized = tokens.count
        }
        postingStarts = starts
        sortTerms()
    }

    /// Sorts the dictionary for prefix queries, and measures the average article for BM25.
    private mutating func sortTerms() {
        averageLength = max(1, Double(tokens.count) / Double(max(articleCount, 1)))
        let order = terms.indices.sorted { terms[$0] < terms[$1] }
        sortedTerms = order.map { terms[$0] }
        sortedRank = Array(repeating: 0, count: terms.count)
        for (rank, id) in order.enumerated() { sortedRank[id] = Int32(rank) }
    }

    private func postings(of term: Int32) -> ArraySlice<Occurrence> {
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
            hits.sort { ($0.article, $0.range.lowerBound) < ($1.article, $1.range.lowerBound) }
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
                let lengthRatio = Double(tokenCount(ofArticle: entry.article)) / averageLength
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
            postings(of: id).withUnsafeBufferPointer { occurrences in
                var start = 0
                while start < occurrences.count {
                    let article = occurrences[start].article
                    var end = start + 1
                    while end < occurrences.count && occurrences[end].article == article { end += 1 }
                    counts.append(ArticleCount(article: Int(article), count: end - start))
                    start = end
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

    private typealias Matcher = (Int32) -> Bool

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

    /// The candidate occurrences of a phrase's first word, in reading order.
    private func firstWordOccurrences(_ word: Query.Word) -> [Occurrence] {
        if !word.isPrefix { return termIDs[word.term].map { Array(postings(of: $0)) } ?? [] }
        var merged: [Occurrence] = []
        var index = lowerBound(of: word.term)
        while index < sortedTerms.count, sortedTerms[index].hasPrefix(word.term) {
            merged += postings(of: termIDs[sortedTerms[index]]!)
            index += 1
        }
        merged.sort { ($0.article, $0.token) < ($1.article, $1.token) }
        return merged
    }

    private func occurrences(of phrase: [Query.Word]) -> [Hit] {
        let following = phrase.dropFirst().map(matcher(for:))
        let candidates = firstWordOccurrences(phrase[0])
        var hits: [Hit] = []
        hits.reserveCapacity(candidates.count)
        var start = 0
        // Occurrences come grouped by article: fetch each article's tokens once per group.
        while start < candidates.count {
            let article = Int(candidates[start].article)
            var end = start + 1
            while end < candidates.count && Int(candidates[end].article) == article { end += 1 }
            tokens(ofArticle: article).withUnsafeBufferPointer { tokens in
                if following.isEmpty {
                    for occurrence in candidates[start..<end] {
                        let token = tokens[Int(occurrence.token)]
                        hits.append(Hit(article: article, range: Int(token.start)..<Int(token.end)))
                    }
                    return
                }
                for occurrence in candidates[start..<end] {
                    let first = Int(occurrence.token)
                    guard first + following.count < tokens.count else { continue }
                    var matches = true
                    for (offset, matcher) in following.enumerated() where !matcher(tokens[first + offset + 1].term) {
                        matches = false
                        break
                    }
                    if matches {
                        hits.append(Hit(article: article, range: Int(tokens[first].start)..<Int(tokens[first + following.count].end)))
                    }
                }
            }
            start = end
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
                    let lengthRatio = Double(tokenCount(ofArticle: article)) / averageLength
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

/// One match of a query: where it stands in which article.
public struct Hit: Sendable, Equatable {
    /// Index into `Corpus.articles`.
    public let article: Int
    /// Byte range from the first word of the phrase to the end of its last.
    public let range: Range<Int>
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
}
