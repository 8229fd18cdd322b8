/// Where one mention stands: `corpus.mentions[article][mention]`.
///
/// In 8 bytes, not 16: every linked mention has one, and a huge article has a million.
public struct MentionReference: Sendable, Hashable {
    private let articleNumber: UInt32
    private let mentionNumber: UInt32

    public var article: Int { Int(articleNumber) }
    public var mention: Int { Int(mentionNumber) }

    public init(article: Int, mention: Int) {
        articleNumber = UInt32(article)
        mentionNumber = UInt32(mention)
    }
}
