/// An article's words as the index needs them, small: each distinct word once, and every
/// token as a number into that vocabulary (4 bytes, where a `Token` with its `String` takes
/// 32). Loading keeps these, not `Token`s, until the index is built.
struct CompactTokens: Sendable {
    /// The article's distinct terms.
    let vocabulary: [String]
    /// The term of every token of all runs (headline, then paragraphs), in order, as an index into
    /// `vocabulary`; where each lies is found again from the text (`Tokenizer.wordRanges`).
    let terms: [UInt32]

    init(runs: [[Token]]) {
        var numbers: [String: UInt32] = [:]
        var vocabulary: [String] = []
        var terms: [UInt32] = []
        terms.reserveCapacity(runs.reduce(0) { $0 + $1.count })
        for run in runs {
            for token in run {
                let number: UInt32
                if let known = numbers[token.term] {
                    number = known
                } else {
                    number = UInt32(vocabulary.count)
                    numbers[token.term] = number
                    vocabulary.append(token.term)
                }
                terms.append(number)
            }
        }
        self.vocabulary = vocabulary
        self.terms = terms
    }
}
