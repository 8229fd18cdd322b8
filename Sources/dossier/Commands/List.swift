import ArgumentParser

/// Lists the articles in reading order.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the articles in reading order.")

    @Flag(help: "Print JSON: [{id, title, source, date, section, path, words, entities}].") var json = false
    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        let corpus = try corpus.loadCorpus()
        if json { return try Output.json(corpus.articles.indices.map { ArticleRecord(corpus, article: $0) }) }
        let idWidth = corpus.articles.map(\.id.count).max() ?? 0
        for index in corpus.articles.indices {
            let article = corpus.articles[index]
            let people = corpus.mentionCounts(inArticle: index)
                .filter { corpus.entities[$0.key].kind == .person }.values.reduce(0, +)
            let fields = [
                article.id.padding(toLength: idWidth, withPad: " ", startingAt: 0),
                (article.date ?? "").padding(toLength: 10, withPad: " ", startingAt: 0),
                (article.source ?? "").padding(toLength: 8, withPad: " ", startingAt: 0),
                String(people).leftPadded(to: 4),
                article.title,
            ]
            Output.line(fields.joined(separator: "  "))
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
