import ArgumentParser
import DossierCore
import DossierIndex
import DossierText
import Foundation

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
        var corpus = try self.corpus.loadForSearch()
        var result = corpus.index.search(parsed)
        // Reads the matching articles from the saved index (the only ones a search decodes).
        var changed = corpus.articlesChangedSinceIndexed(among: result.hits)
        if let damage = corpus.savedIndexDamage {
            // A piece of the saved index failed its check as it was read: nothing it gave is used.
            Output.warning(damage + "; rebuilding it")
            self.corpus.discardSavedIndex()
            corpus = try self.corpus.loadForSearch()
            result = corpus.index.search(parsed)
            changed = corpus.articlesChangedSinceIndexed(among: result.hits)
        }
        // Matches in a file that changed since it was indexed cannot be shown, so they are not counted either.
        if !changed.isEmpty {
            let showable = ShowableArticles(corpus)
            result = SearchResult(query: result.query, hits: result.hits.filter { showable.contains($0.article) },
                                  ranking: result.ranking.filter { showable.contains($0.article) })
        }
        if json { return SearchJSON.write(result, of: corpus) }
        if result.hits.isEmpty { return Output.line("no matches for \(DossierError.shortened(query))") }
        let total = result.hits.count
        Output.line(Counted.phrase(total, "match", plural: "matches") + " in " + Counted.phrase(result.articleCount, "article"))
        corpus.placeHits(result.hits) { hit in
            Output.line("\(corpus.articles[hit.article].id):\(hit.location.line):\(hit.location.column): \(hit.snippet)")
        }
    }
}

/// `search --json`, written a hit at a time: a common word in a huge corpus has millions of hits,
/// which a tree of records would hold in memory all at once.
enum SearchJSON {
    static func write(_ result: SearchResult, of corpus: any SearchableCorpus) {
        var json = Output.jsonWriter()
        json.beginObject()
        json.key("articles")
        json.number(result.articleCount)
        json.key("hits")
        json.beginArray()
        corpus.placeHits(result.hits) { hit in
            json.beginObject()
            json.key("article")
            json.string(corpus.articles[hit.article].id)
            json.key("column")
            json.number(hit.location.column)
            json.key("line")
            json.number(hit.location.line)
            json.key("snippet")
            json.string(hit.snippet)
            json.key("text")
            json.string(hit.text)
            json.end()
        }
        json.end()
        json.key("query")
        json.string(result.query.text)
        json.key("ranking")
        json.beginArray()
        for ranked in result.ranking {
            let article = corpus.articles[ranked.article]
            json.beginObject()
            json.key("article")
            json.string(article.id)
            json.key("matches")
            json.number(ranked.matches)
            json.key("score")
            json.number((ranked.score * 1000).rounded() / 1000)
            json.key("title")
            json.string(article.title)
            json.end()
        }
        json.end()
        json.key("total")
        json.number(result.hits.count)
        json.end()
        Output.endJSON()
    }
}
