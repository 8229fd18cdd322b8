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
/// which a tree of records would hold in memory all at once. The layout is `JSONEncoder`'s
/// (pretty, sorted keys), so that it reads like every other command's JSON.
enum SearchJSON {
    static func write(_ result: SearchResult, of corpus: any SearchableCorpus) {
        Output.jsonBytes(Array("{\n  \"articles\" : \(result.articleCount),\n  \"hits\" : [".utf8))
        var first = true
        corpus.placeHits(result.hits) { hit in
            var record: [UInt8] = Array((first ? "\n" : ",\n").utf8)
            first = false
            record += Array("    {\n      \"article\" : ".utf8) + JSONText.quoted(corpus.articles[hit.article].id)
            record += Array(",\n      \"column\" : \(hit.location.column),\n      \"line\" : \(hit.location.line),\n      \"snippet\" : ".utf8)
            record += JSONText.quoted(hit.snippet) + Array(",\n      \"text\" : ".utf8) + JSONText.quoted(hit.text)
            record += Array("\n    }".utf8)
            Output.jsonBytes(record)
        }
        Output.jsonBytes(Array("\(first ? "\n\n" : "\n")  ],\n  \"query\" : ".utf8) + JSONText.quoted(result.query.text))
        Output.jsonBytes(Array(",\n  \"ranking\" : [".utf8))
        for (position, ranked) in result.ranking.enumerated() {
            let article = corpus.articles[ranked.article]
            var record: [UInt8] = Array((position == 0 ? "\n" : ",\n").utf8)
            record += Array("    {\n      \"article\" : ".utf8) + JSONText.quoted(article.id)
            record += Array(",\n      \"matches\" : \(ranked.matches),\n      \"score\" : \(number((ranked.score * 1000).rounded() / 1000)),\n      \"title\" : ".utf8)
            record += JSONText.quoted(article.title) + Array("\n    }".utf8)
            Output.jsonBytes(record)
        }
        Output.jsonBytes(Array("\(result.ranking.isEmpty ? "\n\n" : "\n")  ],\n  \"total\" : \(result.hits.count)\n}\n".utf8))
    }

    /// A number as `JSONEncoder` writes it: whole numbers without a fraction.
    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
