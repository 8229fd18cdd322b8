import DossierIndex
import DossierLinking
import DossierText

/// Applies a user's corrections to a corpus as linking made it, in their order, and makes the
/// corrected corpus: its articles and index are the same, and only entities, mentions, quotes and
/// shared sentences change. Nothing is linked or indexed again, so a correction costs a pass over
/// the mentions, however large the corpus.
///
/// Entities are named by their full name (or id, or an alias) folded as `EntityKey` folds it. A
/// merged entity's names become its target's aliases, so that lookups by the old name still find it.
struct CorrectionWork {
    private let base: Corpus
    private var entities: [Entity]
    /// What each entity became: itself, the entity it was merged into, or `removed`.
    private var redirect: [Int]
    private static let removed = -1
    /// Entities by each folded name, id and alias they answer to.
    private var byKey: [String: [Int]] = [:]
    /// The mentions each entity holds now, for splitting names off it.
    private var mentionsOf: [[MentionReference]]
    /// Mentions split off into another entity, by article and then by position.
    private var movedMentions: [Int: [Int: Int]] = [:]
    /// Quotes given another speaker, or `removed` for nobody.
    private var speakers: [QuoteReference: Int] = [:]
    private var usedIDs: Set<String>
    /// Articles by the ids corrections name them by, made when the first speaker correction asks.
    private var legacyIDs: LegacyArticleIDs?
    /// For each correction, whether it found anything to change in this corpus.
    private(set) var applied: [Bool] = []

    init(_ base: Corpus) {
        self.base = base
        entities = base.entities
        redirect = Array(base.entities.indices)
        mentionsOf = Array(base.mentionsByEntity)
        usedIDs = Set(base.entities.map(\.id))
        for (index, entity) in base.entities.enumerated() { remember(index, answeringTo: [entity.id, entity.name] + entity.aliases) }
    }

    mutating func apply(_ correction: Correction) {
        switch correction {
        case .kind(let name, let kind): applied.append(changeKind(of: name, to: kind))
        case .merge(let name, let into): applied.append(merge(name, into: into))
        case .split(let name, let from): applied.append(split(name, from: from))
        case .speaker(let article, let quote, let speaker): applied.append(setSpeaker(of: quote, in: article, to: speaker))
        }
    }

    // MARK: - Each kind of correction

    private mutating func changeKind(of name: String, to kind: Entity.Kind?) -> Bool {
        let found = entities(named: name)
        for entity in found {
            if let kind {
                entities[entity] = entities[entity].changed(kind: kind)
            } else {
                redirect[entity] = Self.removed
                mentionsOf[entity] = []
            }
        }
        return !found.isEmpty
    }

    private mutating func merge(_ name: String, into target: String) -> Bool {
        let sources = entities(named: name)
        guard let first = sources.first else { return false }
        let kept: Int
        if let existing = mostMentioned(entities(named: target)) {
            kept = existing
        } else {
            // No entity goes by the target's name: the merge renames.
            kept = first
            let old = entities[first]
            entities[first] = old.changed(name: target, aliases: old.aliases + [old.name])
            remember(first, answeringTo: [target])
        }
        for source in sources where source != kept {
            redirect[source] = kept
            mentionsOf[kept] += mentionsOf[source]
            mentionsOf[source] = []
            let merged = entities[source]
            entities[kept] = entities[kept].changed(aliases: entities[kept].aliases + [merged.name] + merged.aliases)
        }
        return sources != [kept]
    }

    private mutating func split(_ name: String, from: String) -> Bool {
        let key = Self.folded(name)
        var target: Int?
        for source in entities(named: from) {
            var kept: [MentionReference] = []
            for reference in mentionsOf[source] {
                guard let mention = base.mention(at: reference) else { continue }
                guard Self.folded(base.articles[reference.article].text.string(mention.range)) == key else {
                    kept.append(reference)
                    continue
                }
                let entity = target ?? entityNamed(name, kind: entities[source].kind, besides: source)
                target = entity
                movedMentions[reference.article, default: [:]][reference.mention] = entity
                mentionsOf[entity].append(reference)
            }
            mentionsOf[source] = kept
        }
        return target != nil
    }

    private mutating func setSpeaker(of quote: String, in articleID: String, to speaker: String?) -> Bool {
        guard let reference = quoteReference(startingWith: quote, in: articleID) else { return false }
        speakers[reference] = speaker.map { entityNamed($0, kind: .person, besides: nil) } ?? Self.removed
        return true
    }

    // MARK: - Finding and making entities

    /// The entities that answer to `name` now, each followed to what it was merged into.
    private func entities(named name: String) -> [Int] {
        var found: [Int] = []
        for entity in byKey[Self.folded(name)] ?? [] {
            let now = current(entity)
            if now != Self.removed, !found.contains(now) { found.append(now) }
        }
        return found
    }

    /// The entity named `name` (other than `besides`), made when there is none.
    private mutating func entityNamed(_ name: String, kind: Entity.Kind, besides: Int?) -> Int {
        if let existing = mostMentioned(entities(named: name).filter { $0 != besides }) { return existing }
        let key = Self.folded(name)
        var id = key.split(separator: " ").joined(separator: "-")
        if usedIDs.contains(id) {
            var suffix = 2
            while usedIDs.contains("\(id)-\(suffix)") { suffix += 1 }
            id = "\(id)-\(suffix)"
        }
        usedIDs.insert(id)
        let words = name.split(separator: " ")
        entities.append(Entity(id: id, name: name, kind: kind, description: "\(kind.rawValue) named by a correction",
                               surname: kind == .person && words.count > 1 ? words.last.map(String.init) : nil, isFound: true))
        redirect.append(entities.count - 1)
        mentionsOf.append([])
        remember(entities.count - 1, answeringTo: [id, name])
        return entities.count - 1
    }

    private func mostMentioned(_ candidates: [Int]) -> Int? {
        candidates.max { (mentionsOf[$0].count, $1) < (mentionsOf[$1].count, $0) }
    }

    private mutating func remember(_ entity: Int, answeringTo names: [String]) {
        for name in names {
            let key = Self.folded(name)
            if !key.isEmpty, byKey[key]?.contains(entity) != true { byKey[key, default: []].append(entity) }
        }
    }

    /// Where an entity stands now: followed through every merge, or `removed`.
    private func current(_ entity: Int) -> Int {
        var entity = entity
        while entity != Self.removed, redirect[entity] != entity { entity = redirect[entity] }
        return entity
    }

    static func folded(_ name: String) -> String { EntityKey(name).words.joined(separator: " ") }

    /// The quotation of an article whose words, spaced as on one line, begin with `quote`'s.
    private mutating func quoteReference(startingWith quote: String, in articleID: String) -> QuoteReference? {
        // A correction names its article by stable id; one saved before ids were stable, by the id it had then.
        if legacyIDs == nil { legacyIDs = LegacyArticleIDs(base) }
        guard let article = legacyIDs?.articleIndex(articleID) else { return nil }
        let wanted = SourceText.spacedOnOneLine(quote)
        guard !wanted.isEmpty else { return nil }
        let text = base.articles[article].text
        let position = base.quotes[article].firstIndex { SourceText.spacedOnOneLine(text.string($0.range)).hasPrefix(wanted) }
        return position.map { QuoteReference(article: article, quote: $0) }
    }

    // MARK: - The corrected corpus

    /// The corpus with every correction applied.
    func corpus() -> Corpus {
        var numbers = Array(repeating: Self.removed, count: entities.count)
        var kept: [Entity] = []
        for index in entities.indices where redirect[index] == index {
            numbers[index] = kept.count
            kept.append(entities[index])
        }
        func final(_ entity: Int) -> Int? {
            let now = current(entity)
            return now == Self.removed ? nil : numbers[now]
        }
        let mentions = base.mentions.indices.map { article in correctedMentions(of: article, final: final) }
        let quotes = base.quotes.enumerated().map { article, quotes in
            quotes.enumerated().map { position, quote in
                let speaker = speakers[QuoteReference(article: article, quote: position)] ?? quote.speaker
                return Quote(range: quote.range, speaker: speaker.flatMap { $0 == Self.removed ? nil : final($0) })
            }
        }
        return Corpus(articles: base.articles, entities: kept, mentions: MentionLists(mentions), index: base.index, skipped: base.skipped,
                      quotes: quotes, related: correctedRelated(count: kept.count, final: final), uncorrected: base)
    }

    /// An article's mentions renumbered: those of removed entities dropped, an ambiguous one whose
    /// candidates became one entity linked to it. The article's own list when nothing in it changed.
    private func correctedMentions(of article: Int, final: (Int) -> Int?) -> [Mention] {
        let original = base.mentions[article]
        let moved = movedMentions[article] ?? [:]
        var corrected: [Mention] = []
        corrected.reserveCapacity(original.count)
        var changed = false
        for (position, mention) in original.enumerated() {
            if let linked = mention.entity {
                guard let entity = final(moved[position] ?? linked) else {
                    changed = true
                    continue
                }
                changed = changed || entity != linked
                corrected.append(entity == linked ? mention : Mention(range: mention.range, entity: entity, candidates: [], form: mention.form))
            } else {
                var candidates: [Int] = []
                for candidate in mention.candidates {
                    if let entity = final(candidate), !candidates.contains(entity) { candidates.append(entity) }
                }
                guard !candidates.isEmpty else {
                    changed = true
                    continue
                }
                changed = changed || candidates != mention.candidates
                corrected.append(candidates.count == 1
                    ? Mention(range: mention.range, entity: candidates[0], candidates: [], form: mention.form)
                    : Mention(range: mention.range, entity: nil, candidates: candidates, form: mention.form))
            }
        }
        return changed ? corrected : original
    }

    /// Each entity's most frequent companions, summed over the entities merged into it; an entity
    /// a split made starts with none, since which sentences its mentions share is not kept.
    private func correctedRelated(count: Int, final: (Int) -> Int?) -> [[RelatedEntity]] {
        var sums = Array(repeating: [Int: Int](), count: count)
        for (entity, related) in base.related.enumerated() {
            guard let owner = final(entity) else { continue }
            for companion in related {
                guard let other = final(companion.entity), other != owner else { continue }
                sums[owner][other, default: 0] += companion.count
            }
        }
        return sums.map { counts in
            counts.map { RelatedEntity(entity: $0.key, count: $0.value) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.entity < $1.entity }
                .prefix(Corpus.relatedLimit)
                .map { $0 }
        }
    }
}

extension Corpus {
    /// This corpus as linking made it, with `corrections` applied in their order; `applied` says,
    /// for each, whether it found anything to change here.
    public func corrected(by corrections: [Correction]) -> (corpus: Corpus, applied: [Bool]) {
        let linked = asLinked
        guard !corrections.isEmpty else { return (linked, []) }
        var work = CorrectionWork(linked)
        for correction in corrections { work.apply(correction) }
        return (work.corpus(), work.applied)
    }
}
