/// One word of an article: its place in the text and the form it is indexed under.
public struct Token: Sendable, Equatable {
    /// Byte range of the word, without a possessive ’s or a trailing apostrophe.
    public let range: Range<Int>
    /// Lowercased, diacritics folded, apostrophes unified, possessive removed.
    public let term: String
    public let shape: Shape

    /// How the word was written, which tells names from common words.
    public enum Shape: Sendable, Equatable {
        case lowercase, capitalized, allCaps, other
    }
}
