import DossierText

/// A parsed search query.
///
/// Without quotes, the words of a query form one phrase: `second summit` finds
/// the two words side by side. With quotes, each quoted part is a phrase and
/// each word outside quotes stands alone; an article must hold every part. A
/// word ending in `*` matches every word it begins (`denuclear*`). Words are
/// folded as the index folds them, so case, diacritics and the kind of
/// apostrophe do not matter, and a hyphen separates words.
public struct Query: Sendable, Equatable {
    public let text: String
    /// Every phrase must occur in an article for it to match; a phrase is one or more words in a row.
    public let phrases: [[Word]]

    public struct Word: Sendable, Equatable {
        public let term: String
        public let isPrefix: Bool
    }

    public init(_ text: String) throws {
        self.text = text
        let parts = text.split(separator: "\"", omittingEmptySubsequences: false)
        var phrases: [[Word]] = []
        if parts.count == 1 {
            let words = Query.words(in: text)
            if !words.isEmpty { phrases = [words] }
        } else {
            for (index, part) in parts.enumerated() {
                let words = Query.words(in: String(part))
                if index % 2 == 1 {
                    if !words.isEmpty { phrases.append(words) }
                } else {
                    phrases += words.map { [$0] }
                }
            }
        }
        guard !phrases.isEmpty else { throw DossierError.invalidQuery("'\(DossierError.shortened(text))' has no words to search for") }
        self.phrases = phrases
    }

    private static func words(in part: String) -> [Word] {
        let bytes = Array(part.utf8)
        return Tokenizer.tokens(in: bytes, range: 0..<bytes.count).map { token in
            let end = token.range.upperBound
            return Word(term: token.term, isPrefix: end < bytes.count && bytes[end] == UInt8(ascii: "*"))
        }
    }
}
