/// An article's words as the index needs them, small: every token as its term's number across
/// the corpus (4 bytes, where a `Token` with its `String` takes 32). Loading keeps these, not
/// `Token`s, until the index is built; where each word lies is found again from the text
/// (`Tokenizer.wordRanges`).
struct CompactTokens: Sendable {
    /// The term number of every token of all runs (headline, then paragraphs), in order.
    let terms: [UInt32]

    init(runs: [[Token]], numbering: TermNumbering) {
        // Numbered within the article first, so that the shared numbering is locked once per article.
        var local: [String: UInt32] = [:]
        var vocabulary: [String] = []
        var localTerms: [UInt32] = []
        localTerms.reserveCapacity(runs.reduce(0) { $0 + $1.count })
        for run in runs {
            for token in run {
                if let known = local[token.term] {
                    localTerms.append(known)
                } else {
                    let number = UInt32(vocabulary.count)
                    local[token.term] = number
                    vocabulary.append(token.term)
                    localTerms.append(number)
                }
            }
        }
        let global = numbering.numbers(of: vocabulary)
        terms = localTerms.map { global[Int($0)] }
    }
}
