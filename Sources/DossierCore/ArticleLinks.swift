/// What linking found in one article, before the entities found in text are
/// numbered across the whole corpus.
public struct ArticleLinks: Sendable {
    /// Whom a mention names: a catalog entity, or one of `found`.
    public enum Target: Sendable, Hashable {
        case catalog(Int)
        case found(Int)
    }

    public struct LocalMention: Sendable {
        public let range: Range<Int>
        /// nil when ambiguous.
        public let target: Target?
        public let candidates: [Target]
        public let form: Mention.Form
    }

    public var mentions: [LocalMention] = []
    public var found: [FoundEntity] = []
}

/// A person, place or organisation named in an article but not in the catalog.
public struct FoundEntity: Sendable, Equatable {
    /// The folded full name that merges it with the same name in other articles ("heather nauert").
    public let key: String
    /// The name as written ("Heather Nauert", "Lord Goldsmith").
    public let name: String
    public let kind: Entity.Kind
    /// The role written before the name, when there is one ("State Department spokesperson").
    public let role: String?
    public let gender: Entity.Gender?
    /// The term a surname alone is matched by; nil for places and organisations.
    public let surname: String?
    /// The term a first name alone is matched by ("anil" for Anil Ambani); nil when not known.
    public let givenName: String?
}
