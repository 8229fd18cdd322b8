import ArgumentParser

/// Writes every article with every mention, for scripts that study the whole corpus.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print every article's mentions as JSON: [{article, path, mentions: [{entity, kind, found, line, column, text}]}].")

    @OptionGroup var corpus: CorpusOptions

    struct ArticleMentions: Encodable {
        let article: String
        let path: String
        let mentions: [MentionEntry]
    }

    func run() throws {
        let corpus = try corpus.loadCorpus()
        let showable = ShowableArticles(corpus)
        try Output.json(corpus.articles.indices.filter(showable.contains).map { index in
            let article = corpus.articles[index]
            return ArticleMentions(article: article.id, path: article.path,
                                   mentions: corpus.mentions[index].map { MentionEntry(corpus, article: index, $0) })
        })
    }
}
