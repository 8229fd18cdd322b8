import DossierLinking

/// The corpus's entities and every article's links in the corpus's numbers, as merging made them
/// (`EntityMerger`): saved beside each article's own links, so that a reader opening a corpus in
/// which nothing changed takes them as they are instead of decoding every article and merging again.
package struct MergedLinks: Sendable {
    /// One entity that shares sentences with another, and in how many.
    package struct Related: Sendable, Equatable {
        package let entity: Int
        package let sentences: Int

        package init(entity: Int, sentences: Int) {
            self.entity = entity
            self.sentences = sentences
        }
    }

    /// The catalog's entities, then those found in the text.
    package let entities: [Entity]
    /// Each article's mentions in text order, by article in reading order.
    package let mentions: MentionLists
    /// Each article's quotes in text order, by article.
    package let quotes: [[Quote]]
    /// For each entity, those it shares sentences with most often.
    package let related: [[Related]]
    /// Each entity's mentions, when read from a saved index: gathered as they were checked.
    package let gathered: EntityMentions?

    package init(entities: [Entity], mentions: MentionLists, quotes: [[Quote]], related: [[Related]], gathered: EntityMentions? = nil) {
        self.entities = entities
        self.mentions = mentions
        self.quotes = quotes
        self.related = related
        self.gathered = gathered
    }

    // MARK: - Writing

    /// The entities and what each is related to (`IndexSection.entities`).
    func encodeEntities(into writer: inout BinaryWriter) {
        writer.write(entities.count)
        for entity in entities {
            writer.write(entity.id)
            writer.write(entity.name)
            writer.write(Entity.Kind.allCases.firstIndex(of: entity.kind)!)
            writer.write(entity.description)
            writer.write(entity.wikidata)
            writer.write(entity.aliases.count)
            for alias in entity.aliases { writer.write(alias) }
            writer.write(entity.titles.count)
            for title in entity.titles { writer.write(title) }
            writer.write(entity.surname)
            writer.write(entity.surnameUnambiguous)
            writer.write(entity.gender == nil ? 0 : entity.gender == .male ? 1 : 2)
            writer.write(entity.isFound)
        }
        for list in related {
            writer.write(list.count)
            for other in list {
                writer.write(other.entity)
                writer.write(other.sentences)
            }
        }
    }

    /// Article `position`'s mentions and quotes, after the length of its text, which every range lies within.
    func encodeLinks(ofArticle position: Int, textLength: Int, into writer: inout BinaryWriter) {
        writer.write(textLength)
        writer.write(mentions[position].count)
        for mention in mentions[position] {
            writer.write(mention.range)
            writer.write(mention.entity.map { $0 + 1 } ?? 0)
            writer.write(mention.candidates.count)
            for candidate in mention.candidates { writer.write(candidate) }
            writer.write(mention.form == .surname)
        }
        writer.write(quotes[position].count)
        for quote in quotes[position] {
            writer.write(quote.range)
            writer.write(quote.speaker.map { $0 + 1 } ?? 0)
        }
    }

    // MARK: - Reading

    /// What `decode` reads: all but the mentions, which stay where they lie, each article's found by its offset.
    struct Decoded {
        let entities: [Entity]
        let quotes: [[Quote]]
        let related: [[Related]]
        /// Each article's text length, which its saved fields must agree with.
        let textLengths: [Int]
        /// Where each article's links start among the links' bytes, and where the last ends.
        let offsets: [Int]
        /// Each entity's mentions, gathered as they were checked.
        let gathered: EntityMentions
    }

    /// Decodes what `encodeEntities` and `encodeLinks` wrote for `articleCount` articles, checking every
    /// number against what it points to: an entity that is there, a range inside its article's text.
    /// The mentions are checked, each linked one's place gathered under its entity, and left where they
    /// lie (`SavedMentions` reads them).
    static func decode(entities entityBytes: UnsafeRawBufferPointer, links linkBytes: UnsafeRawBufferPointer,
                       articleCount: Int, catalogCount: Int) throws -> Decoded {
        var reader = BinaryReader(entityBytes)
        let entities = try (0..<reader.readCount(minimumBytes: 10)).map { _ in try decodeEntity(&reader) }
        guard entities.count >= catalogCount else { throw BinaryReader.Damage(reason: "it holds fewer entities than the catalog") }
        guard Set(entities.map(\.id)).count == entities.count else { throw BinaryReader.Damage(reason: "it holds one entity twice") }
        let related = try entities.indices.map { _ in
            try (0..<reader.readCount(minimumBytes: 2)).map { _ in
                let other = Related(entity: try reader.readInt(), sentences: try reader.readInt())
                guard other.entity < entities.count else { throw BinaryReader.Damage(reason: "an entity is related to one that is not there") }
                return other
            }
        }
        guard reader.isAtEnd else { throw BinaryReader.Damage(reason: "it has bytes past its end") }

        reader = BinaryReader(linkBytes)
        var textLengths: [Int] = []
        var offsets: [Int] = []
        var quotes: [[Quote]] = []
        textLengths.reserveCapacity(articleCount)
        offsets.reserveCapacity(articleCount + 1)
        quotes.reserveCapacity(articleCount)
        var gathering = EntityMentions.Gathering(entities: entities, articleCount: articleCount)
        for _ in 0..<articleCount {
            offsets.append(reader.position)
            let length = try readMentions(&reader, entityCount: entities.count, into: &gathering)
            gathering.endArticle()
            textLengths.append(length)
            quotes.append(try (0..<reader.readCount(minimumBytes: 3)).map { _ in
                try Quote(range: reader.readRange(within: length), speaker: entity(reader.readInt(), of: entities.count))
            })
        }
        offsets.append(reader.position)
        guard reader.isAtEnd else { throw BinaryReader.Damage(reason: "it has bytes past its end") }
        return Decoded(entities: entities, quotes: quotes, related: related, textLengths: textLengths, offsets: offsets,
                       gathered: gathering.finish())
    }

    /// The entity a saved number names, one more than its index; nil for 0.
    private static func entity(_ number: Int, of entityCount: Int) throws -> Int? {
        guard number > 0 else { return nil }
        guard number <= entityCount else { throw BinaryReader.Damage(reason: "a mention names an entity that is not there") }
        return number - 1
    }

    /// One article's text length and mentions, as `encodeLinks` wrote them, each checked.
    static func readMentions(_ reader: inout BinaryReader, entityCount: Int) throws -> (textLength: Int, mentions: [Mention]) {
        var kept = KeptMentions()
        let length = try readMentions(&reader, entityCount: entityCount, into: &kept)
        return (length, kept.mentions)
    }

    /// One article's text length, its mentions each checked and handed to `sink`.
    private static func readMentions(_ reader: inout BinaryReader, entityCount: Int, into sink: inout some MentionSink) throws -> Int {
        let length = try reader.readInt()
        guard length <= UInt32.max else { throw BinaryReader.Damage(reason: "an article is longer than an index can place") }
        let count = try reader.readCount(minimumBytes: 5)
        sink.reserve(count)
        var candidates: [Int] = []
        for position in 0..<count {
            let range = try reader.readRange(within: length)
            let linked = try entity(reader.readInt(), of: entityCount)
            candidates.removeAll()
            for _ in 0..<(try reader.readCount()) {
                let candidate = try reader.readInt()
                guard candidate < entityCount else { throw BinaryReader.Damage(reason: "a mention names an entity that is not there") }
                if sink.wantsCandidates { candidates.append(candidate) }
            }
            let form: Mention.Form = try reader.readBool() ? .surname : .name
            sink.take(range: range, entity: linked, candidates: candidates, form: form, position: position)
        }
        return length
    }

    private static func decodeEntity(_ reader: inout BinaryReader) throws -> Entity {
        let id = try reader.readString()
        let name = try reader.readString()
        let kindNumber = try reader.readInt()
        guard kindNumber < Entity.Kind.allCases.count else { throw BinaryReader.Damage(reason: "an entity kind is unknown") }
        let description = try reader.readString()
        let wikidata = try reader.readOptionalString()
        let aliases = try (0..<reader.readCount()).map { _ in try reader.readString() }
        let titles = try (0..<reader.readCount()).map { _ in try reader.readString() }
        let surname = try reader.readOptionalString()
        let surnameUnambiguous = try reader.readBool()
        let genderNumber = try reader.readInt()
        guard genderNumber <= 2 else { throw BinaryReader.Damage(reason: "a gender is unknown") }
        return try Entity(id: id, name: name, kind: Entity.Kind.allCases[kindNumber], description: description, wikidata: wikidata,
                          aliases: aliases, titles: titles, surname: surname, surnameUnambiguous: surnameUnambiguous,
                          gender: genderNumber == 0 ? nil : genderNumber == 1 ? .male : .female, isFound: reader.readBool())
    }
}

/// What reading an article's saved mentions does with each.
private protocol MentionSink {
    /// Whether `take` looks at a mention's candidates, which are otherwise only checked.
    var wantsCandidates: Bool { get }
    mutating func reserve(_ count: Int)
    mutating func take(range: Range<Int>, entity: Int?, candidates: [Int], form: Mention.Form, position: Int)
}

/// Keeps each mention whole.
private struct KeptMentions: MentionSink {
    var mentions: [Mention] = []
    var wantsCandidates: Bool { true }
    mutating func reserve(_ count: Int) { mentions.reserveCapacity(count) }
    mutating func take(range: Range<Int>, entity: Int?, candidates: [Int], form: Mention.Form, position: Int) {
        mentions.append(Mention(range: range, entity: entity, candidates: candidates, form: form))
    }
}

/// Gathers each linked mention's place under its entity, and keeps nothing else.
extension EntityMentions.Gathering: MentionSink {
    fileprivate var wantsCandidates: Bool { false }
    fileprivate mutating func reserve(_ count: Int) {}
    fileprivate mutating func take(range: Range<Int>, entity: Int?, candidates: [Int], form: Mention.Form, position: Int) {
        if let entity { add(entity, at: position) }
    }
}
