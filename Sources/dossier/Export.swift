import ArgumentParser
import DossierCore

/// Writes every article with every mention, for scripts that study the whole corpus.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print every article's mentions as JSON: [{article, path, mentions: [{entity, kind, found, line, column, text}]}].")

    @OptionGroup var corpus: CorpusOptions

    struct ArticleMentions: Encodable {
        struct Entry: Encodable {
            let entity: Nullable<String>
            let candidates: [String]?
            let kind: Nullable<String>
            let found: Bool
            let line: Int
            let column: Int
            let text: String
        }

        let article: String
        let path: String
        let mentions: [Entry]
    }

    func run() throws {
        let corpus = try corpus.loadCorpus()
        try Output.json(corpus.articles.indices.map { index in
            let article = corpus.articles[index]
            return ArticleMentions(article: article.id, path: article.path, mentions: corpus.mentions[index].map { mention in
                let location = article.text.location(of: mention.range.lowerBound)
                let entity = mention.entity.map { corpus.entities[$0] }
                return .init(
                    entity: Nullable(entity?.id), candidates: mention.isAmbiguous ? mention.candidates.map { corpus.entities[$0].id } : nil,
                    kind: Nullable(entity?.kind.rawValue), found: entity?.isFound ?? false,
                    line: location.line, column: location.column, text: article.text.string(mention.range))
            })
        })
    }
}
