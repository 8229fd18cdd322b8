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
    /// Terms in sorted order, for prefix queries.
    private var sortedTerms: [String] = []
    /// `sortedRank[termID]` is the term's position in `sortedTerms`.
    private var sortedRank: [Int32] = []
    private var postings: [[Occurrence]] = []
    private var articleTokens: [[IndexedToken]] = []

    public var articleCount: Int { articleTokens.count }

    public init() {}

    /// Adds the next article (in reading order) from its runs of tokens.
    mutating func add(tokenRuns: [[Token]]) {
        let article = Int32(articleTokens.count)
        var indexed: [IndexedToken] = []
        indexed.reserveCapacity(tokenRuns.reduce(0) { $0 + $1.count })
        for run in tokenRuns {
            for token in run {
                let id: Int32
                if let existing = termIDs[token.term] {
                    id = existing
                } else {
                    id = Int32(postings.count)
                    termIDs[token.term] = id
                    postings.append([])
                }
                postings[Int(id)].append(Occurrence(article: article, token: Int32(indexed.count)))
                indexed.append(IndexedToken(term: id, start: Int32(token.range.lowerBound), end: Int32(token.range.upperBound)))
            }
        }
        articleTokens.append(indexed)
    }

    /// Sorts the dictionary; call once after the last `add`.
    mutating func finish() {
        let order = termIDs.sorted { $0.key < $1.key }
        sortedTerms = order.map(\.key)
        sortedRank = Array(repeating: 0, count: postings.count)
        for (rank, entry) in order.enumerated() { sortedRank[Int(entry.value)] = Int32(rank) }
    }

    // MARK: - Querying

    /// Every match of the query in reading order, and the matching articles ranked by BM25.
    public func search(_ query: Query) -> SearchResult {
        let hitsByPhrase = query.phrases.map(occurrences(of:))
        // An article matches only when it holds every phrase.
        var articles = Set(hitsByPhrase.first.map { $0.map(\.article) } ?? [])
        for hits in hitsByPhrase.dropFirst() { articles.formIntersection(hits.map(\.article)) }
        var hits = hitsByPhrase.flatMap { $0.filter { articles.contains($0.article) } }
        if hitsByPhrase.count > 1 { hits.sort { ($0.article, $0.range.lowerBound) < ($1.article, $1.range.lowerBound) } }
        return SearchResult(query: query, hits: hits, ranking: rank(articles, hitsByPhrase: hitsByPhrase))
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
        var hits: [Hit] = []
        for occurrence in firstWordOccurrences(phrase[0]) {
            let tokens = articleTokens[Int(occurrence.article)]
            let first = Int(occurrence.token)
            guard first + following.count < tokens.count else { continue }
            var matches = true
            for (offset, matcher) in following.enumerated() where !matcher(tokens[first + offset + 1].term) {
                matches = false
                break
            }
            if matches {
                let last = tokens[first + following.count]
                hits.append(Hit(article: Int(occurrence.article), range: Int(tokens[first].start)..<Int(last.end)))
            }
        }
        return hits
    }

    /// Okapi BM25 (k1 = 1.2, b = 0.75) with each phrase as one term; ties keep reading order.
    private func rank(_ articles: Set<Int>, hitsByPhrase: [[Hit]]) -> [RankedArticle] {
        let articleTotal = Double(articleTokens.count)
        let averageLength = Double(articleTokens.reduce(0) { $0 + $1.count }) / max(articleTotal, 1)
        var scores: [Int: Double] = [:]
        var matches: [Int: Int] = [:]
        for hits in hitsByPhrase {
            var frequency: [Int: Int] = [:]
            for hit in hits where articles.contains(hit.article) { frequency[hit.article, default: 0] += 1 }
            let documentFrequency = Double(Set(hits.map(\.article)).count)
            let idf = log(1 + (articleTotal - documentFrequency + 0.5) / (documentFrequency + 0.5))
            for (article, count) in frequency {
                let tf = Double(count)
                let length = Double(articleTokens[article].count)
                scores[article, default: 0] += idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * length / averageLength))
                matches[article, default: 0] += count
            }
        }
        return scores.map { RankedArticle(article: $0.key, score: $0.value, matches: matches[$0.key] ?? 0) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.article < $1.article }
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
