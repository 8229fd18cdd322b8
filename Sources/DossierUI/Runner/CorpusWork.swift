import DossierCore
import DossierFormats
import DossierIndex

/// Performs the effects that read the corpus (its articles' files, its index), which `update`
/// leaves to the runner, and says what came of each.
///
/// Each reads what it needs from the state that asked for it; the result names that state's
/// corpus, so that `update` drops a result meant for a corpus it has since replaced.
public enum CorpusWork {
    /// What came of `effect`, done now on this thread; nil for an effect that does not read the
    /// corpus (quitting, drawing, links, fetches) or that no longer applies to the state.
    public static func outcome(of effect: Effect, for state: AppState) -> Outcome? {
        let corpus = state.corpus
        switch effect {
        case .readText(let article):
            guard corpus.articles.indices.contains(article) else { return nil }
            return .textRead(ArticleContent(reading: corpus.articles[article], index: article, of: corpus))
        case .readAlone(let article):
            guard corpus.articles.indices.contains(article) else { return nil }
            return .textRead(readAlone(article, of: corpus))
        case .finishLayout(let key):
            guard let content = state.reader.content, content.corpus === corpus, content.index == key.article else { return nil }
            return layOut(content, for: key)
        case .placeMatches(let article, let query):
            guard let search = state.reader.search, search.result.query == query else { return nil }
            let hits = ReaderPane.hits(of: search.result.hits, inArticle: article)
            return .matchesPlaced(PlacedMatches(corpus: corpus, article: article, query: query, ranges: hits.map(corpus.byteRange(of:))))
        case .search(let text, let movingReader):
            return .searchFinished(search(text, movingReader: movingReader, in: corpus))
        case .gatherDossier(let entity):
            return .dossierGathered(DossierView.Content(gathering: entity, in: corpus))
        case .quit, .draw, .redrawAll, .openLink, .fetchFeeds, .fetchFeed, .correct:
            return nil
        }
    }

    /// True for the effects this performs: those that read the corpus.
    public static func handles(_ effect: Effect) -> Bool {
        switch effect {
        case .quit, .draw, .redrawAll, .openLink, .fetchFeeds, .fetchFeed, .correct: false
        case .readText, .readAlone, .finishLayout, .placeMatches, .search, .gatherDossier: true
        }
    }

    /// The open file of a corpus still being indexed, read and parsed on its own.
    public static func readAlone(_ article: Int, of corpus: Corpus) -> ArticleContent {
        let placeholder = corpus.articles[article]
        let alone = ArticleParser.readAlone(path: placeholder.path, id: placeholder.id)
        return ArticleContent(reading: alone, index: article, of: corpus)
    }

    /// An article wrapped whole at a layout key's width.
    public static func layOut(_ content: ArticleContent, for key: ReaderState.LayoutKey) -> Outcome {
        .laidOut(ReaderLayout(content: content, width: key.width), for: key)
    }

    static func search(_ text: String, movingReader: Bool, in corpus: Corpus) -> SearchFinding {
        // The query parsed when it was submitted; the same text parses the same way.
        guard let query = try? Query(text) else {
            return SearchFinding(corpus: corpus, query: text, movingReader: movingReader, hits: [], articleCount: 0, damage: nil)
        }
        let result = corpus.index.search(query)
        return SearchFinding(corpus: corpus, query: text, movingReader: movingReader, hits: result.hits,
                             articleCount: result.articleCount, damage: corpus.index.damage)
    }
}
