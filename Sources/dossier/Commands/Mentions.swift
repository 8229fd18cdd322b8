import ArgumentParser
import DossierText

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
        let showable = ShowableArticles(corpus)
        let references = corpus.mentionsByEntity[index].filter { showable.contains($0.article) }
        let records = references.compactMap { MentionRecord(corpus, $0) }
        if json { return try Output.json(records) }
        let articles = Set(references.map(\.article)).count
        Output.line("\(corpus.entities[index].name): \(Counted.phrase(records.count, "mention")) in \(Counted.phrase(articles, "article"))")
        for record in records {
            Output.line("\(record.article):\(record.line):\(record.column): \(record.context)")
        }
    }
}
