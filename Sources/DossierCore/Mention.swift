/// One occurrence of an entity's name in an article.
public struct Mention: Sendable, Equatable {
    /// Byte range of the name itself: without a title before it or a possessive after it.
    public let range: Range<Int>
    /// Index into `Corpus.entities`; nil when the name could be several people.
    public let entity: Int?
    /// For an ambiguous mention, the entities it could be (indexes into `Corpus.entities`).
    public let candidates: [Int]
    public let form: Form

    /// How the entity was named.
    public enum Form: String, Sendable, Codable {
        /// The full name or one of its aliases.
        case name
        /// The surname alone, resolved from the rest of the article.
        case surname
    }

    public var isAmbiguous: Bool { entity == nil }
}
