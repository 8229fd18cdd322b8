import Foundation

/// Numbers terms across the corpus as its articles are analysed, on any thread.
///
/// An article's words wait for the index as these numbers (4 bytes a word). Each article
/// kept a vocabulary of its own strings before, and at 100,000 articles those vocabularies
/// took more memory than all the words. One lock a file: an article's distinct terms are
/// numbered together.
package final class TermNumbering: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [String: UInt32] = [:]
    private var terms: [String] = []
    /// The terms numbering goes on from, asked for when the first word is numbered: a load that
    /// finds every file in its saved index numbers none, and never reads them.
    private var earlierTerms: (() -> [String])?

    /// Numbering that goes on from a saved index's terms, so that its articles' words keep their numbers.
    package init(continuing earlierTerms: (() -> [String])? = nil) {
        self.earlierTerms = earlierTerms
    }

    private func takeEarlierTerms() {
        guard let earlier = earlierTerms?() else { return }
        earlierTerms = nil
        terms = earlier
        ids.reserveCapacity(terms.count)
        for (id, term) in terms.enumerated() { ids[term] = UInt32(id) }
    }

    /// The number of each term of `vocabulary`, numbering the new ones.
    func numbers(of vocabulary: [String]) -> [UInt32] {
        lock.lock()
        defer { lock.unlock() }
        takeEarlierTerms()
        return vocabulary.map { term in
            if let id = ids[term] { return id }
            let id = UInt32(terms.count)
            ids[term] = id
            terms.append(term)
            return id
        }
    }

    /// Every term numbered so far, by number.
    package var allTerms: [String] {
        lock.lock()
        defer { lock.unlock() }
        takeEarlierTerms()
        return terms
    }
}
