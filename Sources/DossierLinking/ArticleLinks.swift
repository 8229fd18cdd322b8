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
    /// Lone words that a title marks as a surname ("Chairman Schiff", "Mr Schiff") but that no one the article
    /// names in full bears: the corpus's one person of that surname, if it has one. (A word that only speaks may
    /// be a company's: "Ford said" is not Harrison Ford.)
    public var unresolvedSurnames: [UnresolvedSurname] = []

    public struct UnresolvedSurname: Sendable, Equatable {
        public let range: Range<Int>
        /// The folded word ("schiff").
        public let term: String

        package init(range: Range<Int>, term: String) {
            self.range = range
            self.term = term
        }
    }

    package init(mentions: [Mention] = [], found: [FoundEntity] = [], works: Set<String> = [],
                 unresolvedSurnames: [UnresolvedSurname] = []) {
        self.mentions = mentions
        self.found = found
        self.works = works
        self.unresolvedSurnames = unresolvedSurnames
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
