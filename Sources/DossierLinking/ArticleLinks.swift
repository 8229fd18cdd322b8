/// What linking found in one article, before the entities found in text are
/// numbered across the whole corpus.
public struct ArticleLinks: Sendable {
    /// Whom a mention names: a catalog entity, or one of `found`.
    public enum Target: Sendable, Hashable {
        case catalog(Int)
        case found(Int)

        /// Catalog entities first, then the article's found ones.
        func localNumber(catalogCount: Int) -> Int {
            switch self {
            case .catalog(let index): index
            case .found(let index): catalogCount + index
            }
        }
    }

    /// In local numbers: a catalog entity by its catalog index, `found[i]` as the catalog's count
    /// plus `i` (`Target.localNumber`), so that merging only renumbers them.
    public var mentions: [Mention] = []
    public var found: [FoundEntity] = []
    /// The keys of the names the article calls a work's ("the film Vera Drake"): no one's name in any article.
    public var works: Set<String> = []

    package init(mentions: [Mention] = [], found: [FoundEntity] = [], works: Set<String> = []) {
        self.mentions = mentions
        self.found = found
        self.works = works
    }
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

    package init(key: String, name: String, kind: Entity.Kind, role: String?, gender: Entity.Gender?,
                 surname: String?, givenName: String?) {
        self.key = key
        self.name = name
        self.kind = kind
        self.role = role
        self.gender = gender
        self.surname = surname
        self.givenName = givenName
    }
}
