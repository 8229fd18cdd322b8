import ArgumentParser
import DossierCore

/// Lists every mention of one entity across the articles.
struct Mentions: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List every mention of an entity, in reading order.")

    @Argument(help: "An entity id, name or alias, in any case (\"mike-pompeo\", \"Pompeo\", \"kim jong-un\").")
    var entity: String
    @Flag(help: "Print JSON: [{entity, article, line, column, text, context}].") var json = false
    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        let corpus = try corpus.loadCorpus()
        let index = try corpus.lookUpEntity(entity)
        let records = corpus.mentionsByEntity[index].map { MentionRecord(corpus, $0) }
        if json { return try Output.json(records) }
        let articles = corpus.articleCount(of: index)
        Output.line("\(corpus.entities[index].name): \(records.count) mentions in \(articles) \(articles == 1 ? "article" : "articles")")
        for record in records {
            Output.line("\(record.article):\(record.line):\(record.column): \(record.context)")
        }
    }
}
