/// A name folded for comparison: words of the tokenizer, so case, hyphens and apostrophes do not matter.
package struct EntityKey: Equatable {
    package let words: [String]

    package init(_ text: String) {
        let bytes = Array(text.utf8)
        words = Tokenizer.tokens(in: bytes, range: 0..<bytes.count).map(\.term)
    }
}
