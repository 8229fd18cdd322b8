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
    /// Each entity's mentions, and the counts the panes show.
    package let gathered: EntityMentions

    /// The links of a merge, each entity's mentions gathered from them when not given.
    package init(entities: [Entity], mentions: MentionLists, quotes: [[Quote]], related: [[Related]], gathered: EntityMentions? = nil) {
        self.entities = entities
        self.mentions = mentions
        self.quotes = quotes
        self.related = related
        self.gathered = gathered ?? EntityMentions(gathering: mentions, entities: entities)
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

    /// Article `position`'s mentions, after the length of its text, which every range lies within (`IndexSection.mergedLinks`).
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
    }

    /// Article `position`'s quotes (`IndexSection.mergedQuotes`).
    func encodeQuotes(ofArticle position: Int, into writer: inout BinaryWriter) {
        writer.write(quotes[position].count)
        for quote in quotes[position] {
            writer.write(quote.range)
            writer.write(quote.speaker.map { $0 + 1 } ?? 0)
        }
    }

    /// Entity `entity`'s mentions in reading order, each its article's gap from the one before and its place
    /// there (`IndexSection.entityMentions`).
    func encodeMentions(ofEntity entity: Int, into writer: inout BinaryWriter) {
        var lastArticle = 0
        for reference in gathered.byEntity[entity] {
            writer.write(reference.article - lastArticle)
            writer.write(reference.mention)
            lastArticle = reference.article
        }
    }

    /// Appends a row of a table of rows (`IndexSection.articleLinkRows`, `.entityMentionRows`), two numbers: a
    /// start, and two counts of 32 bits in one. In place, since a million articles have a row each.
    static func appendRow(to rows: inout [UInt64], start: Int, low: Int, high: Int) {
        rows.append(UInt64(start))
        rows.append(UInt64(min(low, Int(UInt32.max))) | UInt64(min(high, Int(UInt32.max))) << 32)
    }

    // MARK: - Reading

    /// The bytes of the sections the merged links are saved in, not yet decoded.
    struct Sections {
        let entities: UnsafeRawBufferPointer
        let links: UnsafeRawBufferPointer
        let articleRows: UnsafeRawBufferPointer
        let quotes: UnsafeRawBufferPointer
        let entityMentions: UnsafeRawBufferPointer
        let entityRows: UnsafeRawBufferPointer
    }

    /// What `decode` reads: all but the mentions, which stay where they lie, each article's and each entity's
    /// found by its row.
    struct Decoded {
        let entities: [Entity]
        let quotes: [[Quote]]
        let related: [[Related]]
        /// Each article's text length, which its saved fields must agree with.
        let textLengths: [Int]
        /// Where each article's mentions start among the links' bytes, and where the last ends.
        let offsets: [Int]
        /// How many linked mentions of people each article holds.
        let personCounts: [Int]
        /// Where each entity's mentions start among `entityMentions`' bytes, and where the last ends.
        let mentionStarts: [Int]
        /// How many mentions each entity has, and in how many articles.
        let mentionCounts: [Int]
        let articleCounts: [Int]
    }

    /// Decodes what `encodeEntities`, `encodeQuotes` and the rows say for `articleCount` articles, checking
    /// every number against what it points to: an entity that is there, a range inside its article's text,
    /// rows that rise and end where their section does. The mentions are left where they lie, to be checked
    /// as they are read (`SavedMentions`, `SavedEntityMentions`): a reader opening a million articles reads
    /// none of them before its first frame.
    static func decode(_ sections: Sections, articleCount: Int, catalogCount: Int) throws -> Decoded {
        var reader = BinaryReader(sections.entities)
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

        let articleRows = try rows(sections.articleRows, count: articleCount, spanning: sections.links.count)
        let mentionRows = try rows(sections.entityRows, count: entities.count, spanning: sections.entityMentions.count)
        for (index, counts) in mentionRows.counts.enumerated() {
            // Each mention takes two bytes at least, and an article holds one at least.
            guard counts.low * 2 <= mentionRows.starts[index + 1] - mentionRows.starts[index], counts.high <= counts.low else {
                throw BinaryReader.Damage(reason: "its index does not add up")
            }
        }
        for (index, counts) in articleRows.counts.enumerated() where counts.high * 5 > articleRows.starts[index + 1] - articleRows.starts[index] {
            // Each mention takes five bytes at least.
            throw BinaryReader.Damage(reason: "its index does not add up")
        }
        let textLengths = articleRows.counts.map(\.low)

        reader = BinaryReader(sections.quotes)
        var quotes: [[Quote]] = []
        quotes.reserveCapacity(articleCount)
        for length in textLengths {
            quotes.append(try (0..<reader.readCount(minimumBytes: 3)).map { _ in
                try Quote(range: reader.readRange(within: length), speaker: entity(reader.readInt(), of: entities.count))
            })
        }
        guard reader.isAtEnd else { throw BinaryReader.Damage(reason: "it has bytes past its end") }
        return Decoded(entities: entities, quotes: quotes, related: related, textLengths: textLengths, offsets: articleRows.starts,
                       personCounts: articleRows.counts.map(\.high), mentionStarts: mentionRows.starts,
                       mentionCounts: mentionRows.counts.map(\.low), articleCounts: mentionRows.counts.map(\.high))
    }

    /// A table of `count` rows and a last one (`row`): each row's start, rising from 0 to `length`, and its two counts.
    private static func rows(_ bytes: UnsafeRawBufferPointer, count: Int,
                             spanning length: Int) throws -> (starts: [Int], counts: [(low: Int, high: Int)]) {
        guard bytes.count == (count + 1) * 16 else { throw BinaryReader.Damage(reason: "its index does not add up") }
        var starts: [Int] = []
        var counts: [(low: Int, high: Int)] = []
        starts.reserveCapacity(count + 1)
        counts.reserveCapacity(count)
        for row in 0...count {
            let start = bytes.loadUnaligned(fromByteOffset: row * 16, as: UInt64.self)
            guard start <= UInt64(length), start >= UInt64(starts.last ?? 0) else { throw BinaryReader.Damage(reason: "its index does not add up") }
            starts.append(Int(start))
            guard row < count else { break }
            let both = bytes.loadUnaligned(fromByteOffset: row * 16 + 8, as: UInt64.self)
            counts.append((Int(both & 0xFFFF_FFFF), Int(both >> 32)))
        }
        guard starts.first == 0, starts.last == length else { throw BinaryReader.Damage(reason: "its index does not add up") }
        return (starts, counts)
    }

    /// The entity a saved number names, one more than its index; nil for 0.
    private static func entity(_ number: Int, of entityCount: Int) throws -> Int? {
        guard number > 0 else { return nil }
        guard number <= entityCount else { throw BinaryReader.Damage(reason: "a mention names an entity that is not there") }
        return number - 1
    }

    /// One article's text length and mentions, as `encodeLinks` wrote them, each checked.
    static func readMentions(_ reader: inout BinaryReader, entityCount: Int) throws -> (textLength: Int, mentions: [Mention]) {
        let length = try reader.readInt()
        guard length <= UInt32.max else { throw BinaryReader.Damage(reason: "an article is longer than an index can place") }
        let count = try reader.readCount(minimumBytes: 5)
        var mentions: [Mention] = []
        mentions.reserveCapacity(count)
        for _ in 0..<count {
            let range = try reader.readRange(within: length)
            let linked = try entity(reader.readInt(), of: entityCount)
            let candidates = try (0..<reader.readCount()).map { _ in
                let candidate = try reader.readInt()
                guard candidate < entityCount else { throw BinaryReader.Damage(reason: "a mention names an entity that is not there") }
                return candidate
            }
            let form: Mention.Form = try reader.readBool() ? .surname : .name
            mentions.append(Mention(range: range, entity: linked, candidates: candidates, form: form))
        }
        return (length, mentions)
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
