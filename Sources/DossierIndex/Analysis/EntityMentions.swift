import DossierLinking

/// Every linked mention of each entity in reading order, and what the panes count of them: gathered in one
/// pass over every article's mentions after a merge, and saved with the merged links, so that a corpus
/// opened from its saved index reads them from there, an entity's when they are asked for.
package struct EntityMentions: Sendable {
    /// `byEntity[e]`: every linked mention of entity `e`, in reading order.
    package let byEntity: EntityMentionLists
    /// How many articles mention each entity at least once.
    package let articleCounts: [Int]
    /// How many linked mentions of people each article holds, for the article list's count.
    package let personCounts: [Int]

    /// Gathers the mentions held in `mentions`, for `entities`.
    package init(gathering mentions: MentionLists, entities: [Entity]) {
        var gathering = Gathering(entities: entities, articleCount: mentions.count)
        for article in mentions.indices {
            for (position, mention) in mentions[article].enumerated() {
                if let entity = mention.entity { gathering.add(entity, at: position) }
            }
            gathering.endArticle()
        }
        self = gathering.finish()
    }

    package init(byEntity: EntityMentionLists, articleCounts: [Int], personCounts: [Int]) {
        self.byEntity = byEntity
        self.articleCounts = articleCounts
        self.personCounts = personCounts
    }

    /// Gathers an article's linked mentions at a time, articles in reading order and each one's in text order.
    private struct Gathering {
        private let isPerson: [Bool]
        private var linkedCounts: [Int]
        /// Each linked mention's entity and place, flat, so that each entity's list is then made at its
        /// size, not grown to up to twice it.
        private var linked: [(entity: Int32, place: MentionReference)] = []
        private var personCounts: [Int] = []
        private var peopleInArticle = 0

        init(entities: [Entity], articleCount: Int) {
            isPerson = entities.map { $0.kind == .person }
            linkedCounts = Array(repeating: 0, count: entities.count)
            personCounts.reserveCapacity(articleCount)
        }

        /// The current article's mention at `position` is linked to `entity`, a valid entity index.
        mutating func add(_ entity: Int, at position: Int) {
            linkedCounts[entity] += 1
            linked.append((Int32(entity), MentionReference(article: personCounts.count, mention: position)))
            if isPerson[entity] { peopleInArticle += 1 }
        }

        /// The current article's mentions are all added; the next are the next article's.
        mutating func endArticle() {
            personCounts.append(peopleInArticle)
            peopleInArticle = 0
        }

        consuming func finish() -> EntityMentions {
            var byEntity = linkedCounts.map { count -> [MentionReference] in
                var references: [MentionReference] = []
                references.reserveCapacity(count)
                return references
            }
            for (entity, place) in linked { byEntity[Int(entity)].append(place) }
            linked = []
            // Each entity's mentions are in reading order, so its articles are the changes of article along them.
            let articleCounts = byEntity.map { references in
                var count = 0
                var last = -1
                for reference in references where reference.article != last {
                    count += 1
                    last = reference.article
                }
                return count
            }
            return EntityMentions(byEntity: EntityMentionLists(byEntity), articleCounts: articleCounts, personCounts: personCounts)
        }
    }
}
