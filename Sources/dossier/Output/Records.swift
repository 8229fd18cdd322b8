import DossierCore
import DossierIndex
import DossierLinking
import DossierText

/// An optional that encodes as JSON null rather than vanishing, so every record has every key.
struct Nullable<Value: Encodable>: Encodable {
    let value: Value?
    init(_ value: Value?) { self.value = value }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}

struct ArticleRecord: Encodable {
    /// The id to type, which may grow by a digit as the corpus grows (`Article.id`).
    let id: String
    /// The whole id, which never changes: what a script keeps (`Article.stableID`).
    let stable: String
    let title: String
    let source: Nullable<String>
    let date: Nullable<String>
    let section: Nullable<String>
    let dateline: Nullable<String>
    let byline: Nullable<String>
    let path: String
    let words: Int
    /// text, html, feed, jsonl or csv.
    let format: String
    let url: Nullable<String>
    /// The record's or item's number in its file, from 1; null for a file of one article.
    let record: Nullable<Int>
    /// True when a feed gave only the article's summary.
    let summary: Bool
    /// When the library stored a changed version of the feed item, as its file stamp; null if never.
    let updated: Nullable<String>
    /// Linked mentions by entity id.
    let entities: [String: Int]

    init(_ corpus: Corpus, article index: Int) {
        let article = corpus.articles[index]
        id = article.id
        stable = article.stableID
        title = article.title
        source = Nullable(article.source)
        date = Nullable(article.date)
        section = Nullable(article.section)
        dateline = Nullable(article.dateline)
        byline = Nullable(article.byline)
        path = article.path
        words = article.wordCount
        format = article.format.rawValue
        url = Nullable(article.url)
        record = Nullable(article.record)
        summary = article.isSummary
        updated = Nullable(article.updated)
        entities = Dictionary(uniqueKeysWithValues: corpus.mentionCounts(inArticle: index).map { (corpus.entities[$0.key].id, $0.value) })
    }
}

struct EntityRecord: Encodable {
    struct Related: Encodable {
        let id: String
        let count: Int
    }

    let id: String
    let name: String
    let kind: String
    let description: String
    let wikidata: Nullable<String>
    /// Other names it goes by: the catalog's aliases, and the names of people merged into it ("Lord Kinnock").
    let aliases: [String]
    let mentions: Int
    let articles: Int
    /// True when Dossier found the entity in the text rather than in the catalog.
    let found: Bool
    let quotes: Int
    /// The entities most often mentioned in the same sentence, with the number of sentences.
    let related: [Related]

    init(_ corpus: Corpus, entity index: Int) {
        let entity = corpus.entities[index]
        id = entity.id
        name = entity.name
        kind = entity.kind.rawValue
        description = entity.description
        wikidata = Nullable(entity.wikidata)
        aliases = entity.aliases
        mentions = corpus.mentionsByEntity.count(of: index)
        articles = corpus.articleCount(of: index)
        found = entity.isFound
        quotes = corpus.quotesByEntity[index].count
        related = corpus.related[index].map { Related(id: corpus.entities[$0.entity].id, count: $0.count) }
    }
}

struct QuoteRecord: Encodable {
    let entity: String
    let article: String
    let line: Int
    let column: Int
    let text: String

    init(_ corpus: Corpus, _ reference: QuoteReference) {
        let article = corpus.articles[reference.article]
        let quote = corpus.quotes[reference.article][reference.quote]
        let location = article.text.location(of: quote.range.lowerBound)
        entity = quote.speaker.map { corpus.entities[$0].id } ?? ""
        self.article = article.id
        line = location.line
        column = location.column
        text = SourceText.flattened(article.text.string(quote.range))
    }
}

struct MentionRecord: Encodable {
    let entity: String
    let name: String
    let found: Bool
    let article: String
    let line: Int
    let column: Int
    let text: String
    let context: String

    /// Nil when the article no longer has the mention (the saved index was written over since it was opened).
    init?(_ corpus: Corpus, _ reference: MentionReference) {
        let article = corpus.articles[reference.article]
        guard let mention = corpus.mention(at: reference) else { return nil }
        let location = article.text.location(of: mention.range.lowerBound)
        entity = mention.entity.map { corpus.entities[$0].id } ?? ""
        name = mention.entity.map { corpus.entities[$0].name } ?? ""
        found = mention.entity.map { corpus.entities[$0].isFound } ?? false
        self.article = article.id
        line = location.line
        column = location.column
        text = article.text.string(mention.range)
        context = corpus.sentence(around: mention.range, inArticle: reference.article)
    }
}

struct ShowReport: Encodable {
    let id: String
    /// The whole id, which never changes (`Article.stableID`).
    let stable: String
    let title: String
    let source: Nullable<String>
    let date: Nullable<String>
    let section: Nullable<String>
    let dateline: Nullable<String>
    let byline: Nullable<String>
    let path: String
    let words: Int
    let paragraphs: [String]
    let mentions: [MentionEntry]

    init(_ corpus: Corpus, article index: Int) {
        let article = corpus.articles[index]
        id = article.id
        stable = article.stableID
        title = article.title
        source = Nullable(article.source)
        date = Nullable(article.date)
        section = Nullable(article.section)
        dateline = Nullable(article.dateline)
        byline = Nullable(article.byline)
        path = article.path
        words = article.wordCount
        paragraphs = article.paragraphs.indices.map(article.paragraphText)
        mentions = corpus.mentions[index].map { MentionEntry(corpus, article: index, $0) }
    }
}

/// One mention inside an article, as `show --json` and `export` write it; an ambiguous
/// mention has a null entity and its candidates.
struct MentionEntry: Encodable {
    let entity: Nullable<String>
    let candidates: [String]?
    let kind: Nullable<String>
    let found: Bool
    let line: Int
    let column: Int
    let text: String

    init(_ corpus: Corpus, article index: Int, _ mention: Mention) {
        let article = corpus.articles[index]
        let location = article.text.location(of: mention.range.lowerBound)
        let named = mention.entity.map { corpus.entities[$0] }
        entity = Nullable(named?.id)
        candidates = mention.isAmbiguous ? mention.candidates.map { corpus.entities[$0].id } : nil
        kind = Nullable(named?.kind.rawValue)
        found = named?.isFound ?? false
        line = location.line
        column = location.column
        text = article.text.string(mention.range)
    }
}
