/// One occurrence of an entity's name in an article.
///
/// Stored in 24 bytes, where plain `Int`s and an optional took 48: a corpus holds millions of
/// mentions, and a huge article alone nearly one. Files over 4 GiB are refused, so offsets fit
/// 32 bits, and entity numbers are far fewer than 2³¹.
public struct Mention: Sendable, Equatable {
    private let start: UInt32
    private let end: UInt32
    /// -1 when ambiguous.
    private let entityNumber: Int32
    public let form: Form
    /// For an ambiguous mention, the entities it could be (indexes into `Corpus.entities`).
    public let candidates: [Int]

    public init(range: Range<Int>, entity: Int?, candidates: [Int], form: Form) {
        start = UInt32(range.lowerBound)
        end = UInt32(range.upperBound)
        entityNumber = entity.map { Int32($0) } ?? -1
        self.candidates = candidates
        self.form = form
    }

    /// Byte range of the name itself: without a title before it or a possessive after it.
    public var range: Range<Int> { Int(start)..<Int(end) }
    /// Index into `Corpus.entities`; nil when the name could be several people.
    public var entity: Int? { entityNumber < 0 ? nil : Int(entityNumber) }

    /// How the entity was named.
    public enum Form: String, Sendable, Codable {
        /// The full name or one of its aliases.
        case name
        /// The surname alone, resolved from the rest of the article.
        case surname
    }

    public var isAmbiguous: Bool { entity == nil }
}
