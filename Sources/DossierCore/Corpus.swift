import Foundation

/// All the articles a user opened, with every entity mention linked and every word indexed.
///
/// Articles are kept in reading order: newest first where they carry a date,
/// then the undated ones by path. Every index in this type (`articles`,
/// `mentions`, hits) counts in that order.
public final class Corpus: Sendable {
    public let articles: [Article]
    public let entities: [Entity]
    /// The mentions in each article, in text order; `mentions[i]` belongs to `articles[i]`.
    public let mentions: [[Mention]]
    /// Every linked mention of each entity, in reading order; `mentionsByEntity[e]` belongs to `entities[e]`.
    public let mentionsByEntity: [[MentionReference]]
    public let index: SearchIndex
    /// Files that were found but not loaded, with the reason.
    public let skipped: [SkippedFile]
    /// The direct quotations in each article, in text order; `quotes[i]` belongs to `articles[i]`.
    public let quotes: [[Quote]]
    /// The attributed quotations of each entity, in reading order.
    public let quotesByEntity: [[QuoteReference]]
    /// For each entity, the entities it shares sentences with, most often first.
    public let related: [[RelatedEntity]]
    /// Linked mentions of each entity in each article, by entity index; computed once, since
    /// panes ask for them on every frame and an article may hold a million mentions.
    private let countsByArticle: [[Int: Int]]

    private let entityIndexByID: [String: Int]

    init(articles: [Article], entities: [Entity], mentions: [[Mention]], index: SearchIndex, skipped: [SkippedFile],
         attributionVerbs: Set<String>) {
        self.articles = articles
        self.entities = entities
        self.mentions = mentions
        self.index = index
        self.skipped = skipped
        let quoteFinder = QuoteFinder(entities: entities, attributionVerbs: attributionVerbs)
        let quotes = articles.indices.map { quoteFinder.quotes(in: articles[$0], mentions: mentions[$0]) }
        self.quotes = quotes
        var quotesByEntity = Array(repeating: [QuoteReference](), count: entities.count)
        for (article, articleQuotes) in quotes.enumerated() {
            for (position, quote) in articleQuotes.enumerated() {
                if let speaker = quote.speaker { quotesByEntity[speaker].append(QuoteReference(article: article, quote: position)) }
            }
        }
        self.quotesByEntity = quotesByEntity
        related = Corpus.coOccurrences(articles: articles, mentions: mentions, entityCount: entities.count)
        countsByArticle = mentions.map { articleMentions in
            var counts: [Int: Int] = [:]
            for mention in articleMentions { if let entity = mention.entity { counts[entity, default: 0] += 1 } }
            return counts
        }
        var byEntity = Array(repeating: [MentionReference](), count: entities.count)
        for (article, articleMentions) in mentions.enumerated() {
            for (position, mention) in articleMentions.enumerated() {
                if let entity = mention.entity { byEntity[entity].append(MentionReference(article: article, mention: position)) }
            }
        }
        mentionsByEntity = byEntity
        entityIndexByID = Dictionary(uniqueKeysWithValues: entities.enumerated().map { ($1.id, $0) })
    }

    // MARK: - Loading

    /// Loads the articles under `paths` (files and folders), or the bundled articles when `paths` is empty.
    ///
    /// Files that are empty or not text are skipped and reported through `warn`,
    /// as are unreadable files inside folders; a path that does not exist or cannot
    /// be read is an error, and so is a set of paths that holds no article at all.
    public static func load(paths: [String], catalog: EntityCatalog? = nil, gazetteer: Gazetteer? = nil,
                            warn: (String) -> Void = { _ in }) throws -> Corpus {
        let paths = try paths.isEmpty ? [BundledResources.articlesURL().path] : paths
        let catalog = try catalog ?? EntityCatalog.bundled()
        let gazetteer = try gazetteer ?? Gazetteer.bundled()
        let files = try ArticleFile.find(in: paths, warn: warn)
        let directlyNamed = Set(paths)
        let ids = articleIDs(for: files)
        let linker = EntityLinker(entities: catalog.entities, gazetteer: gazetteer)

        let loaded = files.indices.parallelMap { index -> Result<LoadedArticle, SkippedFile> in
            let file = files[index]
            let data: [UInt8]
            do {
                data = try FileReader.bytes(of: file.path)
            } catch let error as DossierError {
                let reason = if case .unreadable(_, let why) = error { why } else { "it cannot be read" }
                return .failure(SkippedFile(path: file.path, reason: reason, isFatal: directlyNamed.contains(file.path)))
            } catch {
                return .failure(SkippedFile(path: file.path, reason: "it cannot be read", isFatal: directlyNamed.contains(file.path)))
            }
            switch TextSniffer.verdict(for: data) {
            case .empty: return .failure(SkippedFile(path: file.path, reason: "it is empty"))
            case .binary(let why): return .failure(SkippedFile(path: file.path, reason: "it is not text (\(why))"))
            case .text: break
            }
            let (article, tokenRuns) = ArticleParser.parseWithTokens(SourceText(decoding: data), id: ids[index], path: file.path)
            let links = linker.link(article.text, tokenRuns: tokenRuns, hasHeadline: article.headlineRange != nil)
            // Only the index needs the words from here on, and it needs them small.
            return .success(LoadedArticle(article: article, tokens: CompactTokens(runs: tokenRuns), links: links))
        }

        var articles: [LoadedArticle] = []
        var skipped: [SkippedFile] = []
        for result in loaded {
            switch result {
            case .success(let article): articles.append(article)
            case .failure(let skip):
                if skip.isFatal { throw DossierError.unreadable(skip.path, reason: skip.reason) }
                skipped.append(skip)
                warn("skipped \(skip.path): \(skip.reason)")
            }
        }
        guard !articles.isEmpty else { throw DossierError.noArticles(paths) }
        articles.sort { readsBefore($0.article, $1.article) }

        var index = SearchIndex()
        for position in articles.indices {
            index.add(articles[position].tokens)
            // Tokens are the largest thing a load holds; each article's go as soon as they are indexed.
            articles[position].tokens = CompactTokens(runs: [])
        }
        index.finish()
        let (entities, mentions) = mergeFoundEntities(articles.map(\.links), catalog: catalog.entities)
        return Corpus(articles: articles.map(\.article), entities: entities,
                      mentions: mentions, index: index, skipped: skipped, attributionVerbs: gazetteer.attributionVerbs)
    }

    private struct LoadedArticle: Sendable {
        let article: Article
        var tokens: CompactTokens
        let links: ArticleLinks
    }

    /// Numbers the entities found in text after the catalog's, one per folded full name across
    /// all articles, and turns every article's mentions into mentions of those numbers.
    public static func mergeFoundEntities(_ links: [ArticleLinks], catalog: [Entity]) -> ([Entity], [[Mention]]) {
        var indexByKey: [String: Int] = [:]
        var firsts: [FoundEntity] = []
        var kindVotes: [[Entity.Kind: Int]] = []
        var roles: [String?] = []
        var genders: [Entity.Gender?] = []
        for article in links {
            for found in article.found {
                let index: Int
                if let existing = indexByKey[found.key] {
                    index = existing
                } else {
                    index = firsts.count
                    indexByKey[found.key] = index
                    firsts.append(found)
                    kindVotes.append([:])
                    roles.append(nil)
                    genders.append(nil)
                }
                kindVotes[index][found.kind, default: 0] += 1
                roles[index] = roles[index] ?? found.role
                genders[index] = genders[index] ?? found.gender
            }
        }
        var usedIDs = Set(catalog.map(\.id))
        let foundEntities = firsts.indices.map { index -> Entity in
            let found = firsts[index]
            let kind = kindVotes[index].max { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }?.key ?? found.kind
            var id = found.key.split(separator: " ").joined(separator: "-")
            if usedIDs.contains(id) {
                var suffix = 2
                while usedIDs.contains("\(id)-\(suffix)") { suffix += 1 }
                id = "\(id)-\(suffix)"
            }
            usedIDs.insert(id)
            let description = roles[index] ?? "\(kind.rawValue) found in the text"
            return Entity(id: id, name: found.name, kind: kind, description: description,
                          surname: kind == .person ? found.surname : nil, gender: genders[index], isFound: true)
        }
        let mentions = links.map { article -> [Mention] in
            func global(_ target: ArticleLinks.Target) -> Int {
                switch target {
                case .catalog(let index): index
                case .found(let local): catalog.count + indexByKey[article.found[local].key]!
                }
            }
            return article.mentions.map { mention in
                Mention(range: mention.range, entity: mention.target.map(global),
                        candidates: mention.candidates.map(global), form: mention.form)
            }
        }
        return (catalog + foundEntities, mentions)
    }

    /// Newest first where dated, then undated by path.
    static func readsBefore(_ left: Article, _ right: Article) -> Bool {
        switch (left.date, right.date) {
        case let (leftDate?, rightDate?) where leftDate != rightDate: return leftDate > rightDate
        case (.some, nil): return true
        case (nil, .some): return false
        default: return left.path < right.path
        }
    }

    /// File names without extension; where two files share one, their relative paths.
    static func articleIDs(for files: [ArticleFile]) -> [String] {
        func stripped(_ path: String) -> String { (path as NSString).deletingPathExtension }
        let names = files.map { stripped(($0.relativePath as NSString).lastPathComponent) }
        var counts: [String: Int] = [:]
        for name in names { counts[name, default: 0] += 1 }
        var used = Set<String>()
        return files.indices.map { index in
            var id = counts[names[index]] == 1 ? names[index] : stripped(files[index].relativePath)
            if used.contains(id) {
                var suffix = 2
                while used.contains("\(id)~\(suffix)") { suffix += 1 }
                id = "\(id)~\(suffix)"
            }
            used.insert(id)
            return id
        }
    }

    /// Counts, for every pair of entities, the sentences that mention both.
    static func coOccurrences(articles: [Article], mentions: [[Mention]], entityCount: Int) -> [[RelatedEntity]] {
        var counts = Array(repeating: [Int: Int](), count: entityCount)
        for (index, article) in articles.enumerated() where !mentions[index].isEmpty {
            var position = 0
            let articleMentions = mentions[index]
            for range in article.contentRanges {
                for sentence in SentenceSplitter.sentences(in: article.text.bytes, range: range) {
                    var present = Set<Int>()
                    while position < articleMentions.count, articleMentions[position].range.lowerBound < sentence.upperBound {
                        if articleMentions[position].range.lowerBound >= sentence.lowerBound, let entity = articleMentions[position].entity {
                            present.insert(entity)
                        }
                        position += 1
                    }
                    for entity in present {
                        for other in present where other != entity { counts[entity][other, default: 0] += 1 }
                    }
                }
            }
        }
        return counts.map { entityCounts in
            entityCounts.map { RelatedEntity(entity: $0.key, count: $0.value) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.entity < $1.entity }
        }
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
        throw DossierError.ambiguousEntity(text, candidates: bearers.map { "\(entities[$0].id) (\(entities[$0].name))" })
    }

    /// Finds an article by id (or the start of one id), or by words that all occur in its title.
    public func lookUpArticle(_ text: String) throws -> Int {
        if let exact = articles.firstIndex(where: { $0.id == text }) { return exact }
        if let folded = articles.firstIndex(where: { $0.id.lowercased() == text.lowercased() }) { return folded }
        let prefixed = articles.indices.filter { articles[$0].id.hasPrefix(text) }
        if prefixed.count == 1 { return prefixed[0] }
        let wanted = Set(EntityKey(text).words)
        guard !wanted.isEmpty else { throw DossierError.unknownArticle(text) }
        let matching = articles.indices.filter { wanted.isSubset(of: EntityKey(articles[$0].title).words) }
        if matching.count == 1 { return matching[0] }
        if matching.isEmpty { throw DossierError.unknownArticle(text) }
        if let whole = matching.first(where: { EntityKey(articles[$0].title) == EntityKey(text) }) { return whole }
        throw DossierError.ambiguousArticle(text, candidates: matching.map { articles[$0].id })
    }

    /// How many linked mentions of each entity an article holds, by entity index.
    public func mentionCounts(inArticle article: Int) -> [Int: Int] { countsByArticle[article] }

    /// How many articles mention an entity at least once.
    public func articleCount(of entity: Int) -> Int {
        var articles = Set<Int>()
        for reference in mentionsByEntity[entity] { articles.insert(reference.article) }
        return articles.count
    }

    /// The sentence around a mention or match, on one line.
    public func sentence(around range: Range<Int>, inArticle article: Int) -> String {
        let text = articles[article].text
        return SourceText.flattened(text.string(sentenceRange(around: range, inArticle: article)))
            .split(separator: " ").joined(separator: " ")
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

/// Where one mention stands: `corpus.mentions[article][mention]`.
public struct MentionReference: Sendable, Hashable {
    public let article: Int
    public let mention: Int

    public init(article: Int, mention: Int) {
        self.article = article
        self.mention = mention
    }
}

/// Where one quotation stands: `corpus.quotes[article][quote]`.
public struct QuoteReference: Sendable, Hashable {
    public let article: Int
    public let quote: Int
}

/// An entity mentioned in the same sentence as another, and how many sentences they share.
public struct RelatedEntity: Sendable, Hashable {
    public let entity: Int
    public let count: Int
}

/// A file that was found but not loaded.
public struct SkippedFile: Sendable, Equatable, Error {
    public let path: String
    public let reason: String
    /// True when the user named the file directly, so that failing to read it is an error.
    var isFatal = false
}

/// A name folded for comparison: words of the tokenizer, so case, hyphens and apostrophes do not matter.
struct EntityKey: Equatable {
    let words: [String]

    init(_ text: String) {
        let bytes = Array(text.utf8)
        words = Tokenizer.tokens(in: bytes, range: 0..<bytes.count).map(\.term)
    }
}
