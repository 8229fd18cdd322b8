/// A person, place or organisation that Dossier links mentions to.
public struct Entity: Sendable, Hashable, Decodable, Identifiable {
    /// Stable identifier, such as "mike-pompeo".
    public let id: String
    public let name: String
    public let kind: Kind
    /// One line saying who or what this is.
    public let description: String
    /// Wikidata item ("Q473239") where known.
    public let wikidata: String?
    /// Other full names the entity goes by ("Kim Jong-un", "DPRK").
    public let aliases: [String]
    /// Words that may stand before the name and point to this entity ("Secretary of State").
    public let titles: [String]
    /// The family name a person is called by alone ("Pompeo", "Kim"); nil for places and organisations.
    public let surname: String?
    /// True when the surname alone may name this person even in an article that never names them in full.
    public let surnameUnambiguous: Bool
    /// For a person, what "he" or "she" refers back to; nil when not known.
    public let gender: Gender?
    /// True when Dossier found the entity in the text rather than in the catalog.
    public let isFound: Bool

    public enum Gender: String, Sendable, Codable {
        case male, female
    }

    public enum Kind: String, Sendable, Codable, CaseIterable {
        case person, place, organisation
    }

    public init(
        id: String, name: String, kind: Kind, description: String, wikidata: String? = nil,
        aliases: [String] = [], titles: [String] = [], surname: String? = nil, surnameUnambiguous: Bool = false,
        gender: Gender? = nil, isFound: Bool = false
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.description = description
        self.wikidata = wikidata
        self.aliases = aliases
        self.titles = titles
        self.surname = surname
        self.surnameUnambiguous = surnameUnambiguous
        self.gender = gender
        self.isFound = isFound
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, kind, description, wikidata, aliases, titles, surname, surnameUnambiguous, gender
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            id: container.decode(String.self, forKey: .id),
            name: container.decode(String.self, forKey: .name),
            kind: container.decode(Kind.self, forKey: .kind),
            description: container.decode(String.self, forKey: .description),
            wikidata: container.decodeIfPresent(String.self, forKey: .wikidata),
            aliases: container.decodeIfPresent([String].self, forKey: .aliases) ?? [],
            titles: container.decodeIfPresent([String].self, forKey: .titles) ?? [],
            surname: container.decodeIfPresent(String.self, forKey: .surname),
            surnameUnambiguous: container.decodeIfPresent(Bool.self, forKey: .surnameUnambiguous) ?? false,
            gender: container.decodeIfPresent(Gender.self, forKey: .gender))
    }
}
