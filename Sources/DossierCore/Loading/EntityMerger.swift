import DossierFormats
import DossierIndex
import DossierLinking

/// Turns every article's local entity numbers into the corpus's: entities found in text are numbered
/// after the catalog's, one per folded full name across all articles, and each article's mentions,
/// quotes and shared sentences are renumbered to match.
package enum EntityMerger {
    /// Numbers the entities found in text across all articles and turns every article's
    /// local numbers (mentions, quotes, shared sentences) into corpus-wide ones.
    /// Leaves each analysis with its article alone.
    static func merge(_ analyses: inout [ArticleAnalysis], catalog: [Entity], index: SearchIndex,
                              skipped: [SkippedFile]) -> Corpus {
        let (entities, numbering) = numberFoundEntities(analyses.map(\.links), catalog: catalog)
        // Asked only of a corpus that has a titled surname its article could not resolve.
        let personBySurname = analyses.contains { !$0.links.unresolvedSurnames.isEmpty }
            ? onlyPersonBySurname(entities, catalogCount: catalog.count) : [:]
        var mentions: [[Mention]] = []
        var quotes: [[Quote]] = []
        // Each article's pairs, renumbered and sorted in place, to be summed across articles by merging the lists.
        var pairLists: [[ArticleAnalysis.EntityPair]] = []
        mentions.reserveCapacity(analyses.count)
        quotes.reserveCapacity(analyses.count)
        for position in analyses.indices {
            var (links, localQuotes, pairs) = analyses[position].takeLinks()
            let found = numbering[position]
            func global(_ local: Int) -> Int? { local < catalog.count ? local : found[local - catalog.count] }
            // Renumbered in place, and the found entities let go before the pairs are counted:
            // a huge article's mentions are never held twice.
            var articleMentions = links.mentions
            let unresolvedSurnames = links.unresolvedSurnames
            links = ArticleLinks()
            for index in articleMentions.indices {
                let mention = articleMentions[index]
                articleMentions[index] = Mention(range: mention.range, entity: mention.entity.flatMap(global),
                                                 candidates: mention.candidates.compactMap(global), form: mention.form)
            }
            // A mention of a name that is a work's title in some article names no one.
            articleMentions.removeAll { $0.entity == nil && $0.candidates.isEmpty }
            // "Chairman Schiff" in an article that never names him in full is the corpus's one Schiff.
            let surnamesLinked = unresolvedSurnames.compactMap { surname in
                personBySurname[surname.term].map { Mention(range: surname.range, entity: $0, candidates: [], form: .surname) }
            }
            if !surnamesLinked.isEmpty {
                articleMentions += surnamesLinked
                articleMentions.sort { $0.range.lowerBound < $1.range.lowerBound }
            }
            mentions.append(articleMentions)
            quotes.append(localQuotes.map { Quote(range: $0.range, speaker: $0.speaker.flatMap(global)) })
            for index in pairs.indices {
                let pair = pairs[index]
                let (first, second) = (global(Int(pair.first)).map(Int32.init) ?? -1, global(Int(pair.second)).map(Int32.init) ?? -1)
                pairs[index] = ArticleAnalysis.EntityPair(first: min(first, second), second: max(first, second), sentences: pair.sentences)
            }
            // Linking never pairs an entity with itself, but a saved index that passed its checksum could; a work
            // is no one's pair.
            pairs.removeAll { $0.first == $0.second || $0.first < 0 }
            pairs.sort { ($0.first, $0.second) < ($1.first, $1.second) }
            if !pairs.isEmpty { pairLists.append(pairs) }
        }
        var related = Array(repeating: [RelatedEntity](), count: entities.count)
        PairSums.forEach(in: pairLists) { first, second, sentences in
            keepTop(RelatedEntity(entity: second, count: sentences), in: &related[first])
            keepTop(RelatedEntity(entity: first, count: sentences), in: &related[second])
        }
        return Corpus(articles: analyses.map(\.article), entities: entities, mentions: mentions, index: index,
                      skipped: skipped, quotes: quotes, related: related)
    }

    /// The person found in text who alone in the corpus bears each surname (by its folded word).
    private static func onlyPersonBySurname(_ entities: [Entity], catalogCount: Int) -> [String: Int] {
        var bearers: [String: Int] = [:]
        var shared: Set<String> = []
        for index in catalogCount..<entities.count where entities[index].kind == .person {
            guard let surname = entities[index].surname else { continue }
            if bearers.updateValue(index, forKey: surname) != nil { shared.insert(surname) }
        }
        for surname in shared { bearers[surname] = nil }
        return bearers
    }

    /// Puts `candidate` in its place in a list kept most often first (then by entity), at most `Corpus.relatedLimit` long.
    private static func keepTop(_ candidate: RelatedEntity, in list: inout [RelatedEntity]) {
        func precedes(_ left: RelatedEntity, _ right: RelatedEntity) -> Bool {
            left.count != right.count ? left.count > right.count : left.entity < right.entity
        }
        if list.count == Corpus.relatedLimit, let last = list.last, !precedes(candidate, last) { return }
        let place = list.firstIndex { precedes(candidate, $0) } ?? list.count
        list.insert(candidate, at: place)
        if list.count > Corpus.relatedLimit { list.removeLast() }
    }

    /// Numbers the entities found in text after the catalog's, one per folded full name across
    /// all articles; `numbering[a][i]` is the number of `links[a].found[i]`, nil for a person's name that
    /// some article calls a work's ("the film Vera Drake").
    static func numberFoundEntities(_ links: [ArticleLinks], catalog: [Entity]) -> (entities: [Entity], numbering: [[Int?]]) {
        let works = links.reduce(into: Set<String>()) { $0.formUnion($1.works) }
        var indexByKey: [String: Int] = [:]
        var firsts: [FoundEntity] = []
        // Each entity's votes for each kind, in `Entity.Kind.allCases` order: a dictionary an entity
        // took 8 MB for the 80,000 entities of a huge article.
        let kinds = Entity.Kind.allCases
        var kindVotes: [Int32] = []
        var roles: [String?] = []
        var genders: [Entity.Gender?] = []
        var numbering: [[Int?]] = []
        numbering.reserveCapacity(links.count)
        for article in links {
            numbering.append(article.found.map { found in
                let index: Int
                if let existing = indexByKey[found.key] {
                    index = existing
                } else {
                    index = firsts.count
                    indexByKey[found.key] = index
                    firsts.append(found)
                    kindVotes += repeatElement(0, count: kinds.count)
                    roles.append(nil)
                    genders.append(nil)
                }
                kindVotes[index * kinds.count + kinds.firstIndex(of: found.kind)!] += 1
                roles[index] = roles[index] ?? found.role
                genders[index] = genders[index] ?? found.gender
                return catalog.count + index
            })
        }
        // The most votes; a tie goes to the kind first in the alphabet.
        let decidedKinds = firsts.indices.map { index in
            let votes = kinds.indices.map { (kind: kinds[$0], votes: kindVotes[index * kinds.count + $0]) }
            return votes.max { ($0.votes, $1.kind.rawValue) < ($1.votes, $0.kind.rawValue) }?.kind ?? firsts[index].kind
        }
        let isWork = firsts.indices.map { decidedKinds[$0] == .person && works.contains(firsts[$0].key) }
        // One person under several names is one entity (`PersonVariants`).
        let targets = PersonVariants.targets(of: firsts.indices.map { index in
            PersonVariants.Name(key: firsts[index].key, isPerson: decidedKinds[index] == .person && !isWork[index], surname: firsts[index].surname,
                                weight: Int(kindVotes[(index * kinds.count)..<((index + 1) * kinds.count)].reduce(0, +)))
        }, catalog: catalog)
        var usedIDs = Set(catalog.map(\.id))
        // Made in place after the catalog's: the found entities are never held twice.
        var entities = catalog
        entities.reserveCapacity(catalog.count + firsts.count)
        var numbers = [Int?](repeating: nil, count: firsts.count)
        for index in firsts.indices where targets[index] == nil && !isWork[index] {
            let found = firsts[index]
            let kind = decidedKinds[index]
            var id = found.key.split(separator: " ").joined(separator: "-")
            if usedIDs.contains(id) {
                var suffix = 2
                while usedIDs.contains("\(id)-\(suffix)") { suffix += 1 }
                id = "\(id)-\(suffix)"
            }
            usedIDs.insert(id)
            let description = roles[index] ?? "\(kind.rawValue) found in the text"
            numbers[index] = entities.count
            entities.append(Entity(id: id, name: found.name, kind: kind, description: description,
                                   surname: kind == .person ? found.surname : nil, gender: genders[index], isFound: true))
        }
        // The other names join theirs as aliases, so that a lookup by any of them finds it.
        for index in firsts.indices {
            guard let target = targets[index], !isWork[index] else { continue }
            let number = switch target {
            case .found(let other): numbers[other]
            case .catalog(let entity): Optional(entity)
            }
            guard let number else { continue }
            numbers[index] = number
            let joined = entities[number]
            guard joined.name != firsts[index].name, !joined.aliases.contains(firsts[index].name) else { continue }
            entities[number] = joined.changed(aliases: joined.aliases + [firsts[index].name], gender: joined.gender ?? genders[index])
        }
        for article in numbering.indices {
            for position in numbering[article].indices {
                numbering[article][position] = numbering[article][position].flatMap { numbers[$0 - catalog.count] }
            }
        }
        return (entities, numbering)
    }

    /// The same numbering, with every article's mentions in corpus-wide numbers.
    package static func mergeFoundEntities(_ links: [ArticleLinks], catalog: [Entity]) -> ([Entity], [[Mention]]) {
        let (entities, numbering) = numberFoundEntities(links, catalog: catalog)
        let mentions = links.indices.map { position in
            links[position].mentions.map { mention in
                let global = { (local: Int) in local < catalog.count ? local : numbering[position][local - catalog.count] }
                return Mention(range: mention.range, entity: mention.entity.flatMap(global), candidates: mention.candidates.compactMap(global),
                               form: mention.form)
            }
        }
        return (entities, mentions)
    }
}
