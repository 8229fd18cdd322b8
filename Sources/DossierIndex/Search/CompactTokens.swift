import DossierText

/// An article's words as the index needs them, small: every token as its term's number across
/// the corpus (4 bytes, where a `Token` with its `String` takes 32). Loading keeps these, not
/// `Token`s, until the index is built; where each word lies is found again from the text, from
/// the nearest checkpoint before it (`WordPlaces`).
package struct CompactTokens: Sendable {
    /// The term number of every token of all runs (headline, then paragraphs), in order.
    package let terms: [UInt32]
    /// The first byte of every `ArticleWords.checkpointStride`th token.
    package let checkpoints: [UInt32]

    /// Words numbered already, as a build segment kept them (`BuildSegments`).
    init(terms: [UInt32], checkpoints: [UInt32]) {
        self.terms = terms
        self.checkpoints = checkpoints
    }

    init(_ words: ArticleWords, numbering: TermNumbering) {
        // Numbered within the article first, so that the shared numbering is locked once per article.
        let global = numbering.numbers(of: words.vocabulary)
        var terms: [UInt32] = []
        terms.reserveCapacity(words.localTerms.reduce(0) { $0 + $1.count })
        for chunk in words.localTerms { terms += chunk.lazy.map { global[Int($0)] } }
        self.terms = terms
        checkpoints = words.checkpoints
    }
}
