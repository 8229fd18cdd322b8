import DossierFormats
import DossierIndex
import DossierLinking
import DossierPlatform
import DossierResources
import DossierText
import Foundation

/// All the articles a user opened, with every entity mention linked and every word indexed.
///
/// Articles are kept in reading order: newest first where they carry a date,
/// then the undated ones by path. Every index in this type (`articles`,
/// `mentions`, hits) counts in that order.
public final class Corpus: SearchableCorpus {
    public let articles: CorpusArticles
    public let entities: [Entity]
    /// The mentions in each article, in text order; `mentions[i]` belongs to `articles[i]`.
    public let mentions: MentionLists
    /// Every linked mention of each entity, in reading order; `mentionsByEntity[e]` belongs to `entities[e]`,
    /// and `mentionsByEntity.count(of: e)` says how many there are without reading them.
    public let mentionsByEntity: EntityMentionLists
    public let index: SearchIndex
    /// Files that were found but not loaded, with the reason.
    public let skipped: [SkippedFile]
    /// The direct quotations in each article, in text order; `quotes[i]` belongs to `articles[i]`.
    public let quotes: [[Quote]]
    /// The attributed quotations of each entity, in reading order.
    public let quotesByEntity: [[QuoteReference]]
    /// For each entity, the entities it shares sentences with most often, most often first: at
    /// most `relatedLimit`, since no view shows more, and a huge corpus has millions of pairs.
    public let related: [[RelatedEntity]]
    public static let relatedLimit = 10
    /// Linked mentions of each entity in the articles with many mentions, by entity index: counted
    /// once, since panes ask on every frame and an article may hold a million mentions. An ordinary
    /// article's are counted when asked, as a dictionary an article is most of the cost of a start.
    private let countsOfLongArticles = Locked<[Int: [Int: Int]]>([:])
    private static let countsKeptFrom = 1_000
    /// Linked mentions of people in each article, for the article list's count.
    public let personMentionCounts: [Int]
    /// How many articles mention each entity: counted once, since the entity pane says it at every frame
    /// and a person of a million-article corpus is mentioned in a hundred thousand.
    let articleCounts: [Int]

    private let entityIndexByID: [String: Int]
    private let articleIndexByStableID: [String: Int]
    /// Where the words of the article last asked about lie, for turning hits into byte ranges.
    public let wordPlaces = WordPlaces()
    /// The corpus before the user's corrections; nil when this is it.
    private let uncorrected: Corpus?
    /// The corpus as linking made it, before the user's corrections: what they apply to afresh.
    public var asLinked: Corpus { uncorrected ?? self }

    convenience init(articles: [Article], entities: [Entity], mentions: [[Mention]], index: SearchIndex, skipped: [SkippedFile],
                     quotes: [[Quote]], related: [[RelatedEntity]]) {
        self.init(articles: CorpusArticles(articles), entities: entities, mentions: MentionLists(mentions), index: index, skipped: skipped,
                  quotes: quotes, related: related)
    }

    init(articles: CorpusArticles, entities: [Entity], mentions: MentionLists, index: SearchIndex, skipped: [SkippedFile],
         quotes: [[Quote]], related: [[RelatedEntity]], gathered: EntityMentions? = nil, uncorrected: Corpus? = nil) {
        self.uncorrected = uncorrected
        self.articles = articles
        self.entities = entities
        self.mentions = mentions
        self.index = index
        self.skipped = skipped
        self.quotes = quotes
        self.related = related
        var quotesByEntity = Array(repeating: [QuoteReference](), count: entities.count)
        for (article, articleQuotes) in quotes.enumerated() {
            for (position, quote) in articleQuotes.enumerated() {
                if let speaker = quote.speaker { quotesByEntity[speaker].append(QuoteReference(article: article, quote: position)) }
            }
        }
        self.quotesByEntity = quotesByEntity
        // Saved with the merged links, for a corpus opened from its saved index.
        let gathered = gathered ?? EntityMentions(gathering: mentions, entities: entities)
        mentionsByEntity = gathered.byEntity
        articleCounts = gathered.articleCounts
        personMentionCounts = gathered.personCounts
        entityIndexByID = Dictionary(uniqueKeysWithValues: entities.enumerated().map { ($1.id, $0) })
        // A saved index finds an id by binary search on its own table; a table of a million ids would be a tenth of a reader's memory.
        articleIndexByStableID = articles.areReadFromSavedIndex
            ? [:] : Dictionary(articles.enumerated().map { ($1.stableID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: - Looking things up

    public func entityIndex(id: String) -> Int? { entityIndexByID[id] }

    /// Finds an entity by id, name or alias in any case and spelling of hyphens;
    /// a surname alone finds its bearer, or reports all of them when there are several.
    public func lookUpEntity(_ text: String) throws -> Int {
        let key = EntityKey(text)
        if let exact = entityIndexByID[text] { return exact }
        let named = entities.indices.filter { index in
            let entity = entities[index]
            return ([entity.id, entity.name] + entity.aliases).contains { EntityKey($0) == key }
        }
        if named.count == 1 { return named[0] }
        let bearers = named.isEmpty
            ? entities.indices.filter { entities[$0].surname.map(EntityKey.init) == key }
            : named
        if bearers.count == 1 { return bearers[0] }
        if bearers.isEmpty { throw DossierError.unknownEntity(text) }
        // As in linking: a surname the catalog marks as one person's on its own ("Trump") names that person.
        let unambiguous = bearers.filter { entities[$0].surnameUnambiguous }
        if unambiguous.count == 1 { return unambiguous[0] }
        // "blair" where the corpus mentions Tony Blair 525 times and two other Blairs a handful: the one bearer
        // mentioned at least ten times as often as all the others together is whom a reader means.
        let counts = bearers.map { mentionsByEntity.count(of: $0) }
        if let most = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[most] >= 10,
           counts[most] >= 10 * (counts.reduce(0, +) - counts[most]) {
            return bearers[most]
        }
        throw DossierError.ambiguousEntity(text, candidates: bearers.map { "\(entities[$0].id) (\(entities[$0].name))" })
    }

    /// Finds an article by id (or the start of its id or stable id); by its file's name, with `#N` for
    /// record N of a feed or dataset ("desk#2"), as ids were once made (`LegacyArticleIDs`); or by words
    /// that all occur in its title. Text that fits several articles lists them, each with its title.
    public func lookUpArticle(_ text: String) throws -> Int {
        if let exact = articleIndex(stableID: text) ?? articles.firstIndex(where: { $0.id == text }) { return exact }
        let lowered = text.lowercased()
        if let folded = articles.firstIndex(where: { $0.id.lowercased() == lowered }) { return folded }
        let prefixed = articles.indices.filter { articles[$0].stableID.lowercased().hasPrefix(lowered) }
        if prefixed.count == 1 { return prefixed[0] }
        if prefixed.isEmpty, let filed = LegacyArticleIDs(self).articleIndex(text) { return filed }
        let wanted = Set(EntityKey(text).words)
        let titled = wanted.isEmpty ? [] : articles.indices.filter { wanted.isSubset(of: EntityKey(articles[$0].title).words) }
        if prefixed.isEmpty, titled.count == 1 { return titled[0] }
        if let whole = titled.first(where: { EntityKey(articles[$0].title) == EntityKey(text) }) { return whole }
        let candidates = prefixed + titled.filter { !prefixed.contains($0) }
        if candidates.isEmpty { throw DossierError.unknownArticle(text) }
        throw DossierError.ambiguousArticle(text, candidates: candidates.map { "\(articles[$0].id) (\(DossierError.shortened(articles[$0].title)))" })
    }

    /// The article whose stable id this is: what saved state and corrections name articles by.
    public func articleIndex(stableID: String) -> Int? {
        articles.areReadFromSavedIndex ? articles.savedArticle(stableID: stableID) : articleIndexByStableID[stableID]
    }

    /// How many linked mentions of each entity an article holds, by entity index.
    public func mentionCounts(inArticle article: Int) -> [Int: Int] {
        let articleMentions = mentions[article]
        func counted() -> [Int: Int] {
            var counts: [Int: Int] = [:]
            for mention in articleMentions { if let entity = mention.entity { counts[entity, default: 0] += 1 } }
            return counts
        }
        guard articleMentions.count >= Self.countsKeptFrom else { return counted() }
        if let kept = countsOfLongArticles.withLock({ $0[article] }) { return kept }
        let counts = counted()
        countsOfLongArticles.withLock { $0[article] = counts }
        return counts
    }

    /// The mention a reference names; nil when its article no longer has it (a saved index found damaged
    /// since the reference was read).
    public func mention(at reference: MentionReference) -> Mention? {
        let articleMentions = mentions[reference.article]
        return reference.mention < articleMentions.count ? articleMentions[reference.mention] : nil
    }

    /// Why links read from the saved index since it was opened could not be believed, in a line naming its file;
    /// nil while none failed (and for a corpus held in memory).
    public var linkDamage: String? { mentions.damage ?? mentionsByEntity.damage }

    /// How many articles mention an entity at least once.
    public func articleCount(of entity: Int) -> Int { articleCounts[entity] }

    /// The sentence around a mention or match, on one line.
    public func sentence(around range: Range<Int>, inArticle article: Int) -> String {
        let text = articles[article].text
        return SourceText.spacedOnOneLine(text.string(sentenceRange(around: range, inArticle: article)))
    }

    /// The byte range of the sentence that holds `range`.
    public func sentenceRange(around range: Range<Int>, inArticle article: Int) -> Range<Int> {
        guard let container = articles[article].contentRanges.first(where: { $0.contains(range.lowerBound) }) else {
            return range
        }
        // Look only near the offset: a paragraph can be megabytes long, and no sentence is.
        let reach = 2_000
        let window = max(container.lowerBound, range.lowerBound - reach)..<min(container.upperBound, range.upperBound + reach)
        return SentenceSplitter.sentences(in: articles[article].text.bytes, range: window)
            .first { $0.contains(range.lowerBound) } ?? window
    }
}
