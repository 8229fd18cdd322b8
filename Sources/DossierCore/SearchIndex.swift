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
    private var postings: [[Occurrence]] = []
    private var articleTokens: [[IndexedToken]] = []
    private var averageLength = 1.0

    public var articleCount: Int { articleTokens.count }

    public init() {}

    /// An index that numbers terms as a saved index did, so that its articles' tokens can be added unchanged.
    init(terms: [String]) {
        self.terms = terms
        termIDs.reserveCapacity(terms.count)
        for (id, term) in terms.enumerated() { termIDs[term] = Int32(id) }
        postings = Array(repeating: [], count: terms.count)
    }

    /// The tokens of one article, terms numbered as in `terms`: what the index cache saves.
    func tokens(ofArticle article: Int) -> [IndexedToken] { articleTokens[article] }

    /// Adds the next article from tokens already numbered as in `terms` (validated by the caller).
    mutating func add(indexed tokens: [IndexedToken]) {
        let article = Int32(articleTokens.count)
        for (position, token) in tokens.enumerated() {
            postings[Int(token.term)].append(Occurrence(article: article, token: Int32(position)))
        }
        articleTokens.append(tokens)
    }

    /// Adds the next article (in reading order): its vocabulary is numbered once, then every token is filed.
    mutating func add(_ tokens: CompactTokens) {
        let article = Int32(articleTokens.count)
        let globalIDs = tokens.vocabulary.map { term -> Int32 in
            if let existing = termIDs[term] { return existing }
            let id = Int32(postings.count)
            termIDs[term] = id
            terms.append(term)
            postings.append([])
            return id
        }
        var indexed: [IndexedToken] = []
        indexed.reserveCapacity(tokens.entries.count)
        for entry in tokens.entries {
            let id = globalIDs[Int(entry.term)]
            postings[Int(id)].append(Occurrence(article: article, token: Int32(indexed.count)))
            indexed.append(IndexedToken(term: id, start: Int32(bitPattern: entry.start), end: Int32(bitPattern: entry.end)))
        }
        articleTokens.append(indexed)
    }

    /// Sorts the dictionary; call once after the last `add`.
    mutating func finish() {
        averageLength = max(1, Double(articleTokens.reduce(0) { $0 + $1.count }) / Double(max(articleTokens.count, 1)))
        let order = termIDs.sorted { $0.key < $1.key }
        sortedTerms = order.map(\.key)
        sortedRank = Array(repeating: 0, count: postings.count)
        for (rank, entry) in order.enumerated() { sortedRank[Int(entry.value)] = Int32(rank) }
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
        if !word.isPrefix { return termIDs[word.term].map { postings[Int($0)] } ?? [] }
        var merged: [Occurrence] = []
        var index = lowerBound(of: word.term)
        while index < sortedTerms.count, sortedTerms[index].hasPrefix(word.term) {
            merged += postings[Int(termIDs[sortedTerms[index]]!)]
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
            articleTokens[article].withUnsafeBufferPointer { tokens in
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
            let idf = log(1 + (Double(articleTokens.count) - documentFrequency + 0.5) / (documentFrequency + 0.5))
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
                    let lengthRatio = Double(articleTokens[article].count) / averageLength
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
