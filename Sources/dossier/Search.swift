import ArgumentParser
import DossierCore

/// Runs a full-text query over the index.
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Search the articles.",
        discussion: """
            Words are whole words in any case; several words are a phrase; "quoted parts" are phrases \
            that must all occur in an article; a trailing * matches word beginnings (denuclear*).
            """)

    @Argument(help: "The query.") var query: String
    @Flag(help: "Print JSON: {query, total, articles, hits: [{article, line, column, text, snippet}], ranking}.") var json = false
    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        let parsed = try Query(query)
        // A search needs no links: with a saved index of the unchanged corpus, only articles and index are read.
        let corpus = try corpus.loadCorpus(purpose: .search)
        let report = SearchReport(corpus, corpus.index.search(parsed))
        if json { return try Output.json(report) }
        if report.total == 0 { return Output.line("no matches for \(query)") }
        Output.line("\(report.total) \(report.total == 1 ? "match" : "matches") in \(report.articles) \(report.articles == 1 ? "article" : "articles")")
        for hit in report.hits {
            Output.line("\(hit.article):\(hit.line):\(hit.column): \(hit.snippet)")
        }
    }
}
