import ArgumentParser
import DossierText

/// Lists what one person is quoted as saying.
struct Quotes: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the direct quotations attributed to an entity, in reading order.")

    @Argument(help: "An entity id, name or alias, in any case.") var entity: String
    @Flag(help: "Print JSON: [{entity, article, line, column, text}].") var json = false
    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        let corpus = try corpus.loadCorpus()
        let index = try corpus.lookUpEntity(entity)
        let showable = ShowableArticles(corpus)
        let records = corpus.quotesByEntity[index].filter { showable.contains($0.article) }.map { QuoteRecord(corpus, $0) }
        if json { return try Output.json(records) }
        Output.line("\(corpus.entities[index].name): \(Counted.phrase(records.count, "quote"))")
        for record in records {
            Output.line("\(record.article):\(record.line):\(record.column): “\(record.text)”")
        }
    }
}
