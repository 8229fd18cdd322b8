/// An article's words as the index needs them, small: each distinct word once, and every
/// token as a number into that vocabulary and its byte range (12 bytes, where a `Token`
/// with its `String` takes 32). Loading keeps these, not `Token`s, until the index is built.
struct CompactTokens: Sendable {
    struct Entry: Sendable {
        let term: UInt32
        let start: UInt32
        let end: UInt32
    }

    /// The article's distinct terms; `Entry.term` indexes into it.
    let vocabulary: [String]
    /// The tokens of all runs (headline, then paragraphs), in order.
    let entries: [Entry]

    init(runs: [[Token]]) {
        var numbers: [String: UInt32] = [:]
        var vocabulary: [String] = []
        var entries: [Entry] = []
        entries.reserveCapacity(runs.reduce(0) { $0 + $1.count })
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
                entries.append(Entry(term: number, start: UInt32(token.range.lowerBound), end: UInt32(token.range.upperBound)))
            }
        }
        self.vocabulary = vocabulary
        self.entries = entries
    }
}
