import Foundation

/// Numbers terms across the corpus as its articles are analysed, on any thread.
///
/// An article's words wait for the index as these numbers (4 bytes a word). Each article
/// kept a vocabulary of its own strings before, and at 100,000 articles those vocabularies
/// took more memory than all the words. One lock a file: an article's distinct terms are
/// numbered together.
final class TermNumbering: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [String: UInt32] = [:]
    private var terms: [String]

    /// Numbering that goes on from a saved index's terms, so that its articles' words keep their numbers.
    init(continuing terms: [String] = []) {
        self.terms = terms
        ids.reserveCapacity(terms.count)
        for (id, term) in terms.enumerated() { ids[term] = UInt32(id) }
    }

    /// The number of each term of `vocabulary`, numbering the new ones.
    func numbers(of vocabulary: [String]) -> [UInt32] {
        lock.lock()
        defer { lock.unlock() }
        return vocabulary.map { term in
            if let id = ids[term] { return id }
            let id = UInt32(terms.count)
            ids[term] = id
            terms.append(term)
            return id
        }
    }

    /// Every term numbered so far, by number.
    var allTerms: [String] {
        lock.lock()
        defer { lock.unlock() }
        return terms
    }
}
