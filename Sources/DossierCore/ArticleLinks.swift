/// What linking found in one article, before the entities found in text are
/// numbered across the whole corpus.
public struct ArticleLinks: Sendable {
    /// Whom a mention names: a catalog entity, or one of `found`.
    public enum Target: Sendable, Hashable {
        case catalog(Int)
        case found(Int)
    }

    /// Stored in 24 bytes, as `Mention` is, where plain `Int`s and an optional took 48: a huge
    /// article of names has a million mentions.
    public struct LocalMention: Sendable {
        private let start: UInt32
        private let end: UInt32
        /// A catalog index as it is, a found entity's index `i` as `-2 - i`, and -1 when ambiguous.
        private let targetCode: Int32
        public let form: Mention.Form
        public let candidates: [Target]

        public init(range: Range<Int>, target: Target?, candidates: [Target], form: Mention.Form) {
            start = UInt32(range.lowerBound)
            end = UInt32(range.upperBound)
            targetCode = switch target {
            case .catalog(let index): Int32(index)
            case .found(let index): -2 - Int32(index)
            case nil: -1
            }
            self.candidates = candidates
            self.form = form
        }

        public var range: Range<Int> { Int(start)..<Int(end) }
        /// nil when ambiguous.
        public var target: Target? {
            targetCode >= 0 ? .catalog(Int(targetCode)) : targetCode == -1 ? nil : .found(Int(-2 - targetCode))
        }
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
