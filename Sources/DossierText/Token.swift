/// One word of an article: its place in the text and the form it is indexed under.
public struct Token: Sendable, Equatable {
    /// Lowercased, diacritics folded, apostrophes unified, possessive removed.
    public let term: String
    // Offsets as 32 bits: a huge article has millions of tokens, and files over 4 GiB are refused.
    private let start: UInt32
    private let end: UInt32
    public let shape: Shape

    /// Byte range of the word, without a possessive ’s or a trailing apostrophe.
    public var range: Range<Int> { Int(start)..<Int(end) }

    public init(range: Range<Int>, term: String, shape: Shape) {
        self.term = term
        start = UInt32(range.lowerBound)
        end = UInt32(range.upperBound)
        self.shape = shape
    }

    /// How the word was written, which tells names from common words.
    public enum Shape: Sendable, Equatable {
        case lowercase, capitalized, allCaps, other
    }
}
