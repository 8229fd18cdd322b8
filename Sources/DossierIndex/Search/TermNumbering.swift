import DossierPlatform
import DossierText

/// Numbers terms across the corpus as its articles are analysed, on any thread.
///
/// An article's words wait for the index as these numbers (4 bytes a word). Each article
/// kept a vocabulary of its own strings before, and at 100,000 articles those vocabularies
/// took more memory than all the words. One lock a file: an article's distinct terms are
/// numbered together.
package final class TermNumbering: Sendable {
    private struct Numbers {
        var terms = TermTable()
        /// The terms numbering goes on from, asked for when the first word is numbered: a load that
        /// finds every file in its saved index numbers none, and never reads them.
        var earlierTerms: (@Sendable () -> [String])?

        mutating func takeEarlierTerms() {
            guard let earlier = earlierTerms?() else { return }
            earlierTerms = nil
            terms = TermTable(capacity: earlier.count)
            // A saved index's words are numbered by these terms' places, even where one is written twice.
            for term in earlier { terms.append(term) }
        }
    }

    private let numbers: Locked<Numbers>

    /// Numbering that goes on from a saved index's terms, so that its articles' words keep their numbers.
    package init(continuing earlierTerms: (@Sendable () -> [String])? = nil) {
        numbers = Locked(Numbers(earlierTerms: earlierTerms))
    }

    /// The number of each term of `vocabulary`, numbering the new ones.
    func numbers(of vocabulary: [String]) -> [UInt32] {
        numbers.withLock { numbers in
            numbers.takeEarlierTerms()
            return vocabulary.map { numbers.terms.number(of: $0).number }
        }
    }

    /// The terms numbered `numbers`, in their order.
    func terms(numbered numbers: [UInt32]) -> [String] {
        self.numbers.withLock { table in
            table.takeEarlierTerms()
            return numbers.map { table.terms.term(Int($0)) }
        }
    }

    /// Every term numbered so far, by number.
    package var allTerms: [String] {
        numbers.withLock { numbers in
            numbers.takeEarlierTerms()
            return numbers.terms.allTerms
        }
    }
}
